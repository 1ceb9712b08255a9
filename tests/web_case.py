"""A small case for the workbench's tests, written as files and ingested (no extraction run):
three sources with front matter, an entity list, a casebook whose claims disagree on a date
(a finding to give a verdict on), and a hypotheses file. `payloads` plants hostile text in every
place a case takes text from: source text, file names, metadata, entity names and hypotheses."""

from __future__ import annotations

import json
from pathlib import Path

TEXTS = {
    "letter": ("Harold Vane met Clara Oster in Vienna in 1936. Later that year Vane recruited Oster "
               "for the service. Oster worked for the Ministry from 1937 to 1941."),
    "memoir": ("In my memoir I recall that Vane recruited Oster in 1938, not before. Nobody from the "
               "Ministry ever met Peter Lund, whatever the papers claim."),
    "report": ("The Ministry report says Peter Lund knew Harold Vane in 1936. Lund left the Ministry in "
               "1940 and was never heard of again."),
}

CLAIMS = [
    ("letter", "Harold Vane", "met", "Clara Oster", "1936", "Harold Vane met Clara Oster in Vienna in 1936"),
    ("letter", "Harold Vane", "recruited", "Clara Oster", "1936", "Vane recruited Oster"),
    ("letter", "Clara Oster", "worked_at", "Ministry", "from 1937 to 1941", "Oster worked for the Ministry from 1937 to 1941"),
    ("memoir", "Harold Vane", "recruited", "Clara Oster", "1938", "Vane recruited Oster in 1938"),
    ("report", "Peter Lund", "knew", "Harold Vane", "1936", "Peter Lund knew Harold Vane in 1936"),
    ("report", "Peter Lund", "left", "Ministry", "1940", "Lund left the Ministry in \n1940"),
]


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)      # a YAML double-quoted scalar is a JSON string


def write_case_files(folder: Path, payloads: list[str] | None = None) -> Path:
    """Write the files; with payloads, every text field carries them. Returns the folder."""
    payloads = payloads or []
    folder.mkdir(parents=True, exist_ok=True)
    src = folder / "sources"
    src.mkdir(exist_ok=True)
    names = {}
    for i, (key, text) in enumerate(TEXTS.items()):
        p = payloads[i % len(payloads)] if payloads else ""
        safe = "".join(ch for ch in p if ch not in '/\\\x00')[:60]
        names[key] = f"{key}{('-' + safe) if safe else ''}.md"
        planted = "".join(f"\n\nA stray note reads: {x}" for x in payloads[i::3])
        fm = ["---", f"title: {_q('The ' + key + (' ' + p if p else ''))}", "kind: letter" if key == "letter" else
              "kind: memoir" if key == "memoir" else "kind: report",
              f"authors: [{_q('Clerk ' + key + (' ' + p if p else ''))}]", 'date: "1950"',
              f"citation: {_q('Archive box 7 ' + ' '.join(payloads[i::3]))}",
              f"archive_ref: {_q('REF/' + key + (p[:40] if p else ''))}", "---", ""]
        (src / names[key]).write_text("\n".join(fm) + text + planted + "\n", encoding="utf-8")
    entities = ["entities:"]
    for name, kind in (("Harold Vane", "person"), ("Clara Oster", "person"), ("Peter Lund", "person"),
                       ("Ministry", "organisation")):
        entities += [f"  - name: {_q(name)}", f"    kind: {kind}", "    aliases:",
                     f"      - {{name: {_q(name.split()[-1])}, kind: variant}}"]
    for j, p in enumerate(payloads):
        entities += [f"  - name: {_q('Agent ' + str(j) + ' ' + p)}", "    kind: person"]
    (folder / "entities.yaml").write_text("\n".join(entities) + "\n", encoding="utf-8")
    book = ["claims:"]
    for key, subject, predicate, obj, when, quote in CLAIMS:
        book += [f"  - subject: {_q(subject)}", f"    predicate: {predicate}", f"    object: {_q(obj)}",
                 f"    when: {_q(when)}", f"    source: {_q(names[key])}", f"    quote: {_q(quote)}"]
    (folder / "notes.casebook.yaml").write_text("\n".join(book) + "\n", encoding="utf-8")
    label = (" " + payloads[0]) if payloads else ""
    statement = " ".join(payloads[1:8])
    hyp = [f"question: {_q('When did Vane recruit Oster?' + label)}", "hypotheses:",
           "  - id: H1", f"    label: {_q('In 1936, as the letter says' + label)}",
           f"    statement: {_q('The letter is right. ' + statement)}",
           "    requires:", "      - {subject: Harold Vane, predicate: recruited, object: Clara Oster, when: \"1936\"}",
           "  - id: H2", f"    label: {_q('In 1938, as the memoir says')}", "    statement: \"The memoir is right.\"",
           "    requires:", "      - {subject: Harold Vane, predicate: recruited, object: Clara Oster, when: \"1938\"}"]
    (folder / "recruitment.hypotheses.yaml").write_text("\n".join(hyp) + "\n", encoding="utf-8")
    (folder / "case.yaml").write_text('title: "The Vane affair"\nperiod: {from: "1935", to: "1942"}\n',
                                      encoding="utf-8")
    return folder


def make_case(tmp: Path, payloads: list[str] | None = None, url: str | None = None):
    """Build the case (a file in ``tmp``, or the database at ``url``); returns (case path, Case)."""
    from collingwood.case import Case
    folder = write_case_files(tmp / "files", payloads)
    path = url or str(tmp / "vane.case")
    case = Case.init(path, title="The Vane affair")
    report = case.ingest([folder])
    assert not report.rejected, report.rejected
    return path, case
