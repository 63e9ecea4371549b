"""Generated SVG logos for sandbox brands: initials on the brand's colour, marked SANDBOX."""

from __future__ import annotations

from html import escape


def logo_svg(name: str, color: str) -> str:
    initials = "".join(word[0] for word in name.split()[:2]).upper() or "?"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160">'
        f'<rect width="240" height="160" rx="16" fill="{escape(color)}"/>'
        f'<text x="120" y="92" font-family="sans-serif" font-size="56" fill="#fff" text-anchor="middle">'
        f"{escape(initials)}</text>"
        '<text x="120" y="140" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">'
        f"{escape(name)} · SANDBOX</text></svg>"
    )
