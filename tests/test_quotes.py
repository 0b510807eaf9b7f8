"""Tests for quiquoi.quotes (quotation extraction, French)."""
from pathlib import Path

import pytest
import yaml

from quiquoi.quotes import MarkScanner, QuoteExtractor, RawQuote, SpeechLexicon

SEED = Path(__file__).parent / "data" / "seed"


# --------------------------------------------------------------- fixtures
@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    from spacy.language import Language

    name = "qq_test_quotes_paragraphs"
    if name not in Language.factories:
        @Language.component(name)
        def _paras(doc):
            for t in doc[:-1]:
                if t.is_space and "\n" in t.text:
                    doc[t.i + 1].is_sent_start = True
            return doc
    try:
        model = spacy.load("fr_core_news_md")
    except OSError:
        pytest.skip("fr_core_news_md not installed")
    model.add_pipe(name, before="parser")
    return model


@pytest.fixture(scope="module")
def qx():
    return QuoteExtractor.from_language("fr")


@pytest.fixture(scope="module")
def extract(nlp, qx):
    def run(text):
        doc = nlp(text)
        return doc, qx.extract(doc)
    return run


def speaker(doc, q):
    return doc.text[q.speaker_start:q.speaker_end] if q.speaker_start is not None else None


def find(quotes, starts):
    hits = [q for q in quotes if q.text.startswith(starts)]
    assert hits, f"no quote starting with {starts!r}: {[q.text[:30] for q in quotes]}"
    return hits[0]


# ------------------------------------------------------ data / interface
def test_speech_yaml_loads_and_is_rich():
    lex = SpeechLexicon.for_language("fr")
    assert len(lex.verbs) + sum(len(v) for v in lex.multiword.values()) >= 80
    for v in ("affirmer", "déclarer", "dire", "plaider", "marteler", "tweeter"):
        assert v in lex.verbs
    assert ("en", "garde") in lex.multiword["mettre"]
    assert ("valoir",) in lex.multiword["faire"]
    assert lex.channels[("communiqué",)] == "communiqué"
    assert lex.channels[("compte", "rendu")] == "compte rendu"
    assert "on" in lex.unresolvable          # YAML must not read it as a boolean
    assert lex.verb_lemma("estime", "estime") == "estimer"      # -er inflection fallback
    assert lex.verb_lemma("rappelle", "rappelle") == "rappeler"


def test_rawquote_fields():
    q = RawQuote(text="x", start=0, end=1, kind="direct", sentence=1)
    for f in ("verb", "verb_start", "verb_end", "speaker_start", "speaker_end", "speaker_head",
              "speaker_is_pronoun", "source_channel", "antecedent_start", "antecedent_end"):
        assert hasattr(q, f)


# ----------------------------------------------------- mark scanner (no NLP)
@pytest.fixture(scope="module")
def scanner():
    lex = SpeechLexicon.for_language("fr")
    return MarkScanner(lex.pairs, lex.symmetric, lex.strip_chars)


def test_marks_guillemets_with_and_without_spaces(scanner):
    t = "Il a dit «oui» puis «\u00a0non\u00a0» et « peut-être »."
    got = [t[m.start:m.end] for m in scanner.scan(t)]
    assert got == ["oui", "non", "peut-être"]


def test_marks_ascii_pairs(scanner):
    t = 'Il a parlé de "trahison" et de "lâcheté", a-t-il dit. Un écran de 27" suffit.'
    got = [t[m.start:m.end] for m in scanner.scan(t)]
    assert got == ["trahison", "lâcheté"]


def test_marks_nested_are_not_top_level(scanner):
    t = "«Il a évoqué une “trahison” et un ‹ lâchage ›», a-t-il dit."
    ms = scanner.scan(t)
    assert len(ms) == 1
    assert t[ms[0].start:ms[0].end] == "Il a évoqué une “trahison” et un ‹ lâchage ›"
    assert len(ms[0].nested) == 2


def test_marks_multi_paragraph(scanner):
    t = "«Premier paragraphe.\n\n«Deuxième paragraphe.\n\n«Dernier», a-t-il conclu.\n\nFin."
    ms = scanner.scan(t)
    assert len(ms) == 1
    assert ms[0].closed and len(ms[0].continuations) == 2
    assert t[ms[0].start:ms[0].end].endswith("Dernier")


