from __future__ import annotations

import ast
from pathlib import Path

import pytest

from sitrep.config import SETTINGS, Settings, default, load_settings
from sitrep.errors import UsageError

SRC = Path(__file__).resolve().parents[1] / "src" / "sitrep"


def test_every_setting_is_declared_once_with_help() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert set(names) == set(Settings.model_fields)
    assert all(s.help for s in SETTINGS)
    assert all(getattr(Settings(), s.name) == s.default for s in SETTINGS)


def test_precedence_defaults_file_env_flags(tmp_path: Path) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text('[sitrep]\ndb = "from-file.db"\nbatch_size = 10\nengine = "processes"\n', encoding="utf-8")
    s = load_settings(cfg, env={"SITREP_BATCH_SIZE": "20", "SITREP_RESOLVE": "false"}, engine="local")
    assert s.db == "from-file.db"  # file beats default
    assert s.batch_size == 20  # env beats file
    assert s.resolve is False
    assert s.engine == "local"  # flag beats everything
    assert load_settings(cfg, env={}, db=None).db == "from-file.db"  # an unset flag changes nothing


def test_engine_defaults_to_auto_and_any_explicit_choice_wins(tmp_path: Path) -> None:
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    assert Settings().engine == "auto"
    assert load_settings(empty, env={}).engine == "auto"
    assert load_settings(empty, env={"SITREP_ENGINE": "local"}).engine == "local"
    assert load_settings(empty, env={"SITREP_ENGINE": "local"}, engine="processes").engine == "processes"
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text('engine = "local"\n', encoding="utf-8")
    assert load_settings(cfg, env={}).engine == "local"


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    cfg = tmp_path / "bad.toml"
    cfg.write_text("db = [unclosed", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid TOML"):
        load_settings(cfg, env={})
    cfg.write_text('colour = "blue"\n', encoding="utf-8")
    with pytest.raises(UsageError, match="unknown settings colour"):
        load_settings(cfg, env={})
    with pytest.raises(UsageError, match="batch_size"):
        load_settings(None, env={"SITREP_BATCH_SIZE": "many"})


def test_every_setting_is_read_somewhere() -> None:
    """Each setting is read as ``s.NAME`` / ``settings.NAME`` outside config.py (none is declared and ignored)."""
    read: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path.name == "config.py" and path.parent == SRC:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in (
                "s", "settings"
            ):
                read.add(node.attr)
    read |= {name.removesuffix("_codes") for name in read}  # a setting read through its parsed form
    assert {s.name for s in SETTINGS} - read == set()


def test_defaults_are_written_once() -> None:
    """Code that runs without a Settings object takes the declared default instead of repeating it."""
    from sitrep.documents import DEFAULT_THRESHOLD, MAX_TEXT_CHARS
    from sitrep.pipeline import Pipeline

    assert MAX_TEXT_CHARS == default("max_doc_chars") == Settings().max_doc_chars
    assert default("near_dup_threshold") == DEFAULT_THRESHOLD
    kw = Pipeline.__init__.__kwdefaults__ or {}
    assert (kw["batch_size"], kw["resolve"]) == (default("batch_size"), default("resolve"))
    for name, src in (("host", "serve/__init__.py"), ("port", "serve/__init__.py")):
        assert repr(default(name)) not in (SRC / src).read_text(encoding="utf-8"), name


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"SITREP_PORT": "70000"}, "port"),
        ({"SITREP_PORT": "0"}, "port"),
        ({"SITREP_BATCH_SIZE": "0"}, "batch_size"),
        ({"SITREP_WORKERS": "-1"}, "workers"),
        ({"SITREP_NEAR_DUP_THRESHOLD": "1.5"}, "near_dup_threshold"),
        ({"SITREP_NEAR_DUP_THRESHOLD": "0"}, "near_dup_threshold"),
        ({"SITREP_MAX_DOC_CHARS": "10"}, "max_doc_chars"),
        ({"SITREP_WATCH_INTERVAL": "-5"}, "watch_interval"),
        ({"SITREP_ENGINE": "gpu"}, "engine"),
        ({"SITREP_RESOLVE": "perhaps"}, "resolve"),
    ],
)
def test_out_of_range_values_are_usage_errors(env: dict[str, str], setting: str) -> None:
    with pytest.raises(UsageError, match=setting):
        load_settings(None, env=env)


def test_out_of_range_in_a_file_or_flag(tmp_path: Path) -> None:
    cfg = tmp_path / "sitrep.toml"
    cfg.write_text("[sitrep]\nbatch_size = 100000\n", encoding="utf-8")
    with pytest.raises(UsageError, match="batch_size"):
        load_settings(cfg, env={})
    with pytest.raises(UsageError, match="port"):
        load_settings(None, env={}, port=99999)


def test_token_is_not_in_the_repr() -> None:
    assert "s3cret" not in repr(load_settings(None, env={"SITREP_TOKEN": "s3cret"}))


def test_max_doc_chars_limits_ingested_documents(tmp_path: Path) -> None:
    """The setting reaches the documents: a long article is cut at max_doc_chars, not at a fixed number."""
    from sitrep.ingest import RawArticle
    from sitrep.pipeline import Pipeline
    from sitrep.store import open_store

    sentence = "Government forces shelled the town of Kafr Nabl in southern Idlib on Tuesday. "
    raw = RawArticle(text=sentence * 100, origin="long.txt")
    store = open_store(str(tmp_path / "s.db"))
    try:
        Pipeline(store, resolve=False, max_doc_chars=2_000).ingest_raw([raw])
        (doc,) = store.documents()
        assert len(doc.text) <= 2_000 < len(raw.text)
    finally:
        store.close()
