"""A fault of the coder on one article is that article's error, not the end of the run."""
from quiquoi.coder import CodingError
from quiquoi.ingest.readers import InputArticle


def test_an_internal_error_on_one_article_leaves_the_others_coded(coder, monkeypatch):
    real = coder.extractor.extract

    def extract(sent, actors):
        if "Bamako" in sent.text:
            raise KeyError("boom")
        return real(sent, actors)

    monkeypatch.setattr(coder.extractor, "extract", extract)
    items = [InputArticle(id="a", text="Le gouvernement français a condamné l'attaque contre l'ambassade."),
             InputArticle(id="b", origin="odd.txt", text="L'armée malienne a bombardé Bamako lundi."),
             InputArticle(id="c", text="La police a arrêté trois opposants à Caracas.")]
    out = list(coder.code_many(items))
    assert [getattr(r, "id", None) for r in out] == ["a", None, "c"]
    err = out[1]
    assert isinstance(err, CodingError) and err.origin == "odd.txt"
    assert "internal error" in err.reason and "KeyError" in err.reason and "boom" in err.reason
    assert out[0].events and out[2].events