def test_marks_malformed_glued_closing_mark(scanner):
    t = "Il n'y aurait pas d»'opérations conjointes» militaires, a dit «X»."
    got = [t[m.start:m.end] for m in scanner.scan(t)]
    assert got == ["opérations conjointes", "X"]


def test_marks_unclosed_quote_stops_at_paragraph_end(scanner):
    t = "Il a dit «oui sans fermer.\n\nAutre paragraphe avec «ceci»."
    ms = scanner.scan(t)
    assert [t[m.start:m.end] for m in ms] == ["oui sans fermer.", "ceci"]
    assert ms[0].closed is False


# ----------------------------------------------------------- seed article
@pytest.fixture(scope="module")
def seed(extract):
    text = (SEED / "kerry-lavrov-treve.fr.txt").read_text(encoding="utf-8")
    gold = yaml.safe_load((SEED / "kerry-lavrov-treve.expected.yaml").read_text(encoding="utf-8"))
    doc, quotes = extract(text)
    return doc, quotes, gold


def test_seed_gold_quotes_found_with_kind(seed):
    doc, quotes, gold = seed
    for g in gold["quotes"]:
        q = find(quotes, g["starts"])
        assert q.kind == g["kind"], (g["starts"], q.kind)
        assert doc.text[q.start:q.end] == q.text
        assert doc.text[q.start - 1] in "«" or doc.text[q.start - 1].isspace()


def test_seed_speakers(seed):
    doc, quotes, _ = seed
    assert "Mark Toner" in speaker(doc, find(quotes, "La Russie a une responsabilité"))
    assert "porte-parole de la diplomatie américaine" in speaker(doc, find(quotes, "La Russie a une"))
    assert speaker(doc, find(quotes, "Si cela")) == "le responsable américain"
    assert speaker(doc, find(quotes, "une telle solution")) == "M. Toner"
    assert "Michael Ratney" in speaker(doc, find(quotes, "Nous reconnaissons"))
    assert speaker(doc, find(quotes, "presser le régime")) == "John Kerry"
    q = find(quotes, "presser le régime")
    assert doc[q.speaker_head].text in ("John", "Kerry")


def test_seed_verbs_and_channels(seed):
    doc, quotes, _ = seed
    assert find(quotes, "Si cela").verb == "mettre en garde"
    assert find(quotes, "une telle solution").verb == "faire valoir"
    assert find(quotes, "La Russie a une").verb == "affirmer"
    q = find(quotes, "Nous reconnaissons")
    assert q.verb == "plaider" and q.source_channel == "communiqué"
    assert doc.text[q.verb_start:q.verb_end] == "plaidé"
    q = find(quotes, "presser le régime")
    assert q.verb == "demander" and q.source_channel == "compte rendu"


def test_seed_no_scare_quotes(seed):
    _, quotes, gold = seed
    texts = [q.text for q in quotes if q.kind != "indirect"]
    for nq in gold["not_quotes"] + ["opérations conjointes", "chance de succès aux pourparlers politiques"]:
        assert nq not in texts
    assert len([q for q in quotes if q.kind in ("direct", "partial")]) == 5


def test_seed_sentence_index(seed):
    doc, quotes, _ = seed
    sents = list(doc.sents)
    for q in quotes:
        s = sents[q.sentence - 1]
        assert s.start_char <= q.start < s.end_char


def test_seed_indirect_toner(seed):
    doc, quotes, _ = seed
    ind = [q for q in quotes if q.kind == "indirect"]
    assert any(speaker(doc, q) == "M. Toner" and q.verb == "réaffirmer" for q in ind)
    # a purpose clause ("pour qu'il cesse") is not reported speech
    assert not any(q.text.startswith("il cesse") for q in ind)


