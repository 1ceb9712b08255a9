"""A hostile corpus, generated in a temporary folder: every kind of bad input an archive holds.

`build(root)` writes one folder per kind under `root/input`, each with the hostile file(s)
and three good files of its own (unique text, so none is a duplicate of another), and
returns what must happen to each kind: read (and to what text), refused or skipped with a
reason code. Links point outside the input (to /etc/passwd, /dev/zero, /dev/urandom, a
folder outside); nothing generated is ever committed.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

GiB = 1 << 30
MiB = 1 << 20

BOMB = ("lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        "lol2: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "lol3: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "lol4: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "lol5: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
        "lol6: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        "lol7: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
        "lol8: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
        "lol9: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n")


@dataclass
class Kind:
    name: str
    folder: Path
    hostile: str                 # the file name the report names (or "" for a folder-level case)
    outcome: str                 # "read" | "rejected" | "skipped" | "not-stored"
    codes: tuple[str, ...] = ()  # acceptable reason codes when rejected or skipped
    text: str | None = None      # the exact text a read file must have (before its final newline)
    contains: tuple[str, ...] = ()   # what the stored text must hold
    lacks: tuple[str, ...] = ()      # what it must not hold (script code, /etc/passwd)
    good: list[tuple[Path, str]] = field(default_factory=list)   # (path, exact text)


class Corpus:
    def __init__(self, root: Path):
        self.root = root
        self.input = root / "input"
        self.input.mkdir(parents=True)
        self.kinds: list[Kind] = []

    def kind(self, name: str, hostile: str, outcome: str, *codes: str, good_in: str = "", **expect) -> Path:
        folder = self.input / name
        folder.mkdir()
        home = folder / good_in if good_in else folder
        home.mkdir(exist_ok=True)
        k = Kind(name, folder, hostile, outcome, codes, **expect)
        for i in range(1, 4):
            text = f"Good file {i} of {name}: the officer met the agent in Vienna in 193{i}."
            path = home / f"good-{i}.txt"
            path.write_text(text + "\n", encoding="utf-8")
            k.good.append((path, text + "\n"))
        self.kinds.append(k)
        return folder


# --- file makers ----------------------------------------------------------------------------


def pdf_bytes(pages: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 10, text=text)
    return bytes(pdf.output())


def encrypted_pdf(pages: list[str]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(pages))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def bomb_pdf(inflated: int) -> bytes:
    """One page whose content stream inflates to `inflated` bytes of spaces."""
    compressor = zlib.compressobj(9)
    chunk = b" " * MiB
    stream = b"".join(compressor.compress(chunk) for _ in range(inflated // MiB)) + compressor.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_with_xml(paragraphs: list[str], edit) -> bytes:
    """A real .docx whose word/document.xml is passed through `edit(xml_text) -> xml_text`."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(paragraphs)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            z.writestr(info.filename, data)
    return out.getvalue()


def docx_bomb(path: Path, inflated: int, level: int = 1) -> None:
    """A real .docx plus a word/document.xml of `inflated` bytes of spaces (a zip bomb)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["x"])))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, source.read(info))
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            chunk = b" " * (16 * MiB)
            for _ in range(inflated // len(chunk)):
                f.write(chunk)


def lying_docx(inflated: int) -> bytes:
    """A .docx whose document.xml inflates to `inflated` bytes but whose headers say 100."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["x"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                data = data.replace(b"</w:body>", b" " * inflated + b"</w:body>")
            z.writestr(info.filename, data)
    data = bytearray(out.getvalue())
    name = b"word/document.xml"
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            if data[start + name_at:start + name_at + len(name)] == name:
                data[start + size_at:start + size_at + 4] = struct.pack("<I", 100)
            start += 4
    return bytes(data)


def image_pages_pdf(pages: int) -> bytes:
    """`pages` pages, each only a small image: all of them would need OCR."""
    from fpdf import FPDF
    from PIL import Image

    pdf = FPDF()
    image = Image.new("L", (16, 16), 200)
    for _ in range(pages):
        pdf.add_page()
        pdf.image(image, x=10, y=10, w=20)
    return bytes(pdf.output())


