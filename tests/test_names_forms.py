"""Name forms as archives write them: pure functions, no spaCy."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.extract.name_forms import (compatible, fold, inverted, normal_case, ocr_match, parse_person,
                                            skeleton, variant_kind)
from collingwood.extract.name_links import archive_candidates, name_variants, place_variants


@pytest.mark.parametrize("written, display, canonical, nickname, titles", [
    ("Antonia (Toni) Leigh CHAYES", "Antonia Leigh Chayes", "Antonia Leigh Chayes", "Toni", ()),
    ("Samuel G. WISE", "Samuel G. Wise", "Samuel G. Wise", "", ()),
    ("Samuel Griffin WISE Jr.", "Samuel Griffin Wise Jr.", "Samuel Griffin Wise Jr.", "", ()),
    ("OSWALD, Lee Harvey", "Lee Harvey Oswald", "Lee Harvey Oswald", "", ()),
    ("Melgounov, Sergey Petrovich", "Sergey Petrovich Melgounov", "Sergey Melgounov", "", ()),
    ("Wing Commander John Archer", "John Archer", "John Archer", "", ("Wing", "Commander")),
    ("Lord Maurice Hankey", "Maurice Hankey", "Maurice Hankey", "", ("Lord",)),
    ('Harold "Kim" Philby', "Harold Philby", "Kim Philby", "Kim", ()),
    ("Vladimir Bogdanovich Rezun", "Vladimir Bogdanovich Rezun", "Vladimir Rezun", "", ()),
    ("Ya. Kh. Peters", "Ya. Kh. Peters", "Ya. Kh. Peters", "", ()),
    ("M. I. Latsis", "M. I. Latsis", "M. I. Latsis", "", ()),
    ("John J. McCLOY", "John J. McCloy", "John J. McCloy", "", ()),
    ("Louis XVI", "Louis XVI", "Louis XVI", "", ()),
    ("Aldrich Hazen Ames", "Aldrich Hazen Ames", "Aldrich Hazen Ames", "", ()),
    ("Nguyen Van Thieu", "Nguyen Van Thieu", "Nguyen Van Thieu", "", ()),
])
def test_names_parse_archive_forms(written, display, canonical, nickname, titles):
    p = parse_person(written)
    assert p is not None
    assert (p.display, p.canonical, p.nickname, p.titles) == (display, canonical, nickname, titles)


@pytest.mark.parametrize("text", ["London, England", "U.S. Casasin", "CIA", "", "the", "Washington, D.C."])
def test_names_no_person(text):
    assert parse_person(text) is None


def test_names_particles_stay_with_the_surname():
    assert parse_person("Charles de Gaulle").surname == "de Gaulle"


@pytest.mark.parametrize("word, prose", [("CHAYES", "Chayes"), ("McCLOY", "McCloy"), ("O'BRIEN", "O'Brien"),
                                         ("Smith", "Smith"), ("XVI", "XVI"), ("SMITH-JONES", "Smith-Jones")])
def test_names_normal_case(word, prose):
    assert normal_case(word) == prose


def test_names_inverted_form_needs_evidence():
    assert inverted("OSWALD, Lee Harvey") == "Lee Harvey OSWALD"
    assert inverted("Petrov, Vladimir Mikhailovich") == "Vladimir Mikhailovich Petrov"
    assert inverted("London, England") is None
    assert inverted("Paris, France") is None


@pytest.mark.parametrize("a, b, same", [
    ("Samuel G. WISE", "Samuel Griffin WISE Jr.", True),
    ("Lee Oswald", "Lee Harvey Oswald", True),
    ("M. S. Kedrov", "Mikhail Kedrov", True),
    ("Bill Kent", "William Kent", True),
    ("Abram CHAYES", "Antonia Leigh CHAYES", False),          # husband and wife
    ("Joseph Kennedy Sr.", "Joseph Kennedy Jr.", False),       # father and son
    ("John Archer", "Jane Archer", False),
])
def test_names_compatible_forms(a, b, same):
    assert compatible(parse_person(a), parse_person(b)) is same


@pytest.mark.parametrize("a, b, kind", [
    ("Dzerzhinsky", "Dzerzhynsky", "transliteration"),
    ("Yan", "Jan", "transliteration"),
    ("Kapitza", "Kapitsa", "transliteration"),
    ("Ginzburg", "Ginsberg", "transliteration"),
    ("Belmont", "Betmont", "spelling"),
    ("Belmont", "Becmonr", "spelling"),
    ("Tuomi", "Tupmi", "spelling"),
    ("Maclean", "Macmillan", None),
    ("Burgess", "Blunt", None),
    ("Wise", "Wile", None),                                    # short names must agree more
])
def test_names_variant_kind(a, b, kind):
    assert variant_kind(a, b) == kind


def test_names_ocr_after_a_title_goes_to_the_one_close_surname():
    speakers = ["Dulles", "Belmont", "Stern", "McCloy"]
    assert ocr_match("Duties", speakers) == "Dulles"
    assert ocr_match("Becmonr", speakers) == "Belmont"
    assert ocr_match("Sreen", speakers) == "Stern"
    assert ocr_match("Hoover", speakers) is None


def test_names_variants_are_pairs_not_merges():
    pairs = name_variants(["Felix Dzerzhinsky", "Felix Dzerzhynsky", "Jan Berzin", "Yan Berzin",
                           "Abram Chayes", "Antonia Chayes", "Donald Maclean", "Harold Macmillan"])
    assert ("Felix Dzerzhinsky", "Felix Dzerzhynsky", "transliteration") in pairs
    assert ("Jan Berzin", "Yan Berzin", "transliteration") in pairs
    assert not any("Chayes" in a or "Maclean" in a for a, _, _ in pairs)


def test_names_places_spelled_two_ways():
    assert place_variants(["Istanbul", "Greece", "Istambul", "Greco", "Macedon", "Macedonia"]) == [
        ("Istanbul", "Istambul", "spelling")]


def test_names_skeleton_ignores_transliteration():
    assert skeleton("Ordjonikidze") == skeleton("Ordzhonikidze")
    assert skeleton("Maclean") != skeleton("Macmillan")


# ---------------------------------------------------------------- archive forms in running text

def _names(text):
    return {(text[c.start:c.end], c.name) for c in archive_candidates(text)}


def test_names_memo_upper_case_surnames():
    memo = ("2. A check of the files revealed that Abram CHAYES, Legal Officer of the State Department,\n"
            "and his wife Antonia (Toni) Leigh CHAYES, nee: HANDLER, were the subject of a file.\n"
            "a Samuel G. WISE was Second Secretary.")
    found = _names(memo)
    assert ("Abram CHAYES", "Abram Chayes") in found
    assert ("Antonia (Toni) Leigh CHAYES", "Antonia Leigh Chayes") in found
    assert ("Samuel G. WISE", "Samuel G. Wise") in found


def test_names_headings_and_cryptonyms_are_no_names():
    cable = "SECRET\nSUBJECT: LIENVOY REPORT\nREF: DIR 74830\nThe CIA and the FBI agreed; HSCA staff asked."
    assert _names(cable) == set()


def test_names_cable_in_capitals():
    assert ("ANATOLY YAZKOV", "Anatoly Yazkov") in _names("THE NEW FACE SHOWN WEDNESDAY WAS ANATOLY YAZKOV, 80,")


def test_names_bibliography_inverted_entries():
    refs = "References\n-   Melgounov, Sergey Petrovich (1925) _The Red Terror in Russia._ London\n"
    assert ("Melgounov, Sergey Petrovich", "Sergey Melgounov") in _names(refs)


def test_names_initials_before_a_surname():
    found = _names("chaired by Dzerzhinsky; members were G. K. Ordjonikidze, Ya. Kh. Peters and the U. S. Army")
    assert ("G. K. Ordjonikidze", "G. K. Ordjonikidze") in found and ("Ya. Kh. Peters", "Ya. Kh. Peters") in found
    assert not any("Army" in n for _, n in found)


# ---------------------------------------------------------------- properties

_name_word = st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True)


@settings(max_examples=150, deadline=None)
@given(st.lists(_name_word, min_size=1, max_size=3), st.from_regex(r"[A-Z]{3,10}", fullmatch=True))
def test_names_inverted_form_round_trips(given_names, surname):
    from collingwood.extract.name_forms import names_data, not_surnames, title_words

    if surname in not_surnames() or given_names[0] in title_words() or \
            given_names[0] in names_data()["relation_words"]:
        return                                   # 'Sgt AAA' is a title and a name, not given names
    natural = parse_person(" ".join(given_names) + " " + surname)
    back = parse_person(f"{surname}, {' '.join(given_names)}")
    assert natural is not None and back is not None
    assert (back.given, back.surname) == (natural.given, natural.surname)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_names_parsers_never_crash(text):
    p = parse_person(text)
    if p is not None:
        assert p.surname and p.given and fold(p.display)
    inverted(text)
    archive_candidates(text)
    variant_kind(text, text[::-1])
