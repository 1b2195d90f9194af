#!/usr/bin/env bash
# Every dev-set scorer in ../shared/tools on the current tree, one summary line each (the scorer's last line).
# Usage: bash benchmarks/run_scorers.sh [OUT_DIR]   (full outputs go to OUT_DIR, default out/scorers)
# Needs ../shared beside the repository; each scorer extracts with `python -m sitrep` from this tree.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=$root/../shared
out=${1:-out/scorers}
mkdir -p "$out"
py=$root/.venv/bin/python
[ -x "$py" ] || py=python3
export PYTHONPATH=$root/src
cmd="$py -m sitrep"
tools=$shared/tools
run() {  # name, scorer, args...
    local name=$1; shift
    "$py" "$tools/$1" --sitrep "$cmd" "${@:2}" > "$out/$name.txt" 2>&1
    printf '%-14s %s\n' "$name" "$(tail -n 1 "$out/$name.txt")"
}
run seeds score_seeds.py
run articles_dev score_articles.py --data "$shared/eval/articles_dev/gold.yaml"
run articles_2 score_articles.py --data "$root/benchmarks/articles_fakes2/gold.yaml"
run acled_2018 score_acled.py
run somalia_2025 score_acled.py --data "$shared/eval/dev/acled_2025_somalia.csv"
run wikievents score_wikievents.py
run incidents score_incidents.py
run lgl score_geo.py
run geovirus score_geo.py --data "$shared/eval/dev/geoparsing/GeoVirus.jsonl"
run dates score_dates.py
