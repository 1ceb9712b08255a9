"""Open events, clause passages, narrative time, reported speech that runs on, long sources.

Passages are short quotes from the dev texts (read by path from ../shared) or sentences
written here in the style of each genre: encyclopaedia, OCR'd memo and chronology,
interview summary, news.
"""

from __future__ import annotations

import pytest

from collingwood.extract import ExtractInput, get
from collingwood.extract.rules import chunks
from collingwood.model import schema
from shared_data import DATA, need

pytestmark = pytest.mark.slow


def _facts(out):
    return {(c.subject, c.predicate, c.object, c.time.render() if c.time else None) for c in out.claims}


def _read(text: str, kind: str | None = None, written: str | None = None):
    return get("rules-spacy@1").extract(ExtractInput(source_id="t", text=text, kind=kind, written=written))


# ---------------------------------------------------------------- open events

def test_open_predicates_are_found_but_never_listed():
    p = schema().predicate("other:sign")
    assert (p.family, p.subject, p.object, p.rules, p.edge) == ("open", "any", "any", (), None)
    assert "other:sign" not in schema().predicates and all(not n.startswith("other:") for n in schema().predicates)


def test_a_dated_clause_no_predicate_fits_is_an_open_claim(extract):
    out = extract("In May 1949 the Soviet Union lifted the blockade of Berlin.")
    assert ("Soviet Union", "other:lift", None, "May 1949") in _facts(out)


def test_an_undated_open_event_needs_two_named_participants(extract):
    assert not [c for c in extract("Lenin signed the decree.").claims if c.predicate.startswith("other:")]
    out = extract("Stalin telephoned Zhukov.")
    assert {(c.subject, c.predicate, c.object) for c in out.claims} == {("Stalin", "contacted", "Zhukov")}


def test_a_passive_open_event_with_its_agent_makes_the_agent_the_subject(extract):
    out = extract("In 1962 Lee Harvey Oswald was sent back by the Soviet Union.")
    assert ("Soviet Union", "other:send_back", "Lee Harvey Oswald", "1962") in _facts(out)


def test_reporting_and_describing_verbs_are_no_events(extract):
    out = extract("In 1998 Christopher Andrew described the archive as a treasure.")
    assert not [c for c in out.claims if c.predicate.startswith("other:")]


def test_a_schema_refusal_is_not_undone_by_the_open_reading(extract):
    assert extract("The Russians recruited Guy Burgess.").claims == []


def test_a_work_named_by_its_title_is_an_object(extract):
    text = "In February 1948 the Soviet Union published _Falsifiers of History_, a book."
    (c,) = [c for c in extract(text).claims if c.predicate == "published"]
    assert (c.subject, c.object, c.time.render()) == ("Soviet Union", "Falsifiers of History", "Feb 1948")
    assert c.quote == text[c.start:c.end] and "_" not in c.object


# ---------------------------------------------------------------- passages and times

def test_each_clause_cites_its_own_passage(extract):
    text = "In 1936 John Cairncross joined the Foreign Office and met Donald Maclean."
    out = extract(text)
    quotes = {c.predicate: c.quote for c in out.claims}
    assert quotes["worked_at"] == "In 1936 John Cairncross joined the Foreign Office"
    assert quotes["met"].endswith("met Donald Maclean")
    assert all(text[c.start:c.end] == c.quote for c in out.claims)


def test_a_reported_clause_keeps_its_reporting_frame(extract):
    out = extract("John Cairncross says he did not know Guy Burgess or Donald Maclean at this time.")
    assert {c.quote for c in out.claims} == {
        "John Cairncross says he did not know Guy Burgess or Donald Maclean at this time"}


def test_a_clause_without_a_date_takes_the_narrative_time_of_its_paragraph(extract):
    out = extract("In 1938 John Cairncross was transferred to the Treasury. He met Guy Burgess there.\n\n"
                  "Kim Philby met Guy Burgess.")
    facts = _facts(out)
    assert ("John Cairncross", "met", "Guy Burgess", "1938") in facts
    assert ("Kim Philby", "met", "Guy Burgess", None) in facts    # a new paragraph: no inherited time


def test_a_relative_clause_does_not_take_the_sentence_date(extract):
    out = extract("The notes that Martin made, which the Archives released in January 2025, survive.")
    assert not [c for c in out.claims if c.subject == "Martin" and c.time is not None]


def test_a_later_act_takes_no_inherited_date(extract):
    out = extract("In 1936 James Klugmann recruited John Cairncross. John Cairncross later worked at the Treasury.")
    (c,) = [c for c in out.claims if c.predicate == "worked_at"]
    assert c.time is None


