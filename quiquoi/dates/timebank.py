"""Evaluate the time-expression resolver against the French TimeBank.

The French TimeBank (Bittar et al., 2011; LGPL-LR) is *not* shipped with
quiquoi: point :func:`evaluate_timebank` at a local copy (the folder holding
``Data/*.tml``, or the ``Data`` folder itself).

For every document the inline tags are stripped to recover the plain text and
the character offsets of each gold TIMEX3; the document creation time (the
TIMEX3 with functionInDocument="CREATION_TIME") is the publication date.

Figures:
  * span recall: gold DATE TIMEX3s overlapped by a predicted expression;
  * precision: predicted expressions overlapping a gold DATE or TIME TIMEX3
    (a TIME gold such as "mardi soir" = 1999-05-18TEV is a correct find);
    "precision vs any TIMEX3" also accepts DURATION/SET golds ("depuis deux
    ans" is a DURATION in TimeML, a starting point for quiquoi);
  * value accuracy: among matched gold DATEs whose value is a calendar value
    (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www; a TIME suffix "T..." is dropped),
    the share whose predicted value agrees at the gold's granularity.  Gold
    values with unspecified digits (XXXX-06, 196X), seasons (1999-SU) and
    PRESENT_REF/PAST_REF/FUTURE_REF are counted as "not comparable".
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .resolver import TimeExpr, TimeResolver
from .tense import directed

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_CALENDAR = re.compile(r"^(\d{4})(?:-(W\d{2}|\d{2})(?:-(\d{2}))?)?$")

DEFAULT_FOLDER = Path(__file__).resolve().parents[3] / "shared" / "eval" / "fr-timebank"


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


def parse_tml(raw: str) -> tuple[str, dt.date | None, list[GoldTimex]]:
    """Plain text of the <TEXT> element, the DCT and the gold TIMEX3s."""
    dct = None
    m = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    if m is None:
        m = re.search(r'<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})"[^>]*functionInDocument="CREATION_TIME"', raw)
    if m:
        dct = dt.date.fromisoformat(m.group(1))
    body_match = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    body = body_match.group(1) if body_match else raw
    out: list[str] = []
    length = 0
    golds: list[GoldTimex] = []
    open_timex: list[tuple[int, dict]] = []
    pos = 0
    for t in _TAG.finditer(body):
        chunk = html.unescape(body[pos:t.start()])
        out.append(chunk)
        length += len(chunk)
        pos = t.end()
        closing, name, attrs, selfclosing = t.groups()
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((length, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            golds.append(GoldTimex(start, length, "", a.get("type", ""), a.get("value", "")))
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    for g in golds:
        g.text = text[g.start:g.end]
    return text, dct, golds


def _gold_key(value: str) -> tuple[str, str] | None:
    """(granularity, normalised value) for a calendar gold value, else None."""
    value = value.split("T", 1)[0]
    m = _CALENDAR.match(value)
    if not m:
        return None
    if m.group(3):
        return "day", value
    if m.group(2):
        return ("week", value) if m.group(2).startswith("W") else ("month", value)
    return "year", value


def _pred_at(pred: TimeExpr, granularity: str) -> str | None:
    """The predicted value expressed at the gold's granularity (None: too coarse)."""
    v, p = pred.value, pred.precision
    if v is None:
        return None
    if granularity == "year":
        return v[:4]
    if granularity == "month":
        return v[:7] if p in ("day", "month") else None
    if granularity == "week":
        if p == "week":
            return v
        if p == "day":
            y, w, _ = dt.date.fromisoformat(v).isocalendar()
            return f"{y}-W{w:02d}"
        return None
    return v if p == "day" else None


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _files(folder: str | Path) -> list[Path]:
    folder = Path(folder)
    data = folder / "Data" if (folder / "Data").is_dir() else folder
    return sorted(data.glob("*.tml"))


