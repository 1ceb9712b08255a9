"""Metadata routes (front matter, sidecar, manifest), their precedence, and folder discovery."""

from pathlib import Path

import pytest

from collingwood.errors import MetadataError
from collingwood.ingest.discover import discover
from collingwood.ingest.metadata import (
    SOURCE_FIELDS,
    load_manifest,
    load_sidecar,
    pretty_title,
    resolve_metadata,
    snake_case,
    split_front_matter,
)
from collingwood.ingest.readers import read_document


def _resolve(path: Path) -> dict:
    return resolve_metadata(read_document(path), load_manifest(path.parent))


def test_ingest_split_front_matter_returns_body_offset():
    text = "---\ntitle: T\n---\n\nBody here.\n"
    meta, body, offset = split_front_matter(text)
    assert meta == {"title": "T"} and body == "Body here.\n" and text[offset:] == body
    assert split_front_matter("No front matter.\n") == ({}, "No front matter.\n", 0)
    assert split_front_matter("---\n---\nBody") == ({}, "Body", 8)


def test_ingest_defaults_title_from_stem_and_kind_note(tmp_path):
    path = tmp_path / "cairncross_confession-1964.txt"
    path.write_text("He confessed.\n", encoding="utf-8")
    meta = _resolve(path)
    assert set(SOURCE_FIELDS) | {"extra"} == set(meta)
    assert meta["title"] == "Cairncross confession 1964" and meta["kind"] == "note"
    assert meta["authors"] == [] and meta["date"] is None and meta["extra"] == {}


def test_ingest_front_matter_fields_are_normalised(tmp_path):
    path = tmp_path / "memoir.md"
    path.write_text("---\nTitle: Spycatcher\nauthor: Peter Wright\ndate_written: 1987-07-12\n"
                    "Kind: Memoir\nlicense: CC-BY\narchive: KV 2/1\nshelf: B4\n---\nText.\n",
                    encoding="utf-8")
    meta = _resolve(path)
    assert meta["title"] == "Spycatcher" and meta["kind"] == "memoir"
    assert meta["authors"] == ["Peter Wright"]
    assert meta["date"] == "1987-07-12"  # a YAML date comes back as the string written
    assert meta["licence"] == "CC-BY" and meta["archive_ref"] == "KV 2/1"
    assert meta["extra"] == {"shelf": "B4"}


def test_ingest_fuzzy_dates_and_kinds_are_kept_as_given(tmp_path):
    path = tmp_path / "n.md"
    path.write_text("---\nwritten: early 1940\nkind: News report\nauthors: A. One; B. Two\n---\nx\n",
                    encoding="utf-8")
    meta = _resolve(path)
    assert meta["date"] == "early 1940" and meta["kind"] == "news_report"
    assert meta["authors"] == ["A. One", "B. Two"]


def test_ingest_sidecar_both_names_are_found(tmp_path):
    for name, sidecar in (("a.pdf", "a.pdf.meta.yaml"), ("b.pdf", "b.meta.yaml"), ("c.txt", "c.meta.yml")):
        (tmp_path / sidecar).write_text(f"title: {name}\n", encoding="utf-8")
        assert load_sidecar(tmp_path / name) == {"title": name}
    assert load_sidecar(tmp_path / "none.pdf") == {}


