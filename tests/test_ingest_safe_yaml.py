"""safe_yaml: the one YAML parser; aliases, anchors, depth and size are bounded, errors name file and line."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood import safe_yaml
from collingwood.casebook import load_entities
from collingwood.errors import CasebookError, CollingwoodError, MetadataError, YamlError
from collingwood.ingest.metadata import load_manifest, split_front_matter

BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"


def test_plain_yaml_reads_as_safe_load_would():
    assert safe_yaml.load("title: Memo\nauthors: [A, B]\ndate: 1951-05-25\n", name="x.yaml") == {
        "title": "Memo", "authors": ["A", "B"], "date": __import__("datetime").date(1951, 5, 25)}


def test_billion_laughs_is_refused_with_file_and_line():
    with pytest.raises(YamlError) as e:
        safe_yaml.load(BOMB, name="memo.meta.yaml")
    assert e.value.kind == "yaml-unsafe" and e.value.line == 1
    assert "memo.meta.yaml" in e.value.message and "anchor" in e.value.reason


def test_an_alias_alone_is_refused():
    with pytest.raises(YamlError, match=r"alias \(\*x\) on line 2"):
        safe_yaml.load("a: 1\nb: *x\n", name="f.yaml")


def test_depth_and_size_are_bounded():
    with pytest.raises(YamlError) as e:
        safe_yaml.load("x: " + "[" * 5000 + "]" * 5000, name="deep.yaml")
    assert e.value.kind == "too-deep"
    with pytest.raises(YamlError) as e:
        safe_yaml.load("x: 1\n" * 10, name="big.yaml", max_chars=20)
    assert e.value.kind == "too-large"


@pytest.mark.parametrize("text", ["a: b: c", "d: 2023-02-30", "n: " + "9" * 6000, "[a", "? [a]\n: b"])
def test_bad_values_and_syntax_are_coded_errors(text):
    with pytest.raises(YamlError) as e:
        safe_yaml.load(text, name="bad.yaml")
    assert e.value.kind == "yaml" and "bad.yaml" in e.value.message


def test_front_matter_sidecar_manifest_entity_list_refuse_bombs(tmp_path):
    with pytest.raises(MetadataError) as e:
        split_front_matter("---\n" + BOMB + "---\nbody\n", tmp_path / "m.md")
    assert e.value.kind == "yaml-unsafe" and "line 2" in e.value.reason
    (tmp_path / "sources.yaml").write_text(BOMB)
    with pytest.raises(MetadataError):
        load_manifest(tmp_path)
    (tmp_path / "entities.yaml").write_text("entities:\n" + "".join(f"  - {{name: &n{i} X}}\n" for i in range(3)))
    with pytest.raises(CasebookError):
        load_entities(tmp_path / "entities.yaml")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_or_raises_a_coded_error(text):
    try:
        safe_yaml.load(text, name="any.yaml")
    except CollingwoodError as e:
        assert e.code == "E104"


def test_package_data_loads_as_the_bounded_loader_would():
    """package_data parses the package's own files with libyaml: each must load the same
    within the bounds of `load` (no aliases or anchors, not too deep)."""
    from importlib import resources
    root = resources.files("collingwood")
    paths = sorted(str(p.relative_to(root)) for p in Path(str(root)).rglob("*.yaml"))
    assert len(paths) >= 10
    for path in paths:
        text = root.joinpath(path).read_text("utf-8")
        assert safe_yaml.package_data(path) == safe_yaml.load(text, name=path), path