def evaluate_timebank(folder: str | Path = DEFAULT_FOLDER, lang: str = "fr",
                      resolver: TimeResolver | None = None, nlp=None) -> dict:
    """Run the resolver over every TimeBank document and score it. With `nlp` (the
    language's spaCy pipeline), a phrase whose words give no direction ("samedi") is read
    the way its clause's tense points, as the coder reads an event's date."""
    r = resolver or TimeResolver.from_language(lang)
    files = _files(folder)
    if not files:
        raise FileNotFoundError(f"no .tml files under {folder}")
    n_gold_date = n_gold_time = 0
    date_found = time_found = 0
    n_pred = n_pred_ok = n_pred_any = 0
    comparable = correct = not_comparable = 0
    errors: list[dict] = []
    misses: list[dict] = []
    false_pos: list[dict] = []
    for path in files:
        text, dct, golds = parse_tml(path.read_text(encoding="utf-8"))
        preds = r.find(text, dct)
        if nlp is not None:
            preds = directed(preds, nlp(text), r.tense_words)
        targets = [g for g in golds if g.type in ("DATE", "TIME")]
        n_pred += len(preds)
        for p in preds:
            if any(_overlap(p.start, p.end, g.start, g.end) for g in golds):
                n_pred_any += 1
            if any(_overlap(p.start, p.end, g.start, g.end) for g in targets):
                n_pred_ok += 1
            else:
                false_pos.append({"file": path.name, "text": p.text, "value": p.value})
        for g in targets:
            best = max(preds, key=lambda p: _overlap(p.start, p.end, g.start, g.end), default=None)
            hit = best is not None and _overlap(best.start, best.end, g.start, g.end) > 0
            if g.type == "TIME":
                n_gold_time += 1
                time_found += hit
                continue
            n_gold_date += 1
            if not hit:
                misses.append({"file": path.name, "text": g.text, "value": g.value})
                continue
            date_found += 1
            key = _gold_key(g.value)
            if key is None:
                not_comparable += 1
                continue
            comparable += 1
            gran, gold_value = key
            if _pred_at(best, gran) == gold_value:
                correct += 1
            else:
                errors.append({"file": path.name, "dct": str(dct), "gold_text": g.text,
                               "gold": g.value, "pred_text": best.text, "pred": best.value})

    def ratio(a: int, b: int) -> float:
        return a / b if b else 0.0

    return {
        "documents": len(files),
        "gold_date": n_gold_date,
        "gold_time": n_gold_time,
        "date_found": date_found,
        "date_recall": ratio(date_found, n_gold_date),
        "date_time_recall": ratio(date_found + time_found, n_gold_date + n_gold_time),
        "predicted": n_pred,
        "predicted_correct_span": n_pred_ok,
        "precision": ratio(n_pred_ok, n_pred),
        "precision_any": ratio(n_pred_any, n_pred),
        "value_comparable": comparable,
        "value_correct": correct,
        "value_accuracy": ratio(correct, comparable),
        "value_not_comparable": not_comparable,
        "errors": errors,
        "misses": misses,
        "false_positives": false_pos,
    }


def format_report(res: dict) -> str:
    rows = [
        ("documents", f"{res['documents']}"),
        ("gold DATE timexes", f"{res['gold_date']}"),
        ("DATE span recall (overlap)", f"{res['date_recall']:.3f} ({res['date_found']}/{res['gold_date']})"),
        ("DATE+TIME span recall", f"{res['date_time_recall']:.3f}"),
        ("precision (vs DATE/TIME)", f"{res['precision']:.3f} ({res['predicted_correct_span']}/{res['predicted']})"),
        ("precision (vs any TIMEX3)", f"{res['precision_any']:.3f}"),
        ("value accuracy (matched)", f"{res['value_accuracy']:.3f} ({res['value_correct']}/{res['value_comparable']})"),
        ("matched, gold not comparable", f"{res['value_not_comparable']}"),
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate quiquoi.dates on the French TimeBank")
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER))
    ap.add_argument("--lang", default="fr")
    ap.add_argument("--errors", action="store_true", help="list value errors, misses and false positives")
    args = ap.parse_args(argv)
    try:
        from quiquoi.nlp import load_pipeline

        res = evaluate_timebank(args.folder, args.lang, nlp=load_pipeline(args.lang))
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(format_report(res))
    if args.errors:
        print("\n# value errors")
        for e in res["errors"]:
            print(f"{e['file']}  dct={e['dct']}  {e['gold_text']!r}={e['gold']}  pred {e['pred_text']!r}={e['pred']}")
        print("\n# missed gold DATEs")
        for e in res["misses"]:
            print(f"{e['file']}  {e['text']!r}={e['value']}")
        print("\n# false positives")
        for e in res["false_positives"]:
            print(f"{e['file']}  {e['text']!r}={e['value']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
