#!/usr/bin/env python3
"""Extract political persons from TABARI/PETRARCH actor dictionaries.

Usage::

    python tools/build_persons.py DICT_DIR_OR_FILE [...] OUTPUT.tsv

Reads every ``*.actors.txt`` file found in the given directories (or the
given files), keeps the entries that look like individual persons and writes
a TSV with the columns::

    name  aliases  code  country  role  start  end

one row per (person, code period).  ``aliases`` is ``|``-separated,
``start``/``end`` are ISO dates (``YYYY-MM-DD``) or empty (open / undated).

TABARI actor file format, as used by the Phoenix dictionaries:

* a name line: ``JOHN_KERRY_`` (words joined by ``_`` or spaces, a trailing
  ``_`` marks a word end), optionally followed by codes on the same line;
* ``+ALIAS_`` lines adding synonyms to the current entry;
* code lines (usually indented): ``[CODE]`` (undated / default),
  ``[CODE >YYMMDD]`` (from a date), ``[CODE <YYMMDD]`` (until a date),
  ``[CODE YYMMDD-YYMMDD]`` (a range).  Dates are YYMMDD (YY 00-30 is 20YY,
  otherwise 19YY) or YYYYMMDD;
* ``#`` starts a comment.

Which entries count as persons (heuristics, see ``is_person``):

* the entry's own name (after leading titles such as ``SECRETARY-GENERAL_``
  or ``PRESIDENT_`` are removed) has 2-4 words, or up to 6 when the entry is
  known to be an individual (a ``# CountryInfo.txt`` marker or a dated code);
  no word is an organisation word (MINISTRY, PARTY, ARMY, ...) or a title;
* at least one code is a person code: country + CAMEO role, or an IGO code;
  entries coded as companies (MNC), NGOs or militant groups (IMG), bare
  countries (``[AFG]``) and territories (``[FRAGUF]``) are skipped, and so
  are undated rebel/insurgent entries (nearly all of them are groups);
* the person is kept when one of its dated periods ends on or after
  1995-01-01 (``--min-end``) or is open-ended, or when it has no dated period.

Aliases are the person-like synonyms (titled ones such as "Secretary Kerry"
are dropped; the surname alone is kept).  Undated codes give rows with empty
start and end: TABARI uses them as the default outside the dated periods.

The script is deterministic: same input, byte-identical output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import glob
import os
import re
import sys
from dataclasses import dataclass, field

try:  # pycountry is in the project venv; fall back to "any 3 letters" if not
    import pycountry

    ISO3 = frozenset(c.alpha_3 for c in pycountry.countries)
except ImportError:  # pragma: no cover
    ISO3 = None

# Date filter: keep a person when one of its dated periods ends on/after this
# date or is open-ended (or when it has no dated period at all).
DEFAULT_MIN_END = dt.date(1995, 1, 1)

# Words that show a name is an organisation, a place or a group, not a person.
ORG_WORDS = frozenset("""
PALACE HOUSE SABHA RESERVE PARTISI KREMLIN YARD RIFLES BET INTELLIGENCE RIOT
DECLARATION TANK VICE-PRESIDENT REPRESENTATIVE MONITOR CATHOLIC JAISH JAYSH
HARAKAT ANSAR JABHAT KATAIB LIWA HIZB US U.S. UN U.N. EU AMERICAN A.K.A. AKA
ACADEMY ADMINISTRATION AGENCY AIRLINES AIRWAYS ALLIANCE ARMED ARMY ASSEMBLY
ASSOCIATION AUTHORITY BANK BATTALION BOARD BRIGADE BRIGADES BUREAU CABINET
CAMP CELL CELLS CENTER CENTRE CHAMBER CHURCH CITY CLAN COALITION COLLEGE
COMMAND COMMISSION COMMITTEE COMMUNITY COMPANY CONFEDERATION CONFERENCE
CONGRESS CORP CORPORATION CORPS COUNCIL COURT DEPARTMENT DIRECTORATE DIVISION
EMBASSY FACTION FEDERATION FOUNDATION FORCE FORCES FRONT FUND GOVERNMENT GROUP
GUARD GUARDS GUERRILLAS HOSPITAL INC INSTITUTE INTERNATIONAL ISLANDS JUNTA
KINGDOM LEAGUE LEGION LIBERATION LTD MILITIA MILITIAS MINISTRY MISSION
MOVEMENT NATIONAL NETWORK OFFICE ORGANISATION ORGANIZATION PARLIAMENT PARTY
PATROL POLICE PRESS PROGRAM PROGRAMME PROVINCE REGIME REPUBLIC RESISTANCE
REVOLUTIONARY SCHOOL SECRETARIAT SENATE SERVICE SERVICES SOCIETY SQUAD
STATE STATES STRUGGLE TEAM TRIBE TRIBUNAL UNION UNIT UNITS UNIVERSITY
ANARCHIST ANARCHISTS COMMANDO COMMANDOS FIGHTERS MARTYRS NEWS OBSERVATORY
PEOPLE PEOPLES POPULAR SOLDIERS TIMES WORKERS YOUTH
THE OF AND FOR IN ON
""".split())

# Titles: a name that still contains one after leading titles were removed is
# a function ("UN_SECRETARY_GENERAL"), not a person.
TITLE_WORDS = frozenset("""
AMBASSADOR CAPTAIN CHAIRMAN CHANCELLOR CHIEF COLONEL COMMANDER DEPUTY DR DR.
EMIR ENVOY FM GEN GEN. GENERAL GOVERNOR KING LEADER LT MAJOR MAYOR MINISTER
MR MR. MRS MRS. MS MS. PM PREMIER PRESIDENT PRIME PRINCE PRINCESS QUEEN REP
REP. SEN SEN. SENATOR SECRETARY SECRETARY-GENERAL SHEIKH SHEIK SPEAKER
SPOKESMAN SPOKESWOMAN SULTAN VICE FOREIGN DEFENSE DEFENCE INTERIOR STATE'S
SECY SEC. GEN. SIR LORD DAME
""".split())

# CAMEO role codes an individual can hold (third to sixth letters of a code).
PERSON_ROLES = frozenset("""
AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI INS JUD LAB LEG MED MIL MOD
OPP PTY RAD REB REF SEP SPY UAF
""".split())

# Roles mostly carried by group entries when no date or CountryInfo marker
# says the entry is an individual.
GROUP_ROLES = frozenset("REB INS SEP UAF RAD".split())

# Lower-cased particles inside a name ("Bachar al-Assad", "Staffan de Mistura").
PARTICLES = frozenset("al el de del della di du da das dos der den van von la le bin ibn ben".split())

# Regnal numbers kept upper-case after a name.
REGNAL = frozenset("II III IV V VI VII VIII IX".split())

# Countries whose hyphenated given names keep the second syllable lower-case.
KOREAN = frozenset({"KOR", "PRK"})

CODE_RE = re.compile(r"\[([^\]]*)\]")
CODE_BODY_RE = re.compile(
    r"^\s*(?P<code>[A-Z0-9]+)\s*"
    r"(?:(?P<op>[<>])\s*(?P<d1>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+)|(?P<single>\d+))?\s*$"
)
VALID_CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3})*$")
INITIALS_RE = re.compile(r"^(?:[A-Z]\.)+[A-Z]?$")
TOKEN_RE = re.compile(r"^[A-Z][A-Z'.\-]*$")


@dataclass
class Period:
    code: str
    start: dt.date | None
    end: dt.date | None
    dated: bool


@dataclass
class Entry:
    name: str
    aliases: list[str] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)
    comment: str = ""
    source: str = ""
    raw_codes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- dates

def parse_date(text: str) -> dt.date | None:
    """YYMMDD (YY<=30 -> 20YY) or YYYYMMDD (extra trailing digits ignored)."""
    digits = text.strip()
    if not digits.isdigit():
        return None
    try:
        if len(digits) <= 7:
            if len(digits) < 6:
                return None
            yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
            year = 2000 + yy if yy <= 30 else 1900 + yy
            return dt.date(year, mm, dd)
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None


def parse_code(body: str) -> Period | None:
    """Parse the inside of ``[...]``; None for junk or invalid dates."""
    m = CODE_BODY_RE.match(body)
    if not m:
        return None
    code = m.group("code")
    if not VALID_CODE_RE.match(code):
        return None
    if len(code) == 3 and ISO3 is not None and code not in ISO3:
        return None  # a bare role ("[ELI]") or junk is not an actor code
    if m.group("op"):
        d = parse_date(m.group("d1"))
        if d is None:
            return None
        if m.group("op") == ">":
            return Period(code, d, None, True)
        return Period(code, None, d, True)
    if m.group("a"):
        a, b = parse_date(m.group("a")), parse_date(m.group("b"))
        if a is None or b is None or a > b:
            return None
        return Period(code, a, b, True)
    if m.group("single"):  # "[CODE 20121204]": taken as a start date
        d = parse_date(m.group("single"))
        return None if d is None else Period(code, d, None, True)
    return Period(code, None, None, False)


# --------------------------------------------------------------------------- file reading

def split_comment(line: str) -> tuple[str, str]:
    pos = line.find("#")
    if pos < 0:
        return line, ""
    return line[:pos], line[pos + 1:]


def read_entries(path: str) -> list[Entry]:
    entries: list[Entry] = []
    current: Entry | None = None
    source = os.path.basename(path)

    def add_codes(entry: Entry, codes: list[str]) -> None:
        entry.raw_codes.extend(codes)  # kept even when a date is unreadable
        entry.periods.extend(p for p in map(parse_code, codes) if p)

    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            text, comment = split_comment(raw.rstrip("\n"))
            if not text.strip():
                continue
            codes = CODE_RE.findall(text)
            head = CODE_RE.sub(" ", text).strip()
            if text[0] in " \t" or text.lstrip().startswith("["):
                # code line (or stray indented text) for the current entry
                if current is not None:
                    add_codes(current, codes)
            elif text.startswith("+"):
                if current is not None:
                    alias = head[1:].strip()
                    if alias:
                        current.aliases.append(alias)
                    add_codes(current, codes)
            else:
                current = Entry(name=head, comment=comment.strip(), source=source)
                add_codes(current, codes)
                entries.append(current)
    return entries


# --------------------------------------------------------------------------- names

def tokens_of(raw: str) -> list[str]:
    return [t for t in re.split(r"[_\s]+", raw.strip().upper()) if t]


def strip_titles(tokens: list[str]) -> list[str]:
    i = 0
    while i < len(tokens) and tokens[i] in TITLE_WORDS:
        i += 1
    return tokens[i:]


def person_tokens(raw: str, min_len: int, max_len: int) -> list[str] | None:
    """Tokens of a person-like name, or None."""
    toks = tokens_of(raw)
    if any(t.strip(".'-") in ORG_WORDS or t in ORG_WORDS for t in toks):
        return None
    toks = strip_titles(toks)
    if not (min_len <= len(toks) <= max_len):
        return None
    if any(t in TITLE_WORDS for t in toks):
        return None
    if not all(TOKEN_RE.match(t) for t in toks):
        return None
    if all(len(t.strip(".")) <= 1 for t in toks):
        return None
    return toks


def _cap_piece(piece: str) -> str:
    """Capitalise one apostrophe-free piece: MCCAIN -> McCain."""
    low = piece.lower()
    if not low:
        return low
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2].upper() + low[3:]
    return low[0].upper() + low[1:]


def _cap_word(word: str) -> str:
    if INITIALS_RE.match(word):  # A.F.M. stays as written
        return word
    # O'BRIEN -> O'Brien, D'ALMEIDA -> D'Almeida, but QA'UD -> Qa'ud
    pieces = word.split("'")
    out = [_cap_piece(pieces[0])]
    for prev, piece in zip(pieces, pieces[1:]):
        out.append(_cap_piece(piece) if len(prev) == 1 else piece.lower())
    return "'".join(out)


def pretty_name(tokens: list[str], korean: bool = False) -> str:
    out = []
    for i, tok in enumerate(tokens):
        if i > 0 and tok in REGNAL:  # Abdullah II
            out.append(tok)
            continue
        parts = tok.split("-")
        new_parts = []
        for j, part in enumerate(parts):
            low = part.lower()
            if low in PARTICLES and (i > 0 or j > 0) and (len(parts) > 1 or i < len(tokens) - 1):
                new_parts.append(low)
            elif j > 0 and korean:
                new_parts.append(low)
            else:
                new_parts.append(_cap_word(part))
        out.append("-".join(new_parts))
    return " ".join(out)


# --------------------------------------------------------------------------- selection

def code_split(code: str) -> tuple[str, str]:
    """``USAGOVBUS`` -> (``USA``, ``GOV``), ``USAGOVLEG`` -> (``USA``, ``LEG``);
    (``""``, ``""``) for non-country codes.

    The role is the first 3-letter group after the country that is a person
    role (``GBRVGBGOV`` -> ``GOV``), else simply the next 3 letters.
    """
    prefix = code[:3]
    known = ISO3 is None and prefix.isalpha() or ISO3 is not None and prefix in ISO3
    if not known:
        return "", ""
    groups = [code[i:i + 3] for i in range(3, len(code), 3)]
    for k, g in enumerate(groups):
        if g in PERSON_ROLES:
            # Phoenix files legislators under the government (``USAGOVLEG``); CAMEO has
            # LEG as a role of its own, the one a legislator's events are coded with
            if g == "GOV" and groups[k + 1:k + 2] == ["LEG"]:
                return prefix, "LEG"
            return prefix, g
    return prefix, groups[0] if groups else ""


def period_is_personal(p: Period) -> bool:
    """A code a person can hold: a country + actor role, or an IGO code."""
    if p.code.startswith("IGO"):
        return True
    country, role = code_split(p.code)
    return bool(country) and role in PERSON_ROLES


def is_person(entry: Entry) -> list[str] | None:
    """Return the canonical person-name tokens of an entry, or None.

    Only the entry's own name is considered (after leading titles are
    removed): entries named after an organisation or a country are skipped
    even when some of their synonyms are persons.
    """
    if not any(period_is_personal(p) for p in entry.periods):
        return None
    codes = [p.code for p in entry.periods]
    if any(c.startswith(("MNC", "NGO", "IMG")) for c in codes):
        return None
    evidence = "CountryInfo" in entry.comment or any(p.dated for p in entry.periods)
    if not evidence and any(code_split(c)[1] in GROUP_ROLES for c in codes):
        return None  # undated militant/rebel entries are almost all groups
    return person_tokens(entry.name, 2, 6 if evidence else 4)


@dataclass
class Row:
    name: str
    aliases: list[str]
    code: str
    country: str
    role: str
    start: str
    end: str


def keep_by_date(periods: list[Period], min_end: dt.date) -> bool:
    dated = [p for p in periods if p.dated]
    if not dated:
        return True
    return any(p.end is None or p.end >= min_end for p in dated)


def entry_rows(entry: Entry, min_end: dt.date) -> list[Row]:
    toks = is_person(entry)
    if toks is None or not keep_by_date(entry.periods, min_end):
        return []
    korean = any(c.strip()[:3] in KOREAN for c in entry.raw_codes)
    name = pretty_name(toks, korean)
    aliases: list[str] = []
    for cand in [entry.name] + entry.aliases:
        atoks = person_tokens(cand, 1, 6)
        if not atoks:
            continue
        alias = pretty_name(atoks, korean)
        if alias != name and alias not in aliases:
            aliases.append(alias)
    rows = []
    for p in entry.periods:
        country, role = code_split(p.code)
        rows.append(Row(name, aliases, p.code, country, role,
                        p.start.isoformat() if p.start else "",
                        p.end.isoformat() if p.end else ""))
    return rows


def build_rows(paths: list[str], min_end: dt.date = DEFAULT_MIN_END) -> list[Row]:
    merged: dict[tuple, Row] = {}
    for path in paths:
        for entry in read_entries(path):
            for row in entry_rows(entry, min_end):
                key = (row.name, row.code, row.start, row.end)
                if key in merged:
                    old = merged[key]
                    old.aliases.extend(a for a in row.aliases if a not in old.aliases)
                else:
                    merged[key] = row
    return sorted(merged.values(),
                  key=lambda r: (r.name, r.start or "0000", r.end or "9999", r.code))


# --------------------------------------------------------------------------- output

def license_text(paths: list[str]) -> list[str]:
    """The MIT notice from the first file header that carries one."""
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as fh:
            header = []
            for line in fh:
                if not line.startswith("#"):
                    break
                header.append(line.rstrip("\n")[1:].strip())
        for i, line in enumerate(header):
            if "MIT License" in line:
                block = header[i:]
                while block and not block[-1]:
                    block.pop()
                return block
    return []


def write_tsv(rows: list[Row], out_path: str, paths: list[str]) -> None:
    sources = ", ".join(os.path.basename(p) for p in paths)
    lines = [
        "# Political persons extracted from the Phoenix / PETRARCH actor dictionaries",
        f"# ({sources}) of the Open Event Data Alliance.",
        "# Generated by: python tools/build_persons.py "
        "/work/shared/reference/phoenix-actor-dictionaries quiquoi/data/persons.tsv",
        "# Do not edit by hand: edit the generator or quiquoi/lang/fr/persons.tsv.",
        "# Columns: name, aliases (|-separated), CAMEO code, ISO3 country, role, start, end",
        "# (ISO dates; empty = open-ended or undated default code).",
        "#",
        "# Source data license:",
        "#",
    ]
    lines += [("# " + l).rstrip() for l in license_text(paths)]
    lines.append("name\taliases\tcode\tcountry\trole\tstart\tend")
    for r in rows:
        lines.append("\t".join([r.name, "|".join(r.aliases), r.code, r.country,
                                r.role, r.start, r.end]))
    os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
    with open(out_path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines) + "\n")


def collect_inputs(args: list[str]) -> list[str]:
    paths: list[str] = []
    for a in args:
        if os.path.isdir(a):
            paths.extend(sorted(glob.glob(os.path.join(a, "*.actors.txt"))))
        else:
            paths.append(a)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="+", help="actor dictionary directories or files")
    ap.add_argument("output", help="output TSV path")
    ap.add_argument("--min-end", default=DEFAULT_MIN_END.isoformat(),
                    help="drop persons whose dated periods all end before this date")
    args = ap.parse_args(argv)
    paths = collect_inputs(args.inputs)
    if not paths:
        ap.error("no *.actors.txt input found")
    rows = build_rows(paths, dt.date.fromisoformat(args.min_end))
    write_tsv(rows, args.output, paths)
    print(f"{len(rows)} rows, {len({r.name for r in rows})} persons -> {args.output}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
