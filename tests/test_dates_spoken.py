"""Years said in words (broadcast transcripts): every year 1100-2099 as a newsreader says it
is read back, in the tagger too; number words that are no year stay numbers."""

from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.extract.date_spoken import spoken_year
from collingwood.extract.dates import tag_dates

UNITS = "one two three four five six seven eight nine".split()
TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def said(n: int) -> str:
    """1..99 in words, as written: 'ninety-four'."""
    if n < 10:
        return UNITS[n - 1]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10 - 2] + (f"-{UNITS[n % 10 - 1]}" if n % 10 else "")


def year_said(y: int, with_and: bool) -> str:
    if y >= 2000:
        rest = y - 2000
        return "two thousand" + ((" and " if with_and else " ") + said(rest) if rest else "")
    century, rest = divmod(y, 100)
    head = TEENS[century - 10]
    if rest == 0:
        return f"{head} hundred"
    return f"{head} oh {UNITS[rest - 1]}" if rest < 10 else f"{head} {said(rest)}"


@settings(deadline=None)
@given(st.integers(1100, 2099), st.booleans())
def test_every_year_said_is_read_back(y, with_and):
    words = year_said(y, with_and)
    assert spoken_year(words) == y
    found = tag_dates(f"It happened in {words}, they said.")
    assert [(m.text, m.value) for m in found] == [(words, str(y))]


def test_month_and_season_with_a_year_said():
    found = tag_dates("in January nineteen ninety-seven and the winter of nineteen ninety-four")
    assert [(m.text, m.value) for m in found] == [("January nineteen ninety-seven", "1997-01"),
                                                   ("the winter of nineteen ninety-four", "1994-WI")]


def test_number_words_that_are_no_year():
    assert tag_dates("nineteen ninety soldiers died") == []
    assert tag_dates("He scored twenty-two points.") == []
