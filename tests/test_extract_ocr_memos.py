"""OCR'd memos, interview summaries and hearing transcripts: speakers, stray stops, act nouns.

The passages are written here in the manner of the genre (speaker labels misread by OCR,
a speck read as a full stop, names the NER cuts short), not copied from a dev text.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get, nlp

pytestmark = pytest.mark.slow


def _read(text: str, kind: str | None = None):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind=kind))


def _claims(out, predicate=None):
    return [(c.subject, c.predicate, c.object, c.polarity, c.asserted_by) for c in out.claims
            if predicate is None or c.predicate == predicate]


HEARING = """Mr. Hartley. Could you tell us, Mr. Belmont, about the file?

Mr. Betmont. Agent Quinn interviewed Edward Lomax on June 3, 1962.

Mr. Hartlev. And later?

Mr. Be.mont. Yes. Agent Quinn interviewed Lomax again in August 1962.

Mr. BeLmont. That is all.

Mr. Hartley. Thank you, Mr. Belmont.
"""


def test_transcript_turns_speak_for_the_labelled_witness_whatever_the_ocr_made_of_his_name():
    out = _read(HEARING, kind="testimony")
    by = {c.asserted_by for c in out.claims if c.predicate == "interviewed"}
    assert by == {"Belmont"}, _claims(out)
    belmont = next(e for e in out.entities if e.name == "Belmont")
    assert {"Betmont", "Be.mont"} <= {a.name for a in belmont.aliases if a.kind == "spelling"}


def test_a_speck_read_as_a_full_stop_ends_no_sentence():
    doc = nlp.ner()("He stayed on in the. branch until 1960. Then he left.")
    assert [s.text.split()[0] for s in doc.sents] == ["He", "Then"]
    doc = nlp.ner()("He said that the work was done.\nthe next line starts a heading")
    assert len([s for s in doc.sents if s.text.strip()]) == 2        # a line break still ends it


def test_an_act_noun_keeps_the_preposition_the_parser_hung_on_its_verb():
    out = _read("In 1959 Harold Brenner displayed a card that showed his membership in "
                "the Friends of Albania Society.")
    assert ("Harold Brenner", "member_of", "Friends of Albania Society", "affirmed", None) in _claims(out), \
        _claims(out)


def test_a_body_the_ner_cut_after_its_connector_keeps_its_first_words():
    out = _read("Marks was then active in the Fair Play for Cuba Committee in New Orleans.")
    assert "Fair Play for Cuba Committee" in {m.text for m in out.mentions if m.kind == "organisation"}


def test_nobody_including_a_named_body_is_that_body_denied():
    out = _read("Casey stated that he has never been contacted by anybody, including the Senate "
                "Intelligence Committee, about the cable.", kind="interview")
    assert ("Senate Intelligence Committee", "contacted", "Casey", "denied", "Casey") in _claims(out, "contacted"), \
        _claims(out)


def test_a_place_named_after_a_place_is_where_it_lies_not_a_second_place():
    out = _read("Harold Brenner had lived in Minsk in the Soviet Union for two years.")
    assert [c[2] for c in _claims(out, "lived_in")] == ["Minsk"], _claims(out)


def test_his_contact_was_x_is_a_contact_dated_by_the_narrative():
    out = _read("4. In March 1962, Harold BRENNER was granted a renewal of his clearance. This time his "
                "contact was Walter GRAYSON, Jr.\n", kind="memo")
    (c,) = [c for c in out.claims if c.predicate == "contacted"]
    assert (c.subject, c.object, c.time.render()) == ("Harold Brenner", "Walter Grayson Jr.", "Mar 1962"), _claims(out)
    assert "Walter GRAYSON, Jr." in {m.text for m in out.mentions}           # the suffix is the name's


def test_a_bare_surname_is_not_the_relative_introduced_through_it():
    out = _read("2. Peter KOVAC was cleared on 6 March 1961.\n\n3. In September 1961 there was a "
                "check on KOVAC' wife Anna Maria KOVAC.\n\n4. In March 1962, KOVAC was cleared again.\n",
                kind="memo")
    names = {e.id: e.name for e in out.entities}
    bare = [names[m.entity_id] for m in out.mentions if m.text == "KOVAC"]
    assert bare[-1] == "Peter Kovac", bare


MEMO_QUOTING = """4. On 3 May 1960, NATIONAL REVIEW reported as follows vith,
'reference to KOVAC:

"NEW RULES: Senator Harold B. Lomax (D.-Ore.), Chairman of the Senate Committee on Foreign
Relations, has attacked the rules."

