"""Actor resolution and quote speakers, round 6: names the parser cuts or reads as places,
speakers after the verb of an incise. Every sentence here was written for these tests."""


def _speakers(record):
    return [(q.speaker.name, q.speaker.code) if q.speaker else None for q in record.quotes]


def test_speaker_name_across_a_sentence_start_the_parser_invented(code):
    # the parser starts a sentence at "Gallant": no punctuation there, the name goes on
    rec = code("«Les renforts vont arriver» à Jénine, a déclaré mardi Yoav Gallant lors d'une visite aux troupes.")
    assert _speakers(rec) == [("Yoav Gallant", "ISRGOV")]


def test_place_name_inside_a_person_name_is_the_person(code):
    rec = code("François Hollande a rencontré Angela Merkel. «Rien n'est réglé», a déclaré "
               "l'ancien président de la République François Hollande sur France Inter.")
    assert [s[0] for s in _speakers(rec)] == ["François Hollande"]
    assert all(s[1] != "NLDGOV" for s in _speakers(rec))


def test_standalone_quote_after_a_sentence_about_a_person_is_theirs(code):
    rec = code("Yoav Gallant a parlé à la presse. «Nous irons jusqu'au bout de cette opération "
               "et personne ne nous arrêtera.»")
    assert _speakers(rec) == [("Yoav Gallant", "ISRGOV")]


def test_standalone_quote_after_a_sentence_about_a_thing_has_no_speaker(code):
    rec = code("Le texte a été adopté mardi. «Nous allons réformer la police.»")
    assert _speakers(rec) == [None]
