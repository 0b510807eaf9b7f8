"""The ingest stage alone: readers, decoding and refusals, no model needed."""
import json
from datetime import date

from quiquoi.ingest.readers import BadInput, InputArticle, check_text, decode, parse_date, read_inputs


def test_txt_file_and_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Le ministre a parlé.", encoding="utf-8")
    (tmp_path / "b.fr.txt").write_text("Le président a parlé.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], published=date(2020, 1, 2)))
    assert [i.id for i in items] == ["a", "b"]
    assert all(isinstance(i, InputArticle) and i.published == date(2020, 1, 2) for i in items)


def test_jsonl_fields_and_broken_lines(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(
        json.dumps({"id": "x1", "text": "Un texte.", "published": "2016-05-24", "title": "T", "url": "http://e"}) + "\n"
        + '{"id": "x2", "text": "tronqu\n'
        + json.dumps({"id": "x3"}) + "\n"
        + json.dumps(["not", "an", "object"]) + "\n"
        + json.dumps({"id": "x4", "text": "Deux.", "published": "hier"}) + "\n",
        encoding="utf-8",
    )
    items = list(read_inputs([str(f)]))
    assert isinstance(items[0], InputArticle) and items[0].published == date(2016, 5, 24) and items[0].title == "T"
    bad = [i for i in items if isinstance(i, BadInput)]
    assert len(bad) == 4
    assert "malformed JSON" in bad[0].reason and bad[0].origin.endswith("c.jsonl:2")
    assert "no 'text'" in bad[1].reason
    assert "object" in bad[2].reason
    assert "unreadable date" in bad[3].reason


def test_decoding_bad_bytes():
    assert decode(b"")[1] == "empty input"
    assert "binary" in decode(b"\x00\x01\x02abc")[1]
    text, warning = decode("Élysée a démenti".encode("cp1252"))
    assert text == "Élysée a démenti" and "Windows-1252" in warning
    assert decode("déjà".encode("utf-8")) == ("déjà", None)


def test_missing_path_and_empty_folder(tmp_path):
    items = list(read_inputs([str(tmp_path / "nope.txt"), str(tmp_path)]))
    assert [type(i) for i in items] == [BadInput, BadInput]
    assert "no such file" in items[0].reason and "no .txt" in items[1].reason


def test_check_text_limits():
    assert check_text(InputArticle("e", "   ")) == "empty text"
    assert "too large" in check_text(InputArticle("h", "a" * 2_000_001))
    assert check_text(InputArticle("ok", "Bonjour.")) is None


def test_parse_date():
    assert parse_date("2016-05-24T10:00:00Z") == date(2016, 5, 24)
    assert parse_date(None) is None


def test_utf16_and_utf32_with_a_byte_order_mark_are_text():
    from quiquoi.ingest.readers import decode
    text = "Moscou a rejeté l'offre de Washington."
    for codec in ("utf-16", "utf-16-be", "utf-32"):
        raw = text.encode(codec) if codec != "utf-16-be" else b"\xfe\xff" + text.encode(codec)
        assert decode(raw) == (text, None), codec
    # a byte-order mark before binary content does not make it text
    assert decode(b"\xff\xfe" + "abc\x00\x01".encode("utf-16-le"))[0] is None
    assert decode(b"\xff\xfe")[1] == "empty input"
    # UTF-16 without its mark is still refused as binary, with the reason
    assert decode(text.encode("utf-16-le")) == (None, "binary content (NUL bytes), not text")
