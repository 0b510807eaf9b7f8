"""One coded article (ArticleRecord.to_dict() + its text) -> rows of the store's tables.

Pure functions, no database: everything that can fail on a strange record fails here,
before anything is written.
"""
from __future__ import annotations

import hashlib
from datetime import date

from quiquoi.store import dedup


def content_hash(text: str, published: date | str | None) -> str:
    """What makes two inputs the same article: its text and its publication date."""
    pub = published.isoformat() if isinstance(published, date) else (published or "")
    return hashlib.sha1(f"{pub}\x1f{text}".encode("utf-8")).hexdigest()


def _date(value) -> date | None:
    if not value:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def locate_sentence(text: str, sentence: str, anchor: int) -> int | None:
    """Start of `sentence` in `text` around the character `anchor` it contains."""
    if not sentence:
        return None
    lo = max(0, anchor - len(sentence))
    at = text.find(sentence, lo, anchor + len(sentence) + 1)
    return at if at >= 0 else None


def mention_row(ev: dict, text: str, article_id: str, published: date | None) -> dict:
    src = ev.get("source") or {}
    tgt = ev.get("target") or {}
    trig = ev.get("trigger") or {}
    place = ev.get("place") or {}
    sentence = ev.get("text") or ""
    start = locate_sentence(text, sentence, trig.get("start") or 0)
    cameo = ev.get("cameo")
    m = {
        "article_id": article_id, "published": published,
        "sentence": ev.get("sentence"), "paragraph": ev.get("paragraph"),
        "sentence_start": start, "sentence_end": start + len(sentence) if start is not None else None,
        "sentence_text": sentence,
        "trigger_text": trig.get("text"), "trigger_start": trig.get("start"), "trigger_end": trig.get("end"),
        "source_text": src.get("text"), "source_start": src.get("start"), "source_end": src.get("end"),
        "target_text": tgt.get("text"), "target_start": tgt.get("start"), "target_end": tgt.get("end"),
        "date_text": ev.get("date_text"),
        "day": dedup.period_start(ev.get("date"), ev.get("date_precision")),
        "date": ev.get("date"), "date_precision": ev.get("date_precision"),
        "type": ev.get("type"), "mode": ev.get("mode"), "cameo": cameo,
        "cameo_root": cameo[:2] if cameo else None, "quad_class": dedup.quad_class(cameo),
        "goldstein": ev.get("goldstein"),
        "source_code": src.get("code"), "source_name": src.get("name"),
        "source_country": src.get("country"), "source_role": src.get("role"),
        "target_code": tgt.get("code"), "target_name": tgt.get("name"),
        "target_country": tgt.get("country"), "target_role": tgt.get("role"),
        "place_name": place.get("name"), "place_country": place.get("country"),
        "place_lat": place.get("lat"), "place_lon": place.get("lon"),
        "place_text": place.get("text"), "place_feature": place.get("feature"),
        "place_admin1": place.get("admin1_name"), "place_geonames_id": place.get("geonames_id"),
        "modality": ev.get("modality") or "asserted", "negated": bool(ev.get("negated")),
    }
    m["confidence"] = dedup.confidence(m)
    m["match_key"] = dedup.match_key(m)
    return m


def quote_row(q: dict, article_id: str, published: date | None) -> dict:
    sp = q.get("speaker") or {}
    about = q.get("about") or []
    return {
        "article_id": article_id, "published": published, "sentence": q.get("sentence"),
        "start": q.get("start"), "end": q.get("end"), "text": q.get("text"), "kind": q.get("kind"),
        "speaker_text": sp.get("text"), "speaker_code": sp.get("code"), "speaker_name": sp.get("name"),
        "speaker_country": sp.get("country"), "speaker_role": sp.get("role"),
        "speaker_start": sp.get("start"), "speaker_end": sp.get("end"),
        "verb": q.get("verb"), "channel": q.get("source_channel"),
        "about_codes": [a.get("code") for a in about if a.get("code")],
        "about_names": [a.get("name") for a in about if a.get("name")],
    }


def actor_row(a: dict, position: int, article_id: str) -> dict:
    return {"article_id": article_id, "position": position, "code": a.get("code"), "name": a.get("name"),
            "country": a.get("country"), "role": a.get("role"), "kind": a.get("kind"),
            "text": a.get("text"), "start": a.get("start"), "end": a.get("end")}


def article_row(rec: dict, text: str, input_name: str, chash: str, coder_version: str,
                heading: str | None = None) -> dict:
    dl = rec.get("dateline") or {}
    return {
        "article_id": str(rec["id"]), "content_hash": chash, "input": input_name,
        "title": rec.get("title"), "heading": heading, "url": rec.get("url"), "source": rec.get("source"),
        "published": _date(rec.get("published")), "language": rec.get("language"), "text": text,
        "dateline": dl.get("place"), "dateline_country": dl.get("country"),
        "n_events": len(rec.get("events") or []), "n_quotes": len(rec.get("quotes") or []),
        "coder_version": coder_version,
    }


def split_record(rec: dict, text: str) -> tuple[list[dict], list[dict], list[dict]]:
    """(mentions, quotes, actors) rows of one record, ids not yet assigned."""
    if not isinstance(rec.get("id"), (str, int)) or str(rec["id"]) == "":
        raise ValueError("coded record without an 'id'")
    article_id = str(rec["id"])
    published = _date(rec.get("published"))
    mentions = [mention_row(e, text, article_id, published) for e in rec.get("events") or []]
    quotes = [quote_row(q, article_id, published) for q in rec.get("quotes") or []]
    actors = [actor_row(a, i, article_id) for i, a in enumerate(rec.get("actors") or [], 1)]
    return mentions, quotes, actors
