"""One settings object: defaults < config file < SITREP_ environment variables < CLI flags.

Every setting is declared once, with its name, default and help, in ``SETTINGS``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sitrep.engines import AUTO_MIN_ITEMS
from sitrep.errors import UsageError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "sitrep.db", "database: a SQLite path or a postgresql:// URL"),
    Setting(
        "engine", "auto",
        f"execution engine: auto | local | processes | dask (auto: processes for {AUTO_MIN_ITEMS}+ documents"
        " on 2+ cores, else local)",
    ),
    Setting("workers", 0, "workers for the processes/dask engines (0 = number of cores)"),
    Setting("scheduler", "", "Dask scheduler address (tcp://host:8786); empty = a LocalCluster"),
    Setting("batch_size", 64, "documents per batch shipped to an engine"),
    Setting("max_doc_chars", 2_000_000, "longest article text kept (characters); longer input is cut"),
    Setting("near_dup_threshold", 0.7, "estimated Jaccard similarity above which a document is a copy"),
    Setting("resolve", True, "resolve events into incidents during ingest"),
    Setting("host", "127.0.0.1", "address sitrep serve binds to"),
    Setting("port", 8765, "port sitrep serve listens on"),
    Setting("token", "", "write token for sitrep serve (empty = read-only)"),
    Setting("watch_interval", 300.0, "seconds between polls in sitrep watch"),
    Setting("gazetteer_dir", "", "user gazetteer layer directory (empty = $XDG_DATA_HOME/sitrep/gazetteer)"),
    Setting("theatre", "", "ISO2 countries a desk follows, comma-separated (empty = from the documents themselves)"),
)


@dataclass(frozen=True, slots=True)
class Settings:
    db: str = "sitrep.db"
    engine: str = "auto"
    workers: int = 0
    scheduler: str = ""
    batch_size: int = 64
    max_doc_chars: int = 2_000_000
    near_dup_threshold: float = 0.7
    resolve: bool = True
    host: str = "127.0.0.1"
    port: int = 8765
    token: str = ""
    watch_interval: float = 300.0
    gazetteer_dir: str = ""
    theatre: str = ""

    @property
    def theatre_codes(self) -> tuple[str, ...]:
        """The ``theatre`` setting as ISO2 codes ("SO, KE" -> ("SO", "KE"))."""
        codes = tuple(c.strip().upper() for c in self.theatre.split(",") if c.strip())
        bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
        if bad:
            raise UsageError(f"setting 'theatre': not ISO2 country codes: {', '.join(bad)}")
        return codes

    def merged(self, **overrides: Any) -> Settings:
        """Apply overrides that are not None (e.g. CLI flags)."""
        return replace(self, **{k: _coerce(k, v) for k, v in overrides.items() if v is not None})


def _coerce(name: str, value: Any) -> Any:
    default = next((s.default for s in SETTINGS if s.name == name), None)
    if default is None:
        raise UsageError(f"unknown setting {name!r}")
    try:
        if isinstance(default, bool):
            if isinstance(value, str):
                if value.lower() in {"1", "true", "yes", "on"}:
                    return True
                if value.lower() in {"0", "false", "no", "off"}:
                    return False
                raise ValueError(value)
            return bool(value)
        return type(default)(value)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"setting {name!r}: cannot use {value!r} ({type(default).__name__} expected)") from exc


def config_path() -> Path | None:
    """The config file: $SITREP_CONFIG, else ./sitrep.toml, else ~/.config/sitrep/config.toml."""
    env = os.environ.get("SITREP_CONFIG")
    if env:
        return Path(env)
    for p in (Path("sitrep.toml"), Path.home() / ".config" / "sitrep" / "config.toml"):
        if p.is_file():
            return p
    return None


def load_settings(path: Path | None = None, env: dict[str, str] | None = None, **flags: Any) -> Settings:
    """Defaults < config file < SITREP_* environment < flags."""
    settings = Settings()
    path = path if path is not None else config_path()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise UsageError(f"config file not found: {path}") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"config file {path} is not valid TOML: {exc}") from exc
        section = data.get("sitrep", data)
        known = {f.name for f in fields(Settings)}
        unknown = set(section) - known
        if unknown:
            raise UsageError(f"config file {path}: unknown settings {', '.join(sorted(unknown))}")
        settings = settings.merged(**section)
    environ: Mapping[str, str] = os.environ if env is None else env
    from_env = {
        s.name: environ[f"SITREP_{s.name.upper()}"] for s in SETTINGS if f"SITREP_{s.name.upper()}" in environ
    }
    settings = settings.merged(**from_env)
    return settings.merged(**flags)
