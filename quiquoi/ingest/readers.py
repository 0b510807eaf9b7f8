"""Inputs -> articles: .txt files, folders of them, JSON Lines (.gz too), HTML pages, stdin.

Every problem with one input becomes a BadInput naming the input and the reason; the
reader goes on with the rest.
"""
from __future__ import annotations

import gzip
import json
import sys
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Iterator

MAX_CHARS = 1_000_000          # spaCy's default max_length: longer texts are refused, not cut
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}


@dataclass
class InputArticle:
    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str = ""                       # file (and line) it came from
    warnings: list[str] = field(default_factory=list)
    heading: str | None = None             # a standfirst/summary given beside the text (not coded)


@dataclass
class BadInput:
    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def parse_date(value) -> date | None:
    """A publication date from ISO text ("2016-05-24", "2016-05-24T10:00:00Z") or None."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"unreadable date {value!r} (expected YYYY-MM-DD)") from None


# byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one)
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(raw: bytes) -> tuple[str | None, str | None]:
    """(text, warning) for bytes that hold text, (None, reason) for bytes that do not."""
    if not raw.strip():
        return None, "empty input"
    # UTF-16/32 (Windows "Unicode" exports) say so with a byte-order mark; their NUL bytes
    # are no sign of binary content
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as exc:
                return None, f"undecodable bytes ({codec} by its byte-order mark: {exc.reason} at byte {exc.start})"
            if "\x00" in text or not text.strip():
                return None, "binary content, not text" if text.strip() else "empty input"
            return text, None
    if b"\x00" in raw[:4096]:
        return None, "binary content (NUL bytes), not text"
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    # Old French sites still serve Windows-1252 / Latin-1: decode it, but say so.
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None, f"undecodable bytes (not UTF-8: {utf8_error.reason} at byte {utf8_error.start})"
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text) / 100:
        return None, "binary content, not text"
    return text, "not UTF-8; decoded as Windows-1252"


def check_text(article: InputArticle, max_chars: int = MAX_CHARS) -> str | None:
    """The reason an article cannot be coded, or None."""
    if not article.text or not article.text.strip():
        return "empty text"
    if len(article.text) > max_chars:
        return f"too large ({len(article.text):,} characters; the limit is {max_chars:,})"
    return None


def read_inputs(paths: Iterable[str], published: date | None = None) -> Iterator[InputArticle | BadInput]:
    """Articles and bad inputs, in input order. '-' reads JSON Lines from standard input."""
    for p in paths:
        if p == "-":
            yield from read_jsonl_lines(sys.stdin, "<stdin>", published)
            continue
        path = Path(p)
        if path.is_dir():
            files = sorted(f for f in path.rglob("*") if f.is_file() and input_kind(f) is not None)
            if not files:
                yield BadInput(str(path), "folder holds no .txt, .jsonl or .html files")
            for f in files:
                yield from read_file(f, published)
        elif path.exists():
            yield from read_file(path, published)
        else:
            yield BadInput(str(path), "no such file or folder")


def input_kind(path: Path) -> str | None:
    """text | jsonl | jsonl.gz | html, from the file name; None for other files in a folder."""
    name = path.name.lower()
    suffix = path.suffix.lower()
    if suffix == ".gz":
        return "jsonl.gz" if Path(name[:-3]).suffix in JSONL_SUFFIXES else None
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in TEXT_SUFFIXES:
        return "text"
    return None


def read_file(path: Path, published: date | None) -> Iterator[InputArticle | BadInput]:
    kind = input_kind(path)
    if kind == "jsonl.gz":
        # streamed: a corpus of tens of thousands of articles is never held in memory
        yield from _read_jsonl_gz(path, published)
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield BadInput(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if kind == "html":
        from quiquoi.ingest.html import read_html

        yield read_html(raw, str(path), published)
        return
    if kind == "jsonl":
        text, why = decode(raw)
        if text is None:
            yield BadInput(str(path), why)
            return
        yield from read_jsonl_lines(text.splitlines(), str(path), published)
        return
    text, why = decode(raw)
    if text is None:
        yield BadInput(str(path), why)
        return
    name = path.name
    for suffix in (".txt", ".text", ".fr", ".en"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    yield InputArticle(id=name, text=text, published=published, origin=str(path),
                       warnings=[why] if why else [])


def _read_jsonl_gz(path: Path, published: date | None) -> Iterator[InputArticle | BadInput]:
    def lines() -> Iterator[str]:
        with gzip.open(path, "rb") as fh:
            for raw in fh:
                try:
                    yield raw.decode("utf-8")
                except UnicodeDecodeError:
                    yield raw.decode("cp1252", errors="replace")

    n = 0
    try:
        for item in read_jsonl_lines(lines(), str(path), published):
            n += 1
            yield item
    except (OSError, EOFError, zlib.error) as exc:
        yield BadInput(f"{path}:{n + 1}", f"unreadable gzip data, the rest of the file is skipped: "
                                          f"{getattr(exc, 'strerror', None) or exc}")


def read_jsonl_lines(lines: Iterable[str], origin: str, published: date | None,
                     first_line: int = 1) -> Iterator[InputArticle | BadInput]:
    """Articles from JSON Lines; `first_line` numbers the first of `lines` (a chunk of a
    larger file keeps the file's line numbers in its origins and default ids)."""
    for n, line in enumerate(lines, first_line):
        where = f"{origin}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BadInput(where, f"malformed JSON ({exc.msg} at column {exc.colno}); truncated line?")
            continue
        if not isinstance(obj, dict):
            yield BadInput(where, "a JSON line must be an object with at least 'text'")
            continue
        text = obj.get("text") or obj.get("article")
        if not isinstance(text, str):
            yield BadInput(where, "no 'text' string in the object")
            continue
        try:
            pub = parse_date(obj.get("published") or obj.get("date")) or published
        except ValueError as exc:
            yield BadInput(where, str(exc))
            continue
        ident = obj.get("id")
        yield InputArticle(
            id=str(ident) if ident not in (None, "") else f"{Path(origin).name}:{n}", text=text, published=pub,
            title=_str(obj.get("title")), url=_str(obj.get("url")), source=_str(obj.get("source")),
            language=_str(obj.get("language")), origin=where,
            heading=_str(obj.get("heading") or obj.get("summary")),
        )


def _str(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
