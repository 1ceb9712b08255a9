"""Who says so, sentence after sentence: reported speech that runs on.

An interview summary, a debriefing or a deposition reports its witness's words in a run:
'Kessler stated that he retired in 1973. ... He arrived in Paris in September, 1962.'
The second sentence is still the witness speaking. In a source of such a kind (``data/
reporting.yaml``: ``speech_runs_in``), a sentence without attribution of its own, in the
same paragraph as a sentence whose main verb reports a named person's words, keeps that
person as its speaker. A new paragraph, or a sentence that names its own speaker, ends
the run. Elsewhere (news, encyclopaedias) the writer's own sentences stay the writer's.

A document may also quote another one whole: a cable or memo that reproduces a newspaper
article ('FOLLOWING ARTICLE APPEARED IN THE 27 MARCH EDITION OF THE "WASHINGTON TIMES:"').
Every sentence of the quoted block, up to the quoting document's next numbered paragraph or
an end mark ('END OF ARTICLE', 'UNQUOTE', 'COMMENT:'), is that publication's: its own
unattributed claims are asserted by it, and what it reports someone saying is reported by it.
The introducing and ending words are data (``reporting.yaml``: ``quoted_blocks``).

A transcript (a hearing, a deposition: 'Mr. BELMONT. I believe the answers speak ...')
labels each turn with its speaker; in a source whose speech runs on, with three labels or
more, every unattributed claim of a turn is its labelled speaker's. A witness speaks for his
service: his 'we' is the body he names most often in his own turns ('we opened a file on
Harlan' in an FBI official's answers).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import replace

from .attribution import words
from .paragraphs import Paragraphs
from .transcript_labels import exhibit_author, mended_labels, participle_report


@functools.cache
def _block_patterns() -> tuple[re.Pattern, re.Pattern]:
    w = words()["quoted_blocks"]
    nouns, verbs = "|".join(w["nouns"]), "|".join(w["verbs"])
    intro = re.compile(rf"(?im)^[ \t]*(?:\d{{1,2}}\.[ \t]*)?(?:the[ \t]+)?following[ \t]+(?:{nouns})[ \t]+"
                       rf"(?:{verbs})\b(?P<rest>[^\n]*(?:\n[^\n]*)?)")
    end = re.compile(rf"(?im)^[ \t]*(?:\d{{1,2}}\.[ \t]+\S|(?:{'|'.join(w['ends'])})\b)")
    return intro, end


@functools.cache
def _as_follows() -> re.Pattern:
    """'HUMAN EVENTS reported as follows with reference to CHAYES:' -- a memo quoting a
    publication by its name, the verb and 'as follows' (verbs: ``quoted_blocks.follows_verbs``)."""
    verbs = "|".join(words()["quoted_blocks"]["follows_verbs"])
    return re.compile(rf"[ \t]+(?:{verbs})[ \t]+as[ \t]+follows\b(?P<rest>[^\n]*(?:\n[^\n]*)?)")


def quoted_blocks(text: str, found) -> list[tuple[int, int, str]]:
    """(start, end, publication) of each block the document quotes from another one. The
    publication is the organisation named in the introducing words, else their last quoted
    or capitalised phrase."""
    intro, end = _block_patterns()
    out = []
    for m in intro.finditer(text):
        lo = m.end()
        stop = end.search(text, lo)
        hi = _unquoted_paragraph(text, lo, stop.start() if stop else len(text))
        name = _publication(text, m, found)
        if name and hi > lo:
            out.append((lo, hi, name))
    for m in _as_follows().finditer(text):
        lo = m.end()
        if not text[lo:lo + 400].lstrip(" \t\n.:;,-_")[:1] in _OPEN_QUOTES:
            continue                        # only a quotation follows 'as follows'
        stop = end.search(text, lo)
        hi = _unquoted_paragraph(text, lo, stop.start() if stop else len(text))
        line = max(text.rfind("\n", 0, m.start()), text.rfind(",", 0, m.start()), text.rfind(";", 0, m.start()),
                   m.start() - 120) + 1
        name = _named_before(text, line, m.start(), found)
        if name and hi > lo:
            out.append((lo, hi, name))
    return sorted(out + _indented_quotes(text, found))


def _indented_quotes(text: str, found) -> list[tuple[int, int, str]]:
    """(start, end, author) of each indented block quotation whose introducing line ends
    '<person> writes:' (verbs: ``quoted_blocks.block_verbs``); the block runs over the
    indented paragraphs that follow."""
    verbs = "|".join(words()["quoted_blocks"]["block_verbs"])
    intro = re.compile(rf"(?m)\b(?:{verbs})[ \t]*:[ \t]*$")
    persons = [mn for mn in found.mentions if mn.kind == "person"]
    out = []
    for m in intro.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        who = [mn for mn in persons if line <= mn.start < m.start()]
        if not who:
            continue
        lo = hi = text.find("\n", m.end())
        while hi >= 0:
            nxt = re.match(r"(?:[ \t]*\n)*((?:  |[ \t]*>)[^\n]*)", text[hi + 1:])
            if nxt is None or not nxt.group(1).strip(" \t>"):
                break
            hi = hi + 1 + nxt.end(1)
        if hi > lo >= 0:
            names = {e.id: e.name for e in getattr(found, "entities", {}).values()}
            out.append((lo + 1, hi, names.get(who[-1].entity_id, who[-1].text)))
    return out


def _named_before(text: str, lo: int, hi: int, found) -> str | None:
    """The publication of 'X reported as follows' (X is text[lo:hi]): the last organisation
    named in X, else X's run of capitalised words ('HUMAN EVENTS')."""
    names = [mn for mn in found.mentions if lo <= mn.start < hi and mn.kind == "organisation"]
    if names:
        e = _entity(found, names[-1].entity_id)
        return names[-1].text if e is None else e.name
    run = re.search(r"((?:[A-Z][\w'’&.-]*[ \t]+)*[A-Z][\w'’&.-]*)[ \t]*$", text[lo:hi])
    words_ = run.group(1).split() if run else []
    return " ".join(words_) if 1 <= len(words_) <= 5 and any(len(w) > 2 for w in words_) else None


