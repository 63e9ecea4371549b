"""Benchmarks: each module has ``main()`` that prints its figures and a ratio against a baseline
measured in the same run. ``make bench`` runs them all; ``python -m bench NAME`` runs one."""
