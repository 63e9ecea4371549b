"""ED807 import of a full-size directory (generated to the real format) against a bare-iterparse baseline.

Run: ``uv run --frozen python -m bench.bic_import`` (part of ``make bench``). Target: a full import < 5 s.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from gifthub.adapters.bic.ed807 import read_ed807
from gifthub.adapters.bic.generator import SAMPLE_DAY, ed807_xml, full_size
from gifthub.adapters.bic.source import Ed807Source
from gifthub.adapters.persistence.engine import create_engine, session_factory
from gifthub.adapters.persistence.migrator import upgrade
from gifthub.adapters.persistence.repositories.bank_directory import SqlBankDirectory

ENTRIES = 1200
TARGET_SECONDS = 5.0


def baseline(path: Path) -> int:
    """The least any parser must do: stream the file and touch every directory entry."""
    count = 0
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag.endswith("BICDirectoryEntry"):
            count += 1
            element.clear()
    return count


async def full_import(path: Path, database_url: str) -> tuple[int, float]:
    """Parse and swap the directory in (the schema is migrated before the clock starts)."""
    engine = create_engine(database_url)
    try:
        await upgrade(engine)
        directory = SqlBankDirectory(session_factory(engine))
        started = time.perf_counter()
        snapshot = await Ed807Source().read(str(path))
        await directory.replace(snapshot, source=str(path))
        elapsed = time.perf_counter() - started
        return await directory.count(), elapsed
    finally:
        await engine.dispose()


def _timed(run):
    started = time.perf_counter()
    result = run()
    return result, time.perf_counter() - started


def main() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "20261120_ED807_full.xml"
        path.write_bytes(ed807_xml(full_size(ENTRIES), SAMPLE_DAY))
        size_kb = path.stat().st_size / 1024
        counted, base = _timed(lambda: baseline(path))
        parsed, parse = _timed(lambda: len(read_ed807(path).banks))
        stored, total = asyncio.run(full_import(path, f"sqlite:///{tmp}/bench.db"))
    assert counted == parsed == stored == ENTRIES
    print(f"ED807 import, {ENTRIES} participants, {size_kb:.0f} KB windows-1251:")
    print(f"  baseline  bare ElementTree.iterparse           {base * 1000:8.1f} ms")
    print(f"  parse     validating expat parser              {parse * 1000:8.1f} ms ({parse / base:.1f}x baseline)")
    print(f"  import    parse + atomic replace in SQLite     {total * 1000:8.1f} ms (target < {TARGET_SECONDS:.0f} s)")
    print(f"  {'PASS' if total < TARGET_SECONDS else 'FAIL'}")
    return {"baseline": base, "parse": parse, "import": total, "size_kb": size_kb}


if __name__ == "__main__":
    main()
