"""Rendering decks and workbooks in a real office client (LibreOffice, headless) and reading the PDF
back (PyMuPDF): what a reader would see, checked shape by shape and page by page.

- :func:`render` converts many files to PDF in one LibreOffice call (a private profile, so that it
  never waits on another LibreOffice running on the machine).
- :func:`deck_problems` lists, for a .pptx and its PDF, every text that is not whole inside its shape's
  box, every character outside the slide or outside every shape, text lines that overlap, and glyphs
  the fonts lack.
- :func:`workbook_problems` lists, for a .xlsx and its PDF, printed text under 8 pt, overlapping lines,
  cell texts that do not appear whole, and missing glyphs.
"""

from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl
import pymupdf
from pptx import Presentation
from pptx.util import Emu

EMU_PER_PT = 12700
TOLERANCE = 2.0  # points: anti-aliasing and font-bearing slack around a box
MIN_PRINT_PT = 8.0
_SPACE = re.compile(r"\s+")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render(files: Sequence[Path], outdir: Path, timeout: int = 540) -> dict[Path, Path]:
    """Each file converted to PDF in ``outdir`` by one headless LibreOffice call: {file: pdf}."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice() or "soffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, files),
            ],
            check=True,
            capture_output=True,
            timeout=timeout,
        )
    assert len({f.stem for f in files}) == len(files), "LibreOffice names each PDF by its file's stem"
    out = {f: outdir / (f.stem + ".pdf") for f in files}
    missing = [str(f) for f, pdf in out.items() if not pdf.exists()]
    assert not missing, f"LibreOffice made no PDF of {missing}"
    return out


def squash(text: str) -> str:
    """Text without white space (a line break where the client wrapped is not a difference)."""
    return _SPACE.sub("", text)


def _chars(page: pymupdf.Page) -> list[tuple[str, pymupdf.Rect]]:
    # Off the page too: MuPDF leaves out what lies outside the page unless told not to.
    raw = page.get_text("rawdict", flags=pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_MEDIABOX_CLIP)
    return [
        (ch["c"], pymupdf.Rect(ch["bbox"]))
        for block in raw["blocks"]
        if block["type"] == 0
        for line in block["lines"]
        for span in line["spans"]
        for ch in span["chars"]
        if ch["c"].strip()
    ]


def _lines(page: pymupdf.Page) -> list[tuple[str, pymupdf.Rect]]:
    found = page.get_text("dict")
    out = []
    for block in found["blocks"]:
        if block["type"] != 0:
            continue
        for line in block["lines"]:
            text = "".join(span["text"] for span in line["spans"])
            if text.strip():
                out.append((text, pymupdf.Rect(line["bbox"])))
    return out


def _tight(page: pymupdf.Page) -> list[tuple[str, pymupdf.Rect]]:
    """Each text line's box drawn round its glyphs (the union of its characters' boxes)."""
    raw = page.get_text("rawdict")
    out = []
    for block in raw["blocks"]:
        if block["type"] != 0:
            continue
        for line in block["lines"]:
            chars = [ch for span in line["spans"] for ch in span["chars"] if ch["c"].strip()]
            if not chars:
                continue
            rect = pymupdf.Rect(chars[0]["bbox"])
            for ch in chars[1:]:
                rect |= pymupdf.Rect(ch["bbox"])
            out.append(("".join(ch["c"] for ch in chars), rect))
    return out


def overlaps(page: pymupdf.Page, slack: float = 1.5) -> list[str]:
    """Pairs of text lines whose glyph boxes overlap by more than ``slack`` points each way."""
    lines = _tight(page)
    found = []
    for i, (a, ra) in enumerate(lines):
        for b, rb in lines[i + 1 :]:
            cut = pymupdf.Rect(ra) & rb
            if not cut.is_empty and cut.width > slack and cut.height > slack:
                found.append(f"{a[:40]!r} overlaps {b[:40]!r}")
    return found


@functools.cache
def _system_font(name: str) -> pymupdf.Font | None:
    """The installed font a PDF's embedded subset was cut from (by its PostScript name)."""
    base = re.sub(r"^[A-Z]{6}\+", "", name)
    base = re.sub(r"-VK\w*$", "", base)  # LibreOffice's vertical-kana variant of Noto CJK
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", f":postscriptname={base}"], capture_output=True, text=True, check=False
    ).stdout.strip()
    return pymupdf.Font(fontfile=found) if found else None


