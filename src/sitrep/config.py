"""One settings object: defaults < config file < SITREP_ environment variables < CLI flags.

Every setting is declared once, with its name, default, allowed range and help, as a field of the pydantic
model ``Settings``; every layer is checked against it (a port of 70000 or a batch size of 0 is a usage error
naming the setting). ``SETTINGS`` lists the declarations for the docs.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from sitrep.engines import AUTO_MIN_ITEMS, ENGINE_NAMES
from sitrep.errors import UsageError


class Settings(BaseModel):
    """Every setting, declared once: its default, its allowed range and its help (the field description)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    db: str = Field(default="sitrep.db", min_length=1, description="database: a SQLite path or a postgresql:// URL")
    engine: str = Field(
        default="auto",
        description=f"execution engine: auto | local | processes | dask (auto: processes for {AUTO_MIN_ITEMS}+"
        " documents on 2+ cores, else local)",
    )
    workers: int = Field(
        default=0, ge=0, le=1024, description="workers for the processes/dask engines (0 = number of cores)"
    )
    scheduler: str = Field(default="", description="Dask scheduler address (tcp://host:8786); empty = a LocalCluster")
    batch_size: int = Field(default=64, ge=1, le=10_000, description="documents per batch shipped to an engine")
    max_doc_chars: int = Field(
        default=1_000_000, ge=1_000, le=100_000_000,
        description="longest article text kept (characters); longer input is cut",
    )
    near_dup_threshold: float = Field(
        default=0.7, gt=0.0, le=1.0, description="estimated Jaccard similarity above which a document is a copy"
    )
    resolve: bool = Field(default=True, description="resolve events into incidents during ingest")
    host: str = Field(default="127.0.0.1", min_length=1, description="address sitrep serve binds to")
    port: int = Field(default=8765, ge=1, le=65_535, description="port sitrep serve listens on")
    token: str = Field(default="", repr=False, description="write token for sitrep serve (empty = read-only)")
    watch_interval: float = Field(
        default=300.0, gt=0.0, le=86_400.0, description="seconds between polls in sitrep watch"
    )
    gazetteer_dir: str = Field(
        default="", description="user gazetteer layer directory (empty = $XDG_DATA_HOME/sitrep/gazetteer)"
    )
    theatre: str = Field(
        default="", description="ISO2 countries a desk follows, comma-separated (empty = from the documents themselves)"
    )

    @property
    def theatre_codes(self) -> tuple[str, ...]:
        """The ``theatre`` setting as ISO2 codes ("SO, KE" -> ("SO", "KE"))."""
        codes = tuple(c.strip().upper() for c in self.theatre.split(",") if c.strip())
        bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
        if bad:
            raise UsageError(f"setting 'theatre': not ISO2 country codes: {', '.join(bad)}")
        return codes

    @field_validator("engine")
    @classmethod
    def _known_engine(cls, value: str) -> str:
        if value not in ENGINE_NAMES:
            raise ValueError(f"choose {', '.join(ENGINE_NAMES)}")
        return value

    def merged(self, **overrides: Any) -> Settings:
        """Apply overrides that are not None (e.g. CLI flags), checked against each setting's type and range."""
        unknown = set(overrides) - set(Settings.model_fields)
        if unknown:
            raise UsageError(f"unknown setting {', '.join(sorted(unknown))}")
        values = {**self.model_dump(), **{k: v for k, v in overrides.items() if v is not None}}
        try:
            return Settings.model_validate(values)
        except ValidationError as exc:
            err = exc.errors()[0]
            name = ".".join(str(x) for x in err["loc"])
            raise UsageError(f"setting {name!r}: cannot use {err.get('input')!r} ({err['msg']})") from exc


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


# The declarations above as (name, default, help), for the CLI reference and the docs.
SETTINGS: tuple[Setting, ...] = tuple(
    Setting(name, f.default, f.description or "") for name, f in Settings.model_fields.items()
)


def default(name: str) -> Any:
    """The declared default of one setting (for code that runs without a Settings object)."""
    return Settings.model_fields[name].default


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
        known = set(Settings.model_fields)
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
