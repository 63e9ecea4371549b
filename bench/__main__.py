"""Run every benchmark module in this package (each has a ``main()``)."""

from __future__ import annotations

import importlib
import pkgutil

import bench


def run_all() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules(bench.__path__) if not m.name.startswith("_")):
        importlib.import_module(f"bench.{module}").main()


if __name__ == "__main__":
    run_all()
