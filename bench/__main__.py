"""Run every benchmark module in this folder (or the ones named on the command line)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

SKIP = {"common", "baseline_app"}


def main() -> int:
    wanted = set(sys.argv[1:])
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name not in SKIP and not m.name.startswith("_")
    )
    failures = 0
    for name in names:
        if wanted and name not in wanted:
            continue
        print(f"\n=== bench/{name}.py", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception as error:  # noqa: BLE001 - report and go on with the other benchmarks
            failures += 1
            print(f"FAILED: {type(error).__name__}: {error}")
        print(f"--- {name} took {time.perf_counter() - started:.1f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
