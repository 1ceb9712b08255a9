"""Stable ids and claim versions (issue 12, point 2), on the store and the application layer.

The extractor here is a stand-in that proposes the claims each test writes by hand (the store
neither knows nor cares which extractor made them), so every case of "the same reading",
"another reading", "a moved span" and "an edit" is spelled out; the end-to-end run of the real
extractor over the demo case is in test_identity_cli.py.
"""

from __future__ import annotations

import threading

import pytest
from legacy_schema import strip_to
from sqlalchemy import text

from collingwood import identity
from collingwood.case import Case
from collingwood.errors import ConfigError, NotFound, StaleVersion
from collingwood.model import Claim, Entity
from collingwood.store import SCHEMA_VERSION, Store
from collingwood.store import case_url as store_url
from collingwood.timespan import parse_when

TEXT = ("Kim Philby met Guy Burgess in Cambridge in 1934. Burgess recruited Anthony Blunt in 1936. "
        "Blunt never met Philby before the war.")
EXTRACTOR = "stand-in@1"
PHILBY, BURGESS, BLUNT = (identity.entity_id(n, "person") for n in ("Kim Philby", "Guy Burgess", "Anthony Blunt"))


@pytest.fixture
def case(tmp_path, case_url):
    """A case with one source, on SQLite and on PostgreSQL (conftest's case_url)."""
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    c = Case.init(case_url)
    c.ingest([tmp_path / "note.txt"])
    return c


def source_id(case: Case) -> str:
    return case.sources()[0].id


def machine(case: Case, quote: str, subject: str, predicate: str, obj: str | None, subject_id=None,
            object_id=None, when: str | None = None, confidence: float = 0.7, start: int | None = None,
            polarity: str = "affirmed") -> Claim:
    lo = TEXT.index(quote) if start is None else start
    hi = lo + len(quote)
    return Claim(source_id=source_id(case), start=lo, end=hi, quote=TEXT[lo:hi], subject=subject,
                 predicate=predicate, object=obj, time=parse_when(when) if when else None,
                 extracted_by=EXTRACTOR, status="proposed", confidence=confidence, polarity=polarity,
                 subject_id=subject_id, object_id=object_id)


def store(case: Case, *claims: Claim) -> int:
    ents = [Entity(PHILBY, "Kim Philby", "person"), Entity(BURGESS, "Guy Burgess", "person"),
            Entity(BLUNT, "Anthony Blunt", "person")]
    return case.store.replace_extracted(source_id(case), EXTRACTOR, [], list(claims), ents, rules="r")


def met(case: Case, **kw) -> Claim:
    return machine(case, "Kim Philby met Guy Burgess in Cambridge in 1934", "Kim Philby", "met", "Guy Burgess",
                   PHILBY, BURGESS, **kw)


def recruited(case: Case, **kw) -> Claim:
    return machine(case, "Burgess recruited Anthony Blunt in 1936", "Burgess", "recruited", "Anthony Blunt",
                   BURGESS, BLUNT, **kw)


# --- the recipes ---------------------------------------------------------------------------------

def test_a_machine_claims_id_is_its_passage_and_reading_not_its_details():
    def cid(**kw):
        base = dict(source_id="s-1", start=0, end=10, subject="Kim Philby", predicate="met", object_="Guy Burgess",
                    polarity="affirmed", extracted_by=EXTRACTOR, subject_id=PHILBY, object_id=BURGESS)
        return identity.claim_id(**{**base, **kw})
    assert cid() == cid(subject="PHILBY")                        # the subject as linked: its entity
    assert cid(subject_id=None) == cid(subject_id=None, subject="Kím  Philby.")   # else its name's key
    assert cid(subject_id=None) != cid()
    for other in (dict(object_id=BLUNT), dict(predicate="knew"), dict(polarity="denied"), dict(start=1),
                  dict(source_id="s-2"), dict(extracted_by="other@1")):
        assert cid(**other) != cid(), other
    first = Claim(source_id="s-1", start=0, end=10, quote="x" * 10, subject="Kim Philby", predicate="met",
                  object="Guy Burgess", extracted_by=EXTRACTOR, subject_id=PHILBY, object_id=BURGESS)
    later = Claim(source_id="s-1", start=0, end=10, quote="x" * 10, subject="Kim Philby", predicate="met",
                  object="Guy Burgess", extracted_by=EXTRACTOR, subject_id=PHILBY, object_id=BURGESS,
                  time=parse_when("1934"), place="Cambridge", confidence=0.2, modality="hedged", asserted_by="X")
    assert first.id == later.id == cid()