def test_a_chronology_date_heading_dates_the_lines_below_it(extract):
    out = extract("September 27, 1963\nFriday\n\nCirca 10:30 A.M. Silvia Duran telephoned the Soviet Embassy.")
    assert ("Silvia Duran", "contacted", "Soviet Embassy", "27 Sep 1963") in _facts(out)


# ---------------------------------------------------------------- who says so

def test_in_an_interview_summary_reported_speech_runs_through_the_paragraph():
    text = ("Thomas Casasin stated that he retired from the Central Intelligence Agency in 1973. "
            "He arrived in Paris in September, 1962.\n\n"
            "Thomas Casasin worked in Japan from February 1955 to June 1960.")
    out = _read(text, kind="interview", written="1978-08-17")
    by = {c.predicate: c.asserted_by for c in out.claims}
    assert by["arrived_in"] == "Thomas Casasin"
    assert by["lived_in"] is None                                   # a new paragraph: the writer's own ("worked in Japan")


def test_in_a_news_report_the_writers_sentences_stay_the_writers():
    text = ("John Cairncross said that he was recruited by James Klugmann in 1936. "
            "He died in 1995.")
    out = _read(text, kind="news_report", written="2025-01-16")
    (died,) = [c for c in out.claims if c.predicate == "died"]
    assert died.asserted_by is None


def test_a_pronoun_with_no_subject_before_it_goes_to_the_person_the_subject_names(extract):
    out = extract("The memoirs of former spy Anthony Blunt reveal how he regarded it.\n\n"
                  "He supplied hundreds of secret documents to the Soviets.")
    assert ("Anthony Blunt", "passed_information_to", "Soviet Union", None) in _facts(out)   # the people for its state


def test_a_name_inside_a_later_phrase_is_still_not_the_next_he(extract):
    out = extract("Walter Krivitsky wrote a book. It also gives a date for his break with Joseph Stalin "
                  "in October 1937. He died in Washington in 1941.")
    assert not [c for c in out.claims if c.predicate == "died" and c.subject == "Joseph Stalin"]


# ---------------------------------------------------------------- long and odd sources

def test_chunks_cut_at_paragraph_breaks_and_cover_the_text():
    text = ("A paragraph of some length.\n\n" * 40)
    parts = chunks(text, size=200)
    assert parts[0][0] == 0 and parts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert all(text[:lo].endswith("\n\n") for lo, _ in parts[1:])
    assert all(hi - lo <= 200 for lo, hi in parts)


def test_a_source_read_in_parts_gives_the_claims_of_the_whole(monkeypatch):
    from collingwood.extract import rules
    para = "In {} Walter Krivitsky defected to France. Later Krivitsky emigrated to Canada in {}.\n\n"
    text = "".join(para.format(1900 + k, 1950 + k) for k in range(30))   # no paragraph repeats another's claims
    whole = _facts(_read(text))
    monkeypatch.setattr(rules, "CHUNK", 500)
    monkeypatch.setattr(rules.chunks, "__defaults__", (500,))
    parted = _read(text)
    assert _facts(parted) == whole
    assert all(text[c.start:c.end] == c.quote for c in parted.claims)
    assert max(c.start for c in parted.claims) > len(text) - len(para.format(1929, 1979))


def test_an_ocr_memo_of_the_dev_set_gives_its_posts_with_their_passages():
    path = need(DATA / "claims-dev" / "texts" / "jfk-oswald-case-chayes-297.md")
    text = path.read_text(encoding="utf-8")
    out = _read(text, kind="memorandum", written="1964-01-29")
    assert all(text[c.start:c.end] == c.quote for c in out.claims)
    found = {(c.subject, c.predicate, c.object) for c in out.claims}        # upper-case surnames and
    assert {("Abram Chayes", "worked_at", "State Department"),              # posts after them
            ("Samuel Wise", "worked_at", "American Embassy, Moscow")} <= found


def test_a_source_over_spacys_limit_is_extracted_whole():
    para, last = "In 1937 Walter Krivitsky defected to France.", "In 1939 Walter Krivitsky defected to Canada."
    filler = ("y" * 999 + " ") * 1_200                       # 1.2 million characters, few tokens
    text = para + "\n\n" + filler + "\n\n" + last        # (a repeated statement would be one claim)
    assert len(text) > 1_000_000
    out = _read(text)
    defections = [c for c in out.claims if c.predicate == "defected_to"]
    assert [c.start for c in defections] == [0, len(text) - len(last)]
    assert all(text[c.start:c.end] == c.quote for c in defections)


