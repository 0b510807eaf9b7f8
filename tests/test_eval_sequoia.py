"""The Sequoia named-entity evaluation: its CoNLL-U reader and its scoring, on sentences
written here in Sequoia's format (none taken from the treebank)."""
from quiquoi.evaluate.sequoia import Found, GoldEntity, evaluate_sequoia, match, read_conllu

# columns: ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC PARSEME:MWE FRSEMCOR
SAMPLE = """# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC PARSEME:MWE FRSEMCOR:NOUN
# sent_id = Europar.550_90001
# text = Washington a accusé l'Irak du pire.
1\tWashington\tWashington\tPROPN\t_\t_\t3\tnsubj\t_\t_\t1:PROPN|NE-ORG.final|_;2:PROPN|NE-LOC.prim|_\t*
2\ta\tavoir\tAUX\t_\t_\t3\taux:tense\t_\t_\t*\t*
3\taccusé\taccuser\tVERB\t_\t_\t0\troot\t_\t_\t*\t*
4\tl'\tle\tDET\t_\t_\t5\tdet\t_\t_\t*\t*
5\tIrak\tIrak\tPROPN\t_\t_\t3\tobj\t_\t_\t3:PROPN|NE-ORG.final|_;4:PROPN|NE-LOC.prim|_\t*
6-7\tdu\t_\t_\t_\t_\t_\t_\t_\t_\t_\t_
6\tde\tde\tADP\t_\t_\t8\tcase\t_\t_\t*\t*
7\tle\tle\tDET\t_\t_\t8\tdet\t_\t_\t*\t*
8\tpire\tpire\tNOUN\t_\t_\t3\tobl:arg\t_\t_\t*\t*
9\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\t*\t*

# sent_id = annodis.er_90002
# text = Jean-Pierre Durand habite à Saint-Étienne.
1\tJean-Pierre\tJean-Pierre\tPROPN\t_\t_\t3\tnsubj\t_\t_\t1:PROPN|NE-PERS.final|_\t*
2\tDurand\tDurand\tPROPN\t_\t_\t1\tflat:name\t_\t_\t1\t*
3\thabite\thabiter\tVERB\t_\t_\t0\troot\t_\t_\t*\t*
4\tà\tà\tADP\t_\t_\t5\tcase\t_\t_\t*\t*
5\tSaint-Étienne\tSaint-Étienne\tPROPN\t_\t_\t3\tobl\t_\t_\t2:PROPN|NE-LOC.final|_\t*
6\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\t*\t*
"""


def _write(tmp_path):
    path = tmp_path / "sample.parseme.frsemcor.dev"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_reader_gives_character_spans_types_and_metonymy(tmp_path):
    first, second = read_conllu(_write(tmp_path))
    assert first.id == "Europar.550_90001" and first.subcorpus.startswith("parliament")
    got = [(first.text[e.start:e.end], e.type, e.primary) for e in first.entities]
    assert got == [("Washington", "ORG", "LOC"), ("Irak", "ORG", "LOC")]
    # a name over two words, after a sentence whose multiword token ("du") shifted nothing
    assert [(second.text[e.start:e.end], e.type) for e in second.entities] == [
        ("Jean-Pierre Durand", "PERS"), ("Saint-Étienne", "LOC")]


def test_match_is_one_to_one_by_type_and_overlap():
    gold = [GoldEntity("PERS", 13, 23, None), GoldEntity("ORG", 0, 10, "LOC")]
    found = [Found("PERS", 0, 23, "person"), Found("PERS", 14, 20, "person"), Found("LOC", 0, 10, "place")]
    pairs = match(gold, found)
    # the longest overlap wins; a place never matches an organisation
    assert [(g.type, (f.start, f.end)) for g, f in pairs] == [("PERS", (0, 23))]


def test_scores_read_capitals_as_actors_and_towns_as_places(tmp_path, coder):
    res = evaluate_sequoia(_write(tmp_path), coder)
    overall = res["all"]
    assert overall["sentences"] == 2
    assert overall["PERS"]["tp"] == 1 and overall["LOC"]["tp"] == 1
    # Washington and Irak are the actors of the accusation: ORG, as Sequoia says
    assert overall["ORG"]["tp"] == 2 and overall["ORG"]["precision"] == 1.0
    assert overall["metonyms"] == {"gold": 2, "read_as_actor": 2, "read_as_place": 0}
    assert set(res["by_subcorpus"]) == {"parliament (Europarl)", "news (L'Est Républicain)"}
    assert set(res["by_split"]) == {"dev"}
    assert coder.check_language        # turned back on after the run


def test_command_line_prints_the_figures(tmp_path):
    import json
    import subprocess
    import sys
    _write(tmp_path)
    res = subprocess.run([sys.executable, "-m", "quiquoi", "eval", "--sequoia", str(tmp_path), "--json"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    figures = json.loads(res.stdout)
    assert figures["all"]["sentences"] == 2 and figures["all"]["ORG"]["gold"] == 2
