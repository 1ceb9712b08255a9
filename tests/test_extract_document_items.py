"""Glossary items that describe a document (extract/document_items.py): passages written here
in the style of an encyclopaedia's list of key documents."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

ITEMS = ("Key documents\n\n"
         "-   Plan Seven: March 3, 1961. A secret study written and issued by the Ruritanian Planning "
         "Council. The study set out the aims of the government.\n"
         "-   Speech by Walter Hastings, Ruritanian Minister of Defence \"_The Road to Peace_\" Zenda "
         "May 9, 1962. Also known as the \"_Peace speech_\", it set the tone.\n"
         "-   Treaty of Zenda: 1963. Signed by both states after long talks.\n")


def _facts(out):
    return {(c.subject, c.predicate, c.object, c.time.render() if c.time else None) for c in out.claims}


def test_a_caption_naming_a_work_its_date_and_its_issuer_is_a_publication(extract):
    facts = _facts(extract(ITEMS))
    assert ("Ruritanian Planning Council", "published", "Plan Seven", "3 Mar 1961") in facts


def test_a_speech_caption_names_its_speaker_title_and_date(extract):
    facts = _facts(extract(ITEMS))
    assert ("Walter Hastings", "other:give_speech", "The Road to Peace", "9 May 1962") in facts


def test_a_caption_without_a_work_written_by_someone_gives_no_publication(extract):
    out = extract(ITEMS)
    assert not [c for c in out.claims if c.object == "Treaty of Zenda" and c.predicate == "published"]
    out = extract("-   Plan Seven: March 3, 1961. The council met in Zenda.\n")
    assert not [c for c in out.claims if c.predicate == "published"]
    for c in extract(ITEMS).claims:
        assert ITEMS[c.start:c.end] == c.quote
