"""The fast date scan finds exactly what running every pattern over the whole text finds."""

from __future__ import annotations


import pytest

from collingwood.extract import date_patterns
from collingwood.extract.date_scan import PatternScan
from shared_data import DATA, SEEDS, need

TEXTS = sorted(need(DATA / "wikipedia").glob("*.md")) + sorted(SEEDS.glob("*.txt"))


def _key(pairs):
    return sorted((i, m.span(), m.groups()) for i, m in pairs)


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem[:20])
def test_date_scan_equals_plain_finditer_on_real_text(path):
    text = path.read_text("utf-8")
    scan = PatternScan([rx for _, rx in date_patterns._patterns()])
    assert _key(scan.finditer(text)) == _key(date_patterns._plain(text))


def test_date_scan_self_check_keeps_the_fast_scan_on_this_python():
    assert date_patterns._scan() is not date_patterns._plain
    assert _key(date_patterns._scan()(date_patterns._SELF_CHECK)) == _key(date_patterns._plain(date_patterns._SELF_CHECK))
