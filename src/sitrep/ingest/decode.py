"""Bytes -> text: encoding detection that never raises on bad bytes, and binary sniffing."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Magic numbers of formats that are certainly not articles we can read.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF file (convert it to text first)"),
    (b"PK\x03\x04", "a ZIP archive or Office document (unpack or convert it first)"),
    (b"\x1f\x8b", "a gzip archive (unpack it first)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (convert it to text first)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can read."""


def sniff_binary(head: bytes) -> str | None:
    """Why ``head`` (the first bytes of a file) is not text, or None if it may be text."""
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = head[:8192]
    if b"\x00" in sample:
        return "a binary file (it contains NUL bytes)"
    if sample:
        control = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if control / len(sample) > 0.1:
            return "a binary file (mostly control bytes)"
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode ``data`` to text; return (text, encoding). Raise NotText for binary data.

    UTF-8 (with or without BOM) and UTF-16/32 with BOM are taken as they are; anything else
    is detected with charset-normalizer (windows-1256 Arabic, latin-1/windows-1252, ...).
    Bytes that do not fit the detected encoding are replaced, never fatal.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    why = sniff_binary(data[:8192])
    if why:
        raise NotText(why)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if mostly_utf8(data):
        return data.decode("utf-8", errors="replace"), "utf-8"
    enc = _guess_legacy(data[:262144])
    return data.decode(enc, errors="replace"), enc


def mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few stray bytes (a damaged file), not a legacy code page.

    True when the data holds valid multi-byte UTF-8 sequences and the invalid bytes are rare:
    at most one per 1,000 bytes and fewer than the valid multi-byte characters.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    return multibyte > 0 and bad <= max(1, len(data) // 1000) and bad < multibyte


_WESTERN_PUNCT = frozenset("’‘“”„–—…«»°€£§©®·•")


def _guess_legacy(sample: bytes) -> str:
    """A single-byte or legacy encoding for bytes that are not UTF-8.

    Mostly-ASCII text whose other bytes all read as Latin-1 letters or common typographic
    marks in windows-1252 is taken as windows-1252 (Western European news, where detectors
    often guess a Central European code page from a handful of accents); anything else goes
    to charset-normalizer (windows-1256 Arabic, KOI8-R, Shift-JIS, ...).
    """
    non_ascii = sum(1 for b in sample if b > 127)
    if 0 < non_ascii <= 0.1 * len(sample):
        text = sample.decode("windows-1252", errors="replace")
        if all(ch.isalpha() or ch in _WESTERN_PUNCT for ch in text if ord(ch) > 127):
            return "windows-1252"
    best = from_bytes(sample).best()
    if best is None:
        return "windows-1252"
    try:
        codecs.lookup(best.encoding)
    except LookupError:
        return "windows-1252"
    return best.encoding


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file from its first bytes (``sample`` may end inside a character)."""
    for bom, enc in _BOMS:
        if sample.startswith(bom):
            return enc
    why = sniff_binary(sample[:8192])
    if why:
        raise NotText(why)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "utf-8" if mostly_utf8(sample) else _guess_legacy(sample)