_OPEN_QUOTES = "\"“‘'"
_PARA = re.compile(r"\n[ \t]*\n[ \t*]*(?=\S)")


def _unquoted_paragraph(text: str, lo: int, hi: int) -> int:
    """Where the quoted paragraphs open with a quote mark, the block ends before the first
    paragraph that neither opens one nor follows an unclosed one."""
    first = text[lo:hi].lstrip(" \t\n*")
    if not first or first[0] not in _OPEN_QUOTES:
        return hi
    for p in _PARA.finditer(text, lo, hi):     # OCR breaks paragraphs: a quote closed, then one
        closed = text[lo:p.start()].rstrip(" \t*")[-1:] in "\"”’'"      # not opened, ends it
        if closed and text[p.end()] not in _OPEN_QUOTES and not text[p.end()].isdigit():
            return p.start()
    return hi


def _publication(text: str, m, found) -> str | None:
    names = [mn for mn in found.mentions if m.start("rest") <= mn.start < m.end("rest")
             and mn.kind == "organisation"]
    if names:
        e = _entity(found, names[-1].entity_id)
        return names[-1].text if e is None else e.name
    quoted = re.findall(r"[\"“']([^\"”']{3,60})[\"”']", m["rest"])
    if quoted:
        return quoted[-1].strip(" :")
    return None


def _entity(found, entity_id: str):
    """The entity of a mention (`Found.entities` is keyed by name, a mention holds the id)."""
    return next((e for e in getattr(found, "entities", {}).values() if e.id == entity_id), None)


@functools.cache
def _label_pattern() -> re.Pattern:
    titles = "|".join(re.escape(t) for t in words()["transcript_titles"])
    return re.compile(rf"(?m)^[ \t\-.]*(?P<label>(?:{titles})[.,]?[ \t]+[-–—]?[A-Z][\w'’-]+(?:[._][a-zA-Z]{{2,}})?"
                      rf"|The [A-Z]{{4,}})\.[ \t]")     # 'Mr. Be.mont.': OCR read a letter as a mark


def speaker_labels(text: str, found) -> list[tuple[int, str | None]]:
    """(offset, speaker) of each speaker label of a transcript ('Mr. BELMONT. I believe ...',
    'The CHAIRMAN. Well, ...'): the label's person where the entity finder named one, else
    None (a chairman, a counsel not named). Fewer than three labels: no transcript."""
    mentions = sorted((mn for mn in (found.mentions if found is not None else ()) if mn.kind == "person"),
                      key=lambda mn: mn.start)
    at = [mn.start for mn in mentions]
    out = []
    for m in _label_pattern().finditer(text):
        inside = mentions[bisect.bisect_left(at, m.start("label")):bisect.bisect_left(at, m.end("label"))]
        e = _entity(found, inside[-1].entity_id) if inside else None
        out.append((m.start("label"), e.name if e is not None else inside[-1].text if inside else None))
    return mended_labels(text, out) if len(out) >= 3 else []


