"""Words broken across a line by a hyphen (typed memos, OCR'd testimony) read whole, with
every span still quoting the source's own characters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from collingwood.extract.line_hyphens import rejoin


def test_a_broken_word_is_written_whole():
    assert rejoin("the clan-\ndestine service").text == "the clandestine service"
    assert rejoin("the Counterin-  \n    telligence Staff").text == "the Counterintelligence Staff"


def test_a_compound_keeps_its_hyphen_and_a_capital_starts_a_new_word():
    text = "his self-\nstyled aide, a Soviet-\nbacked front, an Anglo-\nAmerican venture"
    assert rejoin(text).text == "his self-styled aide, a Soviet-backed front, an Anglo-\nAmerican venture"


def test_offsets_of_the_read_text_map_back_into_the_source():
    text = "sent by Pe-\n   trov's office, a Soviet-\nbacked front."
    whole = rejoin(text)
    at = whole.text.index("Petrov")
    assert text[whole.start(at):whole.end(at + len("Petrov"))] == "Pe-\n   trov"
    office = whole.text.index("office")
    assert text[whole.start(office):whole.end(office + 6)] == "office"
    backed = whole.text.index("backed")
    assert text[whole.start(backed):whole.end(backed + 6)] == "backed"
    assert text[whole.start(backed - 1):whole.end(backed)] == "-"


def test_text_without_a_broken_word_is_returned_as_it_is():
    text = "A line-\n\nthen a blank line, and a dash - at the end -\nThen a capital."
    whole = rejoin(text)
    assert whole.text == text and whole.cuts == ()


_WORD = st.from_regex(r"[A-Za-z]{1,6}", fullmatch=True)


@given(st.lists(st.tuples(_WORD, st.sampled_from([" ", "-\n", "-\n  ", ", ", "\n"])), max_size=12))
def test_every_read_word_maps_back_to_its_source_characters(pieces):
    text = "".join(w + sep for w, sep in pieces)
    whole = rejoin(text)
    assert len(whole.text) <= len(text)
    pos = 0
    for word in whole.text.split():
        lo = whole.text.index(word, pos)
        pos = lo + len(word)
        source = text[whole.start(lo):whole.end(pos)]
        assert source.replace("-", "").replace("\n", "").replace(" ", "") == word.replace("-", "")


def test_memo_with_broken_words_gives_claims_quoting_the_source(extract):
    text = ("On 4 March 1961 Karel Vo-\nsecky, an officer of the Counterin-\n"
            "telligence Staff, interviewed the defector Anton Brezina in Vienna.\n")
    out = extract(text)
    (c,) = [c for c in out.claims if c.predicate == "interviewed"]
    assert c.subject == "Karel Vosecky" and c.object == "Anton Brezina"
    assert c.time.render() == "4 Mar 1961"
    assert text[c.start:c.end] == c.quote
    assert all(text[m.start:m.end] == m.text for m in out.mentions)
    assert any(m.text == "Karel Vo-\nsecky" for m in out.mentions)


def test_windows_line_ends_are_rejoined_too():
    text = "the clan-\r\ndestine service"
    whole = rejoin(text)
    assert whole.text == "the clandestine service"
    at = whole.text.index("clandestine")
    assert text[whole.start(at):whole.end(at + len("clandestine"))] == "clan-\r\ndestine"


def test_a_broken_name_in_a_later_part_of_a_long_source_maps_back(extract):
    from collingwood.extract.rules import CHUNK

    filler = "The weather in the valley was mild that year.\n\n" * (CHUNK // 47 + 10)
    memo = ("On 4 March 1961 Karel Vo-\nsecky, an officer of the Counterin-\n"
            "telligence Staff, interviewed the defector Anton Brezina in Vienna.\n")
    text = filler + memo
    assert len(text) > CHUNK
    out = extract(text)
    (c,) = [c for c in out.claims if c.predicate == "interviewed"]
    assert c.subject == "Karel Vosecky" and c.start > CHUNK
    assert text[c.start:c.end] == c.quote and "Vo-\nsecky" in c.quote
    assert all(text[m.start:m.end] == m.text for m in out.mentions)


def test_common_syllables_are_halves_of_one_word_not_compound_parts():
    for broken, whole in [("with-\nout", "without"), ("ex-\nplained", "explained"), ("So-\nviet", "Soviet"),
                          ("Mon-\nday", "Monday"), ("un-\nknown", "unknown"), ("control-\nled", "controlled")]:
        assert rejoin(f"the {broken} case").text == f"the {whole} case"
