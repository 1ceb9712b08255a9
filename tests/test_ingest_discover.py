"""Discovery stays inside the input: links, special files, names, depth."""

from __future__ import annotations

import os
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from collingwood.errors import shown
from collingwood.ingest.discover import discover


def _reasons(found) -> dict[str, str]:
    return {p.name: r for p, r in found.skipped}


def test_discover_links_are_followed_only_to_files_inside(tmp_path):
    root, outside = tmp_path / "in", tmp_path / "out"
    (root / "sub").mkdir(parents=True)
    outside.mkdir()
    (root / "sub" / "real.txt").write_text("real")
    (outside / "secret.txt").write_text("secret")
    os.symlink(root / "sub" / "real.txt", root / "alias.txt")
    os.symlink(outside / "secret.txt", root / "secret.txt")
    os.symlink(outside, root / "elsewhere")
    os.symlink(root / "sub", root / "again")
    os.symlink(root / "nowhere.txt", root / "dangling.txt")
    found = discover([root])
    assert [p.name for p in found.documents] == ["real.txt"]   # once, in its own place
    reasons = _reasons(found)
    assert reasons["secret.txt"].startswith("[link-outside]") and str(outside) in reasons["secret.txt"]
    assert reasons["elsewhere"].startswith("[link-outside]")
    assert reasons["again"].startswith("[link]")
    assert reasons["dangling.txt"].startswith("[broken-link]")


def test_discover_a_link_inside_to_a_hidden_place_is_followed_once(tmp_path):
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "memo.txt").write_text("memo")
    os.symlink(tmp_path / ".hidden" / "memo.txt", tmp_path / "memo.txt")
    assert [p.name for p in discover([tmp_path]).documents] == ["memo.txt"]


def test_discover_special_files_are_skipped(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/null", tmp_path / "null.txt")
    found = discover([tmp_path, tmp_path / "pipe.txt"])
    reasons = _reasons(found)
    assert reasons["pipe.txt"].startswith("[not-a-file]") and "FIFO" in reasons["pipe.txt"]
    assert reasons["null.txt"].startswith("[link-outside]")
    assert not found.documents


def test_discover_an_explicit_link_is_followed(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "memo.txt").write_text("memo")
    os.symlink(tmp_path / "a" / "memo.txt", tmp_path / "named.txt")
    assert [p.name for p in discover([tmp_path / "named.txt"]).documents] == ["named.txt"]


def test_discover_any_depth_and_any_name(tmp_path):
    deep = str(tmp_path)
    for _ in range(1200):
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    with open(os.path.join(deep, "bottom.txt"), "w") as f:
        f.write("bottom")
    with open(os.fsencode(tmp_path) + b"/caf\xe9.txt", "wb") as f:
        f.write(b"name in Latin-1")
    found = discover([tmp_path])
    names = sorted(shown(p.name) for p in found.documents)
    assert names == ["bottom.txt", "caf\\xe9.txt"]
    path = deep
    os.remove(os.path.join(deep, "bottom.txt"))
    while path != str(tmp_path):
        os.rmdir(path)
        path = os.path.dirname(path)


def test_shown_escapes_what_a_terminal_would_obey():
    assert shown("evil\x1b[2J\x07.txt") == "evil\\x1b[2J\\x07.txt"
    assert shown("left\u202etxt.exe") == "left\\u202etxt.exe"
    assert shown("caf\udce9.txt") == "caf\\xe9.txt"
    assert shown("Caf\u00e9 Z\u00fcrich.pdf") == "Caf\u00e9 Z\u00fcrich.pdf"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_shown_never_lets_a_control_character_or_surrogate_through(name):
    out = shown(name)
    out.encode("utf-8")   # no lone surrogates left
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in out)
    if all(unicodedata.category(ch)[0] in "LNPSZ" and ch not in "\u2028\u2029" for ch in name):
        assert out == name   # printable names are kept as they are


@settings(max_examples=100, deadline=None)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b
                                                  and b not in (b".", b"..")))
def test_any_file_name_bytes_are_discovered_and_shown(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("names")
    with open(os.fsencode(folder) + b"/" + raw + b".txt", "wb") as f:
        f.write(b"text")
    found = discover([folder])
    names = [p.name for p in found.documents] + [p.name for p, _ in found.skipped]
    assert len(names) == (0 if raw.startswith(b".") else 1)
    for name in names:
        shown(name).encode("utf-8")


def test_discover_a_tree_deeper_than_the_system_can_name_is_reported_not_fatal(tmp_path):
    """Past PATH_MAX (4096 bytes) a folder cannot be opened by its path: skipped, with a reason."""
    fds = [os.open(tmp_path, os.O_RDONLY)]
    try:
        for _ in range(1500):   # 1500 x "dd/" = 4500 bytes
            os.mkdir("dd", dir_fd=fds[-1])
            fds.append(os.open("dd", os.O_RDONLY, dir_fd=fds[-1]))
        found = discover([tmp_path])
        assert any(r.startswith("[unreadable]") for _, r in found.skipped)
    finally:
        for parent in reversed(fds[:-1]):
            os.rmdir("dd", dir_fd=parent)
        for fd in fds:
            os.close(fd)
