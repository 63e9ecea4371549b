"""Word wrapping for the invoice's paragraphs without fpdf2's ``multi_cell`` line breaker.

``multi_cell`` measures the whole current line again for every character it adds (quadratic in the
line length, a third of an invoice's rendering time). Here each word is measured once from the
font's advance widths (no kerning or shaping is used anywhere), lines break at spaces the way
``multi_cell`` breaks them, and each line is drawn with one ``cell``. Lines are left-aligned:
``cell`` cannot justify.
"""

from __future__ import annotations

from fpdf import FPDF


def _advance(pdf: FPDF):
    table, scale = pdf.current_font.cw, pdf.font_size_pt * 0.001 / pdf.k
    size = len(table)

    def width(text: str) -> float:
        return sum(table[o] if (o := ord(c)) < size else 0 for c in text) * scale

    return width


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines of ``text`` in a cell ``width`` wide (in the current font), as ``multi_cell`` breaks them."""
    room = (width or pdf.w - pdf.r_margin - pdf.x) - 2 * pdf.c_margin
    measure = _advance(pdf)
    space = measure(" ")
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            advance = measure(word)
            if line and used + space + advance > room:
                lines.append(" ".join(line))
                line, used = [], 0.0
            while advance > room and len(word) > 1:  # a word wider than the cell breaks anywhere
                cut = _fitting(word, room, measure)
                lines.append(word[:cut])
                word = word[cut:]
                advance = measure(word)
            used += advance + (space if line else 0.0)
            line.append(word)
        lines.append(" ".join(line))
    return lines


def _fitting(word: str, room: float, measure) -> int:
    cut = 1
    while cut < len(word) and measure(word[: cut + 1]) <= room:
        cut += 1
    return cut


def paragraph(pdf: FPDF, width: float, line_height: float, text: str, align: str = "L") -> None:
    """``multi_cell(width, line_height, text, align=align, new_x="LMARGIN", new_y="NEXT")`` without borders."""
    width = width or pdf.w - pdf.r_margin - pdf.x
    x = pdf.x
    for line in wrap(pdf, text, width):
        pdf.set_x(x)
        pdf.cell(width, line_height, line, align=align, new_x="LMARGIN", new_y="NEXT")
