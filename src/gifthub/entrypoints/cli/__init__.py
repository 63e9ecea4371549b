"""The ``gifthub`` command line."""

from gifthub.entrypoints.cli.main import main

__all__ = ["main"]
