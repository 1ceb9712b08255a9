"""How news reports and chapter summaries state facts (rules-spacy@1): one golden passage
per rule. Passages are written here in the style of the genre, or read from the shared
seed texts through `tests/shared_data.py`.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get
from shared_data import SEEDS, need

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def test_being_part_of_a_ring_is_membership_but_as_part_of_is_not(extract):
    out = extract("Anthony Blunt was part of the Cambridge spy ring.")
    (c,) = _of(out, "member_of")
    assert (c.subject, c.object) == ("Anthony Blunt", "Cambridge Five")
    out = extract("As part of a re-organisation of the Red Army, the GRU became the Fourth Directorate in 1926.")
    assert not _of(out, "member_of")


def test_joining_an_employer_is_a_post_joining_a_party_a_membership(extract):
    out = extract("Mary Lennox joined the Foreign Office in 1936.")
    (c,) = [c for c in out.claims if c.object == "Foreign Office"]
    assert c.predicate == "worked_at" and c.time.earliest == "1936-01-01"
    out = extract("Mary Lennox joined the Communist Party of Great Britain in 1934.")
    assert [c.predicate for c in out.claims if c.object == "Communist Party of Great Britain"] == ["member_of"]


def test_returning_to_a_body_is_a_transfer_moving_to_a_city_a_residence(extract):
    out = extract("Mary Lennox returned to the Treasury in 1945. Mary Lennox moved to Lisbon in 1960.")
    (t,) = _of(out, "transferred")
    assert t.object == "Treasury" and t.time.earliest == "1945-01-01"
    (r,) = _of(out, "lived_in")
    assert r.object == "Lisbon" and r.time.earliest == "1960-01-01"
    out = extract("Mary Lennox returned to the Soviet Embassy in 1963.")
    assert not _of(out, "transferred")        # a building one goes to: a visit, not a posting


def test_a_confession_stands_alone_even_after_a_passive_verb(extract):
    out = extract("Mary Lennox was questioned in 1951. She was eventually denounced in 1964 and confessed "
                  "when offered immunity.")
    (c,) = _of(out, "confessed")
    assert c.subject == "Mary Lennox" and c.object is None and c.time.earliest == "1964-01-01"
    out = extract("Mary Lennox admits that she met Kim Philby in 1940.")
    assert not _of(out, "confessed")          # what she admits is the claim, not an act alone


def test_a_count_of_units_after_an_act_dates_the_act(extract):
    out = extract("Mary Lennox wrote a memoir. Her papers were given to the archive in 1984, the year after "
                  "her death.")
    (c,) = _of(out, "died")
    assert c.subject == "Mary Lennox" and (c.time.earliest, c.time.latest) == ("1983-01-01", "1983-12-31")
    out = extract("Mary Lennox was seen in Vienna on 5 May 1950, two days before her arrest.")
    (a,) = _of(out, "detained")
    assert a.time.earliest == "1950-05-07"


def test_a_publishers_record_lines_are_publication_claims(extract):
    text = need(next(SEEDS.glob("001_*.txt"), SEEDS / "001_*.txt")).read_text("utf-8")
    out = extract(text, source_id="seed-001")
    found = {(c.subject, c.object, c.time.earliest, c.time.latest) for c in _of(out, "published")}
    assert ("Cambridge University Press", "Defection and Debriefing (I): Walter Krivitsky",
            "2023-02-24", "2023-02-24") in found
    assert ("Boydell & Brewer", "The Secret War Between the Wars: MI5 in the 1920s and 1930s",
            "2014-01-01", "2014-12-31") in found
    assert all(c.quote.startswith(("Published online by", "Print publication year")) for c in _of(out, "published"))


def test_a_place_named_before_to_which_is_the_destination(extract):
    out = extract("Mary Lennox left Vienna in 1937. Her years in Britain and the United States, to which "
                  "she had emigrated in 1938, are compared here.")
    (c,) = _of(out, "emigrated")
    assert (c.subject, c.object, c.time.earliest) == ("Mary Lennox", "United States", "1938-01-01")


def test_becoming_disillusioned_with_a_capital_is_an_open_claim_in_the_speakers_voice(extract):
    out = extract("Mary Lennox spied for Moscow. She claims she later became disillusioned with Moscow, "
                  "wishing only to return to her studies.")
    (c,) = [c for c in out.claims if c.predicate == "other:become_disillusioned"]
    assert (c.subject, c.object, c.asserted_by) == ("Mary Lennox", "Moscow", "Mary Lennox")


def test_the_party_is_the_party_named_before_and_a_persuaded_refusal_is_negative(extract):
    out = extract("Mary Lennox studied at Cambridge, where Mary Lennox met Guy Burgess. Most of Mary Lennox's "
                  "friends had joined the Communist Party of Great Britain. Guy Burgess persuaded her not to "
                  "join the party.")
    (c,) = [c for c in _of(out, "member_of") if c.subject == "Mary Lennox"]
    assert c.object == "Communist Party of Great Britain" and c.polarity == "denied"
    out = extract("Mary Lennox was interviewed by MI6 in 1951. She resigned from the civil service in 1952.")
    assert not [c for c in out.claims if c.object == "MI6" and c.predicate == "resigned"]   # not 'the service'


def test_a_denied_membership_and_one_confirmed_by_someone_are_attributed(extract):
    out = extract("Mary Lennox worked at the Treasury. Mary Lennox's status as a member of the Cambridge Five "
                  "was confirmed in 1990 by Oleg Gordievsky, although Mary Lennox has always denied being "
                  "part of the spy ring.")
    got = {(c.asserted_by, c.polarity) for c in _of(out, "member_of") if c.object == "Cambridge Five"}
    assert got == {("Oleg Gordievsky", "affirmed"), ("Mary Lennox", "denied")}


def test_committing_suicide_is_a_death(extract):
    out = extract("Glenn Souther, a Soviet spy who committed suicide in Moscow in 1989, was buried there.")
    (c,) = _of(out, "died")
    assert c.subject == "Glenn Souther" and c.time.earliest == "1989-01-01"
    assert not [c for c in out.claims if c.predicate == "other:commit"]


def test_a_post_held_in_a_background_clause_is_no_dated_act(extract):
    out = extract("Mary Lennox confessed on 16 February 1964 in Cleveland, where Mary Lennox was working as a "
                  "lecturer, and is detailed in notes made by Arthur Martin.")
    assert not [c for c in out.claims if c.predicate in ("other:work", "other:detail")]


def test_a_cable_quoting_an_article_says_the_paper_published_it():
    text = ("1. ACTION REQUIRED: NONE.\n\n2. FOLLOWING ARTICLE APPEARED IN THE 12 MAY EDITION OF\n"
            'THE "DAILY HERALD:"\n"OLD SPIES SELL THEIR STORIES\n"RETIRED AGENTS SAID THEY NEED MONEY.\n\n'
            "3. END OF ARTICLE.\n")
    out = get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind="memorandum", written="1992-06-01"))
    (c,) = _of(out, "published")
    assert (c.object, c.time.earliest, c.time.latest) == ("OLD SPIES SELL THEIR STORIES", "1992-05-12", "1992-05-12")
    assert c.subject.upper().endswith("DAILY HERALD") and c.asserted_by is None


def test_a_possessive_among_several_subjects_is_the_texts_topic(extract):
    out = extract("Mary Lennox joined the Foreign Office in 1936. Mary Lennox was transferred to the Treasury in "
                  "1938. Mary Lennox met Robert Adams in 1940. Robert Adams was displeased by her move to MI6 "
                  "in 1943, Mary Lennox says.")
    (c,) = [c for c in _of(out, "transferred") if c.object == "MI6"]
    assert (c.subject, c.time.earliest, c.asserted_by) == ("Mary Lennox", "1943-01-01", "Mary Lennox")


def test_a_people_at_the_receiving_end_is_its_state(extract):
    out = extract("Mary Lennox supplied hundreds of secret documents to the Soviets in 1940.")
    (c,) = _of(out, "passed_information_to")
    assert c.object == "Soviet Union"
    assert not extract("The Russians recruited Guy Burgess.").claims     # a people acting stays a people


def test_a_named_war_dates_its_clause_and_wartime_is_the_one_war_the_text_names(extract):
    out = extract("Mary Lennox worked for MI6 during World War II.")
    (c,) = _of(out, "worked_at")
    assert (c.time.earliest, c.time.latest) == ("1939-09-01", "1945-09-02")
    out = extract("Mary Lennox joined MI6 after World War II.")
    assert all(c.time is None for c in out.claims)              # 'after' the war is no time in it
    out = extract("Mary Lennox studied at Cambridge. She supplied secret documents to the Soviets while a "
                  "wartime agent for MI5. Her memoirs say little about World War II.")
    got = {(c.predicate, c.object, c.time.earliest if c.time else None) for c in out.claims}
    assert ("worked_at", "MI5", "1939-09-01") in got and ("passed_information_to", "Soviet Union", "1939-09-01") in got
    out = extract("Mary Lennox was a wartime agent for MI5.")
    assert all(c.time is None for c in out.claims)              # no war named: 'wartime' dates nothing


def test_a_post_in_a_persons_service_names_that_person_and_keeps_its_own_dates(extract):
    text = need(next(SEEDS.glob("003_*.txt"), SEEDS / "003_*.txt")).read_text("utf-8")
    out = extract(text, source_id="seed-003")
    (c,) = [c for c in _of(out, "worked_at") if c.object == "Maurice Hankey"]
    assert c.subject == "John Cairncross" and (c.time.earliest, c.time.latest) == ("1940-01-01", "1942-12-31")


def test_what_someone_confessed_to_is_in_their_voice_and_keeps_its_own_dates(extract):
    out = extract("Mary Lennox – known as a member of the Oxford ring – confessed to having been a spy for "
                  "the Soviet Union from 1936 to 1951 in an interview.")
    (c,) = [c for c in out.claims if c.object == "Soviet Union"]
    assert c.asserted_by == "Mary Lennox" and (c.time.earliest, c.time.latest) == ("1936-01-01", "1951-12-31")
    assert not _of(out, "confessed")          # what she confessed is the claim, not an act alone
    out = extract("Mary Lennox admitted to meeting Kim Philby in Vienna in 1950.")
    (m,) = _of(out, "met")
    assert m.asserted_by == "Mary Lennox"


def test_a_date_of_the_interview_does_not_date_what_is_told_in_it(extract):
    out = extract("Mary Lennox was interviewed in 1964. In a follow-up interview on 1 March, she tells Martin "
                  "she received £100 from Kim Philby. In 1940, she says she met Kim Philby.")
    (r,) = [c for c in out.claims if c.predicate == "other:receive"]
    assert r.time is None and r.asserted_by == "Mary Lennox"
    (m,) = _of(out, "met")
    assert m.time.earliest == "1940-01-01"


def test_a_speaker_named_beside_a_common_noun_is_the_source_and_a_sex_word_blocks_a_pronoun(extract):
    out = extract("Mary Lennox worked at the Admiralty. Her husband, Tom Lennox, said she had been questioned by "
                  "MI5 in 1956. The historian Anne Ward said Lennox probably defected to the Soviet Union in 1959.")
    (d,) = _of(out, "defected_to")
    assert d.asserted_by == "Anne Ward" and d.modality == "hedged"
    (q,) = [c for c in out.claims if "questioned" in c.quote]
    assert q.object == "Mary Lennox" and q.asserted_by == "Tom Lennox"


def test_a_dateline_is_no_subject_and_a_name_beside_a_description_is(extract):
    out = extract("LONDON, 12 March 2024 - Kim Philby's former handler, Yuri Modin, has died in Moscow, his "
                  "family said yesterday.", written="2024-03-12")
    (d,) = _of(out, "died")
    assert d.subject == "Yuri Modin" and d.time.latest <= "2024-03-12"
    assert not [c for c in out.claims if c.subject == "LONDON"]


def test_not_until_says_when_the_act_happened(extract):
    out = extract("Mary Lennox did not defect until May 1963. Kim Philby did not defect in 1960.")
    got = {(c.subject, c.polarity, c.time.earliest, c.time.latest) for c in _of(out, "defected_to")}
    assert got == {("Mary Lennox", "affirmed", "1963-05-01", "1963-05-31"),
                   ("Kim Philby", "denied", "1960-01-01", "1960-12-31")}


def test_a_date_on_another_event_inside_until_or_after_bounds_the_act(extract):
    out = extract("George Blake fled to Moscow in 1966. Blake lived in Moscow until his death in 2020.")
    (r,) = [c for c in _of(out, "lived_in") if "until" in c.quote]
    assert r.time.open_start and r.time.latest == "2020-12-31"
    (d,) = _of(out, "died")
    assert (d.time.earliest, d.time.latest) == ("2020-01-01", "2020-12-31")
