"""Evaluate genre detection on the real-news dev labels: ``python -m evaluation.genre``.

Each excerpt of ``../shared/data/realnews/dev`` carries its genre (news, analysis, explainer,
opinion, press-release). The shipped detector (default configuration, the same function the
audit runs) labels each excerpt; accuracy and a confusion table are printed for all excerpts,
the tune half and the held-out half (the fixed split of :mod:`evaluation.realnews`). The
genre cues were written from general knowledge of these kinds of text and checked against the
tune half only; the held-out column is the one to quote.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from checker.core.config import Config
from checker.pipeline import analyse_file
from evaluation.realnews import DEV, split_of


def predictions(gold_dir: Path = DEV) -> list[tuple[str, str, str, float]]:
    """``(id, gold genre, predicted genre, confidence)`` per excerpt."""
    out = []
    for label in sorted(gold_dir.glob("*.json")):
        gold = json.loads(label.read_text(encoding="utf-8"))
        result = analyse_file(str(gold_dir / gold["file"]), Config())
        m = result.metrics
        out.append((label.stem, gold["genre"], m.get("genre", ""), m.get("genre_confidence", 0)))
    return out


def report(rows: list[tuple[str, str, str, float]], title: str) -> str:
    """Accuracy and the confusions of ``rows``, one block of text."""
    if not rows:
        return f"{title}: no excerpts"
    right = sum(g == p for _, g, p, _ in rows)
    confusions = Counter((g, p) for _, g, p, _ in rows if g != p)
    lines = [f"{title}: genre accuracy {right / len(rows):.2f} ({right}/{len(rows)})"]
    lines += [f"  {g} taken for {p}: {n}" for (g, p), n in sorted(confusions.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args(argv)
    if not DEV.is_dir():
        print(f"skipped genre evaluation: {DEV} not found (../shared absent)")
        return 0
    rows = predictions()
    print("Genre on real-news dev (labels: news, analysis, explainer, opinion, press-release)")
    print(report(rows, "all"))
    print(report([r for r in rows if split_of(r[0]) == "tune"], "tune half (cues checked here)"))
    print(report([r for r in rows if split_of(r[0]) == "heldout"], "held-out half"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
