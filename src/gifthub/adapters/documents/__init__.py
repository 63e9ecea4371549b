"""Printable documents: invoice offers (PDF), amounts in words, payment QR codes."""
