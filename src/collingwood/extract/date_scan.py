"""Run many regular expressions over one text, trying each only where it could start.

`PatternScan` reads every pattern's parse tree and works out the first few characters
any match of it can begin with (its *prefixes*, after the zero-width tests at its head).
One pass over the words of the text then finds the positions where some pattern could
begin: the start of a word (the only place a pattern that opens with ``\\b`` and a word
character can begin), places inside a word (for the other patterns: 'amid 1940' holds
'mid 1940'; worked out once per distinct word) and the non-word characters those other
patterns can begin with. Each pattern is tried with ``match`` only at its own candidate
positions, in order, skipping those inside its previous match: exactly what ``finditer``
returns, since every position where a match could start is a candidate. A pattern whose
prefixes cannot be worked out (or that could match the empty string) is run with plain
``finditer``.

The prefixes over-approximate: look-arounds and ``\\b`` inside a pattern are ignored,
letters are compared without case, digits and white space each as one class, and a
non-ASCII character that matches any character test of any pattern is taken to match
anything, so a candidate may fail but no match start is missed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

try:  # the parser behind `re`: Python 3.11+
    from re import _parser as _sre
except ImportError:  # pragma: no cover
    import sre_parse as _sre  # type: ignore[no-redef]

__all__ = ["PatternScan"]

_ASCII = [chr(c) for c in range(128)]
_WORD = re.compile(r"\w")
_TOKEN = re.compile(r"\w+")


def _norm_char(c: str) -> str:
    if re.fullmatch(r"\d", c):
        return "0"
    if re.fullmatch(r"\s", c):
        return " "
    return c.lower()


# every ASCII character -> its class representative; applied alike to atoms and to the text
_NORM = {ord(c): _norm_char(c) for c in _ASCII}

_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_SPACE: r"\s", _sre.CATEGORY_NOT_SPACE: r"\S",
    _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W",
}
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_REPEATS = tuple(getattr(_sre, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, n))
_GROUPS = tuple(getattr(_sre, n) for n in ("ATOMIC_GROUP",) if hasattr(_sre, n))


def _class_char(c: int) -> str:
    return re.escape(chr(c))


def _literal_kind(c: int) -> tuple[bool, bool]:
    ch = chr(c)
    return ch.isascii() and bool(_WORD.fullmatch(ch)), ch.isascii()


def _atom(op, av, flags: int) -> tuple[str, bool, bool] | None:
    """One character position of a pattern as a stand-alone regex; whether every character it
    matches is a word character; whether every non-word character it matches is ASCII.
    None when it is not a simple test of one character."""
    if op is _sre.LITERAL:
        body = re.escape(chr(av))
        word, narrow = _literal_kind(av)
    elif op is _sre.NOT_LITERAL:
        body, word, narrow = f"[^{_class_char(av)}]", False, False
    elif op is _sre.IN:
        parts, word, narrow = [], True, True
        for i, (o, a) in enumerate(av):
            if o is _sre.NEGATE and i == 0:
                parts.append("^")
                word = narrow = False
            elif o is _sre.LITERAL:
                parts.append(_class_char(a))
                w, n = _literal_kind(a)
                word, narrow = word and w, narrow and n
            elif o is _sre.RANGE:
                parts.append(f"{_class_char(a[0])}-{_class_char(a[1])}")
                ascii_range = a[1] < 128
                word = word and ascii_range and all(_WORD.fullmatch(chr(c)) for c in range(a[0], a[1] + 1))
                narrow = narrow and ascii_range
            elif o is _sre.CATEGORY and a in _CATEGORIES:
                parts.append(_CATEGORIES[a])
                w = a in (_sre.CATEGORY_DIGIT, _sre.CATEGORY_WORD)
                word, narrow = word and w, narrow and w
            else:
                return None
        body = f"[{''.join(parts)}]"
    else:
        return None
    return f"(?{'i' if flags & re.I else '-i'}:{body})", word, narrow


class _Prefixes:
    """The prefixes (tuples of atoms, at most `width` long) some match of a pattern begins with.
    A tuple ending in None stopped early at something other than a simple character."""

    def __init__(self, width: int):
        self.width = width
        self.atoms: dict[str, tuple[bool, bool]] = {}   # atom regex -> (word characters only, narrow)

    def done(self, p: tuple) -> bool:
        return len(p) >= self.width or (bool(p) and p[-1] is None)

    def seq(self, items, flags: int, pre: frozenset) -> frozenset:
        for op, av in items:
            live = frozenset(p for p in pre if not self.done(p))
            if not live:
                break
            pre = (pre - live) | self.step(op, av, flags, live)
        return pre

    def step(self, op, av, flags: int, live: frozenset) -> frozenset:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN):
            a = _atom(op, av, flags)
            if a is None:
                return frozenset(p + (None,) for p in live)
            self.atoms[a[0]] = a[1:]
            return frozenset(p + (a[0],) for p in live)
        if op in _ZERO_WIDTH:
            return live
        if op is _sre.SUBPATTERN:
            _group, add, remove, sub = av
            return self.seq(sub, (flags | add) & ~remove, live)
        if op in _GROUPS:
            return self.seq(av, flags, live)
        if op is _sre.BRANCH:
            out: frozenset = frozenset()
            for alt in av[1]:
                out |= self.seq(alt, flags, live)
            return out
        if op in _REPEATS:
            lo, hi, sub = av
            out, cur, k = frozenset(), live, 0
            while True:
                if k >= lo:
                    out |= cur
                if k >= hi:
                    return out
                nxt = self.seq(sub, flags, cur)
                if nxt == cur:          # a fixed point: more repetitions add nothing
                    return out | cur
                cur, k = nxt, k + 1
        return frozenset(p + (None,) for p in live)


class PatternScan:
    """Matches of several compiled patterns in a text, each exactly as its ``finditer`` gives them.

    width: how many characters of each prefix are worked out and looked at in the text.
    """

    def __init__(self, patterns: Sequence[re.Pattern], width: int = 6):
        self.patterns = list(patterns)
        self.width = width
        pf = _Prefixes(width)
        # 'word': starts only where a word starts; 'any': anywhere; 'all': run with plain finditer
        self.kind: list[str] = []
        self.full: dict[str, int] = {}          # normalised prefix -> bit mask of the patterns it can start
        self.part: dict[str, int] = {}          # proper beginning of a normalised prefix -> bit mask
        self.heads: dict[int, re.Pattern] = {}  # 'any' pattern -> its one-character look-behind tests
        nonword: set[str] = set()               # ASCII non-word characters an 'any' pattern can start with
        wild = False                            # ... or some non-ASCII non-word character too
        exp: dict[tuple, set[str]] = {(): {""}}
        norm: dict[str, set[str]] = {}
        for i, rx in enumerate(self.patterns):
            try:
                if not isinstance(rx.pattern, str) or rx.flags & (re.ASCII | re.LOCALE):
                    raise TypeError("only str patterns with Unicode word characters")
                tree = _sre.parse(rx.pattern, rx.flags)
                items = list(tree)
                pre = pf.seq(items, tree.state.flags, frozenset([()]))
            except (RecursionError, TypeError, ValueError, AttributeError, IndexError):
                self.kind.append("all")
                continue
            tuples = {p[:-1] if p and p[-1] is None else p for p in pre}
            if not tuples or () in tuples:      # no test on the first character, or an empty match
                self.kind.append("all")
                continue
            lead = []
            while len(lead) < len(items) and items[len(lead)][0] in _ZERO_WIDTH:
                lead.append(items[len(lead)])
            first = {p[0] for p in tuples}
            if (_sre.AT, _sre.AT_BOUNDARY) in lead and all(pf.atoms[a][0] for a in first):
                self.kind.append("word")
            else:
                self.kind.append("any")
                self.heads[i] = re.compile(_head(lead, tree.state.flags))
                for a in first:
                    nonword |= {c for c in _ascii_set(a) if not _WORD.fullmatch(c)}
                    wild = wild or not pf.atoms[a][1]
            bit = 1 << i
            for p in tuples:
                for j in range(1, len(p) + 1):
                    q = p[:j]
                    if q not in exp:
                        a = q[-1]
                        if a not in norm:
                            norm[a] = {c.translate(_NORM) for c in _ascii_set(a)}
                        exp[q] = {s + c for s in exp[q[:-1]] for c in norm[a]}
                for j in range(len(p)):
                    for s in exp[p[:j]]:
                        self.part[s] = self.part.get(s, 0) | bit
                for s in exp[p]:
                    self.full[s] = self.full.get(s, 0) | bit
        self.any_bits = sum(1 << i for i, k in enumerate(self.kind) if k == "any")
        self.any_full = {s: m & self.any_bits for s, m in self.full.items() if m & self.any_bits}
        self.any_part = {s: m & self.any_bits for s, m in self.part.items() if m & self.any_bits}
        # the first (up to) three characters of the 'any' prefixes; those shorter than three
        self.any_first = {s[:k] for s in (*self.any_full, *self.any_part) for k in (1, 2, 3) if s}
        self.any_short = {s for s in self.any_full if len(s) < 3}
        cls = "".join(re.escape(c) for c in sorted(nonword)) + ("\x80-\U0010ffff" if wild else "")
        self.nonword = re.compile(f"[{cls}]") if cls else None
        # a non-ASCII character that matches none of these stops every prefix
        self._atoms = re.compile("|".join(sorted(pf.atoms)) or "(?!)")
        self._live: dict[str, bool] = {}
        self._masks: dict[str, int] = {}
        self._words: dict[str, tuple | None] = {}

    def _mask(self, key: str, open_end: bool = False) -> int:
        """The patterns that can start with key (the text from a position on, `width` long).
        open_end: key is cut short and more characters of any kind may follow it."""
        k = key.translate(_NORM)
        if k.isascii():
            return _walk(self.full, self.part, k, open_end)
        j, c = next((j, c) for j, c in enumerate(k) if not c.isascii())
        live = self._live.get(c)
        if live is None:
            live = self._live[c] = self._atoms.fullmatch(c) is not None
        # a live character may match the next atom of any prefix begun before it
        return _walk(self.full, self.part, k[:j], live)

    def _word(self, token: str) -> tuple[int, bool, tuple[tuple[int, int, bool], ...]] | None:
        """What can start in a word, judged from the word alone: (mask at its start, whether the
        text after the word must be looked at to tell, and (offset, mask, likewise) for starts
        inside it). None when nothing can."""
        width, n = self.width, len(token)
        nt = token.translate(_NORM)
        inner = []
        if nt.isascii():
            start = _walk(self.full, self.part, nt[:width], n < width)
            full, part, first, short = self.any_full, self.any_part, self.any_first, self.any_short
            for j in range(1, n):
                if nt[j:j + 3] in first or nt[j] in short or nt[j:j + 2] in short:
                    mask = _walk(full, part, nt[j:j + width], n - j < width)
                    if mask:
                        inner.append((j, mask))
        else:
            start = self._mask(token[:width], open_end=n < width)
            for j in range(1, n):
                mask = self._mask(token[j:j + width], open_end=n - j < width) & self.any_bits
                if mask:
                    inner.append((j, mask))
        checked = []
        for j, mask in inner:
            for i, head in self.heads.items():
                if mask >> i & 1 and not head.match(token, j):
                    mask &= ~(1 << i)
            if mask:
                checked.append((j, mask, n - j < width))
        if not start and not checked:
            return None
        return start, n < width, tuple(checked)

    def finditer(self, text: str) -> Iterator[tuple[int, re.Match]]:
        """(pattern index, match) for every pattern in turn, each pattern's matches in text order."""
        if len(self._masks) > 200_000:
            self._masks = {}
        if len(self._words) > 200_000:
            self._words = {}
        width, masks, words, groups = self.width, self._masks, self._words, {}

        def candidate(q: int, mask: int, short: bool) -> None:
            if mask and short:                  # the next word decides: 'the year 1940', 'a few'
                key = text[q:q + width]
                k = masks.get(key)
                if k is None:
                    k = masks[key] = self._mask(key)
                mask &= k
            if mask:
                groups.setdefault(mask, []).append(q)

        for m in _TOKEN.finditer(text):
            token = m[0]
            info = words.get(token, False)
            if info is False:
                info = words[token] = self._word(token)
            if info is None:
                continue
            p = m.start()
            mask, short, inner = info
            candidate(p, mask, short)
            for j, mask, short in inner:
                candidate(p + j, mask, short)
        if self.nonword is not None:
            for m in self.nonword.finditer(text):
                p = m.start()
                key = text[p:p + width]
                if key not in masks:
                    masks[key] = self._mask(key)
                mask = masks[key] & self.any_bits
                if mask:
                    if mask in groups:
                        groups[mask].append(p)
                    else:
                        groups[mask] = [p]
        for i, rx in enumerate(self.patterns):
            if self.kind[i] == "all":
                for m in rx.finditer(text):
                    yield i, m
                continue
            bit = 1 << i
            cands = [p for mask, ps in groups.items() if mask & bit for p in ps]
            cands.sort()
            match, end = rx.match, 0
            for p in cands:
                if p >= end:
                    m = match(text, p)
                    if m is not None:
                        yield i, m
                        end = m.end()


