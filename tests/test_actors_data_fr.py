"""Checks on the French actor dictionaries (quiquoi/lang/fr/*.tsv).

The files are plain data; these tests parse them with a tiny reader of their own
so that a broken row, a lost column or a wrong code is caught here, before any
coder uses the data.
"""
from collections import Counter, defaultdict
from pathlib import Path
import re
import unicodedata

import pycountry
import pytest

DATA = Path(__file__).resolve().parent.parent / "quiquoi" / "lang" / "fr"

# Codes accepted besides ISO 3166-1 alpha-3: Kosovo as in CAMEO/Phoenix.
EXTRA_ISO3 = {"KSV"}

CAMEO_ROLES = {
    "GOV", "MIL", "REB", "OPP", "CVL", "COP", "JUD", "LEG", "MED", "BUS", "LAB",
    "EDU", "REL", "REF", "HLH", "NGO", "SPY", "UAF", "PTY", "IGO", "IMG", "CRM",
}

# The countries most present in international news: each must be complete.
TOP_COUNTRIES = """
USA RUS SYR FRA GBR DEU CHN IRN IRQ ISR TUR UKR SAU EGY LBY LBN JOR PSE YEM QAT
ARE KWT BHR OMN AFG PAK IND JPN KOR PRK TWN VNM PHL IDN MYS THA MMR BGD LKA KAZ
ITA ESP PRT BEL NLD CHE AUT POL HUN GRC ROU BGR SRB HRV BIH KSV ALB BLR MDA GEO
ARM AZE SWE NOR DNK FIN IRL CAN MEX BRA ARG VEN COL CUB CHL PER BOL DZA MAR TUN
MLI NER TCD NGA SOM SDN SSD ETH ERI KEN COD CAF CIV SEN BFA ZAF RWA UGA AUS NZL
""".split()