def test_a_hand_written_claim_keeps_the_recipe_it_always_had():
    from collingwood.model import short_hash
    c = Claim(source_id="s-1", start=3, end=9, quote="abcdef", subject="Kim Philby", predicate="met",
              object="Guy Burgess")
    assert c.id == "c-" + short_hash("s-1", "3", "9", "Kim Philby", "met", "Guy Burgess", "affirmed", "analyst")


def test_entity_ids_agree_across_the_casebook_the_extractor_and_resolve():
    from collingwood import casebook, resolve
    from collingwood.extract import entities
    for name, kind in (("Guy Burgess", "person"), ("  MI5 ", "organisation")):
        ids = {identity.entity_id(name, kind), casebook.entity_id(name, kind), resolve.entity_id(name, kind),
               entities.entity_id(name, kind)}
        assert len(ids) == 1


def test_event_and_finding_ids_come_from_their_claims_ids_and_rule():
    assert identity.event_id("met", ["c-b", "c-a"]) == identity.event_id("met", ["c-a", "c-c"])   # its first claim
    assert identity.event_id("met", ["c-a"]) != identity.event_id("knew", ["c-a"])
    assert identity.finding_id("date_conflict", ["c-b", "c-a"]) == identity.finding_id("date_conflict", ["c-a", "c-b"])
    assert identity.finding_id("date_conflict", ["c-a"]) != identity.finding_id("omission", ["c-a"])


# --- re-extraction ---------------------------------------------------------------------------------

def test_the_same_reading_again_writes_nothing_and_keeps_version_1(case):
    assert store(case, met(case), recruited(case)) == 2
    first = {c.id: c for c in case.claims()}
    audit = len(case.store.audit_log())
    assert store(case, met(case), recruited(case)) == 2
    assert {c.id: c for c in case.claims()} == first
    assert all(c.version == 1 for c in first.values())
    assert [a["action"] for a in case.store.audit_log()[audit:]] == []


def test_a_better_date_is_a_new_version_of_the_same_claim_and_the_old_one_is_kept(case):
    store(case, met(case))
    (before,) = case.claims()
    store(case, met(case, when="1934", confidence=0.8))
    (after,) = case.claims()
    assert after.id == before.id and after.version == 2 and after.time.text == "1934"
    history = case.claim_history(after.id)
    assert [v.version for v in history] == [1, 2]
    assert history[0].claim.time is None and history[0].claim.confidence == 0.7
    assert history[1].change == "extract" and history[1].by == EXTRACTOR and history[1].replaced_at is None


def test_another_reading_of_the_passage_is_another_claim(case):
    store(case, recruited(case))
    (old,) = case.claims()
    other = machine(case, "Burgess recruited Anthony Blunt in 1936", "Burgess", "recruited", "Kim Philby",
                    BURGESS, PHILBY)
    store(case, other)
    (new,) = case.claims()
    assert new.id != old.id and new.version == 1
    assert [v.version for v in case.claim_history(old.id)] == [1]      # the dropped one: its last version kept