class SpeechRun:
    def __init__(self, text: str, kind: str | None, found=None):
        self.text = text
        self.on = (kind or "") in words().get("speech_runs_in", ())
        self.speaker: str | None = None
        self.paragraph = -1
        self.paras = Paragraphs(text)
        self.blocks = quoted_blocks(text, found) if found is not None else []
        self._starts = [b[0] for b in self.blocks]
        self.found = found
        self.labels = speaker_labels(text, found) if self.on else []
        self._label_at = [at for at, _ in self.labels]
        self._services = self._count_services(found) if self.labels else {}

    def service(self, at: int) -> str | None:
        """In a transcript, whom the witness (the speaker of most turns) means by 'we' in his
        turns: the body he names most often in them (at least twice, more than any other).
        Counsel's and members' 'we' (the commission) is left alone."""
        return self._services.get(self.labelled(at)) if self.labels else None

    def _count_services(self, found) -> dict[str, str]:
        bodies = sorted((m for m in found.mentions if m.kind == "organisation"), key=lambda m: m.start)
        names = {e.id: e.name for e in found.entities.values()}
        counts: dict[str, dict[str, int]] = {}
        for m in bodies:
            who = self.labelled(m.start)
            if who and m.entity_id in names:
                per = counts.setdefault(who, {})
                per[names[m.entity_id]] = per.get(names[m.entity_id], 0) + 1
        turns: dict[str, int] = {}
        for _, who in self.labels:
            if who:
                turns[who] = turns.get(who, 0) + 1
        ranked_turns = sorted(turns.items(), key=lambda kv: -kv[1]) + [("", 0)]
        if ranked_turns[0][1] <= ranked_turns[1][1]:
            return {}
        witness = ranked_turns[0][0]          # the one who answers: the most turns
        out = {}
        for who, per in counts.items():
            if who != witness:
                continue
            ranked = sorted(per.items(), key=lambda kv: -kv[1]) + [("", 0)]
            if ranked[0][1] >= 2 and ranked[0][1] > ranked[1][1]:
                out[who] = ranked[0][0]
        return out

    def labelled(self, at: int) -> str | None:
        """In a transcript, the speaker whose label last came before offset `at`."""
        i = bisect.bisect_right(self._label_at, at) - 1
        return self.labels[i][1] if i >= 0 else None

    def publication(self, at: int) -> str | None:
        """The publication whose quoted block holds offset `at`, if any."""
        i = bisect.bisect_right(self._starts, at) - 1
        return self.blocks[i][2] if i >= 0 and at < self.blocks[i][1] else None

    def _paragraph(self, sent) -> int:
        return self.paras.number(sent.start_char)

    def skip(self, sent) -> None:
        """An unparsed sentence: a paragraph break still ends the run."""
        if self._paragraph(sent) != self.paragraph:
            self.speaker = None

    def read(self, sent, reader, made: list) -> None:
        """Attribute the sentence's unattributed claims to the running speaker or the quoted
        publication (in place), then let the sentence start or end a run."""
        quoted = self.publication(sent.start_char)
        if quoted:
            for i, c in enumerate(made):
                if c.asserted_by is None:
                    made[i] = replace(c, asserted_by=quoted, id="",
                                      modality=c.modality if c.modality != "asserted" else "reported")
                elif c.reported_by is None and c.asserted_by != quoted:
                    made[i] = replace(c, reported_by=quoted, id="")
            return
        if not self.on:
            return
        if self.labels:                     # a transcript: the labelled speaker speaks
            who = self.labelled(sent.start_char)
            author = exhibit_author(self.text, sent.start_char, self.found) if made and participle_report(
                reader.doc) else None      # 'Stating flatly that ...': the exhibit's author
            for i, c in enumerate(made):
                if author and c.asserted_by in (None, who):
                    made[i] = replace(c, asserted_by=author, reported_by=who, id="",
                                      modality=c.modality if c.modality != "asserted" else "reported")
                elif c.asserted_by is None and who:
                    made[i] = replace(c, asserted_by=who, id="",
                                      modality=c.modality if c.modality != "asserted" else "reported")
            return
        para = self._paragraph(sent)
        if para != self.paragraph:
            self.speaker, self.paragraph = None, para
        own = _reporter(reader)
        who = own or self.speaker        # 'He said the work was X; he characterized it as Y': his too
        writer = reader.ctx.narrator if reader.ctx.first_person == reader.ctx.narrator else None
        if who:
            for i, c in enumerate(made):
                if c.asserted_by is None and (c.subject != writer or own):   # 'I asked him ...': the writer's own
                    made[i] = replace(c, asserted_by=who, id="",
                                      modality=c.modality if c.modality != "asserted" else "reported")
        if own is not None:
            self.speaker = own


def _reporter(reader) -> str | None:
    """The named person whose words the sentence's main verb reports ('Kessler said ...')."""
    rep = words()["reporting_verbs"]
    first = next((t.i for t in reader.doc if t.is_alpha), -1)
    for tok in reader.doc:
        if tok.lemma_ in rep and (tok.dep_ == "ROOT" or any(     # 'Kessler said at the time he ...,
                c.dep_ == "nsubj" and c.i == first for c in tok.children)):   # so he exercsied': a misparse
            for c in tok.children:
                if c.dep_ == "nsubj":
                    a = reader.arg(c)
                    return a.name if a is not None and a.kind == "person" else None
    return None