def read_tsv(name):
    """Return (header, rows) of a quiquoi TSV: '#' lines skipped, first other line is the header."""
    header, rows = None, []
    with open(DATA / name, encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                continue
            rows.append((lineno, dict(zip(header, fields)), fields))
    return header, rows


def multi(value):
    return [v for v in value.split("|") if v] if value else []


FILES = {
    "countries.tsv": ["iso3", "name", "aliases", "demonyms", "prefixes", "capital", "adm_seats"],
    "metonyms.tsv": ["text", "code", "country", "role", "note"],
    "organisations.tsv": ["name", "aliases", "code", "country", "role", "kind"],
    "roles.tsv": ["text", "role", "kind", "note"],
}


@pytest.fixture(scope="module")
def countries():
    return read_tsv("countries.tsv")[1]


@pytest.fixture(scope="module")
def orgs():
    return read_tsv("organisations.tsv")[1]


@pytest.fixture(scope="module")
def metonyms():
    return read_tsv("metonyms.tsv")[1]


@pytest.fixture(scope="module")
def roles():
    return read_tsv("roles.tsv")[1]


def _region_codes():
    from quiquoi.lang import load_language
    return frozenset(load_language("fr").config.get("region_adjectives") or {})


REGION_CODES = _region_codes()


def valid_iso3(code):
    return code in EXTRA_ISO3 or pycountry.countries.get(alpha_3=code) is not None


# ---------------------------------------------------------------- all files

@pytest.mark.parametrize("name,columns", sorted(FILES.items()))
def test_header_and_column_count(name, columns):
    header, rows = read_tsv(name)
    assert header == columns
    assert rows, name
    for lineno, _, fields in rows:
        assert len(fields) == len(columns), f"{name}:{lineno} has {len(fields)} fields"


@pytest.mark.parametrize("name", sorted(FILES))
def test_fields_are_clean(name):
    _, rows = read_tsv(name)
    for lineno, _, fields in rows:
        for field in fields:
            assert field == field.strip(), f"{name}:{lineno} stray space in {field!r}"
            assert unicodedata.is_normalized("NFC", field), f"{name}:{lineno} not NFC: {field!r}"
            for part in field.split("|") if "|" in field else []:
                assert part and part == part.strip(), f"{name}:{lineno} bad list {field!r}"


@pytest.mark.parametrize("name", sorted(FILES))
def test_header_comment_names_sources(name):
    text = (DATA / name).read_text(encoding="utf-8")
    comments = "\n".join(l for l in text.splitlines() if l.startswith("#"))
    assert "Source" in comments or "source" in comments or "Phoenix" in comments
    if "Phoenix" in comments:
        assert "MIT" in comments


def test_etat_alone_is_never_an_actor_name(countries, orgs, metonyms, roles):
    forbidden = {"état", "etat"}
    for _, row, _ in countries:
        for text in [row["name"], *multi(row["aliases"]), row["capital"], *multi(row["adm_seats"])]:
            assert text.lower() not in forbidden
    for _, row, _ in orgs:
        for text in [row["name"], *multi(row["aliases"])]:
            assert text.lower() not in forbidden
    for _, row, _ in metonyms:
        assert row["text"].lower() not in forbidden
    for _, row, _ in roles:
        assert row["text"] not in forbidden


# ---------------------------------------------------------------- countries

def test_countries_cover_sovereign_states(countries):
    codes = [row["iso3"] for _, row, _ in countries]
    assert len(codes) >= 190
    assert len(codes) == len(set(codes)), [c for c, n in Counter(codes).items() if n > 1]
    bad = [c for c in codes if not valid_iso3(c)]
    assert not bad
    for code in ("PSE", "KSV", "TWN", "VAT"):
        assert code in codes


def test_every_country_has_name_and_capital(countries):
    for lineno, row, _ in countries:
        assert row["name"], lineno
        assert row["capital"], lineno
        assert multi(row["demonyms"]), f"{row['iso3']} has no demonym"


def test_top_countries_complete(countries):
    by_code = {row["iso3"]: row for _, row, _ in countries}
    assert len(TOP_COUNTRIES) >= 80
    for code in TOP_COUNTRIES:
        row = by_code[code]
        assert row["name"] and row["capital"] and multi(row["demonyms"]), code


def test_names_and_aliases_point_to_one_country(countries):
    seen = {}
    for _, row, _ in countries:
        for text in [row["name"], *multi(row["aliases"])]:
            assert text not in seen or seen[text] == row["iso3"], f"{text}: {seen.get(text)} / {row['iso3']}"
            seen[text] = row["iso3"]


def test_demonyms_lowercase_and_unambiguous(countries):
    owners = defaultdict(set)
    for _, row, _ in countries:
        for dem in multi(row["demonyms"]):
            assert dem == dem.lower(), dem
            assert re.fullmatch(r"[a-zàâäçéèêëîïôöùûüÿœ'-]+", dem), dem
            owners[dem].add(row["iso3"])
    shared = {d for d, isos in owners.items() if len(isos) > 1}
    # The only accepted ambiguity: "congolais" (both Congos), documented in the header.
    assert shared <= {"congolais", "congolaise", "congolaises"}, shared


@pytest.mark.parametrize("iso3,forms", [
    ("USA", ["américain", "américaine", "américains", "américaines"]),
    ("SYR", ["syrien", "syrienne", "syriens", "syriennes"]),
    ("RUS", ["russe", "russes"]),
    ("FRA", ["français", "française", "françaises"]),
    ("DEU", ["allemand", "allemande", "allemands", "allemandes"]),
    ("ISR", ["israélien", "israélienne", "israéliens", "israéliennes"]),
    ("TUR", ["turc", "turque", "turcs", "turques"]),
    ("GRC", ["grec", "grecque", "grecs", "grecques"]),
    ("GBR", ["britannique", "britanniques"]),
    ("CHN", ["chinois", "chinoise", "chinoises"]),
    ("SAU", ["saoudien", "saoudienne", "saoudiens", "saoudiennes"]),
    ("IRQ", ["irakien", "irakienne", "irakiens", "irakiennes"]),
    ("AUT", ["autrichien", "autrichienne", "autrichiens", "autrichiennes"]),
    ("ESP", ["espagnol", "espagnole", "espagnols", "espagnoles"]),
])
def test_demonym_forms(countries, iso3, forms):
    row = next(r for _, r, _ in countries if r["iso3"] == iso3)
    assert set(forms) <= set(multi(row["demonyms"]))


@pytest.mark.parametrize("capital,iso3", [
    ("Moscou", "RUS"), ("Damas", "SYR"), ("Washington", "USA"), ("Vienne", "AUT"),
    ("Pékin", "CHN"), ("Londres", "GBR"), ("Paris", "FRA"), ("Berlin", "DEU"),
    ("Téhéran", "IRN"), ("Bagdad", "IRQ"), ("Ankara", "TUR"), ("Kiev", "UKR"),
    ("Riyad", "SAU"), ("Le Caire", "EGY"), ("Beyrouth", "LBN"), ("Tripoli", "LBY"),
    ("Berne", "CHE"),
])
def test_capitals(countries, capital, iso3):
    by_capital = {row["capital"]: row["iso3"] for _, row, _ in countries}
    assert by_capital[capital] == iso3


def test_capitals_unique_and_geneva_not_a_capital(countries):
    caps = [row["capital"] for _, row, _ in countries]
    assert len(caps) == len(set(caps))
    places = set(caps)
    for _, row, _ in countries:
        places.update(multi(row["adm_seats"]))
    assert "Genève" not in places


@pytest.mark.parametrize("alias,iso3", [
    ("Fédération de Russie", "RUS"), ("USA", "USA"), ("Etats-Unis", "USA"),
    ("Grande-Bretagne", "GBR"), ("Corée du Nord", "PRK"), ("Corée du Sud", "KOR"),
    ("RDC", "COD"), ("Birmanie", "MMR"), ("Myanmar", "MMR"), ("Taïwan", "TWN"),
    ("Kosovo", "KSV"), ("Palestine", "PSE"), ("État hébreu", "ISR"), ("Iraq", "IRQ"),
])
def test_country_aliases(countries, alias, iso3):
    index = {}
    for _, row, _ in countries:
        for text in [row["name"], *multi(row["aliases"])]:
            index[text] = row["iso3"]
    assert index[alias] == iso3


def test_prefixes(countries):
    owner = {}
    for _, row, _ in countries:
        for prefix in multi(row["prefixes"]):
            assert prefix == prefix.lower() and prefix.endswith("o"), prefix
            assert prefix not in owner, prefix
            owner[prefix] = row["iso3"]
    expected = {"américano": "USA", "russo": "RUS", "franco": "FRA", "germano": "DEU",
                "anglo": "GBR", "sino": "CHN", "israélo": "ISR", "syro": "SYR",
                "turco": "TUR", "irano": "IRN", "italo": "ITA", "hispano": "ESP",
                "nippo": "JPN", "indo": "IND", "pakistano": "PAK", "saoudo": "SAU"}
    for prefix, iso3 in expected.items():
        assert owner[prefix] == iso3


# ---------------------------------------------------------------- metonyms

def test_metonyms(metonyms):
    assert len(metonyms) >= 60
    index = {}
    for lineno, row, _ in metonyms:
        assert row["text"] not in index, f"duplicate metonym {row['text']} (line {lineno})"
        index[row["text"]] = row
        assert valid_iso3(row["country"]), lineno
        assert row["role"] in CAMEO_ROLES, lineno
        assert row["code"] == row["country"] + row["role"], lineno
    expected = {"Pentagone": "USAMIL", "Kremlin": "RUSGOV", "Élysée": "FRAGOV",
                "Maison Blanche": "USAGOV", "Maison-Blanche": "USAGOV",
                "Département d'État": "USAGOV", "département d'État": "USAGOV",
                "Quai d'Orsay": "FRAGOV", "Matignon": "FRAGOV",
                "Downing Street": "GBRGOV", "Tsahal": "ISRMIL", "Knesset": "ISRLEG",
                "la Douma": "RUSLEG", "Bundestag": "DEULEG", "CIA": "USASPY",
                "Mossad": "ISRSPY", "Congrès": "USALEG"}
    for text, code in expected.items():
        assert index[text]["code"] == code, text


def test_metonyms_are_not_capitals(metonyms, countries):
    capitals = {row["capital"] for _, row, _ in countries}
    for _, row, _ in metonyms:
        assert row["text"] not in capitals, row["text"]


# ---------------------------------------------------------------- organisations

def org_index(orgs):
    index = defaultdict(list)
    for lineno, row, _ in orgs:
        for text in {row["name"], *multi(row["aliases"])}:
            index[text].append(lineno)
    return index


def test_organisation_aliases_unique(orgs):
    assert len(orgs) >= 120
    shared = {text: lines for text, lines in org_index(orgs).items() if len(lines) > 1}
    assert not shared, shared


def test_organisation_fields(orgs):
    kinds = {"igo", "ngo", "armed_group", "party", "media", "company", "other"}
    for lineno, row, _ in orgs:
        assert row["name"], lineno
        assert row["kind"] in kinds, lineno
        assert row["role"] in CAMEO_ROLES | {"GOV"}, lineno
        assert re.fullmatch(r"[A-Z]{3,}", row["code"]), lineno
        if row["country"]:
            # a country, or a world region for a group of states ("E3": EUR)
            assert valid_iso3(row["country"]) or row["country"] in REGION_CODES, lineno
        if row["kind"] == "igo":
            assert row["role"] == "IGO" and row["code"].startswith("IGO") and not row["country"], lineno


@pytest.mark.parametrize("text,code,role", [
    ("ONU", "IGOUNO", "IGO"), ("Nations unies", "IGOUNO", "IGO"),
    ("OTAN", "IGOWSTNAT", "IGO"), ("NATO", "IGOWSTNAT", "IGO"),
    ("UE", "IGOEUREEC", "IGO"), ("GISS", "IGOISSG", "IGO"),
    ("Groupe international de soutien à la Syrie", "IGOISSG", "IGO"),
    ("Daech", "IMGMUSISI", "IMG"), ("État islamique", "IMGMUSISI", "IMG"),
    ("Etat islamique", "IMGMUSISI", "IMG"), ("EI", "IMGMUSISI", "IMG"),
    ("Front al-Nosra", "SYRREB", "REB"), ("Hezbollah", "LBNREB", "REB"),
    ("Hamas", "PSEREBHMS", "REB"), ("CICR", "NGOHLHIRC", "NGO"),
    ("MSF", "NGOHLHMSF", "NGO"), ("OSDH", "SYRNGOHRI", "NGO"),
    ("ASL", "SYRREB", "REB"), ("PKK", "TURREB", "REB"), ("Al-Qaïda", "IMGMUSALQ", "IMG"),
    ("Conseil de sécurité", "IGOUNO", "IGO"), ("HCN", "SYROPP", "OPP"),
])
def test_organisation_lookup(orgs, text, code, role):
    rows = [row for _, row, _ in orgs if text == row["name"] or text in multi(row["aliases"])]
    assert len(rows) == 1, text
    assert rows[0]["code"] == code and rows[0]["role"] == role


def test_daech_and_etat_islamique_same_row(orgs):
    index = org_index(orgs)
    assert index["Daech"] == index["État islamique"]
    assert index["GISS"] == index["Groupe international de soutien à la Syrie"]


def test_no_twitter_actor(orgs, metonyms):
    names = set(org_index(orgs)) | {row["text"] for _, row, _ in metonyms}
    assert "Twitter" not in names


def test_organisations_do_not_clash_with_countries(orgs, countries):
    country_names = set()
    for _, row, _ in countries:
        country_names.update([row["name"], *multi(row["aliases"]), row["capital"]])
    clash = set(org_index(orgs)) & country_names
    assert not clash, clash


def test_a_text_lives_in_one_file_only(orgs, metonyms, countries):
    places = set()
    for _, row, _ in countries:
        places.update([row["name"], *multi(row["aliases"]), row["capital"], *multi(row["adm_seats"])])
    metonym_texts = {row["text"] for _, row, _ in metonyms}
    assert not metonym_texts & set(org_index(orgs))
    assert not metonym_texts & places


# ---------------------------------------------------------------- roles

def test_roles_table(roles):
    assert len(roles) >= 120
    texts = [row["text"] for _, row, _ in roles]
    assert len(texts) == len(set(texts)), [t for t, n in Counter(texts).items() if n > 1]
    for lineno, row, _ in roles:
        assert row["text"] == row["text"].lower(), lineno
        assert row["role"] in CAMEO_ROLES | {"INHERIT"}, lineno
        assert row["kind"] in {"title", "body", "group", "held"}, lineno


@pytest.mark.parametrize("text,role", [
    ("ministre", "GOV"), ("ministère", "GOV"), ("gouvernement", "GOV"), ("régime", "GOV"),
    ("président", "GOV"), ("premier ministre", "GOV"), ("chef de l'état", "GOV"),
    ("chef de la diplomatie", "GOV"), ("diplomatie", "GOV"), ("secrétaire d'état", "GOV"),
    ("département d'état", "GOV"), ("envoyé spécial", "GOV"), ("ambassadeur", "GOV"),
    ("porte-parole", "INHERIT"), ("armée", "MIL"), ("forces armées", "MIL"),
    ("soldats", "MIL"), ("état-major", "MIL"), ("police", "COP"), ("gendarmes", "COP"),
    ("forces de l'ordre", "COP"), ("rebelles", "REB"), ("rébellion", "REB"),
    ("insurgés", "REB"), ("factions armées", "REB"), ("opposition", "OPP"),
    ("manifestants", "OPP"), ("jihadistes", "UAF"), ("djihadistes", "UAF"),
    ("milices", "UAF"), ("civils", "CVL"), ("population", "CVL"), ("réfugiés", "REF"),
    ("juge", "JUD"), ("tribunal", "JUD"), ("procureur", "JUD"), ("parlement", "LEG"),
    ("députés", "LEG"), ("sénat", "LEG"), ("journalistes", "MED"), ("médias", "MED"),
    ("entreprises", "BUS"), ("syndicats", "LAB"), ("étudiants", "EDU"),
    ("église", "REL"), ("imams", "REL"), ("médecins", "HLH"), ("ong", "NGO"),
    ("services de renseignement", "SPY"),
])
def test_role_lookup(roles, text, role):
    index = {row["text"]: row["role"] for _, row, _ in roles}
    assert index[text] == role


def test_spellings_and_roles_added_for_the_dev_set(countries, roles):
    sau = next(r for _n, r, _f in countries if r["iso3"] == "SAU")
    assert "Riyadh" in multi(sau["adm_seats"])             # the English spelling, common in French wires
    by_text = {r["text"]: r for _n, r, _f in roles}
    assert by_text["coalition"]["role"] == "MIL"           # "la coalition (dirigée par l'Arabie saoudite)"
