"""Run every benchmark module in this package (each has ``main()``) and print its figures."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def run_all() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module.startswith("_"):
            continue
        loaded = importlib.import_module(f"bench.{module}")
        if hasattr(loaded, "main"):
            print(f"== bench.{module}")
            loaded.main()


if __name__ == "__main__":
    run_all()
