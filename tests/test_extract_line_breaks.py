"""nlp._line_breaks looks only at the tokens that hold a line break or start a citation mark:
it must set the same sentence starts as walking every token does."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.extract import nlp


def _walk(doc):
    """The definition: every token in turn; then the same stops and datelines pass, which
    `_line_breaks` runs after it (a speck's stop before 'went' ends no sentence)."""
    for tok in doc[:-1]:
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
        elif tok.is_sent_start and tok.i > 0 and re.fullmatch(nlp._CITATION, tok.text):
            tok.is_sent_start = False
            doc[tok.i + 1].is_sent_start = True
    nlp._stops(doc, [t.idx for t in doc])
    nlp._datelines(doc)
    return doc


def test_a_speck_before_a_lower_case_word_is_no_stop_in_either_walk():
    assert _starts("Smith. went", nlp._line_breaks) == _starts("Smith. went", _walk) == [True, False, False]


def _starts(text: str, fn) -> list[bool]:
    model = nlp._model()
    with model.select_pipes(enable=["sentencizer"]):
        return [t.is_sent_start for t in fn(model(text))]


_PIECES = st.sampled_from(["Smith", "went", "home", ".", "[37]", "[2]", "[", "]", "12", "\n", "\n\n", " ",
                           "  ", "\t", "\r\n", "-", "# Heading", "said:", "“", "”", "A."])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_same_sentence_starts_as_the_token_walk(text):
    assert _starts(text, nlp._line_breaks) == _starts(text, _walk)


def test_a_paragraph_break_starts_a_sentence_and_a_citation_stays_behind():
    text = "He left in 1937.[12] He came back\n\nin 1940 and died."
    starts = [t.text for t, s in zip(nlp.ner()(text), _starts(text, nlp._line_breaks)) if s]
    assert "He" in starts and "in" in starts and "[12]" not in starts
