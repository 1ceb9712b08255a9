"""The ingest stage against a real case file: batches, bad files, idempotence, casebooks."""

from collingwood import init_case, open_case

NOTE = """---
title: Note on the confession
kind: confession
authors: [Arthur Martin]
date: "16 February 1964"
archive_ref: TNA KV 2/4101
---
Cairncross told Martin that Klugmann recruited him in 1936.
"""


def _folder(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "confession.md").write_text(NOTE, encoding="utf-8")
    (folder / "memo.txt").write_text("Otto disappeared without warning in 1938.\n", encoding="utf-8")
    (folder / "memo.meta.yaml").write_text("title: Memo on Otto\nkind: memorandum\ndate: early 1940\n")
    return folder


def test_ingest_stage_stores_sources_with_metadata(tmp_path, case_url):
    case = init_case(case_url)
    report = case.ingest([_folder(tmp_path)])
    assert report.rejected == []
    assert report.added["sources"] == 2
    by_title = {s.title: s for s in case.sources()}
    conf = by_title["Note on the confession"]
    assert conf.kind == "confession" and conf.authors == ["Arthur Martin"]
    assert conf.archive_ref == "TNA KV 2/4101"
    assert conf.written.earliest == "1964-02-16"
    assert conf.text.startswith("Cairncross told Martin")
    memo = by_title["Memo on Otto"]
    assert memo.kind == "memorandum" and memo.date == "early 1940"
    assert memo.written.earliest == "1940-01-01" and memo.written.latest < "1940-06-01"


def test_ingest_stage_is_idempotent(tmp_path, case_url):
    case = init_case(case_url)
    folder = _folder(tmp_path)
    case.ingest([folder])
    before = case.store.counts()
    again = case.ingest([folder])
    assert again.added.get("sources", 0) == 0
    assert len(again.unchanged_items) == 2
    assert case.store.counts() == before


def test_ingest_stage_batch_with_bad_files_keeps_the_good(tmp_path, case_url):
    folder = _folder(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin.txt").write_bytes("Caf\xe9 society in 1938".encode("latin-1"))
    (folder / "fake.pdf").write_text("this is not a PDF at all")
    (folder / "badkind.md").write_text("---\nkind: gossip\n---\nSomething happened in 1940.\n")
    (folder / "sheet.xlsx").write_bytes(b"PK")
    case = init_case(case_url)
    report = case.ingest([folder])
    assert report.added["sources"] == 3   # Latin-1 is read, not refused
    reasons = dict(report.rejected)
    assert set(reasons) == {"empty.txt", "fake.pdf", "badkind.md"}
    assert reasons["empty.txt"].startswith("[empty]")
    assert "not a PDF" in reasons["fake.pdf"]
    assert "unknown source kind 'gossip'" in reasons["badkind.md"]
    assert [n for n, _ in report.skipped] == ["sheet.xlsx"]
    sources = {s.title: s for s in open_case(case_url).sources()}
    assert len(sources) == 3
    assert sources["Latin"].text == "Caf\u00e9 society in 1938"
    assert sources["Latin"].extra["reading"]["encoding"]["method"] == "detected"


def test_ingest_stage_loads_case_entities_and_casebook(tmp_path, case_url):
    folder = _folder(tmp_path)
    (folder / "case.yaml").write_text('title: Otto\nperiod: {from: "1936", to: "1951"}\n')
    (folder / "entities.yaml").write_text(
        "entities:\n  - name: Arnold Deutsch\n    aliases: [{name: Otto, kind: code_name}]\n")
    (folder / "notes.casebook.yaml").write_text(
        "claims:\n"
        "  - {subject: James Klugmann, predicate: recruited, object: John Cairncross, when: '1936',\n"
        "     source: confession.md, quote: Klugmann recruited him in 1936, asserted_by: John Cairncross}\n"
        "  - {subject: X, predicate: met, object: Y, source: confession.md, quote: not there}\n")
    case = init_case(case_url)
    report = case.ingest([folder])
    assert report.added["claims"] == 1 and report.added["entities"] == 1
    assert [n for n, _ in report.rejected] == ["notes.casebook.yaml"]
    assert case.title == "Otto"
    assert case.period().earliest == "1936-01-01" and case.period().latest == "1951-12-31"
    claim, = case.claims()
    assert claim.extracted_by == "analyst"
    assert case.entities()[0].aliases[0].name == "Otto"
    again = case.ingest([folder])
    assert again.added.get("claims", 0) == 0 and len(case.claims()) == 1


def test_ingest_stage_skips_a_folders_readme_unless_named(tmp_path, case_url):
    folder = _folder(tmp_path)
    (folder / "README.md").write_text("About these sources, gathered in 2026.\n")
    case = init_case(case_url)
    report = case.ingest([folder])
    assert report.added["sources"] == 2
    assert any(n == "README.md" and "not a source" in r for n, r in report.skipped)
    assert case.ingest([folder / "README.md"]).added["sources"] == 1


def test_ingest_stage_applies_a_corrected_sidecar_to_the_same_bytes(tmp_path, case_url):
    folder = _folder(tmp_path)
    case = init_case(case_url)
    case.ingest([folder])
    (folder / "memo.meta.yaml").write_text("title: Memo on Otto\nkind: memorandum\ndate: March 1940\n")
    report = case.ingest([folder])
    assert report.added["metadata updates"] == 1 and report.added.get("sources", 0) == 0
    memo = {s.title: s for s in case.sources()}["Memo on Otto"]
    assert memo.date == "March 1940" and memo.written.earliest == "1940-03-01"
    assert case.store.audit_log()[-1]["action"] == "update_source_metadata"
