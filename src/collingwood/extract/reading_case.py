"""Cables in capitals, given to the NER in the case prose would write them.

Teletype cables and many OCR'd headers are written all in capitals: 'SAID ANATOLY PRIVALOV,
VICE CHAIRMAN OF THE ASSOCIATION ...'. The small statistical NER reads case as the first
sign of a name, so in capitals it sees names everywhere ('INDEED', 'GUILTY') and misses
the real ones. A line that is mostly capitals is handed to the NER re-cased, same length so
every offset still points into the text as written (mentions keep the letters of the text):

* names the gazetteer and the place lists know ('SOVIET UNION', 'KGB', 'MOSCOW') are
  written as those lists write them;
* a word of the English lexicon (the lemmatizer's own word lists: 'SAID', 'SPIES', 'RAIN')
  is written in lower case, the first word of a sentence capitalised;
* any other word is a name ('PRIVALOV', 'NECHIPERENKO'): capitalised, or kept in capitals
  when short (an acronym: 'FIVA', 'LWOPUS' stays a cryptonym's capitals);
* given names and titles are names; a lexicon word right beside a given name is one too
  ('GLENN MICHAEL SOUTHER'), and the word after a title ('MR. BLACK').
"""

from __future__ import annotations

import functools
import re

from .. import safe_yaml
from .demonyms import demonym_data, place_rows
from .name_forms import given_names, title_words

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_MIN_LETTERS = 12
_SHARE = 0.8
_ACRONYM = 5               # an unknown word this short stays in capitals
_CALENDAR = ["January", "February", "March", "April", "June",      # (MAY is mostly the verb)
             "July", "August", "September",
             "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday"]


@functools.cache
def _lexicon() -> frozenset[str]:
    """Lower-case English words: the lemmatizer's word lists and exceptions, stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from . import nlp
    lem = nlp.parser().get_pipe("lemmatizer")
    words: set[str] = set(STOP_WORDS)
    for table in ("lemma_index", "lemma_exc"):
        t = lem.lookups.get_table(table)
        for key in t:
            entry = t[key]
            words.update(entry)
            if table == "lemma_exc":
                for forms in entry.values():
                    words.update(forms)
    return frozenset(w for w in words if w.isalpha())


def _known(low: str) -> bool:
    lex = _lexicon()
    if low in lex:
        return True
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                         ("ing", "e"), ("ly", ""), ("er", ""), ("est", "")):
        stem = low[: len(low) - len(suffix)] + repl
        if low.endswith(suffix) and len(stem) >= 3:
            if stem in lex or (len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in lex):
                return True
    return False


@functools.cache
def _names() -> tuple[re.Pattern | None, dict[str, str], frozenset[str], frozenset[str]]:
    """(pattern of the listed names, folded -> written form, given names, titles)."""
    gaz = safe_yaml.package_data("data/gazetteer.yaml")
    forms: list[str] = []
    for e in gaz["organisations"] + gaz.get("places", []):
        forms.append(e["name"])
        forms += [a if isinstance(a, str) else a["name"] for a in e.get("aliases") or ()]
    for p in place_rows():
        forms.append(p["name"])
        forms += list(p.get("aliases") or ())
    for s in demonym_data()["states"]:
        forms += [s["state"], *s.get("people", ()), *s.get("adjective", ())]
    forms += list(gaz.get("groups", ())) + _CALENDAR
    forms = [re.sub(r"^[Tt]he\s+", "", f) for f in forms if f and f[:1].isupper()]
    written = {f.casefold(): f for f in sorted(set(forms), key=len)}
    alts = "|".join(re.escape(f) for f in sorted(written, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w'’])(?:{alts})(?![\w'’])", re.IGNORECASE) if alts else None
    titles = frozenset(t.rstrip(".").casefold() for t in title_words())
    return rx, written, frozenset(g.casefold() for g in given_names()), titles


def in_capitals(line: str) -> bool:
    """A line or sentence written in capitals: at least 12 letters, four fifths of them capitals."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= _MIN_LETTERS and sum(c.isupper() for c in letters) >= _SHARE * len(letters)


_THREE_CAPITALS = re.compile(r"[A-Z]{3,}[\W\d_]{1,4}[A-Z]{3,}[\W\d_]{1,4}[A-Z]{3,}")


def has_capitals(text: str) -> bool:
    """Three words in capitals in a row somewhere: a quick test before reading line by line."""
    return _THREE_CAPITALS.search(text) is not None


def reading_case(text: str) -> str:
    """`text` with each line that is mostly capitals re-cased for the NER (same length)."""
    if not has_capitals(text) or not any(in_capitals(line) for line in text.split("\n")):
        return text
    out, block, starts = [], [], True
    for line in text.split("\n") + [""]:
        if in_capitals(line):
            block.append(line)           # a run of lines in capitals is read as one (names wrap)
            continue
        if block:
            out.append(_recase("\n".join(block), starts))
            starts = (block[-1].rstrip()[-1:] or ".") in ".:!?"
            block = []
        stripped = line.rstrip()
        starts = not stripped or stripped[-1] in ".:!?"
        out.append(line)
    return "\n".join(out[:-1])


