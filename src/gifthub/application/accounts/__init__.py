"""Cabinets, projects and the money ledger."""
