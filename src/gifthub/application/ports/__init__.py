"""Ports: one Protocol per file, implemented by adapters."""