def _recase(line: str, starts: bool) -> str:
    rx, written, given, titles = _names()
    chars = list(line)
    fixed = bytearray(len(line))
    for m in rx.finditer(line) if rx else ():
        form = written.get(m.group().casefold())
        if form and len(form) == len(m.group()) and not _stop_word_here(line, m):
            chars[m.start():m.end()] = form
            fixed[m.start():m.end()] = b"\x01" * len(form)
    words = list(_WORD.finditer(line))
    kinds = []
    for w in words:
        low = w.group().casefold()
        if fixed[w.start()]:
            kinds.append("listed")
        elif low in given or low in titles:
            kinds.append("name")
        elif (len(low) > 1 or low == "a" and line[w.end():w.end() + 1] != ".") \
                and _known(low.replace("’", "'").split("'")[0]):
            kinds.append("word")
        else:
            kinds.append("unknown")
    after_given = 0                  # words since a given name: 'DAVID ROY HOLT', 'CARL PETER HARLAN'
    for i, w in enumerate(words):
        word, kind = w.group(), kinds[i]
        low = word.casefold()
        joined = i > 0 and _adjacent(line, words[i - 1], w)
        if fixed[w.start()]:
            after_given = 0
            continue
        prev = words[i - 1].group().casefold() if i else ""
        if kind == "word" and low not in _stop() and joined and (prev in titles or 0 < after_given <= 2):
            kind = "name"                # the surname after a given name or a title
        after_given = 1 if kind == "name" and low in given else after_given + 1 if (
            after_given and joined and kind in ("name", "unknown")) else 0
        if kind == "word":
            new = word.lower()
        elif kind == "unknown" and len(word) <= _ACRONYM and word.isupper() and len(word) > 1:
            new = word
        else:
            new = word[:1].upper() + word[1:].lower()
        chars[w.start():w.end()] = new
    for i in _body_words(line, words, fixed):
        w = words[i].group()
        chars[words[i].start():words[i].end()] = w[:1].upper() + w[1:].lower() if not (
            len(w) <= _ACRONYM and kinds[i] == "unknown") else w
    text = "".join(chars)
    return _sentence_starts(text, starts)


_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)")
_ARTICLE_BEFORE = re.compile(r"\bthe\s*$", re.IGNORECASE)


def _stop_word_here(line: str, m: re.Match) -> bool:
    """A listed name that is also a stop word ('US', the pronoun 'us') is the word where no
    noun follows it for it to qualify: a stop word, a mark or the line's end comes next ('SENT
    A SAMPLE TO US NOT FOR PUBLICATION', 'TOLD US THAT'); 'US EMBASSY' is the country."""
    if m.group().casefold() not in _stop() or _ARTICLE_BEFORE.search(line, 0, m.start()):
        return False            # 'TO THE US': the pronoun takes no article
    nxt = _NEXT_WORD.match(line, m.end())
    return nxt is None or nxt.group(1).casefold() in _stop()


@functools.cache
def _heads() -> frozenset[str]:
    gaz = safe_yaml.package_data("data/gazetteer.yaml")
    return frozenset(h.casefold() for h in gaz["organisation_heads"])


def _body_words(line: str, words: list, fixed: bytearray) -> list[int]:
    """Words of a body's name around its head word ('RED CROSS SOCIETY', 'ASSOCIATION OF KGB
    VETERANS OF FOREIGN ESPIONAGE'): the head, up to three words before it, and after it
    'of' and up to four words, up to the next mark or short word."""
    out = []
    stop, heads = _stop(), _heads()
    for i, w in enumerate(words):
        if w.group().casefold() not in heads or fixed[w.start()]:
            continue
        out.append(i)
        j = i - 1
        while j >= 0 and i - j <= 3 and words[j].group().casefold() not in stop \
                and line[words[j].end():words[j + 1].start()] in (" ", "\n") and not fixed[words[j].start()]:
            out.append(j)
            j -= 1
        j = i + 1
        while j + 1 < len(words) and words[j].group().casefold() == "of" \
                and line[words[j - 1].end():words[j].start()] in (" ", "\n"):
            k, taken = j + 1, 0
            if k < len(words) and words[k].group().casefold() == "the":
                k += 1                   # 'OFFICERS OF THE RESERVE'
            while k < len(words) and taken < 4 and words[k].group().casefold() not in stop \
                    and line[words[k - 1].end():words[k].start()] in (" ", "\n"):
                if not fixed[words[k].start()]:
                    out.append(k)
                k, taken = k + 1, taken + 1
            if not taken:
                break
            j = k
    return out


def low_of(word: str) -> str:
    return word.casefold()


@functools.cache
def _stop() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def _adjacent(line: str, a, b) -> bool:
    gap = line[a.end():b.start()]
    return gap in (" ", ". ", ".", "\n", ".\n")


def _sentence_starts(line: str, starts: bool) -> str:
    chars = list(line)
    first = True if starts else False
    for i, c in enumerate(chars):
        if c.isalpha():
            if first:
                chars[i] = c.upper()
            first = False
        elif c in ".!?" and i + 1 < len(chars) and chars[i + 1] == " ":
            prev = "".join(chars[max(0, i - 4):i]).split()[-1:] or [""]
            first = not (len(prev[0]) <= 3 and prev[0].istitle())      # 'MR. BLACK': no new sentence
    return "".join(chars)
