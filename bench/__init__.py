"""Benchmarks with their baselines in the same run: ``make bench`` or ``python -m bench.<name>``."""
