"""The package version, in one place (read by the CLI, the brief, the OpenAPI document and the fetcher)."""

__version__ = "0.1.0"
