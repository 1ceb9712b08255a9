"""Paragraph breaks asked by offset: the same answer as slicing the text."""

from hypothesis import given
from hypothesis import strategies as st

from collingwood.extract.paragraphs import Paragraphs

texts = st.text(alphabet="ab \n", max_size=60)


@given(texts, st.data())
def test_same_paragraph_agrees_with_slicing(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert Paragraphs(text).same(a, b) == ("\n\n" not in text[a:b])


@given(texts, st.data())
def test_paragraph_numbers_count_the_breaks_before(text, data):
    at = data.draw(st.integers(0, len(text)))
    p = Paragraphs(text)
    assert p.number(at) == len([i for i in range(len(text) - 1) if text[i:i + 2] == "\n\n" and i + 2 <= at])


def test_a_paragraph_written_as_one_long_line_ends_at_its_line_break():
    first = "In 1864 the army marched south along the river, " * 5 + "and took the town."
    text = first + "\nThe next spring the general left the city.\n\nA third paragraph."
    p = Paragraphs(text)
    assert len(first) >= 200
    assert not p.same(0, len(first) + 5)              # the long line is a paragraph of its own
    assert p.number(len(first) + 3) == 1 and p.number(len(text) - 2) == 2


def test_lines_wrapped_at_a_typewriters_width_stay_one_paragraph():
    text = "\n".join(["The subject was interviewed at the office on that day and he stated."] * 6)
    assert Paragraphs(text).same(0, len(text))


def test_a_long_line_that_stops_mid_sentence_is_a_wrapped_line():
    text = "x" * 250 + " and\nso the sentence goes on."
    assert Paragraphs(text).same(0, len(text))
