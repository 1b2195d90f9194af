"""What the readers hand on: one raw article, or one input that could not be read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as a reader found it, before cleaning, splitting and dating.

    ``text`` is plain text, or HTML when ``is_html`` is true (``sitrep.documents.prepare``
    extracts the article from it). ``published`` is the metadata date exactly as the source
    wrote it (feed ``pubDate``, CSV column, Telegram ``date``), or None; it is parsed later.
    ``origin`` says where the article came from: a path or URL, with ``#row``/``#item`` when
    one file holds many articles.
    """

    text: str
    origin: str
    title: str | None = None
    source: str | None = None  # outlet, feed title or channel name
    url: str | None = None
    published: str | None = None
    is_html: bool = False
    language: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)  # other columns / fields, as strings


@dataclass(frozen=True, slots=True)
class IngestError:
    """One input (file, row, feed item, URL) that could not be read, with a one-line reason."""

    origin: str
    message: str

    def __post_init__(self) -> None:
        # one line, whatever the input put into the message (column names, parser text)
        one_line = " ".join(str(self.message).split())
        object.__setattr__(self, "message", (one_line[:500] + "…") if len(one_line) > 500 else one_line or "unreadable")

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"