# ------------------------------------------------------ synthetic patterns
def test_ascii_quotes_and_pronoun_incise(extract):
    doc, qs = extract('Le président Emmanuel Macron s\'est rendu à Berlin. '
                      '"Nous ne céderons rien", a-t-il ajouté devant la presse.')
    q = find(qs, "Nous ne céderons rien")
    assert q.kind == "direct" and q.verb == "ajouter"
    assert q.speaker_is_pronoun and speaker(doc, q) == "il"
    assert "Emmanuel Macron" in doc.text[q.antecedent_start:q.antecedent_end]


def test_pronoun_antecedent_is_last_speaker(extract):
    doc, qs = extract("« Il faut agir », a déclaré le ministre Jean Dupont.\n\n"
                      "La réunion a duré trois heures.\n\n"
                      "« Nous verrons demain », a-t-il ajouté.")
    q = find(qs, "Nous verrons")
    assert q.speaker_is_pronoun
    assert "Jean Dupont" in doc.text[q.antecedent_start:q.antecedent_end]


def test_multi_paragraph_quote(extract):
    doc, qs = extract("« Nous avons travaillé jour et nuit.\n\n« Il reste beaucoup à faire.\n\n"
                      "« Personne ne pourra dire que nous n'avons pas essayé », a conclu la ministre Catherine Colonna.")
    direct = [q for q in qs if q.kind == "direct"]
    assert len(direct) == 1
    q = direct[0]
    assert q.text.startswith("Nous avons travaillé") and q.text.endswith("pas essayé")
    assert "«" not in q.text
    assert speaker(doc, q) == "la ministre Catherine Colonna" and q.verb == "conclure"


def test_selon_before_and_after(extract):
    doc, qs = extract("Selon le président Emmanuel Macron, « la France ne reculera pas ».\n\n"
                      "« Il faut un cessez-le-feu immédiat », selon le secrétaire général de l'ONU, Antonio Guterres.")
    a = find(qs, "la France ne reculera")
    assert a.verb == "selon" and speaker(doc, a) == "le président Emmanuel Macron" and a.kind == "direct"
    b = find(qs, "Il faut un cessez-le-feu")
    assert b.verb == "selon" and "Antonio Guterres" in speaker(doc, b) and b.kind == "direct"


def test_dapres_and_pour(extract):
    doc, qs = extract("D'après le porte-parole du Kremlin, Dmitri Peskov, « aucune décision n'a été prise ».\n\n"
                      "Pour le Premier ministre, « cette réforme est indispensable ».")
    assert "Dmitri Peskov" in speaker(doc, find(qs, "aucune décision"))
    assert find(qs, "aucune décision").verb == "d'après"
    assert speaker(doc, find(qs, "cette réforme")) == "le Premier ministre"


def test_inverted_incise_with_indirect_object_and_channel(extract):
    doc, qs = extract("« C'est une victoire », a déclaré à l'AFP le maire de Kiev, Vitali Klitschko, "
                      "lors d'une conférence de presse.")
    q = find(qs, "C'est une victoire")
    assert speaker(doc, q) == "le maire de Kiev, Vitali Klitschko"
    assert q.source_channel == "conférence de presse"


def test_reflexive_verb_and_present_tense_incise(extract):
    doc, qs = extract("« Enfin une bonne nouvelle ! », s'est félicité le président ukrainien.\n\n"
                      "« Nous continuerons le combat », ajoute-t-elle.")
    a = find(qs, "Enfin")
    assert a.verb == "féliciter" and speaker(doc, a) == "le président ukrainien"
    b = find(qs, "Nous continuerons")
    assert b.verb == "ajouter" and b.speaker_is_pronoun and speaker(doc, b) == "elle"


def test_incise_in_the_middle(extract):
    doc, qs = extract("Le sénateur Paul Martin était en colère. « Nous allons, a-t-il dit, gagner cette bataille. »")
    q = find(qs, "Nous allons")
    assert q.kind == "direct" and q.verb == "dire" and q.speaker_is_pronoun
    assert "Paul Martin" in doc.text[q.antecedent_start:q.antecedent_end]


def test_colon_and_curly_quotes(extract):
    doc, qs = extract("Angela Merkel a déclaré : “Nous accueillerons les réfugiés.”")
    q = find(qs, "Nous accueillerons")
    assert q.kind == "direct" and q.verb == "déclarer" and speaker(doc, q) == "Angela Merkel"


