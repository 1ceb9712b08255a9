"""Whether a word the parser tagged as a verb is an English verb at all.

OCR breaks words ('exercsied' for 'exercised', 'xan' for 'ran') and the tagger still calls
them verbs; an open claim named after such a word ('other:exercsie') tells nothing. The
test is the English verb lemmas the spaCy model's own lemmatizer knows (its `lemma_index`
table, some 8,700 verbs), the few the field uses that it lacks (``data/events.yaml``
known_verbs_extra), and the productive coinages in -ize / -ise / -ify. Only the open
reading (`events`) asks: a schema trigger or an act sense is known by definition.
"""

from __future__ import annotations

import functools

from . import nlp
from .event_words import event_words

_COINED = ("ize", "ise", "ify")


@functools.cache
def _verbs() -> frozenset[str]:
    lemmatizer = nlp.parser().nlp.get_pipe("lemmatizer")
    if "lemma_index" not in lemmatizer.lookups.tables:
        return frozenset()
    listed = lemmatizer.lookups.get_table("lemma_index").get("verb") or ()
    return frozenset(listed) | event_words()["known_verbs_extra"]


def known_verb(lemma: str) -> bool:
    """True when the lemma is an English verb (or no verb list is at hand: then nothing is refused)."""
    verbs = _verbs()
    return not verbs or lemma in verbs or lemma.endswith(_COINED)