def test_a_moved_span_of_the_same_reading_keeps_the_id(case):
    store(case, recruited(case))
    (old,) = case.claims()
    whole = machine(case, "Burgess recruited Anthony Blunt in 1936.", "Guy Burgess", "recruited", "Anthony Blunt",
                    BURGESS, BLUNT)
    assert whole.id != old.id                                           # a new rule: the span takes the stop
    store(case, whole)
    (moved,) = case.claims()
    assert moved.id == old.id and moved.version == 2 and moved.quote.endswith("1936.")


def test_a_claim_stored_under_an_older_recipe_keeps_its_id(case):
    store(case, recruited(case))
    (claim,) = case.claims()
    legacy = "c-legacy0000001"
    with case.store.transaction() as conn:              # as a case written before migration 5 held it
        conn.execute(text("UPDATE claims SET id = :l, subject_id = NULL, object_id = NULL WHERE id = :i"),
                     {"l": legacy, "i": claim.id})
    case.review(legacy, "accepted")
    store(case, recruited(case))
    (kept,) = case.claims()
    assert kept.id == legacy and kept.status == "accepted"


def test_dropped_and_found_again_carries_on_its_history(case):
    store(case, met(case))
    (claim,) = case.claims()
    store(case)
    assert case.claims() == []
    store(case, met(case))
    (again,) = case.claims()
    assert again.id == claim.id and again.version == 2
    assert [v.version for v in case.claim_history(claim.id)] == [1, 2]


def test_a_review_survives_re_extraction_and_a_rejected_claim_stays_rejected(case):
    store(case, met(case), recruited(case))
    m, r = sorted(case.claims(), key=lambda c: c.start)
    case.review(m.id, "accepted", "seen in the file")
    case.review(r.id, "rejected", "a misreading")
    store(case, met(case, when="1934"), recruited(case, when="1936"))
    stored = {c.id: c for c in case.claims(include_rejected=True)}
    assert stored[m.id].status == "accepted" and stored[m.id].time is None     # reviewed: left as it was
    assert stored[r.id].status == "rejected"
    store(case)                                                                 # not found at all
    assert {c.id for c in case.claims(include_rejected=True)} == {m.id, r.id}


# --- edits -----------------------------------------------------------------------------------

def test_an_edit_makes_a_new_version_and_keeps_the_old(case):
    store(case, met(case))
    (claim,) = case.claims()
    edited = case.edit_claim(claim.id, {"when": "autumn 1934", "object": "Anthony Blunt", "note": "per the diary"},
                             expected_version=1)
    assert edited.id == claim.id and edited.version == 2
    assert edited.object == "Anthony Blunt" and edited.object_id is None      # the link was for the old name
    assert edited.time.text == "autumn 1934" and edited.note == "per the diary" and edited.edited_by == "analyst"
    old, new = case.claim_history(claim.id)
    assert old.claim.object == "Guy Burgess" and old.claim.object_id == BURGESS and old.replaced_at
    assert new.change == "edit" and new.claim == case.claim(claim.id)
    entry = case.store.audit_log()[-1]
    (before,), (after,) = entry["detail"]["before"]["claims"], entry["detail"]["after"]["claims"]
    assert entry["action"] == "edit_claim" and before["object"] == "Guy Burgess" and before["version"] == 1
    assert after["object"] == "Anthony Blunt" and after["version"] == 2 and entry["detail"]["version"] == 2
    assert entry["detail"]["after"]["claim_versions"] == [{"claim_id": claim.id, "version": 1}]


def test_a_hand_edit_is_never_overwritten_by_the_machine_finding_the_old_reading(case):
    store(case, met(case))
    (claim,) = case.claims()
    case.edit_claim(claim.id, {"subject": "H. A. R. Philby"}, expected_version=1)
    store(case, met(case, when="1934"))
    (kept,) = case.claims()
    assert kept.id == claim.id and kept.subject == "H. A. R. Philby" and kept.version == 2 and kept.time is None


