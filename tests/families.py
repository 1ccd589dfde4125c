"""Test helper: run one rule family through a wrapper (to make it fail, stall or hog memory
on chosen articles) for the length of a test."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

import rules
from checker.core.analysis import Analysis

Run = Callable[[Analysis], None]


def wrap_family(monkeypatch: pytest.MonkeyPatch, family: str, wrap: Callable[[Run], Run]) -> None:
    """Replace rule family ``family``'s ``run`` with ``wrap(run)`` (``rules.FAMILIES`` is
    restored when the test ends)."""
    fams = tuple(
        dataclasses.replace(f, run=wrap(f.run)) if f.name == family else f for f in rules.FAMILIES
    )
    monkeypatch.setattr(rules, "FAMILIES", fams)
