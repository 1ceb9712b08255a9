"""How encyclopaedia articles state facts: lists of office holders, written works, bodies
renamed, predicative events, passives with agents, demonyms.

Passages are sentences written here in the style of an encyclopaedia article, or short
quotes from the dev texts read by path from ../shared.
"""

from __future__ import annotations

import pytest

from shared_data import DATA, need

pytestmark = pytest.mark.slow


def _facts(out):
    return {(c.subject, c.predicate, c.object, c.time.render() if c.time else None) for c in out.claims}


def test_a_list_of_office_holders_under_a_post_heading_gives_headed_claims(extract):
    text = ("The Central Bureau of Statistics was founded in 1921.\n\n"
            "Directors of the Central Bureau of Statistics\n\n"
            "-   Walter Hastings, March 1921 – June 1930\n"
            "-   Margaret Olsen, June 1930 – 1944\n\n"
            "Later history\n\nThe bureau moved to a new building.\n")
    out = extract(text)
    headed = {(c.subject, c.object, c.time.render()) for c in out.claims if c.predicate == "headed"}
    assert ("Walter Hastings", "Central Bureau of Statistics", "Mar 1921 to Jun 1930") in headed
    assert ("Margaret Olsen", "Central Bureau of Statistics", "1930–1944") in headed
    for c in out.claims:
        assert text[c.start:c.end] == c.quote


def test_a_list_of_posts_under_a_heading_naming_the_body_gives_its_head():
    from collingwood.extract import extract_text

    text = need(DATA / "wikipedia" / "Cheka.md").read_text(encoding="utf-8")
    lo = text.index("Moscow Cheka (1918")
    part = text[lo:text.index("\n", text.index("Chairman", lo))]
    out = extract_text(part)
    headed = [c for c in out.claims if c.predicate == "headed"]
    assert [(c.object, c.time.render()) for c in headed] == [("Moscow Cheka", "1918–1919")]
    assert "Chairman" in headed[0].quote and "Deputy" not in headed[0].quote


def test_the_person_after_an_inverted_copula_is_the_next_sentences_he(extract):
    out = extract("The first director of the Survey Office was Anton Reyes, a Chilean engineer, who served "
                  "until 1931. He was arrested (May 1938) and subsequently executed (July 1938).")
    facts = {(c.subject, c.predicate, c.time.render() if c.time else None) for c in out.claims}
    assert ("Anton Reyes", "detained", "May 1938") in facts
    assert ("Anton Reyes", "executed", "Jul 1938") in facts


def test_found_dead_is_a_death(extract):
    out = extract("Notable defectors:\n\n-   Pavel Orlinsky, a military intelligence defector who wrote a "
                  "letter to Stalin in July 1937, found dead in September 1937.\n")
    assert ("Pavel Orlinsky", "died", None, "Sep 1937") in _facts(out)
    assert not [c for c in extract("Pavel Orlinsky was found dead drunk in 1940.").claims if c.predicate == "died"]


def test_a_work_named_with_its_author_and_year_is_a_publication(extract):
    out = extract("The agency was first described in the 1952 memoirs of a former officer, Pavel Orlinsky, and "
                  "in Mary Dalton's classic novel, _The Quiet Station_, written in 1961.")
    facts = _facts(out)
    assert ("Pavel Orlinsky", "published", "memoirs", "1952") in facts
    assert ("Mary Dalton", "published", "The Quiet Station", "1961") in facts
    text = need(DATA / "wikipedia" / "Cold_War_1947-1953.md").read_text(encoding="utf-8")
    lo = text.index("George Orwell's classic dystopia")
    out = extract(text[lo:text.index(".", lo) + 1])
    assert ("George Orwell", "published", "Nineteen Eighty-Four", "1949") in _facts(out)
    out = extract("In 1950 she read Tolstoy's novel War and Peace.")     # read, not written, in 1950
    assert not [c for c in out.claims if c.predicate == "published"]


def test_a_date_inside_a_title_is_not_a_time_and_the_work_is_its_main_title(extract):
    out = extract("Relations worsened when, in March 1951, the British Foreign Office published a collection "
                  "of papers titled _Danube Questions, 1919–1939: Papers from the Archives_, which angered Moscow.")
    pub = [c for c in out.claims if c.predicate == "published"]
    assert [(c.object, c.time.render()) for c in pub] == [("Danube Questions, 1919–1939", "Mar 1951")]


def test_a_number_after_an_acronym_is_an_identifier_not_a_year(extract):
    out = extract("In May 1947, Truman signed NSC 1779, which ended the programme.")
    assert all(c.time is None or c.time.render() == "May 1947" for c in out.claims)
    assert out.claims


def test_who_after_a_description_set_off_by_commas_is_the_person_named_before_it(extract):
    out = extract('It became known thanks to the memoirs of "Pavel Orlinsky" (Piotr Kamen), a military '
                  'intelligence officer who defected to Sweden in 1979 and wrote about his service.')
    assert any(c.predicate == "defected_to" and c.object == "Sweden" and c.time.render() == "1979"
               and c.subject in ("Pavel Orlinsky", "Piotr Kamen") for c in out.claims)
    out = extract("For example, Harold Benning is an American naval analyst, turned enemy mole, who was "
                  "convicted of espionage in 1986.")
    assert ("Harold Benning", "sentenced", None, "1986") in _facts(out)


def test_a_passive_agent_described_and_named_at_the_end_of_its_appositions(extract):
    out = extract("In 1948 Otto Brandt was interviewed by the first secretary at the British Consulate in "
                  "Ankara, in reality the local station chief and an enemy agent, Harold Benning.[8]")
    assert ("Harold Benning", "interviewed", "Otto Brandt", "1948") in _facts(out)
    out = extract("In 1948 Otto Brandt was interviewed by the first secretary, who later met Harold Benning.")
    assert not [c for c in out.claims if c.predicate == "interviewed" and c.subject == "Harold Benning"]


