"""Who says so, sentence after sentence: reported speech that runs on.

An interview summary, a debriefing or a deposition reports its witness's words in a run:
'Casasin stated that he retired in 1973. ... He arrived in Paris in September, 1962.'
The second sentence is still the witness speaking. In a source of such a kind (``data/
reporting.yaml``: ``speech_runs_in``), a sentence without attribution of its own, in the
same paragraph as a sentence whose main verb reports a named person's words, keeps that
person as its speaker. A new paragraph, or a sentence that names its own speaker, ends
the run. Elsewhere (news, encyclopaedias) the writer's own sentences stay the writer's.
"""

from __future__ import annotations

from dataclasses import replace

from .attribution import words


class SpeechRun:
    def __init__(self, text: str, kind: str | None):
        self.text = text
        self.on = (kind or "") in words().get("speech_runs_in", ())
        self.speaker: str | None = None
        self.paragraph = -1

    def _paragraph(self, sent) -> int:
        return self.text.rfind("\n\n", 0, sent.start_char)

    def skip(self, sent) -> None:
        """An unparsed sentence: a paragraph break still ends the run."""
        if self._paragraph(sent) != self.paragraph:
            self.speaker = None

    def read(self, sent, reader, made: list) -> None:
        """Attribute the sentence's unattributed claims to the running speaker (in place),
        then let the sentence start or end a run."""
        if not self.on:
            return
        para = self._paragraph(sent)
        if para != self.paragraph:
            self.speaker, self.paragraph = None, para
        own = _reporter(reader)
        if own is None and self.speaker:
            for i, c in enumerate(made):
                if c.asserted_by is None:
                    made[i] = replace(c, asserted_by=self.speaker, id="",
                                      modality=c.modality if c.modality != "asserted" else "reported")
        if own is not None:
            self.speaker = own


def _reporter(reader) -> str | None:
    """The named person whose words the sentence's main verb reports ('Casasin said ...')."""
    rep = words()["reporting_verbs"]
    for tok in reader.doc:
        if tok.dep_ == "ROOT" and tok.lemma_ in rep:
            for c in tok.children:
                if c.dep_ == "nsubj":
                    a = reader.arg(c)
                    return a.name if a is not None and a.kind == "person" else None
    return None
