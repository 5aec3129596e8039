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

import fcntl
import functools
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import openpyxl
import pymupdf
import pytest
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


def once_a_run(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict[Path, Path]]
) -> dict[str, tuple[Path, Path]]:
    """``make(folder)`` (files rendered: {file: pdf}) run once for the whole test run, in a folder
    every pytest-xdist worker of the run shares: the first worker to get here makes the files while the
    others wait for it, then each reads them. Returns {file name: (file, pdf)}."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # the run's own folder
    folder, index = shared / name, shared / f"{name}.json"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not index.exists():
            folder.mkdir()
            made = make(folder)
            index.write_text(json.dumps({str(f): str(pdf) for f, pdf in made.items()}), encoding="utf-8")
    made = {Path(f): Path(pdf) for f, pdf in json.loads(index.read_text(encoding="utf-8")).items()}
    return {f.name: (f, pdf) for f, pdf in made.items()}


def squash(text: str) -> str:
    """Text without white space (a line break where the client wrapped is not a difference)."""
    return _SPACE.sub("", text)


class Chars:
    """A page's characters, read once (``page.get_text("rawdict", flags=flags)``: those touching the
    page): each one's text, box (x0, y0, x1, y1, in an array) and line. Boxes are compared as arrays,
    not one by one."""

    def __init__(self, page: pymupdf.Page, flags: int):
        self.page = page
        raw = page.get_text("rawdict", flags=flags)
        chars = [
            (ch["c"], ch["bbox"], n)
            for n, line in enumerate(line for block in raw["blocks"] if block["type"] == 0 for line in block["lines"])
            for span in line["spans"]
            for ch in span["chars"]
        ]
        self.text = [c for c, _, _ in chars]
        self.box = np.array([b for _, b, _ in chars], dtype=float).reshape(-1, 4)
        self.line = np.array([n for _, _, n in chars], dtype=int)
        self.seen = np.array([bool(c.strip()) for c in self.text], dtype=bool)

    def touching(self, box: pymupdf.Rect) -> np.ndarray:
        """Which characters' boxes overlap ``box`` (MuPDF's test for a text box's characters)."""
        b = self.box
        return ~((box.x0 >= b[:, 2]) | (box.y0 >= b[:, 3]) | (box.x1 <= b[:, 0]) | (box.y1 <= b[:, 1]))

    def textbox(self, box: pymupdf.Rect) -> str:
        """``page.get_textbox(box)`` (with flags 0): the characters touching the box, a line break
        between lines. A box not inside the page is left to MuPDF (it reads characters off the page)."""
        if not self.page.rect.contains(box):
            return self.page.get_textbox(box)
        out: list[str] = []
        last = None
        for i in np.flatnonzero(self.touching(box)):
            if last is not None and self.line[i] != last:
                out.append("\n")
            out.append(self.text[i])
            last = self.line[i]
        return "".join(out)


def _tight(page: pymupdf.Page) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Each text line's box drawn round its glyphs (the union of its characters' non-empty boxes)."""
    chars = Chars(page, pymupdf.TEXTFLAGS_RAWDICT)
    out = []
    for n in np.unique(chars.line[chars.seen]):
        idx = np.flatnonzero((chars.line == n) & chars.seen)
        boxes = chars.box[idx]
        solid = boxes[(boxes[:, 2] > boxes[:, 0]) & (boxes[:, 3] > boxes[:, 1])]
        b = solid if len(solid) else boxes[:1]
        rect = (b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
        out.append(("".join(chars.text[i] for i in idx), rect))
    return out


def overlaps(page: pymupdf.Page, slack: float = 1.5) -> list[str]:
    """Pairs of text lines whose glyph boxes overlap by more than ``slack`` points each way."""
    lines = _tight(page)
    if len(lines) < 2:
        return []
    r = np.array([rect for _, rect in lines])
    width = np.minimum(r[:, None, 2], r[None, :, 2]) - np.maximum(r[:, None, 0], r[None, :, 0])
    height = np.minimum(r[:, None, 3], r[None, :, 3]) - np.maximum(r[:, None, 1], r[None, :, 1])
    first, second = np.nonzero(np.triu((width > slack) & (height > slack), k=1))
    return [f"{lines[a][0][:40]!r} overlaps {lines[b][0][:40]!r}" for a, b in zip(first, second, strict=True)]


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


def boxes_of(slide) -> Iterable[tuple[str, pymupdf.Rect, str]]:
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
        boxes = list(boxes_of(slide))
        inbox = Chars(page, 0)  # as page.get_textbox reads the page
        for what, box, text in boxes:
            got = squash(inbox.textbox(box))
            if squash(text) not in got:
                problems.append(f"{where}: {what} not whole in its box: {text[:60]!r} → {got[:60]!r}")
        # Off the page too: MuPDF leaves out what lies outside the page unless told not to.
        chars = Chars(page, pymupdf.TEXTFLAGS_RAWDICT & ~pymupdf.TEXT_MEDIABOX_CLIP)
        b, page_box = chars.box, page.rect
        on_page = (page_box.x0 <= b[:, 0]) & (b[:, 0] <= b[:, 2]) & (b[:, 2] <= page_box.x1)
        on_page &= (page_box.y0 <= b[:, 1]) & (b[:, 1] <= b[:, 3]) & (b[:, 3] <= page_box.y1)
        cx, cy = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
        in_shape = np.zeros(len(b), dtype=bool)
        for _, box, _ in boxes:  # MuPDF's point in rectangle: the left and top edges in, not the others
            in_shape |= (box.x0 <= cx) & (cx < box.x1) & (box.y0 <= cy) & (cy < box.y1)
        for i in np.flatnonzero(chars.seen & ~(on_page & in_shape)):
            rect = pymupdf.Rect(*map(float, b[i]))
            if not on_page[i]:
                problems.append(f"{where}: {chars.text[i]!r} leaves the slide at {rect}")
            else:
                problems.append(f"{where}: {chars.text[i]!r} outside every shape at {rect}")
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