def test_a_thing_acted_on_by_a_named_agent_is_the_open_events_object(extract):
    out = extract("The _Great Census_, carried out by Dzerzhinsky on September 5, 1918, was described at length.")
    assert ("Dzerzhinsky", "other:carry_out", "Great Census", "5 Sep 1918") in _facts(out)


def test_the_organization_in_an_article_about_a_body_is_that_body(extract):
    lead = ("The Federal Statistics Bureau was the census office of the Republic. "
            + " ".join(f"The Federal Statistics Bureau counted {w}." for w in ("farms", "mills", "ships", "mines")))
    out = extract(lead + "\n\nIn March 1931, Harold Benning joined the organization.\n")
    # joining a bureau is taking a post there (an employer by its head word: data/events.yaml)
    assert ("Harold Benning", "worked_at", "Federal Statistics Bureau", "Mar 1931") in _facts(out)
    out = extract("Spies work for many bodies.\n\nIn March 1931, Harold Benning joined the organization.\n")
    assert not [c for c in out.claims if c.predicate in ("member_of", "worked_at")]    # no body is the topic


def test_a_body_that_confirms_the_creation_of_another_founds_it(extract):
    out = extract("On 7 December 1917, the Sovnarkom officially confirmed the creation of the Cheka.")
    assert ("Cheka", "founded_by", "Sovnarkom", "7 Dec 1917") in _facts(out)


def test_its_first_head_in_an_article_about_a_body_heads_that_body(extract):
    lead = ("The Federal Statistics Bureau was the census office of the Republic. "
            + " ".join(f"The Federal Statistics Bureau counted {w}." for w in ("farms", "mills", "ships", "mines")))
    out = extract(lead + "\n\nHarold Benning was its first head.\n")
    assert ("Harold Benning", "headed", "Federal Statistics Bureau", None) in _facts(out)
    out = extract("Spies work for many bodies.\n\nHarold Benning was its first head.\n")
    assert not [c for c in out.claims if c.predicate == "headed"]


def test_a_body_named_with_a_city_is_its_branch_and_with_a_state_is_itself(extract):
    out = extract("On March 7, 1918, after the move from Petrograd to Moscow, the Petrograd Cheka was created.")
    assert ("Petrograd Cheka", "founded_by", None, "7 Mar 1918") in _facts(out)
    out = extract("When Ames was arrested by the U.S. Federal Bureau of Investigation in 1994, he confessed.")
    assert all(c.subject != "U.S. Federal Bureau of Investigation" for c in out.claims)
    assert any(c.subject == "FBI" and c.predicate == "arrested" for c in out.claims)


def test_a_people_acting_is_its_state_but_still_no_recruiter(extract):
    out = extract("In 1950 the Americans signed a treaty with Japan.")
    assert ("United States", "other:sign", None, "1950") in _facts(out)
    assert extract("The Russians recruited Guy Burgess.").claims == []


def test_parachuting_into_a_country_is_arriving_there(extract):
    out = extract("Karl Weber was a spy who parachuted into Great Britain in 1941.")
    assert ("Karl Weber", "arrived_in", "Great Britain", "1941") in _facts(out)


def test_proclaiming_a_body_founds_it(extract):
    text = need(DATA / "wikipedia" / "Cold_War_1947-1953.md").read_text(encoding="utf-8")
    out = extract(text)
    assert any(c.predicate == "founded_by" and c.subject == "People's Republic of China" and c.object == "Mao Zedong"
               and c.time.render() == "1 Oct 1949" for c in out.claims)


def test_a_fronted_participle_with_its_agent_and_it_in_the_lead_of_an_article_on_a_body(extract):
    lead = ("The Federal Statistics Bureau was the census office of the Republic. Established on "
            "December 5 (Old Style) 1917 by the Sovnarkom, it counted farms. "
            + " ".join(f"The Federal Statistics Bureau counted {w}." for w in ("mills", "ships", "mines", "roads")))
    out = extract(lead + "\n\nIt was praised.\n")
    assert ("Federal Statistics Bureau", "founded_by", "Sovnarkom", "5 Dec 1917") in _facts(out)
    founded = [c for c in out.claims if c.predicate == "founded_by"]
    assert founded[0].time.text == "December 5 (Old Style) 1917"
    out = extract("As a result of the reform in 1926, carried out to break his hold, the Bureau was moved.")
    assert not [c for c in out.claims if c.predicate.startswith("other:carry")]


def test_passing_an_act_is_enacting_it(extract):
    out = extract("In the Great War, Canada passed the Sedition Act of 1918.")
    assert ("Canada", "other:enact", "Sedition Act of 1918", "1918") in _facts(out)
    assert not [c for c in extract("In 1950 Harold Benning passed the Brandt House.").claims
                if c.predicate == "other:enact"]


def test_a_name_as_a_modifier_and_a_cut_prefix_are_no_events(extract):
    out = extract("In February 1948 the Soviet Union published _Falsifiers of History_, a Stalin edited and "
                  "partially re-written book attacking the West.")
    assert [c.predicate for c in out.claims] == ["published"]


def test_a_speech_named_with_its_speaker_is_an_open_event_dated_by_its_clause(extract):
    out = extract("The government abandoned the plan in September 1946 with Foreign Minister Harold Benning's "
                  "speech Restatement of Policy on Trade.")
    assert ("Harold Benning", "other:give_speech", "Restatement of Policy on Trade", "Sep 1946") in _facts(out)
