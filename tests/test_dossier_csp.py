"""The dossier carries a strict Content-Security-Policy and references nothing outside itself,
even for a case whose sources are named and described by hostile text."""

from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from collingwood.cli import app

runner = CliRunner()
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"><svg onload=alert(3)>'
URL_ATTRS = {"src", "href", "srcset", "action", "formaction", "data", "poster", "xlink:href", "background",
             "ping", "manifest", "cite", "longdesc", "usemap"}


class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.csp: list[str] = []
        self.tags: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[tuple[str, str, str]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_style = tag == "style"
        a = dict(attrs)
        if tag == "meta" and (a.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(a.get("content") or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in URL_ATTRS and value is not None:
                self.urls.append((tag, name, value))
            if name == "style" and value:
                self.styles.append(value)

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("csp")
    src = tmp / "src"
    src.mkdir()
    (src / "note.md").write_text(
        f"---\ntitle: '{HOSTILE}'\nkind: note\nurl: 'javascript:alert(4)'\ncitation: '{HOSTILE}'\n---\n"
        f"Klugmann recruited Cairncross in 1936. {HOSTILE}\n", encoding="utf-8")
    (src / "a.casebook.yaml").write_text(
        "claims:\n  - {subject: James Klugmann, predicate: recruited, object: John Cairncross,"
        " when: '1936', source: note.md, quote: Klugmann recruited Cairncross in 1936,"
        f" note: {HOSTILE!r}}}\n", encoding="utf-8")
    case = tmp / "x.case"
    result = runner.invoke(app, ["ingest", str(case), str(src)])
    assert result.exit_code == 0, result.output
    out = tmp / "dossier.html"
    result = runner.invoke(app, ["dossier", str(case), "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    scan = Scan()
    scan.feed(html)
    return html, scan


def test_the_dossier_has_one_strict_policy_before_anything_it_governs(dossier):
    html, scan = dossier
    assert len(scan.csp) == 1
    policy = {d.split()[0]: d.split()[1:] for d in scan.csp[0].split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"]
    assert policy["style-src"] == ["'unsafe-inline'"]
    assert policy["img-src"] == ["data:"]
    assert "script-src" not in policy                       # falls back to 'none': nothing runs
    assert policy["base-uri"] == ["'none'"] and policy["form-action"] == ["'none'"]
    assert html.index("Content-Security-Policy") < html.index("<style")
    assert scan.tags.index("meta") < scan.tags.index("title")


def test_nothing_runs_and_nothing_is_fetched(dossier):
    html, scan = dossier
    assert "script" not in scan.tags and "iframe" not in scan.tags and "link" not in scan.tags
    assert "object" not in scan.tags and "embed" not in scan.tags and "base" not in scan.tags
    assert scan.handlers == []
    assert any(v.startswith("#q-") for _, _, v in scan.urls)     # the citations are there ...
    for tag, name, value in scan.urls:                      # ... and every link stays in the page
        assert value.startswith("#") or value.startswith("data:"), (tag, name, value)
    for css in scan.styles:
        assert "@import" not in css
        assert "url(" not in css.replace("url(data:", "").replace("url('data:", "").replace('url("data:', "")
    assert HOSTILE not in html and "&lt;script&gt;" in html  # the hostile text is shown, escaped
