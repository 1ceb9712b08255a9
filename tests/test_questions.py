"""Open questions: disputed events, hedged claims, unexplained endings, timeline gaps."""

from __future__ import annotations

from collingwood.analyse.findings import findings
from collingwood.analyse.questions import open_questions, questions_markdown
from collingwood.resolve import resolve
from collingwood.timespan import parse_when


def questions(data):
    res = resolve(data)
    return open_questions(data, res, findings(data, res))


def by_kind(qs, kind):
    return [q for q in qs if q.kind == kind]


def test_questions_disputed_event_from_conflicting_dates(case_builder):
    b = case_builder()
    b.source("a", "memoir", ["Witness A"], "1990")
    b.source("b", "archive_file", ["Registry"], "1950")
    x = b.claim("a", "James Klugmann", "recruited", "John Cairncross", "1936")
    y = b.claim("b", "James Klugmann", "recruited", "John Cairncross", "1937")
    (q,) = by_kind(questions(b.build()), "disputed_event")
    assert q.claim_ids == sorted([x.id, y.id]) and q.finding_ids
    assert "James Klugmann recruited John Cairncross" in q.text


def test_questions_hedged_claim(case_builder):
    b = case_builder()
    b.source("liddell", "diary", ["Guy Liddell"], "1940")
    c = b.claim("liddell", "Anthony Blunt", "passed_information_to", "Moscow", "1940",
                quote="I suspect Blunt of passing material", modality="hedged")
    (q,) = by_kind(questions(b.build()), "hedged_claim")
    assert q.claim_ids == [c.id] and "Guy Liddell only suspects it" in q.text
    assert q.spans[0].quote == "I suspect Blunt of passing material"


def test_questions_unexplained_ending_with_its_span(case_builder):
    b = case_builder()
    text = "Krivitsky came to London in 1940. The offer fell through. He went back to America."
    b.source("essay", "secondary_work", ["Antony Percy"], "2017", text=text)
    (q,) = by_kind(questions(b.build()), "unexplained_ending")
    (span,) = q.spans
    assert text[span.start:span.end] == "The offer fell through."
    assert q.text == "What explains this: “The offer fell through.”?"


def test_questions_unexplained_endings_of_a_long_source_each_with_its_own_sentence(case_builder):
    """Many endings in one long register: each question spans its own sentence, however far
    into the text, after line breaks and blank lines as after full stops."""
    b = case_builder()
    entries = [f"Agent {i} reported from Lisbon in 1941.\n\n  His courier vanished in March. "
               f"The file was closed." for i in range(300)]
    text = "\n".join(entries)
    b.source("register", "archive_file", ["Registry"], "1950", text=text)
    found = by_kind(questions(b.build()), "unexplained_ending")
    assert len(found) == 300
    assert {text[q.spans[0].start:q.spans[0].end] for q in found} == {"His courier vanished in March."}
    last = max(found, key=lambda q: q.spans[0].start)
    assert last.spans[0].start == text.rindex("His courier vanished")


def test_questions_timeline_gap_within_the_period(case_builder):
    b = case_builder()
    b.source("file", "archive_file", ["Registry"], "1960")
    b.claim("file", "Kim Philby", "worked_at", "The Times", "1937")
    b.claim("file", "Kim Philby", "worked_at", "MI6", "1940")
    b.claim("file", "Kim Philby", "met", "Guy Burgess", "1941")
    b.claim("file", "Kim Philby", "defected_to", "Moscow", "1963")
    data = b.build()
    data.period = parse_when("between 1936 and 1945")
    gaps = by_kind(questions(data), "timeline_gap")
    assert [q.text for q in gaps] == [
        "Where was Kim Philby in 1938–1939? No claim places Kim Philby between 1937 and 1940.",
        "Where was Kim Philby in 1942–1945? No claim places Kim Philby between 1941 and 1963.",
    ]


def test_questions_ids_are_stable(case_builder):
    def run():
        b = case_builder()
        b.source("essay", "secondary_work", ["Antony Percy"], "2017",
                 text="The file was never found. It is not known who took it.")
        return questions(b.build())

    first, second = run(), run()
    assert [q.id for q in first] == [q.id for q in second]
    assert len(first) == 2 and all(q.id.startswith("q-") for q in first)
    assert "## Unexplained endings" in questions_markdown(first)
