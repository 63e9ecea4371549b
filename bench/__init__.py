"""Benchmarks: ``make bench`` runs each with its baseline in the same run."""
