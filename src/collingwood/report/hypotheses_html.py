"""The competing-hypotheses matrix as a self-contained HTML table, for the dossier."""

from __future__ import annotations

import html

from ..analyse.hypotheses import Matrix, _sensitivity_words

_CSS = ("table.ach{border-collapse:collapse;font:14px/1.4 Georgia,serif}"
        ".ach th,.ach td{border:1px solid #999;padding:4px 8px;vertical-align:top}"
        ".ach td.r{text-align:center;font-weight:bold}.ach .I,.ach .II{background:#f6d5d5}"
        ".ach .C,.ach .CC{background:#d9efd9}.ach .diag{background:#fff6d0}"
        ".ach .analyst::after{content:'*'}.ach caption{font-weight:bold;text-align:left}")


def matrix_html(m: Matrix) -> str:
    """A self-contained table for the dossier: inline style, no external references."""
    esc = html.escape
    head = "".join(f'<th title="{esc(h.statement)}">{esc(h.id)}<br>{esc(h.label)}</th>' for h in m.hypotheses)
    rows = []
    for e in m.evidence:
        cls = ' class="diag"' if e.id in m.diagnostic else ""
        cells = "".join(
            f'<td class="r {c.rating}{" analyst" if c.proposed_by == "analyst" else ""}" '
            f'title="{esc(c.reason)}">{c.rating}</td>'
            for c in (m.cells[(h.id, e.id)] for h in m.hypotheses))
        rows.append(f'<tr{cls}><td>{esc(e.label)}<br><small>{esc(e.id)}'
                    f'{" — " + esc(e.quote) if e.quote else ""}</small></td>'
                    f"<td>{e.credibility}</td>{cells}</tr>")
    total = "".join(f"<td class=\"r\">{m.scores[h.id]:g}</td>" for h in m.hypotheses)
    ranking = "".join(f"<li>{esc(h)} (score {m.scores[h]:g})</li>" for h in m.ranking)
    return (f"<style>{_CSS}</style><table class=\"ach\"><caption>{esc(m.question)}</caption>"
            f"<tr><th>evidence</th><th>credibility</th>{head}</tr>{''.join(rows)}"
            f"<tr><th>weighted inconsistency</th><td></td>{total}</tr></table>"
            f"<ol>{ranking}</ol><p>{esc(_sensitivity_words(m))}</p>"
            f"<p><em>{esc(m.caveat)}</em></p>")
