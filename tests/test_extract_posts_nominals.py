"""Post nouns and act nouns (rules-spacy@1): the patterns of `extract/posts.py` and
`extract/nominals.py`, and the places they must stay silent.

Passages are sentences written here in the style of the genres (encyclopaedia articles,
declassified memos, testimony), or short quotes from the shared Wikipedia texts.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _facts(out):
    return {(c.subject, c.predicate, c.object, c.time.render() if c.time else None) for c in out.claims}


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


# ---------------------------------------------------------------- act nouns that date a clause

def test_act_noun_after_which_a_dated_clause_happened_is_bounded_by_it(extract):
    out = extract("The Korean Armistice Agreement was signed in July 1953 after the death of Stalin, who "
                  "had been insisting that the North Koreans continue fighting.")
    (c,) = [c for c in _of(out, "died") if c.subject == "Stalin"]
    assert c.object is None and c.polarity == "affirmed"
    assert c.time.open_start and c.time.latest == "1953-07-31"     # on or before July 1953
    assert "death of Stalin" in c.quote


def test_act_noun_before_which_a_dated_clause_happened_is_bounded_the_other_way(extract):
    out = extract("Gordon Lonsdale travelled to Moscow in May 1955, before his arrest by the FBI.")
    assert not _of(out, "detained")          # the arrest has a named actor: not an arrest on its own
    out = extract("Ethel Rosenberg joined the Young Communist League in 1936, long before her arrest.")
    (c,) = _of(out, "detained")
    assert c.subject == "Ethel Rosenberg" and c.time.earliest == "1936-01-01" and c.time.open_end


def test_undated_anchor_of_a_persons_lot_stands_undated(extract):
    out = extract("Walter Krivitsky reached London in January 1940. His value as a source was lost on "
                  "the FBI until after his death.")
    assert ("Walter Krivitsky", "died", None, None) in _facts(out)


def test_act_noun_silent_where_it_is_no_anchor_or_no_fact(extract):
    out = extract("Anthony Blunt wrote a memoir. It was given to the library in 1984, the year after his "
                  "death. The death of Stalin changed everything. Soon after the planned invasion of "
                  "Britain was abandoned, Hitler turned east.")
    assert not _of(out, "invaded")
    # 'in 1984, the year after his death' dates the death to 1983, never to 1984
    assert [(c.subject, c.time.earliest, c.time.latest) for c in _of(out, "died")] == \
        [("Anthony Blunt", "1983-01-01", "1983-12-31")]


def test_anchored_body_without_a_date_says_too_little(extract):
    out = extract("The committee met weekly until after the dissolution of the Cheka.")
    assert not _of(out, "dissolved_by")


# ---------------------------------------------------------------- posts

def test_post_of_a_sub_unit_named_before_it_is_no_headship_of_the_body(extract):
    out = extract("Oleg Nechiperenko, the KGB station chief, met him twice.")
    assert not [c for c in _of(out, "headed") if c.object == "KGB"]
    out = extract("Aldrich Ames, a CIA counterintelligence officer, met him twice.")
    assert ("Aldrich Ames", "worked_at", "CIA", None) in _facts(out)


def test_post_of_a_pronoun_body_and_hopes_of_a_post_are_silent(extract):
    out = extract("The Cheka was created in 1917. Felix Dzerzhinsky was its first head. Yakov Peters was "
                  "his deputy. Kim Philby kept his hopes of a post in the SIS.")
    assert not [c for c in out.claims if c.predicate in ("headed", "worked_at")]


def test_act_noun_takes_its_clauses_time_when_its_own_phrase_has_none(extract):
    out = extract("John Cairncross joined the Treasury in 1938. His move to Section V of MI6 was in 1943 "
                  "a relief.")
    assert ("John Cairncross", "transferred", "MI6", "1943") in _facts(out)    # the body of the section


def test_a_move_without_a_person_or_to_a_place_is_no_transfer(extract):
    out = extract("The move of the Cheka to Moscow came in March 1918. John Cairncross feared his transfer "
                  "to the Treasury in 1945.")
    assert not _of(out, "transferred")


def test_membership_of_a_body_is_membership(extract):
    out = extract("Harry Pollitt led the party for years; his membership of the Communist Party of Great "
                  "Britain began in 1920.")
    assert ("Harry Pollitt", "member_of", "Communist Party of Great Britain", "1920") in _facts(out)


# ---------------------------------------------------------------- post nouns

def test_post_nouns_of_the_embassy_and_the_handler(extract):
    out = extract("As of September 1962 Samuel Wise was the second secretary of the American Embassy in "
                  "Moscow. Yuri Modin, the handler of Kim Philby, wrote a memoir.")
    facts = _facts(out)
    assert ("Samuel Wise", "worked_at", "American Embassy, Moscow", "Sep 1962") in facts
    assert ("Yuri Modin", "handled", "Kim Philby", None) in facts


def test_arrival_of_a_person_in_a_place(extract):
    out = extract("Walter Krivitsky left Paris in 1937. His arrival in Britain in January 1940 was kept "
                  "secret. The arrival of the winter of 1940 slowed the work.")
    arrivals = {f for f in _facts(out) if f[1] == "arrived_in"}
    assert arrivals == {("Walter Krivitsky", "arrived_in", "United Kingdom", "Jan 1940")}   # Britain, by its own name


def test_offered_or_drafted_acts_and_a_vague_past_date_nothing(extract):
    out = extract("On 11 August 1918 Erich Ludendorff offered his resignation to the Kaiser. On January 16 "
                  "1919 the presidium approved the draft on the establishment of the Politburo.")
    assert not _of(out, "resigned") and not _of(out, "founded_by")
    out = extract("Walter Krivitsky reached London in January 1940. His value as a former officer was lost "
                  "on the FBI until after his death.")
    (c,) = _of(out, "died")
    assert c.time is None                  # 'former' is no date to bound the death by


def test_an_act_noun_as_a_topic_or_a_charge_is_no_act_but_on_before_the_verb_is_a_time(extract):
    out = extract("In 1951 Guy Burgess was arrested for the murder of Kim Philby. In 1960 the committee "
                  "talked about the defection of Walter Krivitsky in 1937.")
    assert not _of(out, "died") and not _of(out, "defected_to")
    out = extract("On his arrival in Britain in January 1940, Walter Krivitsky was met by Jane Archer.")
    assert ("Walter Krivitsky", "arrived_in", "United Kingdom", "Jan 1940") in _facts(out)


def test_post_after_as_held_by_the_possessor_of_a_tenure_or_the_clauses_subject(extract):
    out = extract("John Cairncross joined the Foreign Office in 1936. In 1940 his time as a member of the "
                  "Communist Party of Great Britain ended. As head of the NKVD, Lavrentiy Beria ordered the "
                  "arrests in 1938.")
    facts = _facts(out)
    assert ("John Cairncross", "member_of", "Communist Party of Great Britain", None) in facts  # undated
    assert ("Lavrentiy Beria", "headed", "NKVD", "1938") in facts


def test_post_after_as_silent_for_a_cover_or_a_view(extract):
    out = extract("In 1951 Kim Philby kept his cover as an officer of the SIS. In 1955 Kim Philby was "
                  "regarded as a member of the SIS.")
    assert not [c for c in out.claims if c.predicate in ("worked_at", "member_of")]


def test_act_nouns_of_a_debriefing_a_leadership_and_an_election(extract):
    out = extract("In 1964 Arthur Martin was sent to Ohio. The debriefing of John Cairncross by Arthur Martin "
                  "took place in February 1964. Felix Dzerzhinsky's leadership of the Cheka began in December "
                  "1917. Harry Pollitt joined the party in 1920. His election as general secretary of the "
                  "Communist Party of Great Britain came in 1929.")
    facts = _facts(out)
    assert ("Arthur Martin", "interviewed", "John Cairncross", "Feb 1964") in facts
    assert ("Felix Dzerzhinsky", "headed", "Cheka", "Dec 1917") in facts
    assert ("Harry Pollitt", "appointed", "Communist Party of Great Britain", "1929") in facts


def test_a_debriefing_without_its_debriefer_or_an_election_of_a_year_is_silent(extract):
    out = extract("Walter Krivitsky reached London in January 1940. Krivitsky's debriefing in London lasted "
                  "four weeks in 1940. The election of 1948 was close.")
    assert not _of(out, "interviewed") and not _of(out, "appointed")


def test_a_title_written_with_a_capital_is_a_post(extract):
    out = extract("Samuel WISE, Counsel of the American Embassy in Moscow, handled the case.")
    assert ("Samuel Wise", "worked_at", "American Embassy, Moscow") in {(c.subject, c.predicate, c.object) for c in out.claims}
