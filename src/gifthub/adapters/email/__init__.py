"""Email: jinja2 templates (HTML + text, ru/en), the SMTP adapter and the local mailbox of ``make run``."""
