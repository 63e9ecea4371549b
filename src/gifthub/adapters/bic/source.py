"""Read an ED807 directory from a file path or an http(s) URL (the daily zip or the bare XML)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx

from gifthub.adapters.bic.ed807 import read_ed807
from gifthub.application.ports.bank_directory import DirectoryFileError, DirectorySnapshot


class Ed807Source:
    def __init__(self, timeout: float = 60.0) -> None:
        self._timeout = timeout

    async def read(self, location: str) -> DirectorySnapshot:
        if location.startswith(("http://", "https://")):
            data: bytes | Path = await self._download(location)
        else:
            data = Path(location)
            if not data.is_file():
                raise DirectoryFileError(f"no such file: {location}", field="file")
        # Parsing ~1 MB takes tens of milliseconds; a thread keeps the event loop responsive meanwhile.
        return await asyncio.to_thread(read_ed807, data)

    async def _download(self, url: str) -> bytes:
        try:
            async with httpx.AsyncClient(timeout=self._timeout, follow_redirects=True) as client:
                response = await client.get(url)
        except httpx.HTTPError as error:
            raise DirectoryFileError(f"cannot download the directory from {url}: {error}", field="file") from None
        if response.status_code != 200:
            raise DirectoryFileError(f"{url} answered HTTP {response.status_code}", field="file")
        return response.content