def test_the_cli_ingests_and_extracts_a_source_of_one_and_a_half_million_characters(tmp_path):
    import json
    import subprocess
    import sys
    para = "In 1938 Walter Krivitsky emigrated to the United States.\n\n"
    filler = ("z" * 999 + " ") * 1_500
    src = tmp_path / "long.txt"
    src.write_text(para + filler + "\n\n" + para.replace("1938", "1939"), encoding="utf-8")
    case = tmp_path / "long.case"
    cli = [sys.executable, "-m", "collingwood"]
    for args in (["init", str(case)], ["ingest", str(case), str(src)], ["extract", str(case)]):
        done = subprocess.run(cli + args, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Traceback" not in done.stdout + done.stderr
    claims = [json.loads(line) for line in subprocess.run(cli + ["claims", str(case), "--json"], capture_output=True,
                                                          text=True, timeout=120).stdout.splitlines()]
    assert len(src.read_text(encoding="utf-8")) >= 1_500_000
    assert len([c for c in claims if c["subject"] == "Walter Krivitsky"]) == 2


# ---------------------------------------------------------------- a document quoting another

_MEMO = ('1. Action required: none.\n\n'
         '2. The following article appeared in the 27 March edition of\nthe "Washington Times:"\n'
         '"Moscow: retired spies came to tell all.\n\n'
         '"Kim Philby died in Moscow in 1988."\n\n'
         'We have noted that John Smith died in London in 1990.\n\n'
         '3. John Brown died in Paris in 1991.\n')


def test_the_sentences_of_a_quoted_article_are_the_publications():
    out = _read(_MEMO, kind="memorandum", written="1992-04-04")
    by = {c.subject: c.asserted_by for c in out.claims if c.predicate == "died"}
    assert by["Kim Philby"] == "Washington Times"
    assert by["John Smith"] is None                 # the memo's own comment, after the quote closed
    assert by["John Brown"] is None                 # the memo's next numbered paragraph


def test_a_sentence_in_capitals_is_parsed_in_ordinary_case():
    out = _read("THE FBI ARRESTED ALDRICH AMES IN 1994.", kind="cable", written="1992-04-04")
    (c,) = [c for c in out.claims if c.subject == "FBI"]          # in capitals the parser finds no verb
    assert c.time.render() == "1994" and c.quote.startswith("THE FBI ARRESTED")


# ---------------------------------------------------------------- what is not read

def test_bibliography_entries_and_footnotes_are_not_read():
    text = ("In 1937 Walter Krivitsky defected to France.\n\nReferences\n\n"
            "-   Leggett, George (1986) _The Cheka: Lenin's Political Police._ Oxford University Press.\n"
            "-   Volkogonov, Dmitri (1998) _Autopsy of an Empire: The Seven Leaders Who Built the Soviet Regime_ "
            "Free Press.\n\n[44] In 1938 Walter Krivitsky emigrated to the United States, Leggett (1986).\n")
    out = _read(text)
    assert [c.start for c in out.claims] == [0]


def test_a_clause_someone_feared_is_no_fact(extract):
    out = extract("Fearing that Korea could threaten Japan, Harry Truman sent troops in June 1950.")
    assert not [c for c in out.claims if c.subject == "Korea"]
    assert [c.subject for c in out.claims] == ["Harry Truman"]


def test_a_persuaded_act_is_the_act_not_the_persuading(extract):
    out = extract("In 1936 James Klugmann persuaded John Cairncross to join the Communist Party.")
    assert {(c.subject, c.predicate, c.object, c.polarity) for c in out.claims} == {
        ("John Cairncross", "member_of", "Communist Party", "affirmed")}
    out = extract("In 1936 James Klugmann persuaded John Cairncross not to join the Communist Party.")
    assert {(c.subject, c.predicate, c.object, c.polarity) for c in out.claims} == {
        ("John Cairncross", "member_of", "Communist Party", "denied")}


def test_what_is_done_to_a_persons_conduct_is_done_to_the_person(extract):
    out = extract("Anthony Blunt wrote the document after Margaret Thatcher exposed his treachery in 1979.")
    assert ("Margaret Thatcher", "exposed", "Anthony Blunt", "1979") in _facts(out)


def test_a_passive_trigger_without_its_object_keeps_its_predicate(extract):
    out = extract("In early 1919 Mikhail Kedrov was appointed as head.")
    assert {(c.subject, c.predicate, c.object) for c in out.claims} == {("Mikhail Kedrov", "appointed", None)}


def test_in_a_transcript_each_turn_is_its_labelled_speakers():
    text = ("Mr. STERN. Could you explain the procedure, Mr. Belmont?\n\n"
            "Mr. BELMONT. In November 1959 Lee Harvey Oswald defected to the Soviet Union.\n\n"
            "Mr. STERN. Thank you.\n\n"
            "Mr. BELMONT. In April 1960 Marguerite Oswald wrote to the Secretary of State.\n")
    out = _read(text, kind="testimony", written="1964-05-06")
    by = {c.predicate: c.asserted_by for c in out.claims}
    assert by["defected_to"] and by["defected_to"].upper().endswith("BELMONT")
