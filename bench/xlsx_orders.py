"""XLSX order lists of 10,000 and 50,000 rows: upload to a validated draft order (SQLite), versus a bare
openpyxl read-only pass over the same file in the same run. Time and peak Python memory (tracemalloc).
Targets: 50,000 rows under 10 s and within 3x the bare read."""

from __future__ import annotations

import asyncio
import tempfile
import time
import tracemalloc
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from tests.orders.conftest import FakePorts
from tests.orders.fakes import FakeGiftery, FakePricing, sample_catalog
from tests.orders.xlsx_files import big_xlsx

from gifthub.adapters.persistence.engine import create_engine
from gifthub.adapters.persistence.migrator import upgrade
from gifthub.application.accounts.create_cabinet import CreateCabinet, CreateCabinetCommand
from gifthub.application.accounts.create_project import CreateProject, CreateProjectCommand
from gifthub.application.ordering.upload_xlsx_order import UploadXlsxOrder, UploadXlsxOrderCommand
from gifthub.config import Settings
from gifthub.domain.identity import Principal
from gifthub.domain.region import Region
from gifthub.ioc import make_container

SIZES = (10_000, 50_000)
ADMIN = Principal.staff("bench")


def measure(function):
    """Time one run without tracing (tracemalloc slows Python code several times), then take the
    peak memory of a second, traced run."""
    started, cpu_started = time.perf_counter(), time.process_time()
    result = function()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    tracemalloc.start()
    function()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak, cpu


def bare_read(content: bytes) -> int:
    workbook = load_workbook(BytesIO(content), read_only=True)
    count = sum(1 for _ in workbook.worksheets[0].iter_rows(values_only=True))
    workbook.close()
    return count


async def _upload(container, content: bytes):
    async with container() as request:
        cabinet = await (await request.get(CreateCabinet)).execute(ADMIN, CreateCabinetCommand("Bench"))
    async with container() as request:
        command = CreateProjectCommand(cabinet.id, "Bench", Region.RU)
        project = await (await request.get(CreateProject)).execute(ADMIN, command)
    async with container() as request:
        use_case = await request.get(UploadXlsxOrder)
        return await use_case.execute(ADMIN, UploadXlsxOrderCommand(project.id, content, accept=True))


def upload(content: bytes, data_dir: Path):
    async def run():
        url = f"sqlite:///{data_dir / 'bench.db'}"
        engine = create_engine(url)
        await upgrade(engine)
        await engine.dispose()
        settings = Settings(data_dir=data_dir, database_url=url, admin_token="bench-token-0123456789")
        container = make_container(settings, FakePorts(sample_catalog(), FakePricing("2.5"), FakeGiftery()))
        try:
            return await _upload(container, content)
        finally:
            await container.close()

    return asyncio.run(run())


def main() -> None:
    for size in SIZES:
        content = big_xlsx(size)
        rows, bare_time, bare_peak, bare_cpu = measure(lambda c=content: bare_read(c))
        with tempfile.TemporaryDirectory(prefix="gifthub-bench-xlsx-") as tmp:
            runs = iter(range(2))
            # Each run gets its own database: the second must not be a replay of the first file.
            outcome, time_full, peak_full, cpu_full = measure(
                lambda c=content, d=Path(tmp), r=runs: upload(c, d / str(next(r)))
            )
        assert outcome.check.valid_rows == size and outcome.order.certificate_count == size, "not every row made it"
        ratio = time_full / bare_time
        # CPU seconds beside the wall clock: on a shared machine the wall clock mostly measures the neighbours.
        print(
            f"{size:>6} rows ({len(content) / 1e6:.1f} MB): upload to validated draft {time_full:6.2f} s "
            f"(cpu {cpu_full:5.2f} s), peak {peak_full / 1e6:6.1f} MB | bare openpyxl read-only {bare_time:6.2f} s "
            f"(cpu {bare_cpu:5.2f} s, {rows} rows), peak {bare_peak / 1e6:5.1f} MB | ratio {ratio:.2f}x"
        )
        if size == 50_000:
            verdict = "OK" if time_full < 10 and ratio <= 3 else "MISSED"
            print(f"target 50,000 rows < 10 s and <= 3x bare read: {verdict}")


if __name__ == "__main__":
    main()
