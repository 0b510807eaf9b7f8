"""HTML pages through trafilatura: text by paragraph, title, date, url; empty pages refused."""
from datetime import date

from quiquoi.ingest.html import read_html
from quiquoi.ingest.readers import BadInput, InputArticle, read_inputs

PAGE = """<!DOCTYPE html>
<html lang="fr"><head><meta charset="{charset}">
<title>Kerry exhorte Lavrov | Le Journal</title>
<meta property="og:title" content="Syrie : Kerry exhorte Lavrov à faire pression sur Damas">
<meta property="og:url" content="https://journal.example.fr/monde/kerry-lavrov">
<meta property="og:site_name" content="Le Journal">
<meta property="article:published_time" content="2016-05-24T09:30:00+02:00">
</head><body>
<nav><ul><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li></ul></nav>
<article>
<h1>Syrie : Kerry exhorte Lavrov à faire pression sur Damas</h1>
<p>Le secrétaire d'État américain John Kerry a exhorté lundi son homologue russe Sergueï Lavrov à faire
pression sur le régime syrien, allié de Moscou, pour qu'il cesse de bombarder l'opposition.</p>
<p>Parallèlement, le département d'État américain a pressé ses alliés parmi les groupes de rebelles syriens
modérés de continuer à respecter cette cessation des hostilités, en vigueur depuis fin février.</p>
</article>
<footer>© Le Journal — mentions légales — cookies</footer>
</body></html>"""


def test_article_text_and_metadata(tmp_path):
    f = tmp_path / "kerry.html"
    f.write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    (art,) = list(read_inputs([str(f)]))
    assert isinstance(art, InputArticle) and art.id == "kerry"
    assert art.text.startswith("Le secrétaire d'État américain John Kerry")
    assert "\n\nParallèlement" in art.text                    # paragraphs kept apart
    assert "Accueil" not in art.text and "cookies" not in art.text
    assert "Kerry exhorte Lavrov" in art.title
    assert art.url == "https://journal.example.fr/monde/kerry-lavrov"
    assert art.published == date(2016, 5, 24)


def test_given_date_wins_and_declared_latin1(tmp_path):
    f = tmp_path / "vieux.htm"
    f.write_bytes(PAGE.format(charset="iso-8859-1").encode("cp1252"))
    (art,) = list(read_inputs([str(f)], published=date(2016, 5, 25)))
    assert art.published == date(2016, 5, 25)
    assert "secrétaire d'État" in art.text


def test_pages_without_article_text(tmp_path):
    assert "no main content" in read_html(b"<html><body><nav>Menu</nav></body></html>", "menu.html").reason
    assert read_html(b"   ", "blank.html").reason == "empty input"
    assert "binary" in read_html(b"\x00\x01PNG", "img.html").reason


def test_folder_picks_up_html_and_jsonl_gz(tmp_path):
    import gzip
    import json

    (tmp_path / "a.html").write_text(PAGE.format(charset="utf-8"), encoding="utf-8")
    with gzip.open(tmp_path / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": 7, "date": "2020-07-02", "title": "T", "heading": "Chapô", "article": "Texte."}) + "\n")
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i) for i in items] == [InputArticle, InputArticle]
    gz = items[1]
    assert (gz.id, gz.text, gz.title, gz.heading, gz.published) == ("7", "Texte.", "T", "Chapô", date(2020, 7, 2))


def test_truncated_gzip_is_a_bad_input(tmp_path):
    import gzip
    import json

    raw = gzip.compress(("\n".join(json.dumps({"id": i, "text": "x" * 500}) for i in range(200))).encode())
    f = tmp_path / "cut.jsonl.gz"
    f.write_bytes(raw[: len(raw) // 2])
    items = list(read_inputs([str(f)]))
    assert isinstance(items[-1], BadInput) and "gzip" in items[-1].reason
    assert any(isinstance(i, InputArticle) for i in items)
