"""Benchmarks with their baselines: ``make bench`` (python -m bench)."""
