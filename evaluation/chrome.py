"""Evaluate page-chrome detection (shown as not analysed): ``python -m evaluation.chrome``.

The segmenter gives every block a region; anything but body text (headings, bylines and
datelines, captions and credits, page boilerplate, reference lists) is shown as *not analysed*
and carries no finding. Two errors matter, and this prints both:

- **chrome analysed**: a line that is not article prose (labelled ``skip`` in
  ``../shared/data/realnews/dev``: headline, byline, dateline, caption, credit, navigation,
  prompts, copyright) read as body text, where rules may then report on it;
- **prose skipped**: a line of article prose (any other label) shown as not analysed, so its
  claims go unchecked.

Figures are printed for the tune half, and with ``--heldout`` for all excerpts and the held-out
half (the fixed split of :mod:`evaluation.realnews`; ask for them once, for the final figures, not
while choosing rules); ``--detail`` lists the tune half's errors only (the held-out half's lines
are never listed). A second check needs no labels: PolNeAR's articles
(``../shared/data/attribution/polnear/train`` and ``dev``, 840 and 84 US election stories) are
clean article prose,
so every sentence read as anything but body text, past each article's first block (its
headline), is prose skipped (or chrome that the corpus kept: "Follow X on Twitter"); the
count and the reasons are printed. ``--explain FILE`` lists one text's blocks that are not
analysed, each with the rule that skipped it and the blocks either side (the neighbours the
neighbour rules look at).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from checker.core.document import BODY, Document
from checker.text.loader import load_document
from evaluation.realnews import DEV, REPO, split_of

POLNEAR = REPO.parent / "shared" / "data" / "attribution" / "polnear"
POLNEAR_TRAIN = POLNEAR / "train" / "text"
POLNEAR_DEV = POLNEAR / "dev" / "text"
# the rule behind each reason a neighbour rule gives (checker.text.chrome_runs and chrome_bio)
NEIGHBOUR_RULES = {
    "embedded post": "chrome_runs._posts (a signature line after it, or a post's link)",
    "list of teasers": "chrome_runs._teasers (a run of blocks cut off with an ellipsis)",
    "related-link list": "chrome_runs._link_lists (after a list's label)",
    "list of links": "chrome_runs._link_bullets (bullets with no label: headlines, or titles "
                     "with their dates where the text ends, chrome follows or they are links)",
    "headline": "chrome_runs._headlines / _title_case_headlines (a byline after it, or headline "
                "case alone)",
    "repeated title": "chrome_runs._repeats (the same line twice in a row)",
    "caption repeating the text": "chrome_runs._repeats (the copy of a nearby paragraph's "
                                  "sentence)",
    "contributor bio": "chrome_bio (the text's last block) or chrome_runs._contributor_lines "
                       "(by the byline)",
    "trailing page chrome": "chrome_bio.mark_trailing_chrome (short blocks among the end's chrome)",
}


def _skipped(doc: Document, start: int, end: int) -> tuple[bool, str]:
    """Whether the span ``(start, end)`` of ``doc.text`` is not analysed (no body sentence
    overlaps it), and the reason the segmenter gave."""
    reasons = []
    for s in doc.sentences:
        if s.end <= start or s.start >= end:
            continue
        if s.region == BODY:
            return False, ""
        block = doc.blocks[s.block]
        reasons.append(block.reason if block.region == s.region else s.region)
    return True, reasons[0] if reasons else "outside every sentence"


def realnews_lines(gold_dir: Path = DEV) -> list[tuple[str, str, bool, str, str]]:
    """``(id, gold label, skipped, reason, text)`` for every labelled line of the excerpts."""
    rows = []
    for label in sorted(gold_dir.glob("*.json")):
        gold = json.loads(label.read_text(encoding="utf-8"))
        doc = load_document(gold_dir / gold["file"])
        pos = 0
        for s in gold["sentences"]:
            i = doc.text.find(s["text"], pos)
            if i < 0:
                i = doc.text.find(s["text"])
            if i < 0:
                continue
            pos = i + len(s["text"])
            skipped, reason = _skipped(doc, i, pos)
            rows.append((label.stem, s["label"], skipped, reason, s["text"]))
    return rows


def report(rows: list[tuple[str, str, bool, str, str]], title: str, detail: bool) -> str:
    """The two error counts of ``rows``, and with ``detail`` each error."""
    chrome = [r for r in rows if r[1] == "skip"]
    prose = [r for r in rows if r[1] != "skip"]
    missed = [r for r in chrome if not r[2]]
    wrong = [r for r in prose if r[2]]
    lines = [f"{title}: chrome analysed {len(missed)}/{len(chrome)} non-article lines; "
             f"prose skipped {len(wrong)}/{len(prose)} article lines"]
    if detail:
        lines += [f"  chrome analysed  {r[0]}: {r[4][:90]}" for r in missed]
        lines += [f"  prose skipped    {r[0]} [{r[1]}; {r[3]}]: {r[4][:80]}" for r in wrong]
    return "\n".join(lines)


def explain(path: Path) -> str:
    """Every block of one text that is not analysed: its region, the reason the segmenter
    gave, the rule behind a neighbour-told reason, and the blocks either side of it (what the
    neighbour rules look at)."""
    doc = load_document(path)
    blocks = doc.blocks

    def show(k: int) -> str:
        if not 0 <= k < len(blocks):
            return "(none)"
        b = blocks[k]
        return f"{b.region}: {doc.text[b.start:b.end].strip()[:70]!r}"

    lines = [f"{path}: {len(blocks)} blocks"]
    for k, b in enumerate(blocks):
        if b.region == BODY:
            continue
        rule = NEIGHBOUR_RULES.get(b.reason, "the block's own words or shape (segment.py)")
        lines += [f"#{k} {b.region} [{b.reason}] by {rule}",
                  f"    text:   {doc.text[b.start:b.end].strip()[:160]!r}",
                  f"    before: {show(k - 1)}", f"    after:  {show(k + 1)}"]
    return "\n".join(lines)


def polnear_check(folder: Path = POLNEAR_TRAIN, detail: bool = False, name: str = "train") -> str:
    """Lines of clean article prose (PolNeAR) shown as not analysed, past each headline."""
    files = sorted(folder.glob("*.txt"))
    if not files:
        return f"PolNeAR check skipped: {folder} not found"
    total = skipped = 0
    reasons: Counter[str] = Counter()
    examples: list[str] = []
    for f in files:
        doc = load_document(f)
        first = doc.blocks[0].index if doc.blocks else -1
        for sent in doc.sentences:
            if sent.block == first:  # the story's headline
                continue
            total += 1
            if sent.region != BODY:
                skipped += 1
                block = doc.blocks[sent.block]
                reason = block.reason if block.region == sent.region else sent.region
                reasons[reason] += 1
                if detail and len(examples) < 40:
                    examples.append(f"  {f.name[:40]} [{reason}]: {sent.text[:80]!r}")
    top = ", ".join(f"{r} {n}" for r, n in reasons.most_common(6))
    text = (f"PolNeAR {name} ({len(files)} articles of clean prose): {skipped}/{total} sentences "
            f"after the headline not analysed ({top})")
    return "\n".join([text, *examples])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--detail", action="store_true",
                        help="list the tune half's errors and PolNeAR's skipped blocks")
    parser.add_argument("--heldout", action="store_true",
                        help="also print the held-out half's counts (for the final report only)")
    parser.add_argument("--explain", type=Path, metavar="FILE", action="append",
                        help="list one text's blocks that are not analysed, each with the rule "
                             "that skipped it and its neighbours (repeatable); nothing else")
    args = parser.parse_args(argv)
    if args.explain:
        for path in args.explain:
            if not path.is_file():
                print(f"error: {path}: no such file", file=sys.stderr)
                return 2
            print(explain(path))
        return 0
    if not DEV.is_dir():
        print(f"skipped page-chrome evaluation: {DEV} not found (../shared absent)")
        return 0
    rows = realnews_lines()
    print("Page chrome on real-news dev (lines labelled skip = not article prose)")
    print(report([r for r in rows if split_of(r[0]) == "tune"], "tune half", args.detail))
    if args.heldout:
        print(report(rows, "all", False))
        print(report([r for r in rows if split_of(r[0]) == "heldout"], "held-out half", False))
    print(polnear_check(detail=args.detail))
    print(polnear_check(POLNEAR_DEV, detail=args.detail, name="dev"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
