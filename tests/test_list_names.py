"""People set out one to a list item (extract/list_names.py): when most items of a list open
with a person the NER found, the name-shaped openings of the others are people too."""

from __future__ import annotations

from collingwood.extract.candidates import Cand
from collingwood.extract.entities import body_heads
from collingwood.extract.list_names import listed_persons

HEADWORDS = body_heads()
HEADS = ("Heads of the Survey Office\n\n"
         "-   Walter Hastings, March 1921 – June 1930\n"
         "-   Margaret Olsen, June 1930 – 1944\n"
         "-   Teodor Ilyich Varnavin, 1944 – May 1951\n"
         "-   Ksaver Modlibog (acting), May 1951 – July 1957\n"
         "-   Gunnar Eriksen, July 1957 – 1963\n\n"
         "The office moved in 1964.\n")


def _person(text: str, name: str, at: str | None = None) -> Cand:
    start = text.index(at or name)
    return Cand(start, start + len(at or name), "person", name, 0)


def test_names_the_ner_missed_or_cut_in_a_list_of_people_are_people():
    found = [_person(HEADS, "Walter Hastings"), _person(HEADS, "Margaret Olsen"),
             _person(HEADS, "Ilyich Varnavin"),          # the NER dropped the given name
             _person(HEADS, "Gunnar Eriksen")]           # and missed Modlibog altogether
    got = {(HEADS[c.start:c.end], c.kind, c.rank) for c in listed_persons(HEADS, found, HEADWORDS)}
    assert got == {("Teodor Ilyich Varnavin", "person", 1), ("Ksaver Modlibog", "person", 1)}


def test_a_list_whose_items_are_mostly_not_people_gives_no_names():
    found = [_person(HEADS, "Walter Hastings"), _person(HEADS, "Margaret Olsen")]   # 2 of 5
    assert listed_persons(HEADS, found, HEADWORDS) == []


def test_organisation_words_lines_in_prose_and_short_lists_are_not_names():
    bodies = ("-   Anna Lind, 1920 – 1925\n-   Karl Berg, 1925 – 1930\n"
              "-   Statistics Committee, 1930 – 1935\n-   Old Town Directorate, 1935 – 1940\n"
              "-   Eva Holm, 1940 – 1945\n")
    found = [_person(bodies, n) for n in ("Anna Lind", "Karl Berg", "Eva Holm")]
    assert listed_persons(bodies, found, HEADWORDS) == []
    short = "-   Anna Lind, 1920 – 1925\n-   Karl Berg, 1925 – 1930\n"
    assert listed_persons(short, [_person(short, "Anna Lind")], HEADWORDS) == []
    prose = "Walter Hastings, the director, left in 1930. Margaret Olsen, his deputy, followed."
    assert listed_persons(prose, [_person(prose, "Walter Hastings")], HEADWORDS) == []