def _walk(full: dict[str, int], part: dict[str, int], k: str, open_end: bool) -> int:
    """The mask of the prefixes in full that k begins with; open_end: also of those k may
    be the beginning of (k is cut short and anything may follow)."""
    mask = 0
    for j in range(1, len(k) + 1):
        s = k[:j]
        if s in full:
            mask |= full[s]
        if s not in part:
            return mask
    if open_end and k in part:
        mask |= part[k]
    return mask


@functools.cache
def _ascii_set(atom: str) -> frozenset[str]:
    """The ASCII characters an atom matches."""
    rx = re.compile(atom)
    return frozenset(c for c in _ASCII if rx.fullmatch(c))


def _head(lead: list, flags: int) -> str:
    """The zero-width tests at a pattern's head that look at one character before it, as a regex."""
    out = []
    for op, av in lead:
        if op is _sre.AT and av is _sre.AT_BOUNDARY:
            out.append(r"\b")
        elif op is _sre.AT and av is _sre.AT_NON_BOUNDARY:
            out.append(r"\B")
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT) and av[0] == -1 and len(av[1]) == 1:
            a = _atom(*av[1][0], flags)
            if a is not None:
                out.append(("(?<=" if op is _sre.ASSERT else "(?<!") + a[0] + ")")
    return "".join(out)
