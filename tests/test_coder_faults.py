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



def test_a_title_word_that_names_no_actor_leaves_its_name_a_person(resolve, monkeypatch):
    # corpus article 6961 ("des zones occupées jusque-là par les pro-Haftar"): the resolver
    # took a role word before a name for a title whose actor it then indexed, and the word
    # named none (IndexError). A title that names nobody must leave the name a person.
    from quiquoi.actors.resolver import ArticleActors
    from tests.conftest import actors_at

    real = ArticleActors._role_actor

    def no_title_actor(self, tok, role, allow_memory=True):
        return [] if not allow_memory else real(self, tok, role, allow_memory)

    monkeypatch.setattr(ArticleActors, "_role_actor", no_title_actor)
    doc, aa = resolve("Le maréchal Khalifa Haftar a lancé une offensive contre Tripoli.")
    found = actors_at(doc, aa, "Haftar") or actors_at(doc, aa, "Khalifa")
    assert found and found[0].kind == "person" and "Haftar" in found[0].name