5. Peter KOVAC, Legal Officer of the State Department, was cleared on 6 March 1961.
"""


def test_a_publication_quoted_as_follows_on_a_person_reported_on_him_that_day():
    out = _read(MEMO_QUOTING, kind="memo")
    (c,) = [c for c in out.claims if c.predicate == "other:report"]
    assert (c.subject, c.object, c.time.render()) == ("NATIONAL REVIEW", "Peter Kovac", "3 May 1960")


def test_a_post_beside_a_name_in_a_quoted_article_is_the_articles():
    out = _read(MEMO_QUOTING, kind="memo")
    posts = [(c.subject, c.predicate, c.object, c.asserted_by) for c in out.claims if c.predicate == "headed"]
    assert posts == [("Harold B. Lomax", "headed", "Senate Committee on Foreign Relations", "NATIONAL REVIEW")]


def test_a_deputys_post_beside_a_name_in_a_cable_is_a_membership():
    out = _read("SAID BORIS IVANOV, VICE CHAIRMAN OF THE RED CROSS SOCIETY, IN MOSCOW.", kind="memo")
    names = {(c.subject, c.predicate) for c in out.claims if c.object and "Society" in c.object.title()}
    assert names == {("Boris Ivanov", "member_of")}, [(c.subject, c.predicate, c.object) for c in out.claims]


def test_a_short_word_in_capitals_after_an_article_is_no_person():
    out = _read("On 13 November 1953, Peter KOVAC was granted a CSA. His CSA was cancelled in 1958.",
                kind="memo")
    assert not [m for m in out.mentions if m.text == "CSA" and m.kind == "person"]


def test_a_cable_in_capitals_is_read_in_the_case_prose_gives_it():
    from collingwood.extract.reading_case import reading_case
    line = "U.S. NAVY EMPLOYEE GLENN MICHAEL SOUTHER, A SOVIET SPY WHO DIED IN MOSCOW IN 1989, SAID MR. BLACK."
    out = reading_case(line)
    assert len(out) == len(line)
    assert "Glenn Michael Souther, a Soviet spy who died in Moscow in 1989, said Mr. Black." in out
    assert reading_case("Mixed case prose stays as written, KGB and all.") == \
        "Mixed case prose stays as written, KGB and all."


def test_a_cable_in_capitals_gives_claims_about_the_people_it_names():
    out = _read("ASKED IF JULIUS AND ETHEL ROSENBERG, WHO WERE EXECUTED IN 1953 FOR PASSING SECRETS, WERE\n"
                "GUILTY, MR. YAZKOV SAID NOTHING. U.S. NAVY EMPLOYEE GLENN MICHAEL SOUTHER, A SOVIET SPY\n"
                "WHO COMMITTED SUICIDE IN MOSCOW IN 1989, WAS ALSO DISCUSSED.\n", kind="memo")
    people = {e.name for e in out.entities if e.kind == "person"}
    assert {"Julius Rosenberg", "Ethel Rosenberg", "Glenn Michael Souther"} <= people, people
    assert ("Julius Rosenberg", "executed") in {(c.subject, c.predicate) for c in out.claims} or \
        ("Julius Rosenberg", "died") in {(c.subject, c.predicate) for c in out.claims}, _claims(out)


def test_a_paragraphs_letter_is_no_initial():
    out = _read("A. THE OFFER WAS MADE ON 25 MARCH.\n\nB. KUTRAVE SENT A SAMPLE OF HIS WORK TO US.\n", kind="memo")
    assert not [e.name for e in out.entities if e.name.startswith("B. ")]


def test_an_enlistment_in_the_marines_is_a_membership():
    out = _read("Peter Lomax was proud of his enlistment in the Marines in 1956.")
    assert ("Peter Lomax", "member_of", "United States Marine Corps", "affirmed", None) in _claims(out), _claims(out)


def test_he_read_as_the_one_he_met_is_someone_else():
    out = _read("September 28, 1963\n\nLomax spends the day with the group. A student. said that he met Lomax "
                "in the afternoon.", kind="report")
    assert not [c for c in out.claims if c.subject == "Lomax" and c.predicate in ("met", "other:meet")], _claims(out)


WITNESS = """Mr. Hartley. Mr. Jones, what did the Bureau do?

Mr. Jones. In the FBI we keep files. In March 1960 we opened a file on Edward Lomax.

Mr. Hartley. Did the FBI tell the State Department?

Mr. Jones. Yes. The FBI told the State Department at once.

Mr. Hartley. Thank you. In April 1960 we met again.

Mr. -Jones. We did.

Mr. Jones. That is all I recall.

Mr. Jones. Yes, sir.
"""


def test_a_witness_speaks_for_his_service_and_counsel_for_nobody():
    out = _read(WITNESS, kind="testimony")
    opened = [(c.subject, c.object, c.asserted_by) for c in out.claims if c.predicate == "other:open"]
    assert opened == [("FBI", "Edward Lomax", "Jones")], _claims(out)
    assert not [c for c in out.claims if c.subject == "FBI" and c.asserted_by == "Hartley"], _claims(out)
