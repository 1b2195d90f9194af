from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.config import SETTINGS, Settings, load_settings
from sitrep.errors import UsageError


def test_every_setting_is_declared_once_with_help() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert set(names) == set(Settings.__dataclass_fields__)
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