def test_an_edited_claim_is_known_again_when_a_new_rule_moves_the_span_of_its_old_reading(case):
    store(case, recruited(case))
    (claim,) = case.claims()
    case.edit_claim(claim.id, {"object": "Kim Philby"}, expected_version=1)
    whole = machine(case, "Burgess recruited Anthony Blunt in 1936.", "Burgess", "recruited", "Anthony Blunt",
                    BURGESS, BLUNT)
    assert whole.id != claim.id
    store(case, whole)
    (kept,) = case.claims()                                   # not a second copy of the reading it corrected
    assert kept.id == claim.id and kept.object == "Kim Philby" and kept.version == 2


def test_a_stale_edit_is_refused_naming_the_current_version_and_writes_nothing(case):
    store(case, met(case))
    (claim,) = case.claims()
    case.edit_claim(claim.id, {"when": "1934"}, expected_version=1)
    audit = len(case.store.audit_log())
    with pytest.raises(StaleVersion) as e:
        case.edit_claim(claim.id, {"when": "1935"}, expected_version=1)
    assert e.value.code == "E409" and e.value.current == 2 and "version 2" in e.value.message
    assert e.value.as_json()["current_version"] == 2
    with pytest.raises(StaleVersion):                          # the store's own check, past the Case's
        case.store.update_claim(claim.id, {"place": "Cambridge"}, expected_version=1)
    assert case.claim(claim.id).time.text == "1934" and len(case.store.audit_log()) == audit


def test_two_writers_editing_one_version_at_once_one_wins_the_other_is_told(case):
    store(case, met(case))
    (claim,) = case.claims()
    results: list = []
    barrier = threading.Barrier(4)

    def writer(n: int) -> None:
        c = Case.open(case.path)
        barrier.wait()
        try:
            results.append(c.edit_claim(claim.id, {"note": f"writer {n}"}, expected_version=1).note)
        except StaleVersion as e:
            results.append(e)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    won = [r for r in results if isinstance(r, str)]
    assert len(won) == 1 and sum(isinstance(r, StaleVersion) for r in results) == 3
    assert case.claim(claim.id).note == won[0] and case.claim(claim.id).version == 2
    assert len(case.claim_history(claim.id)) == 2


@pytest.mark.parametrize("changes, message", [
    ({"quote": "x"}, "cannot be edited"), ({"span": "1"}, "cannot be edited"), ({"colour": "red"}, "Unknown field"),
    ({"predicate": "liked"}, "Unknown predicate"), ({"polarity": "maybe"}, "not one of"), ({"when": "the other day"},
                                                                                        "Can't read the date"),
    ({"confidence": "2"}, "from 0 to 1"), ({"subject": ""}, "needs a subject"), ({}, "Nothing to change")])
def test_a_bad_edit_is_a_clear_error(case, changes, message):
    store(case, met(case))
    (claim,) = case.claims()
    with pytest.raises(ConfigError) as e:
        case.edit_claim(claim.id, changes, expected_version=1)
    assert message in e.value.message
    assert case.claim(claim.id).version == 1


def test_editing_a_claim_that_is_not_there_is_not_found(case):
    with pytest.raises(NotFound):
        case.edit_claim("c-nothing", {"note": "x"}, expected_version=1)
    with pytest.raises(NotFound):
        case.claim_history("c-nothing")


def test_a_review_is_a_version_too(case):
    store(case, met(case))
    (claim,) = case.claims()
    assert case.review(claim.id, "accepted").version == 2
    assert case.review(claim.id, "accepted", "checked again").version == 2     # the same decision: no version,
    assert case.store.audit_log()[-1]["detail"]["note"] == "checked again"     # but its reason is kept
    assert [v.change for v in case.claim_history(claim.id)] == ["extract", "review"]
    with pytest.raises(StaleVersion):
        case.review(claim.id, "rejected", expected_version=1)


# --- casebook ids ---------------------------------------------------------------------------

