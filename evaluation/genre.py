"""Evaluate genre detection on the real-news dev labels: ``python -m evaluation.genre``.

Each excerpt of ``../shared/data/realnews/dev`` carries its genre (news, analysis, explainer,
opinion, press-release). The shipped detector (default configuration, the same function the
audit runs) labels each excerpt; accuracy and a confusion table are printed for all excerpts,
the tune half and the held-out half (the fixed split of :mod:`evaluation.realnews`), with the
mean confidence of the right and of the wrong answers (a calibrated detector is less sure when
it is wrong). The genre cues were written from general knowledge of these kinds of text and
checked against the tune half only; the held-out column is the one to quote. The tune half is
printed by default; ``--heldout`` adds all excerpts and the held-out half (ask for them once,
for the final figures, not while choosing cues).

A second, weakly labelled check needs no genre labels: the PolNeAR dev articles
(``../shared/data/attribution/polnear/dev``: 84 US election stories from several outlets,
mostly news, with some columns and readers' letters) should read mostly as news; the share
read as each genre is printed.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from checker.core.config import Config
from checker.pipeline import analyse_file
from evaluation.realnews import DEV, REPO, split_of

POLNEAR_DEV = REPO.parent / "shared" / "data" / "attribution" / "polnear" / "dev" / "text"


def predictions(gold_dir: Path = DEV) -> list[tuple[str, str, str, float]]:
    """``(id, gold genre, predicted genre, confidence)`` per excerpt."""
    out = []
    for label in sorted(gold_dir.glob("*.json")):
        gold = json.loads(label.read_text(encoding="utf-8"))
        result = analyse_file(str(gold_dir / gold["file"]), Config())
        m = result.metrics
        out.append((label.stem, gold["genre"], m.get("genre", ""), m.get("genre_confidence", 0)))
    return out


def _mean(values: list[float]) -> str:
    return f"{sum(values) / len(values):.2f}" if values else "-"


def report(rows: list[tuple[str, str, str, float]], title: str) -> str:
    """Accuracy and the confusions of ``rows``, one block of text."""
    if not rows:
        return f"{title}: no excerpts"
    right = sum(g == p for _, g, p, _ in rows)
    confusions = Counter((g, p) for _, g, p, _ in rows if g != p)
    conf_right = [c for _, g, p, c in rows if g == p]
    conf_wrong = [c for _, g, p, c in rows if g != p]
    lines = [f"{title}: genre accuracy {right / len(rows):.2f} ({right}/{len(rows)}); "
             f"mean confidence right {_mean(conf_right)}, wrong {_mean(conf_wrong)}"]
    lines += [f"  {g} taken for {p}: {n}" for (g, p), n in sorted(confusions.items())]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--heldout", action="store_true",
                        help="also print all excerpts and the held-out half (final report only)")
    args = parser.parse_args(argv)
    if not DEV.is_dir():
        print(f"skipped genre evaluation: {DEV} not found (../shared absent)")
        return 0
    rows = predictions()
    print("Genre on real-news dev (labels: news, analysis, explainer, opinion, press-release)")
    print(report([r for r in rows if split_of(r[0]) == "tune"], "tune half (cues checked here)"))
    if args.heldout:
        print(report(rows, "all"))
        print(report([r for r in rows if split_of(r[0]) == "heldout"], "held-out half"))
    print(weak_check())
    return 0


def weak_check(folder: Path = POLNEAR_DEV) -> str:
    """The share of PolNeAR dev articles (mostly news) read as each genre, one line."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        return f"weak check skipped: {folder} not found"
    found = Counter(analyse_file(str(f), Config()).metrics.get("genre", "") for f in files)
    shares = ", ".join(f"{g} {n / len(files):.2f}" for g, n in found.most_common())
    return f"PolNeAR dev ({len(files)} election articles, mostly news; no genre labels): {shares}"


if __name__ == "__main__":
    raise SystemExit(main())
