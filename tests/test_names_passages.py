"""Golden tests on short passages of every genre: names as they are written, who a bare name
is, aliases as texts state them, life dates. Passages are short quotes from the dev texts
(read from ../shared by path) or sentences written in the same style."""

from __future__ import annotations

import re

import pytest

from shared_data import DATA, need

pytestmark = pytest.mark.slow
TEXTS = DATA / "claims-dev" / "texts"


def _dev(name: str, start: str, end: str) -> str:
    """The passage of a dev text from `start` to `end` (both included)."""
    text = need(TEXTS / name).read_text("utf-8")
    i = text.index(start)
    return text[i:text.index(end, i) + len(end)]


def _who(out, surface):
    """The entity name of each mention written `surface`, in order."""
    names = {e.id: e.name for e in out.entities}
    return [names[m.entity_id] for m in out.mentions if m.text == surface]


def _aliases(out):
    return {(n, a.name, a.kind) for n, a in out.aliases}


# ---------------------------------------------------------------- OCR memo (upper-case surnames)

def test_names_memo_upper_case_surnames_are_people(extract):
    text = _dev("jfk-oswald-case-chayes-297.md", "Abram CHAYES", "reference to CHAYES:")
    out = extract(text)
    assert set(_who(out, "Llewellyn THOMPSON")) == {"Llewellyn Thompson"}
    assert [m.kind for m in out.mentions if m.text == "Samuel\nWISE"] == ["person"]
    chayes = {e.name for e in out.entities if e.kind == "person" and "Chayes" in e.name}
    assert {"Abram Chayes", "Antonia Leigh Chayes"} <= chayes               # husband and wife: two people
    bare = [m for m in out.mentions if m.text == "CHAYES"]
    assert bare and {n for n in _who(out, "CHAYES")} == {"Abram Chayes"}     # the man the memo is about
    assert all(m.kind == "person" and m.alias_kind == "surname" for m in bare)
    assert ("Antonia Leigh Chayes", "Toni", "epithet") in _aliases(out)
    assert _who(out, "HANDLER") == ["Antonia Leigh Chayes"]


def test_names_memo_nee_is_a_birth_name(extract):
    out = extract("The subject's wife Antonia (Toni) Leigh CHAYES, nee: HANDLER, was born in New York.")
    assert ("Antonia Leigh Chayes", "Antonia Leigh Handler", "birth_name") in _aliases(out)
    assert _who(out, "HANDLER") == ["Antonia Leigh Chayes"]


def test_names_memo_acronyms_and_cryptonyms_are_not_people(extract):
    out = extract("SECRET\n\nSUBJECT: Lee Harvey OSWALD\n\n1. The CIA asked the FBI about OSWALD. "
                  "Station reported under the cryptonym LIENVOY that OSWALD visited the embassy.")
    assert set(_who(out, "OSWALD")) == {"Lee Harvey Oswald"}
    assert all(m.kind != "person" for m in out.mentions if m.text in ("CIA", "FBI", "SECRET", "SUBJECT"))
    lienvoy = [m for m in out.mentions if m.text == "LIENVOY"]
    assert lienvoy and lienvoy[0].alias_kind == "code_name" and lienvoy[0].kind != "person"


# ---------------------------------------------------------------- testimony (OCR damage after a title)

def test_names_testimony_speakers_and_misreadings(extract):
    text = ("Mr. Stern. Did you supervise the preparation of the report, Mr. Belmont?\n\n"
            "Mr. Belmont. I did.\n\nMr. Steen. And the answers?\n\nMr. Betmont. Yes, sir.\n\n"
            "Mr. Stern. Thank you.\n\nMr. BeLmont. I believe the answers speak for themselves.\n\n"
            "Mr. Stern. Then we are done, Mr. Belmont.")
    out = extract(text)
    assert set(_who(out, "Betmont")) == {"Belmont"} and set(_who(out, "BeLmont")) == {"Belmont"}
    assert set(_who(out, "Steen")) == {"Stern"}
    assert ("Belmont", "Betmont", "spelling") in _aliases(out)
    assert ("Belmont", "Mr. Belmont", "title") in _aliases(out)


# ---------------------------------------------------------------- encyclopaedia: who a bare name is

def test_names_biography_surname_is_the_subject_not_the_father(extract):
    text = ("Kim Philby (1 January 1912 – 11 May 1988) was a British intelligence officer. "
            "His father, Harold Philby, was an explorer of Arabia. "
            "Philby joined the Secret Intelligence Service in 1940. "
            "In 1963 Philby defected to the Soviet Union.")
    out = extract(text)
    assert set(_who(out, "Philby")) == {"Kim Philby"}
    assert {"Kim Philby", "Harold Philby"} <= {e.name for e in out.entities}


def test_names_surname_after_a_full_name_in_the_same_sentence(extract):
    text = ("Abram Chayes was legal adviser to the State Department. Abram Chayes taught law at Harvard. "
            "His wife Antonia Chayes, a lawyer, later served as Under Secretary, and Chayes wrote on arms control.")
    out = extract(text)
    assert _who(out, "Chayes")[-1] == "Antonia Chayes"


def test_names_surname_of_a_case_entity(extract):
    from collingwood.model import Entity

    known = [Entity("e-k", "Walter Krivitsky", "person")]
    out = extract("Krivitsky was debriefed in London in 1940.", known_entities=known)
    assert [m.entity_id for m in out.mentions if m.text == "Krivitsky"] == ["e-k"]


