"""The grading rule at its boundaries (docs/judgment.md, 'The grading rule')."""

from __future__ import annotations

import pytest

from collingwood.analyse.grading import Tally, reliability


def grade(**kw) -> str:
    return reliability(Tally(**kw))[0]


@pytest.mark.parametrize("kw, expected", [
    ({"corroborated": 1}, "F"),                                  # 1 checkable < 2
    ({"corroborated": 2}, "B"),                                  # 2 checkable: judged, but A needs 5
    ({"corroborated": 4}, "B"),
    ({"corroborated": 5}, "A"),                                  # 5 checkable, 100%
    ({"corroborated": 9, "contradicted": 1}, "A"),               # exactly 90%
    ({"corroborated": 8, "contradicted": 1}, "B"),               # 88.9%
    ({"corroborated": 4, "contradicted": 1}, "B"),               # exactly 80%
    ({"corroborated": 11, "contradicted": 3}, "C"),              # 78.6%
    ({"corroborated": 7, "contradicted": 3}, "C"),               # exactly 70%
    ({"corroborated": 9, "contradicted": 4}, "D"),               # 69.2%
    ({"corroborated": 5, "contradicted": 5}, "D"),               # exactly 50%
    ({"corroborated": 4, "contradicted": 5}, "E"),               # 44.4%
    ({"contradicted": 2}, "E"),
    ({"corroborated": 10, "omissions": 1}, "B"),                 # one omission bars A
    ({"corroborated": 10, "omissions": 2}, "C"),                 # two omissions: C
    ({"corroborated": 10, "deceptions": 1}, "D"),                # a deception: no better than D
    ({"corroborated": 10, "fabrications": 1}, "E"),              # a fabrication: E
    ({"contradicted": 1, "deceptions": 1}, "D"),                 # an untruth is judgeable: not F
])
def test_grading_boundaries(kw, expected):
    assert grade(**kw) == expected


def test_grading_peripheral_corroboration_weighs_more():
    # 7 corroborated of 9 checkable is 77.8% (C); two of them by peripheral observers at 1.5x
    # make the weighted share (5 + 2*1.5) / (8 + 2) = 80% (B).
    assert grade(corroborated=7, contradicted=2) == "C"
    assert grade(corroborated=7, contradicted=2, peripheral=2) == "B"


def test_grading_sentence_says_why():
    letter, rule = reliability(Tally(corroborated=11, contradicted=1, omissions=1))
    assert letter == "B"
    assert rule.startswith("B: 11 of 12 checkable claims corroborated by independent sources; one omission")
    assert "A needs no omission" in rule
    assert reliability(Tally(corroborated=1))[1] == (
        "F: 1 of 1 checkable claims corroborated by independent sources; "
        "fewer than 2 checkable claims: cannot be judged.")
