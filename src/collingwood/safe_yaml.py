"""The one way Collingwood parses YAML: safe types only, no aliases or anchors, bounded size and depth.

`yaml.safe_load` stops code execution but not a "billion laughs": ten lines of anchors and
aliases that expand to gigabytes when the document is built. Here an alias or an anchor is
refused outright (nothing a historian writes by hand needs them; write the values out), and
so is a document over `MAX_CHARS` characters or nested deeper than `MAX_DEPTH` levels.
Every failure, a plain syntax error too, is a `YamlError` naming the file and the line.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import YamlError

MAX_CHARS = 4 * 1024 * 1024   # a sidecar, a manifest, a casebook: far below this
MAX_DEPTH = 64                # mappings and lists inside one another


class _Refused(Exception):
    def __init__(self, reason: str, mark, kind: str = "yaml-unsafe"):
        super().__init__(reason)
        self.reason, self.mark, self.kind = reason, mark, kind


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases and anchors and counts nesting."""

    def __init__(self, stream, max_depth: int):
        super().__init__(stream)
        self._max_depth = max_depth
        self._depth = 0

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(f"it uses a YAML alias (*{event.anchor})", event.start_mark)
        if getattr(event, "anchor", None):
            raise _Refused(f"it uses a YAML anchor (&{event.anchor})", event.start_mark)
        self._depth += 1
        try:
            if self._depth > self._max_depth:
                raise _Refused(f"it is nested deeper than {self._max_depth} levels", event.start_mark,
                               kind="too-deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load(text: str | bytes, *, name: Path | str, first_line: int = 1, max_chars: int = MAX_CHARS,
         max_depth: int = MAX_DEPTH) -> object:
    """Parse one YAML document from `text` (as `yaml.safe_load` would, within the bounds above).

    `name` is the file (or label) named in errors; `first_line` is the line of the file where
    `text` starts (front matter starts on line 2), so errors point at the file's own lines.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise YamlError(name, "not valid UTF-8 text; save it as UTF-8", "not-text") from e
    if len(text) > max_chars:
        raise YamlError(name, f"the YAML is {len(text):,} characters long, over the limit of "
                              f"{max_chars:,}; split it into smaller files", "too-large")
    loader = None
    try:
        loader = _BoundedLoader(text, max_depth)   # checks the characters at once
        return loader.get_single_data()
    except _Refused as e:
        line = e.mark.line + first_line if e.mark is not None else None
        where = f" on line {line}" if line else ""
        if e.kind == "too-deep":
            reason = f"{e.reason}{where}; flatten it"
        else:
            reason = (f"{e.reason}{where}; anchors and aliases are refused because they can expand "
                      "without bound (a 'billion laughs'): write the values out in full")
        raise YamlError(name, reason, e.kind, line=line, problem=e.reason) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + first_line if mark is not None else None
        problem = e.problem or e.context or "invalid YAML"
        where = f"line {line}: " if line else ""
        raise YamlError(name, f"not valid YAML ({where}{problem}); fix it", "yaml",
                        line=line, problem=problem) from e
    except yaml.YAMLError as e:
        raise YamlError(name, f"not valid YAML ({e}); fix it", "yaml", problem=str(e)) from e
    except (ValueError, OverflowError, TypeError, RecursionError) as e:
        # A value the constructor cannot build: a date like 2023-02-30, an integer of 10,000 digits.
        raise YamlError(name, f"a value cannot be read ({type(e).__name__}: {e}); fix it", "yaml",
                        problem=str(e)) from e
    finally:
        if loader is not None:
            loader.dispose()


def package_data(path: str) -> object:
    """One of Collingwood's own data files ('data/gazetteer.yaml', 'schema/predicates.yaml').
    Callers cache what they build from it.

    These files ship with the code, so they are parsed by libyaml's safe loader when PyYAML
    has it (six times faster than the pure-Python composer that counts depth and refuses
    aliases: a command's start-up reads all of them); a test checks that each loads the same
    within the bounds of `load`, which is used when libyaml is missing or a file fails."""
    from importlib import resources
    text = resources.files("collingwood").joinpath(path).read_text("utf-8")
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None and len(text) <= MAX_CHARS:
        try:
            return yaml.load(text, Loader=fast)  # noqa: S506 (a safe loader, on the package's own files)
        except yaml.YAMLError:
            pass                                # the bounded loader names the file and the line
    return load(text, name=path)
