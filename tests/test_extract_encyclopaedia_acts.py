"""Encyclopaedia prose telling events with light verbs, numbered units, and misparsed
subjects: passages written here in the style of an encyclopaedia article."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _facts(out):
    return {(c.subject, c.predicate, c.object) for c in out.claims}


@pytest.mark.parametrize("text, fact", [
    ("In 1961, with Army backing, the National Liberation Front of Ruritania assumed full control over "
     "the government of Ruritania.", ("National Liberation Front of Ruritania", "other:seize_power", "Ruritania")),
    ("On May 3, 1950, President Walter Hastings appeared before Congress to ask for funds.",
     ("Walter Hastings", "other:address", "Congress")),
    ("In 1964 Alan Pardee appeared before the Warren Commission.", ("Alan Pardee", "testified", "Warren Commission")),
    ("On June 2, 1995, the Supreme Court of Ruritania recognized the Great Purge as unlawful.",
     ("Supreme Court of Ruritania", "other:rule_unlawful", "Great Purge")),
    ("In March 1951, the Soviet Union cut off all road access to Vienna.", ("Soviet Union", "other:blockade", "Vienna")),
    ("Walter Hastings, a British officer, spent eleven years in a Chinese prison for espionage.",
     ("Walter Hastings", "detained", "China")),
])
def test_a_light_verb_with_its_words_is_the_act_they_name(extract, text, fact):
    assert fact in _facts(extract(text))


def test_a_light_verb_alone_tells_no_act(extract):
    out = extract("In 1961 Walter Hastings appeared in a film. In 1962 he assumed that the war was over.")
    assert not {c.predicate for c in out.claims} & {"other:address", "other:seize_power", "testified"}


def test_defected_in_a_country_is_a_defection_to_it_unless_a_body_is_named(extract):
    facts = _facts(extract("Pavel Orlinsky, a cipher clerk who defected in Canada in 1945."))
    assert ("Pavel Orlinsky", "defected_to", "Canada") in facts
    facts = _facts(extract("Pavel Orlinsky, an officer who defected to the SIS with his wife in Geneva in 1978."))
    assert not any(c[1] == "defected_to" and c[2] == "Geneva" for c in facts)


def test_a_numbered_unit_written_in_figures_and_in_words_is_one_body(extract):
    out = extract("In 1926 the service became the Fourth Department. The first head of the 4th Directorate "
                  "was Pavel Orlinsky.")
    names = {a.name for e in out.entities if e.name == "4th Directorate" for a in e.aliases}
    assert "Fourth Directorate" in names


def test_a_body_with_a_bracketed_word_is_no_person_with_a_nickname(extract):
    out = extract("In 1921 it became the Second (Intelligence) Directorate of the Army Staff.")
    assert not [e for e in out.entities if e.kind == "person"]


def test_of_two_parsed_subjects_the_nearest_name_acts(extract):
    out = extract("After the Marshall Plan, the introduction of a new currency and losses for the parties in "
                  "1946, in June 1948, the Soviet Union closed road access to Berlin.")
    assert ("Soviet Union", "other:blockade", "Berlin") in _facts(out)
    out = extract("The United States in World War I passed the Espionage Act of 1917.")
    assert ("United States", "other:enact", "Espionage Act of 1917") in _facts(out)


def test_a_body_written_after_its_states_adjective_keeps_that_form_as_a_name(extract):
    out = extract("In January 1948, the U.S. State Department published a collection of documents.")
    names = {a.name for e in out.entities if e.name == "State Department" for a in e.aliases}
    assert "U.S. State Department" in names
    out = extract("In 1948 the State Department published a collection of documents.")
    assert not [a for e in out.entities for a in e.aliases if a.name.startswith("U.S.")]


def test_an_attempted_act_is_the_attempt_of_its_named_actor(extract):
    out = extract("The ministers were arrested later in 1921, following the attempted assassination of "
                  "Pavel Orlinsky by an anarchist, Vera Hastings.")
    assert ("Vera Hastings", "other:attempt_assassinate", "Pavel Orlinsky") in _facts(out)
    assert not [c for c in out.claims if c.predicate == "died"]
    out = extract("The planned assassination of Pavel Orlinsky by Vera Hastings was called off in 1921.")
    assert not [c for c in out.claims if c.predicate.startswith("other:attempt")]


def test_a_public_figure_named_by_surname_alone_gets_the_full_name(extract):
    out = extract("In 1918 Fanni Kaplan shot Lenin. Stalin was angry.")
    assert ("Vladimir Lenin", "full_name") in {(a.name, a.kind) for e in out.entities if e.name == "Lenin"
                                               for a in e.aliases}
    out = extract("In 1918 Walter Lenin, a clerk, met Vera Hastings. Lenin left Moscow.")
    assert not [a for e in out.entities for a in e.aliases if a.name == "Vladimir Lenin"]


def test_a_letter_of_defection_or_resignation_is_the_act_without_an_object(extract):
    facts = _facts(extract("-   Pavel Orlinsky, a defector who sent a letter of defection to Stalin in July 1937."))
    assert ("Pavel Orlinsky", "defected_to", None) in facts
    facts = _facts(extract("In May 1951 Walter Hastings sent a letter of resignation to the Cabinet."))
    assert ("Walter Hastings", "resigned", None) in facts
    facts = _facts(extract("In May 1951 Walter Hastings sent a letter of thanks to the Cabinet."))
    assert not [f for f in facts if f[1] in ("resigned", "defected_to")]


def test_a_passive_whose_patient_is_not_named_gives_its_agent_no_claim(extract):
    out = extract("In June 1942 eight saboteurs landed. Two weeks later, all were arrested by the FBI. "
                  "In 1948, they were released by President Walter Hastings.")
    assert not [c for c in out.claims if c.subject in ("FBI", "Walter Hastings")]


BLOCK = ("The Survey Office was founded in 1919. In his history of the office, Walter Hastings writes:\n\n"
         "  In July 1920, the office was made a department of the ministry. As a result of the reform "
         "[in 1926], the Survey Office seems to have been placed under the control of the State Planning "
         "Council.\n\n"
         "The Survey Office was dissolved in 1931.\n")


def test_an_indented_block_quotation_is_its_introducers_words(extract):
    out = extract(BLOCK)
    inside = [c for c in out.claims if "placed" in c.quote]
    assert [(c.subject, c.predicate, c.object, c.time.render(), c.asserted_by) for c in inside] == [
        ("Survey Office", "other:subordinate_to", "State Planning Council", "1926", "Walter Hastings")]
    after = [c for c in out.claims if "dissolved" in c.quote]
    assert after and all(c.asserted_by is None for c in after)


def test_a_body_that_became_a_named_body_was_renamed(extract):
    out = extract("The Survey Office (SO) was formed in 1918. As part of a reform of the ministry, sometime in "
                  "1925 or 1926 the Survey Office became the Second (Statistical) Directorate of the Army Staff, "
                  "and was thereafter known simply as the Second Directorate.")
    renamed = [(c.subject, c.object, c.time.render()) for c in out.claims if c.predicate == "renamed_to"]
    assert ("Survey Office", "Second (Statistical) Directorate of the Army Staff", "1925–1926") in renamed


def test_becoming_a_post_is_no_renaming(extract):
    out = extract("The Survey Office was formed in 1918. In 1926 the Survey Office became the President of "
                  "the Republic's favourite. In 1950 Walter Hastings became the President of the Republic.")
    assert not [c for c in out.claims if c.predicate == "renamed_to"]


def test_a_bare_head_post_is_of_the_body_just_named(extract):
    out = extract("In early 1919, the military control and the military section of the Cheka were merged into "
                  "one body, the Special Section of the Republic. Mikhail Kedrov was appointed as head.")
    assert ("Mikhail Kedrov", "appointed", "Special Section of the Republic") in _facts(out)
    assert "Special Section of the Republic" in {e.name for e in out.entities if e.kind == "organisation"}


def test_a_line_in_capitals_names_no_body_by_its_capitals(extract):
    out = extract("SUBJECT: THE SPECIAL SECTION OF THE REPUBLIC\n\nThe file was opened in 1964.")
    assert "SPECIAL SECTION OF THE REPUBLIC" not in {e.name for e in out.entities}


def test_a_law_used_against_a_person_is_a_prosecution_under_it(extract):
    out = extract("The United States passed the Sedition Act in 1918. In 1919 the Sedition Act was used against "
                  "the socialist politician Eugene V. Debs.")
    assert ("Eugene V. Debs", "other:prosecute_under", "Sedition Act") in _facts(out)
    out = extract("In 1919 the army was used against the strikers of Walter Hastings.")
    assert not [c for c in out.claims if c.predicate == "other:prosecute_under"]


def test_a_bare_post_after_an_unnamed_body_is_of_no_named_body(extract):
    out = extract("In 1917 the question was put to the Central Council. The council decided that a special "
                  "commission was needed. Mikhail Kedrov was appointed as head.")
    assert not [c for c in out.claims if c.predicate == "appointed" and c.object]


def test_joining_others_to_form_a_body_founds_it(extract):
    out = extract("The United States joined Britain, France, Canada and the Netherlands in 1949 to form the "
                  "North Atlantic Treaty Organization (NATO).")
    assert ("NATO", "founded_by", "United States") in {(c.subject, c.predicate, c.object) for c in out.claims}
    assert [c.time.render() for c in out.claims if c.predicate == "founded_by"] == ["1949"]
    out = extract("In 1950 Walter Hastings travelled to Zenda to form a new party.")
    assert not [c for c in out.claims if c.predicate == "founded_by"]


def test_a_title_beside_a_subject_is_no_actor(extract):
    out = extract("The 1960s TV series _Get Smart_ portrays an inept spy, while the 1985 movie _Spies Like Us_ "
                  "depicts a pair of none-too-bright men.")
    assert not [c for c in out.claims if c.subject == "Smart"]


def test_handing_papers_to_a_services_officer_passes_information_to_the_service(extract):
    out = extract("In 1985, when Aldrich Ames handed a stack of dossiers of CIA agents in the Eastern Bloc to his "
                  "KGB-officer handler, the KGB rolled up several networks.")
    assert ("Aldrich Ames", "passed_information_to", "KGB") in _facts(out)
    out = extract("In 1985 Aldrich Ames handed a bunch of flowers to his wife.")
    assert not [c for c in out.claims if c.predicate == "passed_information_to"]


def test_announcing_a_program_called_x_announces_x():
    from collingwood.extract import extract_text
    from shared_data import DATA, need

    text = need(DATA / "wikipedia" / "Cold_War_1947-1953.md").read_text(encoding="utf-8")
    out = extract_text(text)
    lo = text.index("In a June 5, 1947 speech")
    got = [(c.subject, c.object, c.time.render()) for c in out.claims
           if c.predicate == "other:announce" and lo <= c.start < lo + 400]
    assert got == [("George Marshall", "Marshall Plan", "5 Jun 1947")]


def test_a_participle_misparsed_as_a_modifier_is_no_act():
    """'have graduated punishment levels': an adjective, not a graduation (the parser makes it a
    modifier with an auxiliary and a subject, which no modifier has)."""
    from collingwood.extract import ExtractInput, get
    out = get("rules-spacy@1").extract(ExtractInput(
        source_id="t", kind="article",
        text="In many legal systems, treason and espionage are separate crimes. "
             "Treason and espionage have graduated punishment levels."))
    assert not any(c.predicate == "graduated" for c in out.claims)


def test_appointed_as_a_titled_post_takes_the_post_as_its_object(extract):
    text = "In January 1951, Lindqvist appointed General Anders Holm as Minister of Defence."
    (c,) = [c for c in extract(text).claims if c.predicate == "appointed"]
    assert c.object == "Minister of Defence" and c.time.render() == "Jan 1951"
    assert text[c.start:c.end] == c.quote
    bare = "In May 1960, President Varga appointed Colonel Peter Halasz as head."
    assert all(c.object is None for c in extract(bare).claims if c.predicate == "appointed")


def test_a_list_replaced_by_a_list_pairs_no_one_with_anyone(extract):
    listed = "In May 1921 Petrov, Sidorov, and Kuznetsov were replaced by Ivan Orlov, Pavel Belov, Lvov, and Zorin."
    assert not [c for c in extract(listed).claims if c.predicate == "other:replace"]
    one = "In May 1921 Petrov was replaced by Ivan Orlov."
    (c,) = [c for c in extract(one).claims if c.predicate == "other:replace"]
    assert (c.subject, c.object) == ("Ivan Orlov", "Petrov") and one[c.start:c.end] == c.quote


def test_a_when_clause_after_a_bounded_date_happens_at_that_date(extract):
    text = "The Bureau grew. Until 1950, when Karl Weiss retired, he headed the Bureau."
    (c,) = [c for c in extract(text).claims if c.predicate == "other:retire"]
    assert (c.time.earliest, c.time.latest) == ("1950-01-01", "1950-12-31")
    assert text[c.start:c.end] == c.quote


def test_bound_date_gives_back_the_date_a_bound_was_made_from():
    from collingwood.extract.clause_time import bound_date
    from collingwood.timespan import TimeSpan, bound

    month = TimeSpan.month(1918, 3)
    for mod in ("ON_OR_BEFORE", "ON_OR_AFTER", "AFTER"):
        back = bound_date(bound(month, mod))
        assert (back.lo, back.hi) == (month.lo, month.hi)
    before = bound(month, "BEFORE")
    assert bound_date(before) is before and bound_date(month) is month and bound_date(None) is None