def test_names_quoted_nickname_and_title(extract):
    text = ('Harold "Kim" Philby, Donald Maclean and Guy Burgess were recruited. '
            "The then-chancellor of the Duchy of Lancaster, Lord Maurice Hankey, moved him.")
    out = extract(text)
    found = _aliases(out)
    assert ("Kim Philby", "Kim", "epithet") in found and ("Kim Philby", "Harold Philby", "full_name") in found
    assert ("Maurice Hankey", "Lord Maurice Hankey", "title") in found


def test_names_initials_and_full_names_are_one_person(extract):
    out = extract("The section was headed by Martyn Latsis. It was led by M. I. Latsis until 1919.")
    assert set(_who(out, "M. I. Latsis")) == {"Martyn Latsis"}


def test_names_spelling_variants_are_proposed_not_merged(extract):
    out = extract("Felix Dzerzhinsky was appointed Director. Chairman – Felix Dzerzhynsky, Deputy – Yakov Peters.")
    assert {"Felix Dzerzhinsky", "Felix Dzerzhynsky"} <= {e.name for e in out.entities}
    assert ("Felix Dzerzhinsky", "Felix Dzerzhynsky", "transliteration") in _aliases(out)


# ---------------------------------------------------------------- aliases as texts state them

@pytest.mark.parametrize("text, alias", [
    ("Felix Dzerzhinsky (the Iron Felix) was appointed as Director.", ("Felix Dzerzhinsky", "the Iron Felix", "epithet")),
    ("Viktor Suvorov (pseudonym of Vladimir Bogdanovich Rezun) defected in 1978.",
     ("Vladimir Rezun", "Viktor Suvorov", "code_name")),
    ("Casasin said that Walter Haltigan (whose real name was James Flint) was his normal contact.",
     ("James Flint", "Walter Haltigan", "code_name")),
    ("Robert Lee Johnson, known as 'the American Kim Philby,' was a sergeant.",
     ("Robert Lee Johnson", "the American Kim Philby", "epithet")),
    ("Jane Sissmore (now Mrs Archer) ran the section.", ("Jane Sissmore", "Jane Archer", "married_name")),
    ("Walter Krivitsky (born Samuel Ginsberg) defected in 1937.",
     ("Walter Krivitsky", "Samuel Ginsberg", "birth_name")),
])
def test_names_stated_person_aliases(extract, text, alias):
    assert alias in _aliases(extract(text))


@pytest.mark.parametrize("text, pair", [
    ("It is a specific form of human source intelligence (HUMINT).", ("human source intelligence", "HUMINT")),
    ("the Petrograd Military Revolutionary Committee (or PVRK) was dissolved.",
     ("Petrograd Military Revolutionary Committee", "PVRK")),
    ("Aid went to the Kuomintang (KMT) in China.", ("Kuomintang", "KMT")),
    ("The regulation is the Regulation of Investigatory Powers Act (RIPA) of 2000.",
     ("Regulation of Investigatory Powers Act", "RIPA")),
])
def test_names_abbreviations_defined_in_the_text(extract, text, pair):
    out = extract(text + f" Later the {pair[1]} was criticised.")
    assert (pair[0], pair[1], "abbreviation") in _aliases(out)
    later = [m for m in out.mentions if m.text == pair[1]]
    assert len(later) == 2 and all(m.alias_of == pair[0] for m in later)


def test_names_gloss_in_the_original_language(extract):
    text = _dev("../../wikipedia/Main_Intelligence_Directorate_(GRU).md", "the State Defense Council", "or GKO)")
    out = extract(text + ".")
    found = {(a, k) for _, a, k in _aliases(out)}
    assert ("GKO", "abbreviation") in found


def test_names_successive_names_of_a_body(extract):
    out = extract("In 1922 the Cheka, later the GPU, was reorganised. The NKGB was renamed the MGB in 1946.")
    found = _aliases(out)
    assert ("Cheka", "GPU", "later_name") in found and ("NKGB", "MGB", "later_name") in found
    assert [m.entity_id for m in out.mentions if m.text == "MGB"] != \
        [m.entity_id for m in out.mentions if m.text == "NKGB"]                # two bodies, not merged


def test_names_cryptonyms_in_capitals(extract):
    text = _dev("jfk-casasin-interview-1108.md", "Casasin explained the cryptonym", "clandestine operations")
    out = extract(text)
    assert any(m.text == "REDWOOD" and m.alias_kind == "code_name" for m in out.mentions)


# ---------------------------------------------------------------- life dates

@pytest.mark.parametrize("text, facts", [
    ("Felix Dzerzhinsky (11 September [O.S. 30 August] 1877 – 20 July 1926) was a Bolshevik.",
     {("born", "1877-09-11"), ("died", "1926-07-20")}),
    ("John Cairncross (born 1913) was a civil servant.", {("born", "1913")}),
    ("Kim Philby (1912–1988) was a double agent.", {("born", "1912"), ("died", "1988")}),
    ("Genrikh Yagoda (d. 1938) ran the NKVD.", {("died", "1938")}),
    ("Samuel Smith (March 3, 1901 – May 5, 1970) was a lawyer.", {("born", "1901-03-03"), ("died", "1970-05-05")}),
])
def test_names_life_dates_are_birth_and_death_claims(extract, text, facts):
    out = extract(text)
    got = {(c.predicate, c.time.value) for c in out.claims if c.predicate in ("born", "died")}
    assert facts <= got
    for c in out.claims:
        if c.predicate in ("born", "died"):
            assert c.quote == text[c.start:c.end] and re.match(r".+\(.*\d{4}.*\)$", c.quote)
            assert c.subject == text.split(" (")[0]


def test_names_bracket_without_dates_gives_nothing(extract):
    out = extract("Lenin (the leader of the Bolsheviks) spoke. The war (1939–1945) ended.")
    assert not [c for c in out.claims if c.predicate in ("born", "died")]
