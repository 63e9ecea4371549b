"""Real components for tests: skipped locally when missing, a failure when CI=true."""

from __future__ import annotations

import os

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(component: str, reason: object) -> None:
    message = f"{component} is not available: {reason}"
    if IN_CI:
        pytest.fail(f"{message} (required when CI=true)", pytrace=False)
    pytest.skip(message)