def test_a_casebook_entry_with_an_id_is_revised_not_duplicated(tmp_path, case_url):
    (tmp_path / "note.txt").write_text(TEXT, encoding="utf-8")
    book = tmp_path / "n.casebook.yaml"
    entry = ("claims:\n  - {id: philby-burgess, subject: %s, predicate: met, object: Guy Burgess,"
             " source: note.txt, quote: Kim Philby met Guy Burgess}\n")
    book.write_text(entry % "Kim Philby", encoding="utf-8")
    case = Case.init(case_url)
    case.ingest([tmp_path / "note.txt", book])
    (claim,) = case.claims()
    assert claim.id == "philby-burgess" and claim.version == 1
    book.write_text(entry % "Harold Philby", encoding="utf-8")
    assert case.ingest([book]).added == {"revised claims": 1}
    (revised,) = case.claims()
    assert revised.id == "philby-burgess" and revised.subject == "Harold Philby" and revised.version == 2
    case.edit_claim("philby-burgess", {"subject": "Kim Philby"}, expected_version=2)
    assert not case.ingest([book]).added                   # the hand edit wins over the file read again
    assert case.claim("philby-burgess").subject == "Kim Philby"


# --- the stored entity links, and curation by id ---------------------------------------------

def test_resolve_uses_the_extractors_link_unless_the_analyst_re_pointed_the_name(case):
    store(case, recruited(case))
    (claim,) = case.claims()
    _, res = case.resolved()
    assert res.subject_of[claim.id] == BURGESS                # 'Burgess' as the extractor linked it
    case.add_curation("split", "Burgess", "Guy Burgess")
    _, res = case.resolved()
    assert res.subject_of[claim.id] != BURGESS


def test_a_merge_records_the_entity_ids_and_holds_when_the_target_name_is_gone(case):
    from collingwood import service
    store(case, met(case), recruited(case))
    assert service.curate(case, "merge", "Burgess", "Guy Burgess") == (True, [])
    (pair,) = case.store.curation("merge")
    assert tuple(pair) == ("Burgess", "Guy Burgess") and pair.other_id == BURGESS
    data = case.data()
    data.merges = [type(pair)("Burgess", "G. Burgess (a name no claim uses)", None, BURGESS)]
    from collingwood.resolve import resolve
    res = resolve(data)
    r = next(c for c in data.claims if c.predicate == "recruited")
    assert res.subject_of[r.id] == BURGESS


# --- the migration -----------------------------------------------------------------------------

def test_a_case_of_schema_4_upgrades_and_keeps_its_claims_reviews_verdicts_and_merges(case):
    store(case, met(case), recruited(case))
    m, r = sorted(case.claims(), key=lambda c: c.start)
    case.review(m.id, "accepted")
    case.set_verdict("f-kept", "explained", "a typo in the file")
    case.add_curation("merge", "Burgess", "Guy Burgess")
    strip_to(case.store, 4)                                # the case as schema 4 left it
    case.store.dispose()
    old = Store(store_url(case.path))
    assert old.version() == 4
    old.dispose()
    upgraded = Case.open(case.path)
    assert upgraded.store.version() == SCHEMA_VERSION
    claims = {c.id: c for c in upgraded.claims()}
    assert set(claims) == {m.id, r.id} and all(c.version == 1 and c.subject_id is None for c in claims.values())
    assert claims[m.id].status == "accepted"
    assert upgraded.store.verdicts() == {"f-kept": ("explained", "a typo in the file")}
    assert upgraded.store.curation("merge") == [("Burgess", "Guy Burgess")]
    store(upgraded, met(upgraded), recruited(upgraded))    # re-extracted: the links come back, ids stay
    again = {c.id: c for c in upgraded.claims()}
    assert set(again) == set(claims) and again[r.id].subject_id == BURGESS and again[m.id].status == "accepted"
    assert upgraded.edit_claim(r.id, {"when": "1936"}, expected_version=again[r.id].version).time.text == "1936"
