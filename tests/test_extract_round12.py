"""Readings of the twelfth round: a body the NER names whole whose name opens with a name the
gazetteer knows stays whole ('the UN Food and Agriculture Organisation' is no 'UN'); a verb
that says nothing happened is refused under the base form its inflection allows, not only
under the model's lemma ('he hopes' is no 'hop'). The passages are written here in the
genres' manner, the names invented or common."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read(extract):
    """The claims of one text: read(text, author=..., kind=..., written=...)."""
    return lambda text, **options: extract(text, source_id="t", **options).claims


def _spans(text):
    from collingwood.extract import nlp
    return [(e.text, e.ent_id_) for e in nlp.ner()(text).ents if e.label_ == "ORG"]


def test_a_known_name_opening_a_longer_body_keeps_the_body_whole(read):
    text = "In 1967 John Cairncross worked for the UN Food and Agriculture Organisation as a translator."
    assert _spans(text) == [("UN Food and Agriculture Organisation", "")]
    (c,) = [c for c in read(text) if c.predicate == "worked_at"]
    assert c.object == "UN Food and Agriculture Organisation" and c.subject == "John Cairncross"


def test_the_known_name_alone_is_still_the_known_body(read):
    assert _spans("In 1950 he joined the UN as an interpreter.") == [("UN", "United Nations")]
    (c,) = [c for c in read("In 1950 Mary Hollis joined the UN as an interpreter.")
            if c.subject == "Mary Hollis"]
    assert c.object == "United Nations"


def test_hoping_is_no_event_whatever_the_lemma(read):
    claims = read("On 29 September 1963 Paul Brandt takes a bus to Laredo. Maybe he hopes that "
                  "someone there will know him.")
    assert not [c for c in claims if c.predicate in ("other:hop", "other:hope")]
    hopping = read("In September 1963 Paul Brandt hops on a bus.")
    assert [c.predicate for c in hopping] == ["other:hop"]      # the verb itself is an act


def test_in_a_cable_capitals_make_no_title(read):
    cable = ("1. ON 24 MARCH 1992 PETER HALLORAN SENT A SAMPLE OF HIS WORK TO THE EMBASSY NOT FOR "
             "PUBLICATION BUT FOR A CRITICAL READING.")
    assert not [c for c in read(cable, kind="cable", written="1992-03-27")
                if (c.object or "").lower() == "publication"]
    prose = "In 1968 Kim Philby published _My Silent War_ in London."
    assert [c.object for c in read(prose) if c.predicate == "published"] == ["My Silent War"]


@pytest.mark.parametrize("text, title", [
    ("In 1968 Kim Philby published _My Silent War_ in London.", "My Silent War"),
    ("In 1950 Ruth Fischer published _The Third Man_ in Paris.", "The Third Man"),
])
def test_a_title_between_marks_is_the_words_between_them(read, text, title):
    """A possessive or an article opening the title is the title's; the place after it is not."""
    assert [c.object for c in read(text) if c.predicate == "published"] == [title]
