"""Kontur.Focus: the company registry adapter and a wire-level emulator of its ``/api3/req``."""
