"""Test helpers for rule families: run one through a wrapper (to make it fail, stall or hog
memory on chosen articles) for the length of a test; run the attribution or hedging family
(after the families it reads) on a text."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

import rules
from checker.core.analysis import Analysis
from checker.core.config import Config
from checker.text.loader import document_from_text
from rules import attribution, footnotes, hedging

Run = Callable[[Analysis], None]


def wrap_family(monkeypatch: pytest.MonkeyPatch, family: str, wrap: Callable[[Run], Run]) -> None:
    """Replace rule family ``family``'s ``run`` with ``wrap(run)`` (``rules.FAMILIES`` is
    restored when the test ends)."""
    fams = tuple(
        dataclasses.replace(f, run=wrap(f.run)) if f.name == family else f for f in rules.FAMILIES
    )
    monkeypatch.setattr(rules, "FAMILIES", fams)


def analyse_attribution(text: str, fmt: str = "text", path: str = "t.txt") -> Analysis:
    """``text`` read as the file ``path`` in format ``fmt``, then the footnotes family (whose
    source list attribution reads) and the attribution family run on it, as in the pipeline."""
    doc = document_from_text(text, path=path, fmt=fmt)
    an = Analysis(doc=doc, config=Config())
    footnotes.run(an)
    attribution.run(an)
    return an


def analyse_hedging(text: str, config: Config | None = None) -> Analysis:
    """``text`` read as a plain-text file, then the families hedging reads (footnotes,
    attribution) and hedging itself run on it, as in the pipeline."""
    doc = document_from_text(text, path="t.txt")
    an = Analysis(doc, config or Config())
    footnotes.run(an)
    attribution.run(an)
    hedging.run(an)
    return an


def hedge_findings(text: str) -> list[str]:
    """The texts of the HDG001 findings of ``text`` read as a one-paragraph article (a
    final newline added)."""
    an = analyse_hedging(text + "\n")
    return [an.doc.text[f.start : f.end] for f in an.findings if f.code == "HDG001"]