def png_bytes(width: int = 40, height: int = 20) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (width, height), 255).save(out, "PNG")
    return out.getvalue()


def png_header_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + chunk(b"IEND", b""))


def sparse(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        f.truncate(size)


# --- the corpus -------------------------------------------------------------------------------


def build(root: Path) -> Corpus:
    c = Corpus(root)
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("OUTSIDE-SECRET: this file is outside the input folder.\n")

    # YAML bombs wherever YAML is read
    f = c.kind("yaml-bomb-sidecar", "memo.txt", "rejected", "yaml-unsafe")
    (f / "memo.txt").write_text("A memo with a bomb for a sidecar.\n")
    (f / "memo.txt.meta.yaml").write_text(BOMB)
    f = c.kind("yaml-bomb-front-matter", "front.md", "rejected", "yaml-unsafe")
    (f / "front.md").write_text("---\n" + BOMB + "---\nBody of the note.\n")
    f = c.kind("yaml-bomb-manifest", "sources.yaml", "skipped", "yaml-unsafe", good_in="good")
    (f / "sources.yaml").write_text(BOMB)
    (f / "held.txt").write_text("Held back by its folder's manifest.\n")
    f = c.kind("yaml-bomb-entities", "entities.yaml", "rejected", "yaml-unsafe")
    (f / "entities.yaml").write_text(BOMB + "entities:\n  - {name: X}\n")
    f = c.kind("yaml-bomb-casebook", "bomb.casebook.yaml", "rejected", "yaml-unsafe")
    (f / "bomb.casebook.yaml").write_text(BOMB + "claims: []\n")
    f = c.kind("yaml-bomb-hypotheses", "bomb.hypotheses.yaml", "rejected", "yaml-unsafe")
    (f / "bomb.hypotheses.yaml").write_text(BOMB)
    f = c.kind("yaml-bomb-case-file", "case.yaml", "rejected", "yaml-unsafe")
    (f / "case.yaml").write_text(BOMB)
    f = c.kind("case-file-wrong-types", "case.yaml", "rejected", "metadata")
    (f / "case.yaml").write_text("title: A case\nperiod: 1940\n")
    f = c.kind("manifest-wrong-types", "sources.yaml", "skipped", "metadata", good_in="good")
    (f / "sources.yaml").write_text("held.txt: 5\n")
    (f / "held.txt").write_text("Held back: its manifest entry is a number.\n")
    f = c.kind("front-matter-wrong-types", "typed.md", "rejected", "metadata")
    (f / "typed.md").write_text("---\ntitle: {a: 1}\ndate: [1951]\n---\nBody.\n")
    f = c.kind("yaml-binary-and-set", "binary.txt", "rejected", "metadata")
    (f / "binary.txt").write_text("Its sidecar holds a binary value.\n")
    (f / "binary.txt.meta.yaml").write_text("tags: !!set {a, b}\nblob: !!binary aGVsbG8=\n")
    f = c.kind("yaml-too-deep", "deep.txt", "rejected", "too-deep")
    (f / "deep.txt").write_text("Its sidecar nests for ever.\n")
    (f / "deep.txt.meta.yaml").write_text("title: " + "[" * 20000 + "]" * 20000 + "\n")
    f = c.kind("yaml-malformed", "broken.txt", "rejected", "yaml")
    (f / "broken.txt").write_text("Its sidecar is not YAML.\n")
    (f / "broken.txt.meta.yaml").write_text("title: [unclosed\nkind: : :\n")
    f = c.kind("yaml-wrong-types", "typed.txt", "rejected", "metadata")
    (f / "typed.txt").write_text("Its sidecar gives a list for a title.\n")
    (f / "typed.txt.meta.yaml").write_text("title: [a, b]\nauthors: {x: 1}\n")
    f = c.kind("yaml-not-a-mapping", "listed.txt", "rejected", "metadata")
    (f / "listed.txt").write_text("Its sidecar is a list.\n")
    (f / "listed.txt.meta.yaml").write_text("- one\n- two\n")
    f = c.kind("yaml-bad-date", "baddate.txt", "rejected", "yaml")
    (f / "baddate.txt").write_text("Its sidecar has an impossible date.\n")
    (f / "baddate.txt.meta.yaml").write_text("date: 1951-02-30\n")
    f = c.kind("sidecar-link-outside", "linked.txt", "rejected", "link")
    (f / "linked.txt").write_text("Its sidecar is a link to /etc/passwd.\n")
    os.symlink("/etc/passwd", f / "linked.txt.meta.yaml")

    f = c.kind("sidecar-fifo", "piped.txt", "rejected", "not-a-file")
    (f / "piped.txt").write_text("Its sidecar is a FIFO.\n")
    os.mkfifo(f / "piped.txt.meta.yaml")
    f = c.kind("manifest-fifo", "sources.yaml", "skipped", "not-a-file", good_in="good")
    os.mkfifo(f / "sources.yaml")
    (f / "held.txt").write_text("Held back: its folder's manifest is a FIFO.\n")
    f = c.kind("casebook-link-passwd", "passwd.casebook.yaml", "skipped", "link-outside")
    os.symlink("/etc/passwd", f / "passwd.casebook.yaml")
    f = c.kind("entities-fifo", "entities.yaml", "skipped", "not-a-file")
    os.mkfifo(f / "entities.yaml")

    # Links, special files, names, depth
    f = c.kind("link-passwd", "passwd.txt", "skipped", "link-outside")
    os.symlink("/etc/passwd", f / "passwd.txt")
    f = c.kind("link-dev-zero", "zero.txt", "skipped", "link-outside")
    os.symlink("/dev/zero", f / "zero.txt")
    f = c.kind("link-dev-urandom", "random.txt", "skipped", "link-outside")
    os.symlink("/dev/urandom", f / "random.txt")
    f = c.kind("link-outside-file", "secret.txt", "skipped", "link-outside")
    os.symlink(outside / "secret.txt", f / "secret.txt")
    f = c.kind("link-outside-folder", "elsewhere", "skipped", "link-outside")
    os.symlink(outside, f / "elsewhere")
    f = c.kind("link-loop", "loop.txt", "skipped", "broken-link")
    os.symlink(f / "loop.txt", f / "loop.txt")
    f = c.kind("link-inside", "alias.txt", "read", text="The one real file a link inside points at.")
    (f / "real.txt").write_text("The one real file a link inside points at.\n")
    os.symlink(f / "real.txt", f / "alias.txt")
    f = c.kind("fifo", "pipe.txt", "skipped", "not-a-file")
    os.mkfifo(f / "pipe.txt")
    f = c.kind("non-utf8-name", "caf\\xe9-\\xff.txt", "read", text="A file whose name is Latin-1 bytes.")
    with open(os.fsencode(f) + b"/caf\xe9-\xff.txt", "wb") as out:
        out.write(b"A file whose name is Latin-1 bytes.\n")
    f = c.kind("escape-codes-in-name", "evil\\x1b[2J\\x1b[31mred\\x07.txt", "read",
               text="A file whose name holds terminal escapes.")
    (f / "evil\x1b[2J\x1b[31mred\x07.txt").write_text("A file whose name holds terminal escapes.\n")
    f = c.kind("escape-codes-in-bad-file-name", "empty\\x1b[31m\\xfe.txt", "rejected", "empty")
    with open(os.fsencode(f) + b"/empty\x1b[31m\xfe.txt", "wb"):
        pass
    f = c.kind("rich-markup-in-name", "[bold red]loud[link=x].txt", "read",
               text="A file whose name looks like markup.")
    (f / "[bold red]loud[link=x].txt").write_text("A file whose name looks like markup.\n")
    f = c.kind("deep-tree", "bottom.txt", "read", text="The bottom of a tree a thousand folders deep.")
    deep = str(f)
    for _ in range(1000):   # os.makedirs recurses, and would fail at this depth
        deep = os.path.join(deep, "d")
        os.mkdir(deep)
    with open(os.path.join(deep, "bottom.txt"), "w") as out:
        out.write("The bottom of a tree a thousand folders deep.\n")

    # Word documents
    f = c.kind("docx-zip-bomb", "bomb.docx", "rejected", "zip-bomb")
    docx_bomb(f / "bomb.docx", GiB)
    f = c.kind("docx-ratio-bomb", "ratio.docx", "rejected", "zip-bomb")
    docx_bomb(f / "ratio.docx", 64 * MiB, level=9)
    f = c.kind("docx-undefined-entity", "entity.docx", "rejected", "damaged")
    (f / "entity.docx").write_bytes(docx_with_xml(
        ["First paragraph.", "Second paragraph with an entity."],
        lambda x: x.replace("Second paragraph with", "Second &undefined; paragraph with")))
    f = c.kind("docx-xxe", "xxe.docx", "rejected", "damaged")
    (f / "xxe.docx").write_bytes(docx_with_xml(
        ["Read this: XXE."],
        lambda x: x.replace("?>", '?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
                   .replace("XXE.", "&xxe;")))
    f = c.kind("docx-billion-laughs", "laughs.docx", "rejected", "damaged")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    (f / "laughs.docx").write_bytes(docx_with_xml(
        ["Laugh: HERE."],
        lambda x: x.replace("?>", f'?><!DOCTYPE w:document [<!ENTITY l0 "lol">{laughs}]>', 1)
                   .replace("HERE.", "&l9;")))
    f = c.kind("docx-not-a-zip", "text.docx", "rejected", "wrong-type")
    (f / "text.docx").write_text("Just text pretending to be Word.\n")
    f = c.kind("docx-zip-without-document", "other.docx", "rejected", "wrong-type")
    with zipfile.ZipFile(f / "other.docx", "w") as z:
        z.writestr("hello.txt", "not a Word document")
    f = c.kind("docx-truncated", "cut.docx", "rejected", "damaged")
    whole = docx_bytes(["A document cut in half."])
    (f / "cut.docx").write_bytes(whole[: len(whole) // 2])

    f = c.kind("docx-lying-sizes", "liar.docx", "rejected", "damaged", "zip-bomb")
    (f / "liar.docx").write_bytes(lying_docx(8 * MiB))

    # PDFs
    f = c.kind("pdf-too-many-scanned-pages", "many.pdf", "rejected", "too-large")
    (f / "many.pdf").write_bytes(image_pages_pdf(301))
    f = c.kind("pdf-truncated", "cut.pdf", "rejected", "damaged")
    whole = pdf_bytes(["First page of a cut PDF.", "Second page."])
    (f / "cut.pdf").write_bytes(whole[: len(whole) // 2])
    f = c.kind("pdf-encrypted", "locked.pdf", "rejected", "encrypted")
    (f / "locked.pdf").write_bytes(encrypted_pdf(["Behind a password."]))
    f = c.kind("pdf-stream-bomb", "bomb.pdf", "rejected", "damaged", "memory", "timeout", "no-text")
    (f / "bomb.pdf").write_bytes(bomb_pdf(256 * MiB))
    f = c.kind("pdf-not-a-pdf", "fake.pdf", "rejected", "wrong-type")
    (f / "fake.pdf").write_text("just some text\n")
    f = c.kind("pdf-huge", "huge.pdf", "rejected", "too-large")
    sparse(f / "huge.pdf", 300 * MiB)

    # Text that is not text, or is text in another encoding
    f = c.kind("binary-as-text", "noise.txt", "rejected", "not-text")
    (f / "noise.txt").write_bytes(os.urandom(64 * 1024))
    f = c.kind("program-as-text", "program.txt", "rejected", "wrong-type")
    (f / "program.txt").write_bytes(b"\x7fELF\x02\x01\x01" + os.urandom(4000))
    f = c.kind("image-as-text", "picture.txt", "rejected", "wrong-type")
    (f / "picture.txt").write_bytes(png_bytes())
    f = c.kind("nul-in-text", "nul.txt", "rejected", "not-text")
    (f / "nul.txt").write_bytes(b"Some text\x00with a NUL byte in it, and more text after it.\n")
    f = c.kind("huge-text", "huge.txt", "rejected", "too-large")
    sparse(f / "huge.txt", 100 * MiB)
    f = c.kind("empty", "empty.txt", "rejected", "empty")
    (f / "empty.txt").write_bytes(b"")
    f = c.kind("whitespace-only", "blank.md", "rejected", "no-text")
    (f / "blank.md").write_text(" \n\t\n\n")
    latin = "Le caf\u00e9 de la Gare, \u00e0 Z\u00fcrich: l'\u00e9migr\u00e9 d\u00e9clara qu'il \u00e9tait l\u00e0 en 1951."
    f = c.kind("latin-1", "latin.txt", "read", text=latin)
    (f / "latin.txt").write_bytes((latin + "\n").encode("latin-1"))
    cp = "The officer said \u201cI never met him\u201d \u2014 but the file, dated 12 May 1951, shows otherwise."
    f = c.kind("cp1252", "windows.txt", "read", text=cp)
    (f / "windows.txt").write_bytes((cp + "\r\n").encode("cp1252"))
    u16 = "A memorandum written in 1940 by the officer in charge of the case."
    f = c.kind("utf-16-le-no-bom", "wide-le.txt", "read", text=u16)
    (f / "wide-le.txt").write_bytes((u16 + "\n").encode("utf-16-le"))
    f = c.kind("utf-16-be-no-bom", "wide-be.txt", "read", text=u16 + " (big-endian)")
    (f / "wide-be.txt").write_bytes((u16 + " (big-endian)\n").encode("utf-16-be"))
    f = c.kind("nfd-and-crlf", "decomposed.txt", "read", text="Cafe\u0301 society\nin 1938.".replace(
        "e\u0301", "\u00e9"))
    (f / "decomposed.txt").write_bytes("Cafe\u0301 society\r\nin 1938.\r\n".encode("utf-8"))

    # HTML with active content: the text is kept as text, the code is not
    f = c.kind("html-active-content", "active.html", "read",
               contains=("Visible paragraph one.", "Click here", "Second visible paragraph."),
               lacks=("alert(", "evil()", "javascript:", "iframe text", "document.cookie"))
    (f / "active.html").write_text(
        "<html><head><title>Active page</title><script>alert(document.cookie)</script></head><body>"
        "<p onclick=\"evil()\">Visible paragraph one.</p><a href=\"javascript:alert(1)\">Click here</a>"
        "<iframe src=\"http://example.invalid\">iframe text</iframe><img src=x onerror=\"evil()\">"
        "<p>Second visible paragraph.</p><style>p{}</style></body></html>")

    # Images
    f = c.kind("image-pixel-bomb", "huge.png", "rejected", "too-large")
    (f / "huge.png").write_bytes(png_header_bomb(100_000, 100_000))
    f = c.kind("image-truncated", "cut.png", "rejected", "damaged", "no-text")
    whole = png_bytes(800, 600)
    (f / "cut.png").write_bytes(whole[: len(whole) // 2])
    f = c.kind("image-not-an-image", "fake.jpg", "rejected", "wrong-type")
    (f / "fake.jpg").write_text("not a picture\n")

    # Files that are not sources
    f = c.kind("unsupported-type", "tool.exe", "skipped", "unsupported")
    (f / "tool.exe").write_bytes(b"MZ" + b"\x00" * 100)
    return c


def remove_deep_tree(corpus: Corpus) -> None:
    """pytest's clean-up recurses; a thousand folders deep is removed here, bottom up."""
    for k in corpus.kinds:
        if k.name == "deep-tree":
            path = os.path.join(k.folder, *(["d"] * 1000))
            os.remove(os.path.join(path, "bottom.txt"))
            while path != str(k.folder):
                os.rmdir(path)
                path = os.path.dirname(path)
