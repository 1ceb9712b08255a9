"""Readings of the sixth round: a state's dissolution, a visit told as a noun, a permission
that tells the act, a repeated meeting, a post its body possesses, the future in the past.
Golden passages written here in the style of news analysis, encyclopaedia prose and
interview summaries; the names are invented or common historical ones."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _of(out, predicate):
    return [c for c in out.claims if c.predicate == predicate]


def _span(text, c):
    return text[c.start:c.end]


def test_the_dissolution_of_a_state_is_dated_by_its_own_phrase(extract):
    text = ("The fall of the wall and the subsequent dissolution of Yugoslavia in 1992 "
            "set off a wave of defections.")
    out = extract(text)
    (c,) = _of(out, "dissolved_by")
    assert (c.subject, c.object) == ("Yugoslavia", None)
    assert c.time.earliest == "1992-01-01" and c.time.latest == "1992-12-31"
    assert "dissolution of Yugoslavia in 1992" in _span(text, c)


def test_a_person_is_no_body_to_be_dissolved(extract):
    out = extract("In 1951 Harold Marsh was dissolved in tears at the news.")
    assert not _of(out, "dissolved_by")


def test_a_visit_told_as_a_noun_is_a_visit_even_under_a_verb_of_offering(extract):
    text = ("In 2021, Martin Hale, chief of the Security Service, offered rare public comments "
            "during his visit to Warsaw.")
    out = extract(text)
    (c,) = _of(out, "visited")
    assert (c.subject, c.object) == ("Martin Hale", "Warsaw")
    assert c.time is not None and c.time.earliest == "2021-01-01"
    assert "his visit to Warsaw" in _span(text, c)


def test_an_offer_of_a_visit_is_still_no_visit(extract):
    out = extract("In 2021, Martin Hale offered a visit to Warsaw.")
    assert not _of(out, "visited")


def test_a_permission_given_tells_the_act_it_allowed(extract):
    text = "In June 1962 Walter Brandt was permitted to return to the United States."
    out = extract(text)
    (c,) = [c for c in out.claims if c.object == "United States"]
    assert c.subject == "Walter Brandt" and c.predicate in ("arrived_in", "travelled_to")
    assert c.time.earliest == "1962-06-01"
    assert "Walter Brandt was permitted to return to the United States" in _span(text, c)
    assert not [c for c in out.claims if c.predicate == "other:permit"]


def test_a_permission_refused_tells_no_act(extract):
    out = extract("In June 1962 Walter Brandt was not permitted to return to the United States.")
    assert not [c for c in out.claims if c.object == "United States" and c.polarity == "affirmed"]


def test_seeing_someone_three_times_is_meeting_and_not_at_the_story_time(extract):
    text = ("In 1961 Frank Dorsey was posted to Havana. Mr. Dorsey stated that he saw Julio Mendez only "
            "three times after he left Cuba.")
    out = extract(text)
    (c,) = _of(out, "met")
    assert (c.subject, c.object) == ("Frank Dorsey", "Julio Mendez")
    assert c.time is None                    # 'after he left Cuba' is not 1961
    assert c.asserted_by == "Frank Dorsey"
    assert "he saw Julio Mendez only three times" in _span(text, c)


def test_seeing_someone_once_without_a_count_is_no_meeting(extract):
    out = extract("In 1961 Frank Dorsey saw Julio Mendez in Havana.")
    assert not _of(out, "met")


def test_a_post_the_body_possesses_is_a_post_in_that_body(extract):
    text = "In 2022, Laura Pike, the NSA's director, spoke in Vienna."
    out = extract(text)
    (c,) = _of(out, "headed")
    assert (c.subject, c.object) == ("Laura Pike", "NSA")
    assert "the NSA's director" in _span(text, c)


def test_would_after_years_later_is_the_future_in_the_past(extract):
    text = ("In 1995, Pavel Orlov switched sides. Twenty years and one spy exchange later, Orlov would be "
            "arrested by the police in Leeds, in 2015.")
    out = extract(text)
    late = [c for c in out.claims if c.time is not None and c.time.earliest == "2015-01-01"]
    assert [c.subject for c in late] == ["Pavel Orlov"]
    assert "Orlov would be arrested" in _span(text, late[0])


def test_would_have_is_a_counterfactual_whatever_later_says(extract):
    out = extract("In 1995, Pavel Orlov switched sides. Two years later he would have been arrested "
                  "in Leeds if he had stayed.")
    assert not [c for c in out.claims if c.predicate in ("arrested", "detained")]


def test_killed_in_a_phrase_that_names_no_place_is_a_death(extract):
    text = "General Anton Vasko was killed in the fighting on 13 April 1918."
    out = extract(text)
    (c,) = _of(out, "died")
    assert (c.subject, c.object) == ("Anton Vasko", None)
    assert c.time.earliest == "1918-04-13"
    assert _span(text, c).startswith("General Anton Vasko was killed in the fighting")


def test_killed_in_a_named_place_keeps_the_place(extract):
    out = extract("In 1926 Symon Petliura was killed in Paris.")
    (c,) = _of(out, "died")
    assert (c.subject, c.object) == ("Symon Petliura", "Paris")


def test_a_state_proclaimed_is_founded_but_a_city_proclaimed_the_capital_is_not(extract):
    text = "On 3 May 1921, Ivan Marek proclaimed the Republic of Ruthenia."
    out = extract(text)
    (c,) = _of(out, "founded_by")
    assert (c.subject, c.object) == ("Republic of Ruthenia", "Ivan Marek")
    assert c.time.earliest == "1921-05-03"
    out = extract("In December 1921, Ivan Marek proclaimed Uzhhorod, Ruthenia, the temporary capital of the republic.")
    assert not _of(out, "founded_by")


def test_the_story_time_stops_at_a_paragraph_written_as_one_line(extract):
    first = ("On 14 March 1781 the army under General Amos Field crossed the river and took the town after "
             "a short siege, and the garrison, weakened by long months of hunger, cold and disease, gave up its arms "
             "to the militia.")
    text = first + "\nGeneral Amos Field defeated Colonel Ezra Lyle at the ford.\n"
    assert len(first) >= 200
    out = extract(text)
    (c,) = _of(out, "defeated")
    assert (c.subject, c.object, c.time) == ("Amos Field", "Ezra Lyle", None)
    out = extract(first + " General Amos Field defeated Colonel Ezra Lyle at the ford.")
    (c,) = _of(out, "defeated")
    assert c.time is not None and c.time.earliest == "1781-03-14"


def test_saying_so_in_a_gerund_is_said_by_the_subject_of_its_verb(extract):
    text = ("Mr. Paul Dorn illustrated the point by saying that when Mr. Hearst returned to Washington "
            "he went straight to the Director.")
    out = extract(text)
    (c,) = [c for c in out.claims if c.object == "Washington"]
    assert c.subject == "Hearst" and c.asserted_by == "Paul Dorn"
    assert "Mr. Hearst returned to Washington" in _span(text, c)


def test_two_joined_subjects_of_a_meeting_met_each_other(extract):
    text = "On 15 October 1950, President Harold Brant and General Douglas Fenn met at Wake Island."
    out = extract(text)
    (c,) = _of(out, "met")
    assert (c.subject, c.object, c.place) == ("Harold Brant", "Douglas Fenn", "Wake Island")
    assert c.time.earliest == "1950-10-15"
    assert "Harold Brant and General Douglas Fenn met" in _span(text, c)


def test_a_pronoun_with_no_subject_before_it_is_the_one_person_named_before_it(extract):
    text = ("The prison fell that afternoon. Returning to the city hall, the crowd accused the mayor "
            "Pierre Daunou of treachery and he was shot.")
    out = extract(("Pierre Lamont was the minister. " * 4) + text)
    (c,) = [c for c in out.claims if c.predicate in ("executed", "died", "other:be_shot")]
    assert c.subject == "Pierre Daunou"


def test_a_word_modifying_a_noun_is_no_person_for_a_pronoun(extract):
    out = extract("According to Roman tradition, the boy had been made to swear an oath, and he did not "
                  "take a conciliatory attitude in 219 BC.")
    assert not [c for c in out.claims if c.subject == "Roman"]


def test_shot_by_a_sniper_is_a_death_and_by_a_firing_squad_an_execution(extract):
    out = extract("On 11 November 1918 Private George Hale was shot by a German sniper.")
    assert [(c.subject, c.predicate) for c in out.claims] == [("George Hale", "died")]
    out = extract("In 1920 Admiral Pavel Orlov was shot by a firing squad.")
    assert [(c.subject, c.predicate) for c in out.claims] == [("Pavel Orlov", "executed")]


def test_a_ruler_deposed_or_overthrown_is_removed_not_heard(extract):
    text = "In 1970, Prince Arun Sovath was deposed by his prime minister Lon Sary."
    out = extract(text)
    (c,) = _of(out, "dismissed")
    assert c.subject == "Arun Sovath" and c.time.earliest == "1970-01-01"
    assert not _of(out, "testified")
    out = extract("President Tran Van Hoa was overthrown on 2 November 1963.")
    assert [(c.subject, c.predicate) for c in out.claims] == [("Tran Van Hoa", "dismissed")]


def test_an_act_told_in_the_passive_with_no_agent_reads_as_undergone(extract):
    text = "Edwin Marsh was a diplomat. He was eventually denounced in 1964."
    out = extract(text)
    (c,) = [c for c in out.claims if c.predicate.startswith("other:")]
    assert (c.subject, c.predicate) == ("Edwin Marsh", "other:be_denounced")
    from collingwood.model import open_predicate
    assert open_predicate(c.predicate).label == "was denounced"
    assert _span(text, c) == "He was eventually denounced in 1964"


def test_a_sentence_received_or_given_is_a_sentencing_of_the_one_who_gets_it(extract):
    out = extract("In 1994 Maria Teller was given a five-year sentence.")
    (c,) = _of(out, "sentenced")
    assert c.subject == "Maria Teller" and c.time.earliest == "1994-01-01"
    out = extract("In 1950 Karl Ewing received a fourteen-year sentence.")
    assert [(c.subject, c.predicate) for c in out.claims] == [("Karl Ewing", "sentenced")]
    out = extract("In 1950 Judge Harold Parker gave Karl Ewing a fourteen-year sentence.")
    assert not [c for c in _of(out, "sentenced") if c.subject == "Harold Parker"]


def test_a_participle_modifying_a_name_is_no_act_unless_dated(extract):
    out = extract("On 7 March 1937, the Kestrel Legion, equipped with Heinkel biplanes, arrived in Spain.")
    assert not [c for c in out.claims if "equip" in c.predicate]
    out = extract("Gustav Brenner, arrested in 1950 in Vienna, was a courier.")
    assert [c.subject for c in out.claims if c.time is not None and c.time.earliest == "1950-01-01"] == ["Gustav Brenner"]


def test_angle_brackets_round_quoted_words_in_a_cable_leave_the_words_apart(extract):
    text = "The article says that Pavel Dorin met with<Karl Anders Beck>in Vienna in May 1961."
    out = extract(text)
    (c,) = _of(out, "met")
    assert (c.subject, c.object) == ("Pavel Dorin", "Karl Anders Beck")
    assert "Pavel Dorin met with<Karl Anders Beck>" in text[c.start:c.end]
    from collingwood.extract.nlp import plain_angles
    assert plain_angles("WITH<LEE HARVEY>IN") == "WITH LEE HARVEY IN"


def test_an_ocr_speck_before_a_word_after_a_space_is_no_stop(extract):
    from collingwood.extract.nlp import unspeck
    assert unspeck("According .to the informant") == "According  to the informant"
    assert unspeck("version 2 .net") == "version 2 .net"           # not after a letter
    assert unspeck("he said .Then") == "he said .Then"             # a capital may start a sentence
    text = "According .to the informant, Samuel Reed was a student at Columbia University in 1951."
    out = extract(text)
    (c,) = _of(out, "studied_at")
    assert (c.subject, c.object) == ("Samuel Reed", "Columbia University")
    assert text[c.start:c.end].startswith("According .to the informant, Samuel Reed was a student")


def test_even_the_head_of_a_body_after_a_name_is_no_post_of_that_name(extract):
    out = extract("According to Pavel Ostrov, even the General Secretary of the Communist Party of the Soviet "
                  "Union, when entering the GRU headquarters, needed to go through a security screening.")
    assert not [c for c in out.claims if c.subject == "Pavel Ostrov"]
    out = extract("Pavel Ostrov, the General Secretary of the Communist Party of the Soviet Union, left Moscow.")
    assert [c.predicate for c in out.claims if c.subject == "Pavel Ostrov" and c.object and "Communist" in c.object]


def test_years_of_activity_or_office_in_a_bracket_are_no_life_dates(extract):
    from collingwood.extract.life_dates import dates_after
    for text in ("Pablo Ruiz (active 1911-1920)", "Ivan Orlov (r. 1533–1584)", "Karl Weiss (in office 1921-1924)"):
        assert dates_after(text, text.index(" (")) == [], text
    text = "Kim Hale (1912–1988)"
    assert [p for p, _, _ in dates_after(text, text.index(" ("))] == ["born", "died"]
    out = extract("Emiliano Ortiz (active 1910-1919) led the revolt in the south.")
    assert not [c for c in out.claims if c.predicate in ("born", "died")]


def test_month_s_end_is_the_end_of_the_story_s_month_or_the_report_s_year():
    from collingwood.extract.dates import tag_dates
    text = "On 15 May 1951, the Chinese attacked. At month's end, the Eighth Army counterattacked."
    (_, end) = tag_dates(text)
    assert (end.text, end.span.value, end.span.mod) == ("month's end", "1951-05", "END")
    text = "Revenue fell in 1994. The write-downs should be in place by year's end."
    spans = [m for m in tag_dates(text, dct="1989-10-26") if m.text == "year's end"]
    assert [(m.span.value, m.span.mod) for m in spans] == [("1989", "END")]


def test_an_unagented_shooting_is_a_shooting_and_a_killer_does_not_die(extract):
    out = extract("On April 14, 1865, President Abel Lindqvist was shot.")
    assert [(c.subject, c.predicate) for c in out.claims] == [("Abel Lindqvist", "other:be_shot")]
    out = extract("In 1776 General William Hale had killed or captured over 5,000 Americans.")
    assert not [c for c in out.claims if c.predicate == "died"]
    out = extract("In 1940 Ramon Mercer killed Lev Tarasov in Mexico City.")
    assert [(c.subject, c.predicate) for c in out.claims if c.predicate == "died"] == [("Lev Tarasov", "died")]


def test_a_short_bracketed_range_after_a_name_is_a_term_not_a_life():
    from collingwood.extract.life_dates import dates_after
    assert dates_after("Ramon Vidal (1914-1920)", len("Ramon Vidal")) == []
    assert [p for p, _, _ in dates_after("Prince Alexei (1904–1918)", len("Prince Alexei"))] == ["born", "died"]


def test_a_given_name_between_a_rank_and_the_ners_surname_is_part_of_the_name(extract):
    text = "General Anders Holm arrived in Oslo in 1950. Holm left in 1952."
    out = extract(text)
    assert {c.subject for c in out.claims} == {"Anders Holm"}
    (holm,) = [e for e in out.entities if e.kind == "person"]
    assert ("General Anders Holm", "title") in {(a.name, a.kind) for a in holm.aliases}
    out = extract("In 1922 General Secretary Stalin met Lenin in Moscow.")
    assert all(not c.subject.startswith("Secretary") for c in out.claims)
