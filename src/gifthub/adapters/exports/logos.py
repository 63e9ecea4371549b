"""Brand logos over HTTP: each URL fetched once, in parallel, never failing the document for one logo."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import httpx

log = logging.getLogger("gifthub.exports.logos")

MAX_LOGO_BYTES = 512 * 1024


class LogoFetcher:
    def __init__(self, timeout: float = 3.0, workers: int = 8) -> None:
        self._timeout, self._workers = timeout, workers

    def fetch_all(self, urls: Iterable[str]) -> dict[str, bytes]:
        """URL -> SVG bytes for the logos that came; the rest are simply absent (a placeholder is drawn)."""
        wanted = sorted({u for u in urls if u.startswith(("http://", "https://"))})
        if not wanted:
            return {}
        dead_hosts: set[str] = set()  # a host that refused a connection is not asked 2,000 more times
        lock = threading.Lock()
        with httpx.Client(timeout=self._timeout, follow_redirects=True) as client:

            def one(url: str) -> tuple[str, bytes | None]:
                host = urlsplit(url).netloc
                with lock:
                    if host in dead_hosts:
                        return url, None
                try:
                    response = client.get(url)
                except httpx.TransportError as error:
                    with lock:
                        dead_hosts.add(host)
                    log.info("logo host %s unreachable: %s", host, type(error).__name__)
                    return url, None
                body = response.content
                if response.status_code != 200 or len(body) > MAX_LOGO_BYTES or b"<svg" not in body[:2048]:
                    return url, None
                return url, body

            with ThreadPoolExecutor(self._workers) as pool:
                return {url: body for url, body in pool.map(one, wanted) if body is not None}
