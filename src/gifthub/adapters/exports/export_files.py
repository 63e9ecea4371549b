"""Finished export files on disk under ``<data_dir>/exports/<id>``.

Why disk and not the database: a whole-catalog PDF runs to megabytes; kept out of the DB it does not
bloat backups or the row the poller reads every second, and it is written once and read as a whole.
The row records name and size; a multi-instance deployment points data_dir at a shared volume.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from uuid import UUID


class DiskExportFiles:
    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def _path(self, export_id: UUID) -> Path:
        return self._directory / export_id.hex

    async def write(self, export_id: UUID, data: bytes) -> None:
        await asyncio.to_thread(self._write, self._path(export_id), data)

    async def read(self, export_id: UUID) -> bytes | None:
        path = self._path(export_id)
        return await asyncio.to_thread(path.read_bytes) if path.exists() else None

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.write_bytes(data)
        os.replace(partial, path)  # a reader never sees half a file