def test_colon_at_end_of_previous_paragraph(extract):
    doc, qs = extract("La chancelière a été très claire :\n\n« Nous ne fermerons pas nos frontières. »")
    q = find(qs, "Nous ne fermerons")
    assert q.kind == "direct" and speaker(doc, q) == "La chancelière"


def test_quote_spanning_sentences(extract):
    doc, qs = extract("«La situation est sérieuse. Nous devons agir vite.», a martelé Olaf Scholz.")
    q = find(qs, "La situation est sérieuse")
    assert q.text.endswith("agir vite.") and speaker(doc, q) == "Olaf Scholz" and q.verb == "marteler"


def test_statement_continues_in_next_sentence(extract):
    doc, qs = extract("« La Russie doit se retirer », a déclaré Joe Biden dans un tweet. « Le monde entier la regarde. »")
    a, b = find(qs, "La Russie"), find(qs, "Le monde entier")
    assert a.source_channel == "Twitter"
    assert b.kind == "direct" and speaker(doc, b) == "Joe Biden" and b.attribution == "inherited"


def test_partial_after_speech_verb_and_scare_quote(extract):
    doc, qs = extract("L'opposition a dénoncé une «trahison» du pouvoir.\n\n"
                      "Le gouvernement veut construire un «mur» à la frontière.")
    q = find(qs, "trahison")
    assert q.kind == "partial" and q.verb == "dénoncer" and speaker(doc, q) == "L'opposition"
    assert not [q for q in qs if q.text == "mur"]


def test_que_plus_quote_is_partial(extract):
    doc, qs = extract("Le ministre a déclaré que «la France ne reculera jamais devant la menace».")
    q = find(qs, "la France ne reculera")
    assert q.kind == "partial" and speaker(doc, q) == "Le ministre"
    # the que-clause is the quotation itself: no duplicate indirect quote
    assert len(qs) == 1


def test_indirect_speech_and_pronoun(extract):
    doc, qs = extract("Le chef de la diplomatie a assuré que Paris soutiendrait l'initiative. "
                      "Il a estimé que le dialogue restait possible.\n\nOn dit que la guerre est finie.")
    ind = [q for q in qs if q.kind == "indirect"]
    a = find(ind, "Paris soutiendrait")
    assert a.verb == "assurer" and speaker(doc, a) == "Le chef de la diplomatie"
    assert a.text == "Paris soutiendrait l'initiative"
    b = find(ind, "le dialogue restait possible")
    assert b.speaker_is_pronoun and doc.text[b.antecedent_start:b.antecedent_end] == "Le chef de la diplomatie"
    assert not [q for q in ind if q.text.startswith("la guerre")]     # "on" is nobody


def test_malformed_mark_does_not_break_pairing(extract):
    doc, qs = extract("M. Dupont a réaffirmé qu'il n'y aurait pas d»'opérations conjointes» avec Moscou. "
                      "« Nous restons fermes », a ajouté le diplomate Jean Dupont.")
    assert not [q for q in qs if q.kind != "indirect" and "opérations" in q.text]
    q = find(qs, "Nous restons fermes")
    assert q.kind == "direct" and speaker(doc, q) == "le diplomate Jean Dupont"


def test_nested_quote_stays_inside(extract):
    doc, qs = extract("«Il a évoqué une “trahison” inacceptable de nos alliés», a déclaré le sénateur Jean Dupont.")
    assert len(qs) == 1
    assert qs[0].text == "Il a évoqué une “trahison” inacceptable de nos alliés"
    assert speaker(doc, qs[0]) == "le sénateur Jean Dupont"


def test_offsets_are_consistent(extract):
    doc, qs = extract("« Il faut agir », a déclaré le ministre. Selon lui, « rien n'est perdu ».")
    for q in qs:
        assert doc.text[q.start:q.end] == q.text
        if q.verb_start is not None:
            assert 0 <= q.verb_start < q.verb_end <= len(doc.text)
        if q.speaker_start is not None:
            assert doc[q.speaker_head].idx >= q.speaker_start - 1


