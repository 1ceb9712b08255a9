"""Readings of the tenth round: a return tells where it comes from as well ('returned to
Moscow from Spain' is also leaving Spain); OCR'd typescript that spaces a paragraph's lines
out with blank lines, and a page's foot and the next page's head inside a sentence. Passages
written here in the genre's layout; the names are invented or common."""

from __future__ import annotations

import pytest

from collingwood.extract.nlp import soften_line_breaks
from collingwood.extract.paragraphs import Paragraphs, page_furniture, soft_blanks

_SPACED = ("In July 1962 John Smith was transferred to the American\n"
           "\n"
           "embassy in Moscow where he met Lee Oswald.\n")

_PAGE_BREAK = ("The witness gave the following dates in an effort to fix the time of it.\n"
               "Mr. Grant said that John Smith left Tokyo on June 25, 1960 and\n"
               "\n"
               "SECRET\n"
               "\n"
               "za, Sar SA GR a, Sa. aA.\n"
               "\n"
               "3 of 9 pages\n"
               "Classification: ___ SECRET\n"
               "\n"
               "(This form is to be used for material extracted\n"
               "from controlled documents.)\n"
               "\n"
               "travelled through Europe on leave with his family until September,\n"
               "1960. He said therefore the meeting could not have taken place then.\n")


def test_a_blank_line_inside_a_sentence_is_no_paragraph_break():
    lines = _SPACED.split("\n")
    assert soft_blanks(lines) == {1}
    soft = soften_line_breaks(_SPACED)
    assert len(soft) == len(_SPACED) and "\n" not in soft[:-1]
    assert Paragraphs(_SPACED).same(0, len(_SPACED) - 1)


@pytest.mark.parametrize("text", [
    "A heading of the file\n\nnotes follow below.",              # too short to be prose stopping
    "He met the agent in July 1962.\n\nthe next day he left.",   # a stop ends the line
    "The Cold War and the making of\n\n    by A. N. Author",        # a title page's indented line
    "He said he would write to\n\nBerlin about it.",               # goes on with a capital
])
def test_a_blank_line_stays_a_break_where_the_text_does_not_go_on(text):
    assert soft_blanks(text.split("\n")) == set()


def test_page_furniture_inside_a_sentence_is_read_as_spaces():
    lines = _PAGE_BREAK.split("\n")
    ((first, last),) = page_furniture(lines)
    assert lines[first - 1].endswith("1960 and") and lines[last + 1].startswith("travelled")
    soft = soften_line_breaks(_PAGE_BREAK)
    assert len(soft) == len(_PAGE_BREAK)
    assert "SECRET" not in soft and "This form" not in soft and "Tokyo on June 25, 1960 and " in soft


def test_a_prose_line_between_is_never_furniture():
    text = ("Mr. Phillips acknowledged that the Station and its officers\n\n"
            "other than just reporting\n\n"
            "could, and often did, take actions in response to the reports it had.\n")
    assert page_furniture(text.split("\n")) == []
    assert "other than just reporting" in soften_line_breaks(text)


@pytest.mark.slow
def test_a_sentence_broken_by_a_page_is_read_whole(extract):
    out = extract(_PAGE_BREAK)
    (c,) = [c for c in out.claims if c.predicate == "visited"]
    assert c.subject == "John Smith" and c.object == "Europe"
    assert c.time.earliest == "1960-06-25" and c.time.latest == "1960-09-30"
    assert c.quote in _PAGE_BREAK and "SECRET" in c.quote     # the exact passage, page foot and all


@pytest.mark.slow
def test_a_spaced_out_sentence_takes_its_date_across_the_blank_line(extract):
    out = extract(_SPACED)
    (c,) = [c for c in out.claims if c.predicate == "met"]
    assert c.object == "Lee Oswald" and c.time.earliest == "1962-07-01"


def test_a_line_ending_on_an_article_goes_on_after_a_blank_line_whatever_follows():
    text = ("1. According to a newspaper column of the Daily Courier in the\n\n"
            "’ Chicago edition of 6 December 1963, John Smith was responsible.\n")
    assert soft_blanks(text.split("\n")) == {1}


@pytest.mark.slow
@pytest.mark.parametrize("text, left, arrived", [
    ("In 1937 Alexander Orlov returned to Moscow from Spain.", "Spain", "Moscow"),
    ("Alexander Orlov returned from Spain to Moscow in 1937.", "Spain", "Moscow"),
    ("In 1946 John Smith came back from Paris.", "Paris", None),
])
def test_a_return_tells_the_leaving_of_where_it_comes_from(extract, text, left, arrived):
    out = extract(text)
    (c,) = [c for c in out.claims if c.predicate == "left"]
    assert c.object == left and c.time.earliest[:4] in ("1937", "1946")
    assert [c.object for c in out.claims if c.predicate == "arrived_in"] == ([arrived] if arrived else [])


@pytest.mark.slow
def test_a_return_from_what_is_no_place_tells_no_leaving(extract):
    out = extract("In 1946 John Smith returned from the war.")
    assert not [c for c in out.claims if c.predicate == "left"]
