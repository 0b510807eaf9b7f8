"""Query results on the terminal (rich tables) or as csv / json / parquet."""
from __future__ import annotations

import json
import sys

import pandas as pd

from quiquoi.store.queries import _records

FORMATS = ("table", "csv", "json", "parquet")


def write_frame(df: pd.DataFrame, fmt: str, output: str | None = None, title: str | None = None,
                columns: list[str] | None = None) -> None:
    if fmt == "parquet":
        if not output:
            raise ValueError("--format parquet needs --output FILE")
        df.to_parquet(output, index=False)
        return
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    try:
        if fmt == "csv":
            df.to_csv(out, index=False)
        elif fmt == "json":
            out.write(json.dumps(_records(df), ensure_ascii=False, default=str) + "\n")
        else:
            _table(df[columns] if columns and not df.empty else df, title, out)
    finally:
        if output:
            out.close()


def write_object(obj, fmt: str, output: str | None = None) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=None if fmt == "json" else 2, default=str)
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    else:
        sys.stdout.write(text + "\n")


TEXT_CHARS = 160       # sentences are cut in tables; csv/json/parquet keep them whole


def _cell(v, cut: int | None = None) -> str:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
        return ""
    if isinstance(v, float):
        return f"{v:.2f}"
    if hasattr(v, "isoformat"):
        text = v.isoformat()
        # a DATE comes back from pandas as a midnight timestamp: show the day alone
        return text[:10] if text[11:19] in ("", "00:00:00") else text[:19].replace("T", " ")
    if isinstance(v, (list, tuple)) or hasattr(v, "tolist"):
        return ", ".join(map(str, list(v)))
    v = str(v)
    return v if cut is None or len(v) <= cut else v[: cut - 1] + "…"


def _table(df: pd.DataFrame, title: str | None, out) -> None:
    from rich.console import Console
    from rich.table import Table

    # a pipe gets a wide table rather than columns folded letter by letter
    console = Console(file=out, width=None if out.isatty() else 220)
    table = Table(title=title, show_lines=False, header_style="bold")
    for col in df.columns:
        numeric = pd.api.types.is_numeric_dtype(df[col]) and not pd.api.types.is_bool_dtype(df[col])
        wide = col == "text"
        table.add_column(str(col), justify="right" if numeric else "left", no_wrap=not wide,
                         overflow="fold" if wide else "ellipsis", min_width=30 if wide else None)
    for row in df.itertuples(index=False):
        table.add_row(*(_cell(v, TEXT_CHARS if col == "text" else None) for v, col in zip(row, df.columns)))
    console.print(table)
    if df.empty:
        console.print("(no rows)")


# spans of an article's records, drawn over its text
STYLES = {"trigger": "bold red", "source": "underline bold blue", "target": "underline magenta",
          "quote": "italic green", "speaker": "bold cyan"}


def print_article(art: dict, out=None) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out or sys.stdout)
    head = f"[bold]{art.get('title') or art['article_id']}[/bold]  ({art['article_id']}, {art.get('published') or 'no date'})"
    console.print(head)
    if art.get("url"):
        console.print(art["url"])
    text = Text(art["text"])
    for q in art["quotes"]:
        _style(text, q.get("start"), q.get("end"), STYLES["quote"])
        _style(text, q.get("speaker_start"), q.get("speaker_end"), STYLES["speaker"])
    for e in art["events"]:
        _style(text, e.get("source_start"), e.get("source_end"), STYLES["source"])
        _style(text, e.get("target_start"), e.get("target_end"), STYLES["target"])
        _style(text, e.get("trigger_start"), e.get("trigger_end"), STYLES["trigger"])
    console.print(text)
    legend = "  ".join(f"[{style}]{name}[/]" for name, style in STYLES.items())
    console.print(f"\n{legend}\n")
    for e in art["events"]:
        shared = f" ({e['n_articles']} articles)" if (e.get("n_articles") or 1) > 1 else ""
        console.print(f"event {e['event_id']}{shared}: {e['type']} {e['cameo']} "
                      f"{e.get('source_code') or '?'} ({e.get('source_name') or '-'}) -> "
                      f"{e.get('target_code') or '?'} ({e.get('target_name') or '-'}) "
                      f"«{e.get('trigger_text')}» {e.get('date') or ''} {e.get('modality')}"
                      f"{' negated' if e.get('negated') else ''}", markup=False, highlight=False)
    for q in art["quotes"]:
        console.print(f"quote ({q['kind']}) {q.get('speaker_name') or '?'}: «{q['text'][:120]}»",
                      markup=False, highlight=False)


def _style(text, start, end, style: str) -> None:
    if start is None or end is None:
        return
    start, end = int(start), int(end)
    if 0 <= start < end <= len(text):
        text.stylize(style, start, end)