# ------------------------------------------- attribution patterns (issue 3)
def test_dateline_is_not_part_of_an_unquoted_report(extract):
    doc, qs = extract("PARIS, 3 mars (Reuters) - Le gouvernement doit revoir sa copie, "
                      "a déclaré lundi le ministre des Finances, Jean Dupont.")
    q = find(qs, "Le gouvernement doit revoir")
    assert q.kind == "indirect" and "Jean Dupont" in speaker(doc, q)
    assert doc.text[q.start:q.end] == q.text


def test_unquoted_report_from_indefinite_source_is_not_a_quote(extract):
    doc, qs = extract("L'armée a bombardé la ville dans la nuit, ont rapporté des témoins.\n\n"
                      "Selon une source policière, le cortège n'avait pas été déclaré.")
    assert qs == []


def test_incise_subject_wins_over_the_quotes_own_subject(extract):
    doc, qs = extract("Le traité qui expire ce soir est \"de facto mort\", a affirmé lundi le Kremlin, "
                      "assurant que la Russie reviendrait à la table des négociations.")
    q = find(qs, "de facto mort")
    assert speaker(doc, q) == "le Kremlin"
    ind = find(qs, "la Russie reviendrait")
    assert speaker(doc, ind) == "le Kremlin"


def test_speaker_head_is_the_name_after_the_title(extract):
    doc, qs = extract("« Rien n'est décidé », a déclaré le porte-parole du Kremlin, Dmitri Peskov.")
    q = find(qs, "Rien n'est décidé")
    assert doc[q.speaker_head].text in ("Dmitri", "Peskov")


def test_source_with_affiliation_and_demonstrative_anaphora(extract):
    doc, qs = extract("« La défiance est totale », a souligné une source à la présidence française "
                      "à l'issue de l'entretien.\n\n« Rien ne bouge », a ajouté cette source.")
    a = find(qs, "La défiance")
    assert speaker(doc, a) == "une source à la présidence française"
    b = find(qs, "Rien ne bouge")
    assert b.speaker_is_pronoun
    assert doc.text[b.antecedent_start:b.antecedent_end] == "une source à la présidence française"


def test_definite_description_refers_to_the_last_named_speaker(extract):
    doc, qs = extract("« La démocratie doit se défendre », a déclaré dimanche le président chilien "
                      "Sebastian Piñera pour justifier ces mesures.\n\n"
                      "Plus tard, le chef de l'État a repris la parole : « Nous sommes en guerre contre un ennemi. »")
    a = find(qs, "La démocratie")
    assert speaker(doc, a) == "le président chilien Sebastian Piñera"     # "pour justifier" left out
    b = find(qs, "Nous sommes en guerre")
    assert b.speaker_is_pronoun and doc.text[b.antecedent_start:b.antecedent_end] == "Sebastian Piñera"


def test_description_with_a_country_is_left_to_the_resolver(extract):
    doc, qs = extract("« Il faut agir », a déclaré Jean Dupont.\n\n« Rien n'est fait », a ajouté le responsable américain.")
    q = find(qs, "Rien n'est fait")
    assert not q.speaker_is_pronoun and speaker(doc, q) == "le responsable américain"


def test_speaker_after_a_media_addressee(extract):
    doc, qs = extract("« Le pays est divisé », explique à l'AFP Neo Simutanyi, un analyste politique.")
    q = find(qs, "Le pays est divisé")
    assert speaker(doc, q).startswith("Neo Simutanyi")


def test_participle_after_filler_phrase_takes_the_quote(extract):
    doc, qs = extract("Le préfet Jean Dupont, chargé de la sécurité, a de son côté appelé les habitants à rester « calmes ».")
    q = find(qs, "calmes")
    assert q.kind == "partial" and q.verb == "appeler" and speaker(doc, q) == "Le préfet Jean Dupont"


def test_verb_governs_a_second_coordinated_quote(extract):
    doc, qs = extract("Londres, Paris et Berlin (E3) ont dénoncé « un programme nucléaire avancé », "
                      "et des activités « sans justification civile ».\n\n"
                      "« Nous appelons l'Iran à cesser », ont-ils insisté.")
    a, b = find(qs, "un programme"), find(qs, "sans justification")
    assert speaker(doc, a) == "E3" and speaker(doc, b) == "E3"
    c = find(qs, "Nous appelons")
    assert c.speaker_is_pronoun and doc.text[c.antecedent_start:c.antecedent_end] == "E3"


