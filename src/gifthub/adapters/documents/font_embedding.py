"""Embedding the bundled TrueType fonts without re-subsetting them with fontTools for every document.

fpdf2 subsets each font in place when it writes a file (~10-20 ms per font, even for a 40-glyph
subset) and builds a 128 KiB CIDToGIDMap as a list of one-character strings. Documents of one kind
use nearly the same characters, so the subset program is cached by its set of glyphs: the same
fontTools call with the same options as fpdf2 on a miss, the stored bytes on a hit. The PDF objects
written are those fpdf2 writes for a plain TrueType font (Type0 + CIDFontType2, ToUnicode, descriptor,
FontFile2, CIDToGIDMap); fonts of any other kind go through fpdf2's own code.
"""

from __future__ import annotations

import io
import logging
from copy import copy
from functools import lru_cache

from fontTools import subset as ftsubset
from fontTools import ttLib
from fpdf.fonts import TTFFont
from fpdf.output import (
    CIDSystemInfo,
    OutputProducer,
    PDFContentStream,
    PDFFont,
    PDFFontStream,
    _build_cmap_blocks,
    _tt_font_widths,
)
from fpdf.syntax import Name, PDFArray

# What fpdf2 2.8 drops when it subsets (fpdf/output.py), so a cached program is the one it would write.
_DROPPED_TABLES = ["FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "sbix", "CBDT", "CBLC"] + [
    "EBDT",
    "EBLC",
    "EBSC",
    "SVG ",
    "CPAL",
    "COLR",
]

log = logging.getLogger("gifthub.documents.fonts")

_PROGRAMS: dict[str, bytes] = {}  # font key -> the whole (trimmed) font program to subset from


def register_program(font_key: str, data: bytes) -> None:
    _PROGRAMS[font_key] = data


@lru_cache(maxsize=512)
def _subset(font_key: str, glyph_names: frozenset[str]) -> tuple[bytes, dict[str, int]]:
    """The subset font program for these glyphs and each glyph's id in it."""
    font = ttLib.TTFont(io.BytesIO(_PROGRAMS[font_key]), recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    options = ftsubset.Options(notdef_outline=True, recommended_glyphs=True)
    options.drop_tables += _DROPPED_TABLES
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(glyphs=sorted(glyph_names))
    subsetter.subset(font)
    ids = {name: font.getGlyphID(name) for name in glyph_names}
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue(), ids


def subset_cache_info():
    return _subset.cache_info()


def _ours(font: object) -> bool:
    return isinstance(font, TTFFont) and font.fontkey in _PROGRAMS and not font.color_font and not font.is_cff


class CachedSubsetOutputProducer(OutputProducer):
    def _add_fonts(self, image_objects_per_index, gfxstate_objs_per_name, pattern_objs_per_name):
        fonts = sorted(self.fpdf.fonts.values(), key=lambda font: font.i)
        if not all(_ours(font) for font in fonts):
            for font in fonts:
                if _ours(font):  # fpdf2 subsets in place: never the parsed font the documents share
                    font.ttfont = ttLib.TTFont(io.BytesIO(_PROGRAMS[font.fontkey]), recalcBBoxes=False, lazy=True)
            return super()._add_fonts(image_objects_per_index, gfxstate_objs_per_name, pattern_objs_per_name)
        added = {font.i: self._add_font(font) for font in fonts}
        for font in fonts:
            # fpdf2 memoises these per SubsetMap in a process-wide cache and clears it after each file.
            font.subset.pick.cache_clear()
            font.subset.get_glyph.cache_clear()
        return added

    def _add_font(self, font: TTFFont) -> PDFFont:
        fontname = f"MPDFAA+{font.name}"
        if font.missing_glyphs:
            log.warning("Font %s has no glyph for %d characters", fontname, len(font.missing_glyphs))
        glyph_names = frozenset(glyph.glyph_name for glyph, _ in font.subset.items() if glyph is not None)
        program, ids = _subset(font.fontkey, glyph_names)
        code_to_glyph = {char_id: ids[glyph.glyph_name] for glyph, char_id in font.subset.items() if glyph is not None}

        composite = PDFFont(subtype="Type0", base_font=fontname, encoding="Identity-H")
        self._add_pdf_obj(composite, "fonts")
        cid_font = PDFFont(
            subtype="CIDFontType2", base_font=fontname, d_w=font.desc.missing_width, w=_tt_font_widths(font)
        )
        self._add_pdf_obj(cid_font, "fonts")
        composite.descendant_fonts = PDFArray([cid_font])

        # ToUnicode: text stays searchable and copyable (and readable by pypdf).
        bf_char = [
            f"<{char_id:04X}> <{''.join(_utf16(code) for code in glyph.unicode)}>\n"
            for glyph, char_id in font.subset.items()
            if glyph is not None and isinstance(glyph.unicode, tuple) and glyph.unicode
        ]
        to_unicode = PDFContentStream(
            (
                "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
                "<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n"
                "<0000> <FFFF>\nendcodespacerange\n"
                f"{_build_cmap_blocks(bf_char, 'bfchar')}"
                "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
            ).encode("latin-1")
        )
        self._add_pdf_obj(to_unicode, "fonts")
        composite.to_unicode = to_unicode

        system_info = CIDSystemInfo()
        self._add_pdf_obj(system_info, "fonts")
        cid_font.c_i_d_system_info = system_info

        descriptor = copy(font.desc)  # the parsed font is shared by documents: its descriptor too
        descriptor.font_name = Name(fontname)
        self._add_pdf_obj(descriptor, "fonts")
        cid_font.font_descriptor = descriptor

        cid_to_gid = bytearray(256 * 256 * 2)
        for code, glyph_id in code_to_glyph.items():
            cid_to_gid[code * 2] = glyph_id >> 8
            cid_to_gid[code * 2 + 1] = glyph_id & 0xFF
        cid_to_gid_map = PDFContentStream(contents=bytes(cid_to_gid), compress=True)
        self._add_pdf_obj(cid_to_gid_map, "fonts")
        cid_font.c_i_d_to_g_i_d_map = cid_to_gid_map

        font_file = PDFFontStream(contents=program)
        self._add_pdf_obj(font_file, "fonts")
        descriptor.font_file2 = font_file
        return composite


def _utf16(code: int) -> str:
    if code > 0xFFFF:
        return f"{0xD800 | (code - 0x10000) >> 10:04X}{0xDC00 | (code & 0x3FF):04X}"
    return f"{code:04X}"
