"""Opening input files safely: regular files only, never blocking, never reading past a cap.

A FIFO named ``.txt`` would block `open()` for ever and ``/dev/zero`` would fill memory;
here the file is opened non-blocking, checked with `fstat` to be a regular file, and read
in chunks up to a byte limit. Everything wrong is a `BadInputFile` with a reason code.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from ..errors import BadInputFile

CHUNK = 1 << 20


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a link"
    return "not a regular file"


def human_bytes(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n /= 1024
    return str(n)


def read_regular(path: Path | str, max_bytes: int, *, follow_links: bool = True) -> bytes:
    """The bytes of the regular file at `path`, at most `max_bytes` of them (else `too-large`)."""
    path = Path(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as e:
        raise BadInputFile(path, "no such file; check the path", "missing") from e
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise BadInputFile(path, "it is a link; a metadata file must be a real file beside the "
                                     "document (copy it there)", "link") from e
        if e.errno == errno.ENAMETOOLONG:
            raise BadInputFile(path, "its path is too long for the system to open; move it to a "
                                     "shallower folder", "unreadable") from e
        raise BadInputFile(path, f"cannot open it ({e.strerror or e}); check its permissions",
                           "unreadable") from e
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise BadInputFile(path, "it is a folder, not a file; give the folder to ingest as a folder",
                               "not-a-file")
        if not stat.S_ISREG(st.st_mode):
            raise BadInputFile(path, f"it is {kind_of(st.st_mode)}, not a regular file; only regular "
                                     "files are read", "not-a-file")
        if st.st_size > max_bytes:
            raise BadInputFile(path, f"it is {human_bytes(st.st_size)}, over the limit of "
                                     f"{human_bytes(max_bytes)} (see docs/ingest.md, limits)", "too-large")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise BadInputFile(path, f"it grew past the limit of {human_bytes(max_bytes)} while "
                                         "being read", "too-large")
    except OSError as e:
        raise BadInputFile(path, f"cannot read it ({e.strerror or e})", "unreadable") from e
    finally:
        os.close(fd)
    return b"".join(chunks)