def missing_glyphs(page: pymupdf.Page) -> list[str]:
    """Characters drawn with a font that has no glyph for them (a .notdef box, "tofu"), and fonts
    not embedded. The subset LibreOffice embeds keeps no character map, so each character is looked
    up in the installed font the subset was cut from."""
    found = []
    for trace in page.get_texttrace():
        font = _system_font(trace["font"])
        for unicode, glyph, *_ in trace["chars"]:
            if not chr(unicode).strip():
                continue
            if glyph == 0 or (font is not None and not font.has_glyph(unicode)):
                found.append(f"no glyph for {chr(unicode)!r} in {trace['font']}")
    for _xref, ext, _type, name, *_ in page.get_fonts():
        if ext == "n/a":
            found.append(f"font {name} not embedded")
    return found


def _rect(shape, inflate: float = TOLERANCE) -> pymupdf.Rect:
    x0, y0 = Emu(shape.left).pt, Emu(shape.top).pt
    box = pymupdf.Rect(x0, y0, x0 + Emu(shape.width).pt, y0 + Emu(shape.height).pt)
    return pymupdf.Rect(box.x0 - inflate, box.y0 - inflate, box.x1 + inflate, box.y1 + inflate)


def _boxes(slide) -> Iterable[tuple[str, pymupdf.Rect, str]]:
    """(what, box, text) of every text on a slide: a shape's text in its box, a table cell's in its
    column across the table's frame."""
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text.strip():
            yield shape.name, _rect(shape), shape.text_frame.text
        if shape.has_table:
            frame = _rect(shape)
            left = Emu(shape.left).pt
            for c, column in enumerate(shape.table.columns):
                width = Emu(column.width).pt
                box = pymupdf.Rect(left - TOLERANCE, frame.y0, left + width + TOLERANCE, frame.y1)
                for r, row in enumerate(shape.table.rows):
                    text = row.cells[c].text
                    if text.strip():
                        yield f"{shape.name} cell ({r}, {c})", box, text
                left += width


def deck_problems(pptx: bytes | Path, pdf: Path) -> list[str]:
    """Every way the rendered deck differs from what its shapes hold (empty when all is well)."""
    prs = Presentation(io.BytesIO(pptx) if isinstance(pptx, bytes) else str(pptx))
    doc = pymupdf.open(pdf)
    problems: list[str] = []
    if doc.page_count != len(prs.slides):
        return [f"{doc.page_count} pages for {len(prs.slides)} slides"]
    for n, (slide, page) in enumerate(zip(prs.slides, doc, strict=True), start=1):
        where = f"slide {n} ({slide.shapes.title.text[:30] if slide.shapes.title else ''})"
        boxes = list(_boxes(slide))
        for what, box, text in boxes:
            got = squash(page.get_textbox(box))
            if squash(text) not in got:
                problems.append(f"{where}: {what} not whole in its box: {text[:60]!r} → {got[:60]!r}")
        slide_box = page.rect
        for ch, rect in _chars(page):
            centre = pymupdf.Point((rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2)
            if not slide_box.contains(rect):
                problems.append(f"{where}: {ch!r} leaves the slide at {rect}")
            elif not any(box.contains(centre) for _, box, _ in boxes):
                problems.append(f"{where}: {ch!r} outside every shape at {rect}")
        problems += [f"{where}: {p}" for p in overlaps(page)]
        problems += [f"{where}: {p}" for p in missing_glyphs(page)]
    return problems


def workbook_problems(xlsx: bytes | Path, pdf: Path) -> list[str]:
    """Printed text under 8 pt, overlapping lines, cell texts not printed whole, missing glyphs."""
    book = openpyxl.load_workbook(io.BytesIO(xlsx) if isinstance(xlsx, bytes) else xlsx)
    doc = pymupdf.open(pdf)
    problems: list[str] = []
    printed = []
    for n, page in enumerate(doc, start=1):
        sizes = [
            span["size"]
            for block in page.get_text("dict")["blocks"]
            if block["type"] == 0
            for line in block["lines"]
            for span in line["spans"]
            if span["text"].strip()
        ]
        if sizes and min(sizes) < MIN_PRINT_PT:
            problems.append(f"page {n}: text at {min(sizes):.1f} pt")
        problems += [f"page {n}: {p}" for p in overlaps(page)]
        problems += [f"page {n}: {p}" for p in missing_glyphs(page)]
        printed.append(squash(page.get_text()))
    every = "".join(printed)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.strip() and squash(cell.value) not in every:
                    problems.append(f"{ws.title}!{cell.coordinate} not printed whole: {cell.value[:60]!r}")
    return problems
