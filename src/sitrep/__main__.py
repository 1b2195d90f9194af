from sitrep.cli import run

run()
