"""Email use cases: render a requested email in the recipient's language and send it once."""