def test_que_clause_made_of_quoted_words_gives_partial_quotes_only(extract):
    doc, qs = extract("La France a annoncé l'expulsion de dix diplomates, précisant que la sanction "
                      "s'inscrivait dans « une démarche européenne ».")
    q = find(qs, "une démarche européenne")
    assert q.kind == "partial" and speaker(doc, q) == "La France"
    assert not [x for x in qs if x.kind == "indirect" and "sanction" in x.text]


def test_que_clause_with_a_quoted_adverb_stays_indirect(extract):
    doc, qs = extract("Le Kremlin a assuré que la Russie serait prête à y revenir « immédiatement » "
                      "quand ses conditions seront remplies.")
    ind = find(qs, "la Russie serait prête")
    assert ind.kind == "indirect"
    assert find(qs, "immédiatement").kind == "partial"


def test_impersonal_passive_reports_go_to_the_previous_speaker(extract):
    doc, qs = extract("« Nous avons reçu des informations », a indiqué la Cour suprême dans un communiqué "
                      "où il est également précisé que les opposants n'ont pas respecté leurs "
                      "« conditions de détention ».")
    q = find(qs, "conditions de détention")
    assert q.kind == "partial" and speaker(doc, q) == "la Cour suprême"


def test_bare_infinitive_report(extract):
    doc, qs = extract("La Russie a annoncé, mercredi 18 mai, expulser 34 diplomates français.\n\n"
                      "Ce texte, que Bamako a dit avoir l'intention de revoir, date de 2014.")
    q = find(qs, "expulser 34 diplomates")
    assert q.kind == "indirect" and speaker(doc, q) == "La Russie"
    assert not [x for x in qs if x.text.startswith("avoir l'intention")]


def test_recalled_term_is_not_a_new_quote(extract):
    doc, qs = extract("Elle a promis « une réponse inédite » à Séoul.\n\n"
                      "La dirigeante n'a pas précisé ce que serait cette « réponse inédite ».")
    assert len([q for q in qs if "réponse inédite" in q.text and q.kind != "indirect"]) == 1


def test_nested_quote_taken_by_a_speech_verb(extract):
    doc, qs = extract("\"La réaction du maréchal Haftar est de demander 'avec qui négocier aujourd'hui ?'\", "
                      "a rapporté cette source.")
    q = find(qs, "avec qui négocier")
    assert q.kind == "partial" and q.attribution == "nested" and "Haftar" in speaker(doc, q)


def test_parenthetical_selon_after_a_relative_pronoun(extract):
    doc, qs = extract("Kim Yo-jong a condamné Séoul, qui, selon elle, envenimait la situation.")
    q = find(qs, "envenimait la situation")
    assert q.kind == "indirect" and speaker(doc, q) == "elle"
    # a figure attributed to the police is not a report of the police
    doc, qs = extract("Samedi, 4.000 personnes, selon la police, avaient convergé place d'Italie.")
    assert not [q for q in qs if q.kind == "indirect"]


def test_speaker_given_in_the_next_sentence(extract):
    doc, qs = extract("\"La retraite à 60 ans, on la gardera\". Sous la voûte des Halles, des centaines "
                      "d'opposants à la réforme ont fait entendre leur voix dimanche.")
    q = find(qs, "La retraite à 60 ans")
    assert q.attribution == "next_sentence" and "opposants à la réforme" in speaker(doc, q)


def test_document_without_author_is_no_speaker(extract):
    doc, qs = extract("Ce texte critique, le premier depuis 2020, exhorte l'Iran à « coopérer » avec l'Agence.")
    assert not [q for q in qs if q.text == "coopérer"]


def test_subject_found_over_afin_de(extract):
    doc, qs = extract("La coalition de l'opposition a appelé à manifester mercredi à Caracas afin de dénoncer "
                      "« l'illégitimité » de la nouvelle Assemblée.")
    q = find(qs, "l'illégitimité")
    assert speaker(doc, q).startswith("La coalition de l'opposition")
