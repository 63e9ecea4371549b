"""A sandbox certificate as a PDF (fpdf2 core fonts: Latin text only, so the English title is used)."""

from __future__ import annotations

from fpdf import FPDF


def certificate_pdf(*, title: str, face: int, currency: str, code: str, pin: str, expire_date: str) -> bytes:
    pdf = FPDF(format=(148, 210), orientation="landscape")  # A5, in millimetres
    pdf.set_title("Sandbox gift certificate")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    pdf.set_text_color(200, 0, 0)
    pdf.cell(0, 8, "SANDBOX - TEST MODE - NOT A REAL CERTIFICATE", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("Helvetica", "B", 18)
    pdf.multi_cell(0, 10, _latin(title), new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.set_font("Helvetica", "", 14)
    pdf.cell(0, 10, f"Face value: {face} {currency}", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.cell(0, 10, f"Code: {code}", new_x="LMARGIN", new_y="NEXT", align="C")
    if pin:
        pdf.cell(0, 10, f"PIN: {pin}", new_x="LMARGIN", new_y="NEXT", align="C")
    pdf.cell(0, 10, f"Valid until: {expire_date}", new_x="LMARGIN", new_y="NEXT", align="C")
    return bytes(pdf.output())


def _latin(text: str) -> str:
    return text.encode("latin-1", "replace").decode("latin-1")
