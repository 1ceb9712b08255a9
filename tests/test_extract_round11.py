"""Readings of the eleventh round: a source's own 'I' is its author (a memoir's, a letter's,
an interview summary's writer), never inside a quotation; the writer of an interview summary
asks at the interview; setting out 'for' a place is going there; a memoir's author named by
its title, and a kind described in words ('memoir excerpt'). The memoir's first sentence is
U. S. Grant's (Personal Memoirs, 1885, public domain); the other passages are written here
in the genres' manner, the names invented or common."""

from __future__ import annotations

import pytest

from collingwood import init_case
from collingwood.extract.attribution import inside_quotation
from collingwood.ingest.byline import title_authors
from collingwood.model import schema

pytestmark = pytest.mark.slow

_MEMOIR = ("I was born on the 27th of April, 1822, at Point Pleasant, Clermont County, Ohio. "
           "I joined the Foreign Office in the autumn of 1936. Guy Burgess introduced me to Otto "
           "in 1937. After my recruitment by Otto in 1937, I met him once a month. "
           "\"I went to Moscow in 1934,\" Burgess told me.")


@pytest.fixture(scope="module")
def read(extract):
    """The claims of one text: read(text, author=..., kind=..., written=...)."""
    return lambda text, **options: extract(text, source_id="t", **options).claims


def _one(claims, predicate):
    found = [c for c in claims if c.predicate == predicate]
    assert len(found) == 1, [(c.subject, c.predicate, c.object) for c in claims]
    return found[0]


def test_a_memoirs_i_is_its_author(read):
    claims = read(_MEMOIR, author="John Smith", kind="memoir")
    born = [c for c in claims if c.predicate == "born"]
    assert {c.object for c in born} == {"Point Pleasant", "Clermont County"}
    assert all(c.subject == "John Smith" and c.time.earliest == "1822-04-27" for c in born)
    assert all(c.asserted_by is None for c in born)          # the author's own telling
    assert all(c.quote.startswith("I was born") for c in born)   # the passage that says so
    joined = _one(claims, "worked_at")
    assert (joined.subject, joined.object, joined.time.earliest[:4]) == ("John Smith", "Foreign Office", "1936")


def test_me_and_my_are_the_author_too(read):
    claims = read(_MEMOIR, author="John Smith", kind="memoir")
    recruited = _one(claims, "recruited")
    assert (recruited.subject, recruited.object) == ("Otto", "John Smith")
    met = _one(claims, "met")                          # 'I met him': not I, so the one named before
    assert (met.subject, met.object) == ("John Smith", "Otto")
    assert any(c.object == "John Smith" and c.subject == "Guy Burgess" and c.predicate.startswith("other:introduce")
               for c in claims)


def test_an_i_inside_a_quotation_is_not_the_author(read):
    claims = read(_MEMOIR, author="John Smith", kind="memoir")
    assert not any(c.subject == "John Smith" and c.object == "Moscow" for c in claims)


@pytest.mark.parametrize("author", [None, "John Smith, Mary Jones"])
def test_without_one_known_author_i_names_no_one(read, author):
    claims = read("I joined the Foreign Office in the autumn of 1936.", author=author, kind="memoir")
    assert claims == []


def test_a_pronoun_may_be_the_authors_kin_of_the_same_surname(read):
    claims = read("Mathew Grant, the founder of the branch in America, reached Dorchester in May, 1630. "
                  "In 1635 he moved to Windsor, Connecticut.", author="Ulysses S. Grant", kind="memoir")
    assert any(c.subject == "Mathew Grant" and c.time is not None and c.time.earliest == "1635-01-01"
               for c in claims), [(c.subject, c.predicate, c.time) for c in claims]


def test_my_wife_is_the_authors_wife_but_not_in_a_quotation(read):
    claims = read("My wife Aileen and I moved to Washington in October 1949. "
                  "\"I left my wife Anna Brown in Vienna,\" Guy Burgess said.", author="John Smith", kind="memoir")
    married = [(c.subject, c.object) for c in claims if c.predicate == "married"]
    assert married == [("John Smith", "Aileen")]
    assert ("John Smith", "Washington") in {(c.subject, c.object) for c in claims if c.predicate == "lived_in"}


