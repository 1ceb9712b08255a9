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
