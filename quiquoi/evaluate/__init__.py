"""`quiquoi eval`: code the articles of gold files and score the output."""
from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from quiquoi.actors.dictionary import fold
from quiquoi.dates.tense import directed
from quiquoi.ingest.readers import InputArticle, parse_date
from quiquoi.nlp import parse_many
from quiquoi.evaluate.gold import gold_files, load_gold
from quiquoi.evaluate.scorer import ArticleScore, Counts, score_article


def evaluate(paths: list[str], coder) -> tuple[dict[str, Any], list[ArticleScore]]:
    scores: list[ArticleScore] = []
    for path in gold_files(paths):
        gold = load_gold(path)
        text = gold.text_path.read_text(encoding="utf-8")
        art = InputArticle(id=gold.text_path.name, text=text, published=parse_date(gold.published),
                           origin=gold.text_path.name)
        reason = coder.refusal(art)
        if reason:
            raise ValueError(f"{gold.text_path}: {reason}")
        doc = next(parse_many(coder.nlp, [text]))      # parsed once, for the coder and the dates
        rec = coder.code_doc(doc, art)
        # read as the coder reads an event's date: "samedi" points the way its verb's tense does
        exprs = directed(coder.times.find(text, gold.published), doc, coder.times.tense_words)
        found_dates = {fold(e.text): e.value for e in exprs}
        scores.append(score_article(gold, rec, found_dates))
    total, quotes, lenient = Counts(), Counts(), Counts()
    levels: dict[str, Counts] = {}
    spk_right = spk_total = dates_right = dates_total = forbidden = 0
    pl_total = pl_found = pl_right = pl_geo = pl_near = 0
    for sc in scores:
        total.add(sc.events)
        lenient.add(sc.lenient)
        quotes.add(sc.quotes)
        for lvl, c in sc.by_level.items():
            levels.setdefault(lvl, Counts()).add(c)
        spk_right += sc.speakers_right
        spk_total += sc.speakers_total
        dates_right += sc.dates_right
        dates_total += sc.dates_total
        forbidden += len(sc.forbidden_hits)
        pl_total += sc.places_total
        pl_found += sc.places_found
        pl_right += sc.places_right
        pl_geo += sc.places_geo_total
        pl_near += sc.places_geo_near
    summary = {
        "articles": len(scores),
        "events": total.as_dict(),
        "events_type_source": lenient.as_dict(),
        # recall per level; precision is only meaningful over all gold events
        "events_by_level": {lvl: {"found": c.tp, "gold": c.tp + c.fn, "recall": round(c.recall, 3)}
                            for lvl, c in sorted(levels.items())},
        "quotes": quotes.as_dict(),
        "speaker_accuracy": round(spk_right / spk_total, 3) if spk_total else None,
        "dates": {"right": dates_right, "gold": dates_total,
                  "accuracy": round(dates_right / dates_total, 3) if dates_total else None},
        "places": {"gold": pl_total, "found": pl_found, "right": pl_right,
                   "recall": round(pl_found / pl_total, 3) if pl_total else None,
                   "country_accuracy": round(pl_right / pl_found, 3) if pl_found else None,
                   "cities_with_coordinates": pl_geo, "cities_within_25km": pl_near,
                   "city_accuracy": round(pl_near / pl_geo, 3) if pl_geo else None},
        "forbidden_hits": forbidden,
    }
    return summary, scores


def print_report(summary: dict[str, Any], scores: list[ArticleScore], out: TextIO, verbose: bool = True) -> None:
    if verbose:
        for sc in scores:
            out.write(f"\n== {sc.name}: events P={sc.events.precision:.2f} R={sc.events.recall:.2f} "
                      f"F1={sc.events.f1:.2f}; quotes {sc.quotes.tp}/{sc.quotes.tp + sc.quotes.fn}\n")
            for m in sc.misses:
                out.write(f"  MISS  {m}\n")
            for x in sc.extras:
                out.write(f"  EXTRA {x}\n")
            for f in sc.forbidden_hits:
                out.write(f"  FORBIDDEN {f}\n")
    e = summary["events"]
    out.write(f"\nArticles: {summary['articles']}\n")
    out.write(f"Events  precision {e['precision']:.3f}  recall {e['recall']:.3f}  F1 {e['f1']:.3f}"
              f"  (tp {e['tp']}, fp {e['fp']}, fn {e['fn']})\n")
    le = summary["events_type_source"]
    out.write(f"  type+source only: precision {le['precision']:.3f}  recall {le['recall']:.3f}  F1 {le['f1']:.3f}\n")
    for lvl, c in summary["events_by_level"].items():
        out.write(f"  {lvl:<7} recall {c['recall']:.3f} ({c['found']}/{c['gold']})\n")
    q = summary["quotes"]
    out.write(f"Quotes  precision {q['precision']:.3f}  recall {q['recall']:.3f}  F1 {q['f1']:.3f}"
              f"  speaker accuracy {summary['speaker_accuracy']}\n")
    d = summary["dates"]
    out.write(f"Dates   {d['right']}/{d['gold']} right (accuracy {d['accuracy']})\n")
    pl = summary["places"]
    out.write(f"Places  {pl['found']}/{pl['gold']} found (recall {pl['recall']}), country right for "
              f"{pl['right']}/{pl['found']} (accuracy {pl['country_accuracy']}); cities within 25 km "
              f"{pl['cities_within_25km']}/{pl['cities_with_coordinates']} geocoded (accuracy {pl['city_accuracy']})\n")
    out.write(f"Forbidden hits: {summary['forbidden_hits']}\n")


def default_gold_dirs() -> list[str]:
    here = Path.cwd() / "tests" / "data"
    return [str(p) for p in (here / "seed", here / "dev") if p.exists()]
