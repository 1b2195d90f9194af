"""One exception tree: every error sitrep raises on purpose derives from SitrepError."""

from __future__ import annotations


class SitrepError(Exception):
    """Base class; the CLI turns these into a one-line message and exit code."""

    exit_code = 1


class UsageError(SitrepError):
    """Bad options or arguments (exit code 2)."""

    exit_code = 2


class InputError(SitrepError):
    """One input (file, line, feed item) could not be read; the batch goes on."""


class StoreError(SitrepError):
    """The database could not be opened, migrated or written."""


class MissingExtraError(SitrepError):
    """An optional dependency is not installed."""

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {module!r}: install it with "
            f"`pip install 'sitrep[{extra}]'`"
        )
        self.module = module
        self.extra = extra


def require(module: str, extra: str) -> object:
    """Import an optional dependency or raise MissingExtraError with the install hint."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(module, extra) from exc
