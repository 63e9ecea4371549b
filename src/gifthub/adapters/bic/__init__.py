"""The Bank of Russia BIC directory: ED807 parsing, the bundled sample, storage and scheduled refresh."""

from pathlib import Path

SAMPLE_PATH = Path(__file__).with_name("sample_ed807.xml")
