"""Readings of the thirteenth round: an envoy's title is a post at his state's mission abroad
('X, the American ambassador to the Soviet Union' worked at the American Embassy, Moscow),
named as every post abroad is named, dated by its own phrase. The passages are written here
in the genres' manner, the names invented or common, and one is read from the encyclopaedia
article of the dev set (../shared, CC BY-SA)."""

from __future__ import annotations

import pytest

from shared_data import DATA, need

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def read(extract):
    """The extraction of one text: read(text, author=..., kind=..., written=...)."""
    return lambda text, **options: extract(text, source_id="t", **options)


def _posts(out, who):
    return [(c.predicate, c.object, c.time and (c.time.earliest, c.time.latest))
            for c in out.claims if c.subject == who and c.predicate in ("worked_at", "headed", "member_of")]


def test_an_ambassador_to_a_state_serves_at_the_embassy_in_its_capital(read):
    out = read("In 1962 Walter Brennan was the American ambassador to the Soviet Union.")
    assert _posts(out, "Walter Brennan") == [("worked_at", "American Embassy, Moscow", ("1962-01-01", "1962-12-31"))]
    (post,) = [e for e in out.entities if e.name == "American Embassy, Moscow"]
    assert {"US Embassy Moscow", "U.S. Embassy, Moscow"} <= {a.name for a in post.aliases}   # one post, any adjective


def test_an_ambassador_in_apposition_is_dated_by_his_own_phrase_not_by_a_clause_on_it(read):
    out = read("Ivan Petrenko, the Soviet ambassador in London from 1932 to 1943, met Churchill.")
    assert ("worked_at", "Soviet Embassy, London", ("1932-01-01", "1943-12-31")) in _posts(out, "Ivan Petrenko")
    out = read("Ivan Petrenko, the Soviet ambassador in London who met Churchill in 1941, kept a diary.")
    assert ("worked_at", "Soviet Embassy, London", None) in _posts(out, "Ivan Petrenko")


def test_a_consul_serves_at_the_consulate_of_the_city_he_is_in(read):
    out = read("Emilio Vargas, the Cuban consul in Mexico City, met the visitor on 27 September 1963.",
               kind="memorandum", written="1963-10-10")
    assert ("worked_at", "Cuban Consulate, Mexico City", None) in _posts(out, "Emilio Vargas")


def test_a_deputy_chief_of_mission_works_at_the_embassy_and_heads_nothing(read):
    out = read("From 1944 to 1946 Henry Dawes was deputy chief of mission of the United States to the Soviet Union.")
    assert _posts(out, "Henry Dawes") == [("worked_at", "American Embassy, Moscow", ("1944-01-01", "1946-12-31"))]


def test_an_envoy_whose_state_is_unwritten_or_at_home_holds_no_post_abroad(read):
    assert _posts(read("The other official named was Carl Lindqvist, the then Ambassador to Russia."),
                  "Carl Lindqvist") == []          # whose ambassador, the text does not say
    assert _posts(read("In 1962 Pavel Orlov was the Soviet ambassador in Moscow."), "Pavel Orlov") == []


def test_the_title_and_the_written_embassy_are_one_post(read):
    out = read("Brennan visited the American Embassy in Moscow on 3 May 1962. "
               "In 1962 Walter Brennan was the US ambassador to the Soviet Union.")
    ids = {c.object_id for c in out.claims if c.object and "Embassy" in c.object}
    assert len(ids) == 1 and None not in ids


def test_the_encyclopaedia_names_the_author_of_the_long_telegram_by_his_post(read):
    text = need(DATA / "wikipedia" / "Cold_War_1947-1953.md").read_text(encoding="utf-8")
    at = text.index("the true author was George F. Kennan")
    passage = text[text.rindex("\n", 0, at) + 1:text.index("\n", at)]
    out = read(passage)
    assert ("worked_at", "American Embassy, Moscow", ("1944-01-01", "1946-12-31")) in _posts(out, "George F. Kennan")
