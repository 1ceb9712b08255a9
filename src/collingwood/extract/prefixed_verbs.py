"""Verbs written with a hyphenated prefix: 're-interviewed', 're-elected', 'co-founded'.

spaCy's English tokenizer splits a word at every hyphen between letters, so 're-elected'
becomes three tokens ('re', '-', 'elected'). The tagger then reads 're' as a verb of its
own and the parse around it falls apart: in 'In 1950 Smith was re-elected to the Senate'
'Smith' becomes the object of 'In', and no claim is read. Kept as one token the word
parses as the verb it is, and its lemma is the lemma of the verb after the prefix: to
interview again, or jointly, is still to interview, so the verb table's predicate applies
('re-interviewed him' -> interviewed, 'co-founded the party' -> founded).

Only the prefixes that make a verb happen again or jointly are read, and only before a
word of at least three letters; a hyphenated word the tagger reads as a noun or adjective
('re-organization', 'co-editors') keeps its own lemma.
"""

from __future__ import annotations

import re

PREFIXES = ("re", "co")
_WORD = re.compile(r"(?i)(?:" + "|".join(PREFIXES) + r")-[a-z]{3,}")
# old spellings of one verb, not 'operate jointly': the hyphen is dropped, not the prefix
_ONE_WORD = frozenset({"co-operate", "co-ordinate"})


def keep_prefixed(token_match):
    """A tokenizer `token_match` that also keeps 're-X' and 'co-X' whole, then defers to
    the model's own rule (URLs, emoticons ...)."""
    def match(text: str):
        return _WORD.fullmatch(text) or (token_match(text) if token_match else None)
    return match


def prefixed_lemmas(nlp):
    """A pipeline component, after the lemmatizer: a prefixed verb takes the lemma of the
    verb after its prefix, found by the same lemmatizer on that word with the same tag."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    cache: dict[tuple[str, str], str] = {}

    def base(word: str, tag: str, pos: str) -> str:
        key = (word, tag)
        if key not in cache:
            doc = nlp.make_doc(word)
            doc[0].tag_, doc[0].pos_ = tag, pos
            cache[key] = lemmatizer(doc)[0].lemma_.lower()
        return cache[key]

    def component(doc):
        for tok in doc:
            if "-" not in tok.text or not tok.tag_.startswith("VB") or not _WORD.fullmatch(tok.text):
                continue
            prefix, word = tok.text.split("-", 1)
            lemma = base(word.lower(), tok.tag_, tok.pos_)
            joined = f"{prefix.lower()}-{lemma}"
            tok.lemma_ = joined.replace("-", "") if joined in _ONE_WORD else lemma
        return doc
    return component