def test_ingest_two_sidecars_are_refused(tmp_path):
    (tmp_path / "m.pdf.meta.yaml").write_text("title: A\n", encoding="utf-8")
    (tmp_path / "m.meta.yaml").write_text("title: B\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="two sidecars"):
        load_sidecar(tmp_path / "m.pdf")


def test_ingest_bad_sidecar_names_file_and_line(tmp_path):
    (tmp_path / "m.meta.yaml").write_text("title: A\nkind: [x\n", encoding="utf-8")
    with pytest.raises(MetadataError) as info:
        load_sidecar(tmp_path / "m.txt")
    assert info.value.path.name == "m.meta.yaml" and "line 3" in info.value.reason
    (tmp_path / "m.meta.yaml").write_text("just a sentence\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="must be a mapping"):
        load_sidecar(tmp_path / "m.txt")


def test_ingest_manifest_mapping_and_list_forms(tmp_path):
    (tmp_path / "sources.yaml").write_text("a.txt: {title: A}\nb.txt:\n  kind: diary\n", encoding="utf-8")
    assert load_manifest(tmp_path) == {"a.txt": {"title": "A"}, "b.txt": {"kind": "diary"}}
    (tmp_path / "sources.yaml").write_text("- file: a.txt\n  title: A\n- {file: b.txt, kind: diary}\n",
                                           encoding="utf-8")
    assert load_manifest(tmp_path) == {"a.txt": {"title": "A"}, "b.txt": {"kind": "diary"}}
    assert load_manifest(tmp_path / "nowhere") == {}


@pytest.mark.parametrize("body, message", [
    ("- title: no file key\n", "needs a `file:` key"),
    ("a.txt: just text\n", "must be a mapping"),
    ("- {file: a.txt}\n- {file: a.txt}\n", "listed twice"),
    ("42\n", "must map file names"),
    ("a.txt: {title: [\n", "not valid YAML"),
])
def test_ingest_bad_manifest_is_refused(tmp_path, body, message):
    (tmp_path / "sources.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(MetadataError, match=message.replace("`", ".").replace("[", r"\[")) as info:
        load_manifest(tmp_path)
    assert info.value.path.name == "sources.yaml"


def test_ingest_precedence_embedded_then_manifest_then_sidecar(tmp_path):
    path = tmp_path / "memo.md"
    path.write_text("---\ntitle: Embedded\nkind: letter\ndate: 1951\nauthor: Embedded Author\n---\nx\n",
                    encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("memo.md: {title: Manifest, kind: memorandum, url: http://m}\n",
                                           encoding="utf-8")
    (tmp_path / "memo.md.meta.yaml").write_text("title: Sidecar\n", encoding="utf-8")
    meta = _resolve(path)
    assert meta["title"] == "Sidecar"  # sidecar beats all
    assert meta["kind"] == "memorandum" and meta["url"] == "http://m"  # manifest beats embedded
    assert meta["date"] == "1951" and meta["authors"] == ["Embedded Author"]  # kept where not overridden


def test_ingest_empty_value_does_not_override(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("---\ntitle: Kept\n---\nx\n", encoding="utf-8")
    (tmp_path / "m.meta.yaml").write_text("title:\nnotes: ''\n", encoding="utf-8")
    assert _resolve(path)["title"] == "Kept"


def test_ingest_metadata_conflicting_alias_is_refused(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("---\nauthor: A\nauthors: [B]\n---\nx\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="'authors' twice"):
        _resolve(path)


def test_ingest_metadata_field_must_be_scalar(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text("---\ntitle: [a, b]\n---\nx\n", encoding="utf-8")
    with pytest.raises(MetadataError, match="'title' must be a single value"):
        _resolve(path)


def test_ingest_snake_case_and_pretty_title():
    assert snake_case(" News report ") == "news_report" and snake_case("Secondary-Work") == "secondary_work"
    assert pretty_title("MI5_memo") == "MI5 memo" and pretty_title("otto") == "Otto"


# --- discovery -----------------------------------------------------------------------


def _mixed_folder(tmp_path, make_pdf, make_docx) -> Path:
    root = tmp_path / "pile"
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "config.txt").write_text("hidden", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / "b.txt").write_text("Bee.\n", encoding="utf-8")
    (root / "a.md").write_text("Ay.\n", encoding="utf-8")
    (root / "a.md.meta.yaml").write_text("title: A\n", encoding="utf-8")
    (root / "sources.yaml").write_text("b.txt: {kind: diary}\nghost.pdf: {}\n", encoding="utf-8")
    (root / "sheet.xlsx").write_bytes(b"PK")
    (root / "README").write_text("x", encoding="utf-8")
    (root / "claims.casebook.yaml").write_text("claims: []\n", encoding="utf-8")
    (root / "case.yaml").write_text("title: c\n", encoding="utf-8")
    (root / "~$letter.docx").write_bytes(b"lock")
    (root / "sub" / "page.html").write_text("<p>Hi</p>", encoding="utf-8")
    (root / "sub" / "empty.txt").write_bytes(b"")
    make_pdf("pile/sub/memo.pdf", ["Memo."])
    make_docx("pile/sub/letter.docx", ["Letter."])
    return root


def test_ingest_discover_mixed_folder(tmp_path, make_pdf, make_docx):
    root = _mixed_folder(tmp_path, make_pdf, make_docx)
    found = discover([root, tmp_path / "nope"])
    rel = lambda paths: [p.relative_to(root).as_posix() for p in paths]  # noqa: E731
    assert rel(found.documents) == ["a.md", "b.txt", "sub/empty.txt", "sub/letter.docx",
                                    "sub/memo.pdf", "sub/page.html"]
    assert rel(found.casebooks) == ["claims.casebook.yaml"]
    skipped = {p.name: reason for p, reason in found.skipped}
    assert skipped["sheet.xlsx"] == "[unsupported] unsupported file type '.xlsx'"
    assert "README" in skipped and "~$letter.docx" in skipped
    assert [p.name for p in found.case_inputs] == ["case.yaml"]
    assert skipped["nope"] == "[missing] no such file"
    assert "no such file" in skipped["ghost.pdf"]  # a manifest entry with no file
    assert not {".hidden.txt", "config.txt", "a.md.meta.yaml", "sources.yaml"} & set(skipped)
    assert found.manifests[root] == {"b.txt": {"kind": "diary"}, "ghost.pdf": {}}
    assert found.manifests[root / "sub"] == {}


def test_ingest_discover_is_deterministic_and_deduplicates(tmp_path, make_pdf, make_docx):
    root = _mixed_folder(tmp_path, make_pdf, make_docx)
    once = discover([root])
    twice = discover([root / "b.txt", root, root / "b.txt"])
    assert once.documents == twice.documents


def test_ingest_discover_single_file_loads_its_folder_manifest(tmp_path):
    (tmp_path / "m.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("m.txt: {kind: letter}\n", encoding="utf-8")
    found = discover([tmp_path / "m.txt"])
    assert found.documents == [tmp_path / "m.txt"]
    doc = read_document(tmp_path / "m.txt")
    assert resolve_metadata(doc, found.manifests[doc.path.parent])["kind"] == "letter"


def test_ingest_discover_bad_manifest_holds_back_its_folder(tmp_path):
    (tmp_path / "m.txt").write_text("x\n", encoding="utf-8")
    (tmp_path / "sources.yaml").write_text("- no file key\n", encoding="utf-8")
    found = discover([tmp_path])
    assert found.documents == []
    reasons = dict((p.name, r) for p, r in found.skipped)
    assert "needs a `file:` key" in reasons["sources.yaml"]
    assert reasons["m.txt"].startswith("[held-back] sources.yaml in its folder is invalid")
