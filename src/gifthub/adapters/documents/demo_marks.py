"""A drawn signature and a round stamp for the demo sellers, so demo invoices look like real ones.

Drawn with Pillow (already there for fpdf2) and the bundled font; clearly marked "ДЕМО"."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

from gifthub.adapters.documents.invoice_pdf import FONTS as FONT_DIRECTORY

INK = (25, 45, 150, 255)
STAMP_INK = (40, 70, 180, 210)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def demo_signature_png() -> bytes:
    image = Image.new("RGBA", (360, 120), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    points = [(20 + x, 70 - 28 * math.sin(x / 17) * math.exp(-x / 260)) for x in range(0, 300, 4)]
    draw.line(points, fill=INK, width=4, joint="curve")
    draw.line([(60, 95), (330, 80)], fill=INK, width=3)
    return _png(image)


def demo_stamp_png(text: str) -> bytes:
    size = 420
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([8, 8, size - 8, size - 8], outline=STAMP_INK, width=10)
    draw.ellipse([70, 70, size - 70, size - 70], outline=STAMP_INK, width=5)
    ring = ImageFont.truetype(str(FONT_DIRECTORY / "DejaVuSans-Bold.ttf"), 30)
    letters = f"{text} • " * 2
    for index, letter in enumerate(letters[:48]):
        angle = 2 * math.pi * index / min(len(letters), 48) - math.pi / 2
        x, y = size / 2 + 170 * math.cos(angle), size / 2 + 170 * math.sin(angle)
        glyph = Image.new("RGBA", (40, 40), (255, 255, 255, 0))
        ImageDraw.Draw(glyph).text((20, 20), letter, font=ring, fill=STAMP_INK, anchor="mm")
        rotated = glyph.rotate(-math.degrees(angle) - 90, resample=Image.BICUBIC)
        image.alpha_composite(rotated, (int(x - 20), int(y - 20)))
    center = ImageFont.truetype(str(FONT_DIRECTORY / "DejaVuSans-Bold.ttf"), 52)
    draw.text((size / 2, size / 2), "ДЕМО", font=center, fill=STAMP_INK, anchor="mm")
    return _png(image)