def test_the_writer_of_an_interview_asks_at_the_interview(read):
    text = ("INTERVIEW OF JOHN DOE\n\nDoe said he joined the Agency in 1951. I asked Doe about the "
            "memo he wrote in 1955. He said he met Harvey in Berlin in 1954.")
    claims = read(text, author="Jane Roe", kind="interview", written="1978-08-17")
    asked = next(c for c in claims if c.predicate == "other:ask")
    assert asked.subject == "Jane Roe" and asked.object == "John Doe"
    assert (asked.time.earliest, asked.time.latest) == ("1978-08-17", "1978-08-17")
    assert asked.asserted_by is None                   # the writer's own, not the interviewee's
    met = _one(claims, "met")
    assert met.asserted_by == "John Doe" and met.time.earliest == "1954-01-01"


def test_in_a_memoir_the_authors_questions_keep_the_narratives_time(read):
    claims = read("In May 1951 I asked Guy Burgess about his plans.", author="John Smith", kind="memoir")
    asked = next(c for c in claims if c.predicate == "other:ask")
    assert asked.time.earliest == "1951-05-01"


def test_setting_out_for_a_place_is_going_there(read):
    claims = read("Guy Burgess sailed for New York in August 1950. In 1951 Kim Philby left London for Beirut.")
    went = {(c.subject, c.object) for c in claims if c.predicate == "visited"}
    assert went == {("Guy Burgess", "New York"), ("Kim Philby", "Beirut")}
    assert {(c.subject, c.object) for c in claims if c.predicate == "left"} == {("Kim Philby", "London")}


def test_leaving_for_good_goes_nowhere(read):
    claims = read("Kim Philby left for good in 1952.")
    assert not any(c.predicate == "visited" for c in claims)


@pytest.mark.parametrize("text, word, inside", [
    ('"I went to Moscow," Burgess told me.', "I", True),
    ('I went to Moscow," Burgess told me.', "I", True),        # the opening mark ended the sentence before
    ('After my recruitment, I met him. "', "my", False),        # ... and this one opens the next
    ('He told me \u201cI am off\u201d then.', "I", True),
    ('I said \u201cno\u201d to him.', "I", False),
    ('I read "The Times" daily.', "I", False),
])
def test_a_word_inside_a_quotation(text, word, inside):
    assert inside_quotation(text, text.index(word)) is inside


@pytest.mark.parametrize("title, authors", [
    ("The Memoirs of Cordell Hull", ["Cordell Hull"]),
    ("Ciano's Diary, 1939-1943", ["Ciano"]),
    ("Letter from Guy Burgess to Kim Philby", ["Guy Burgess"]),
    ("Memorandum, M. D. Stevens to Files: The Case #351164", ["M. D. Stevens"]),
    ("My Silent War, by Kim Philby (1968)", ["Kim Philby"]),
    ("Personal Memoirs of U. S. Grant", ["U. S. Grant"]),
    ("The Diary of a Nobody", []),
    ("Memoirs of the Second World War", []),
    ("Letter to the Editor", []),
    ("Memoir, chapter 3", []),
])
def test_a_first_person_works_title_names_its_author(title, authors):
    assert title_authors(title) == authors


@pytest.mark.parametrize("words, kind", [
    ("memoir excerpt", "memoir"), ("Memoirs", "memoir"), ("FBI report", "report"),
    ("press cuttings", "news_report"), ("oral history", "interview"), ("CIA cable", "cable"),
    ("gossip", None),
])
def test_a_kind_described_in_words_is_read_word_by_word(words, kind):
    assert schema().source_kind(words) == kind


def test_a_memoir_excerpt_is_ingested_with_its_titled_author_and_read_in_the_first_person(tmp_path, case_url):
    path = tmp_path / "excerpt.md"
    path.write_text("---\ntitle: \"My Years Abroad, by John Smith (1968), chapter 2\"\nkind: memoir excerpt\n---\n\n"
                    "I joined the Foreign Office in the autumn of 1936.\n", encoding="utf-8")
    case = init_case(case_url)
    report = case.ingest([path])
    assert report.added["sources"] == 1 and not report.rejected
    source, = case.sources()
    assert (source.kind, source.authors) == ("memoir", ["John Smith"])
    case.extract()
    claim, = case.claims()
    assert (claim.subject, claim.predicate, claim.object) == ("John Smith", "worked_at", "Foreign Office")
