"""Who is cited, row by row, on PolNeAR: ``python -m evaluation.source_rows --split train``.

Each article is audited as a user's plain-text file would be (``checker.article.audit_article``,
the whole pipeline) and its ``sources`` rows (the "Who is cited" table, ``sources.csv``) are
compared with PolNeAR's gold ``Source`` spans (one annotator per article,
``evaluation/polnear.py``), by character overlap:

- **precision**: the share of source rows whose span overlaps a gold source span;
- **recall**: the share of distinct gold source spans that some source row overlaps.

PolNeAR marks the source of every attribution, beliefs and sentiments included ("he likes",
"we mocked"), and of headlines too, which the tool does not analyse; recall is therefore
bounded well below 1 and is best read as a before/after figure. PolNeAR has no source
kinds: ``--csv FILE`` writes every row (gold match, name, kind, cue, sentence) for an editor
to judge the kinds by hand.

The sample is fixed by the article names (``crc32(name) % 1000``, sorted), so that a
``--skip N`` sample is disjoint from the first one: ``--sample 40`` is the audited sample,
``--skip 40 --sample 40`` a fresh one. ``--detail`` prints every wrong row and every missed
gold source of a **train** sample (refused for ``dev``: dev is for figures only).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from evaluation import f1 as f1_score
from evaluation.polnear import Article, available, load_split

Span = tuple[int, int]


@dataclass
class RowScore:
    """Counts of one sample: source rows, the rows that hit gold, gold spans found."""

    rows: int = 0
    rows_hit: int = 0
    gold: int = 0
    gold_hit: int = 0
    wrong: list[dict[str, object]] = field(default_factory=list)
    missed: list[dict[str, object]] = field(default_factory=list)
    table: list[dict[str, object]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.rows_hit / self.rows if self.rows else 0.0

    @property
    def recall(self) -> float:
        return self.gold_hit / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1_score(self.precision, self.recall)


def sample(articles: Sequence[Article], n: int, skip: int = 0) -> list[Article]:
    """``n`` articles after the first ``skip`` in a fixed order that does not read the text
    (crc32 of the article name, then the name)."""
    order = sorted(articles, key=lambda a: (zlib.crc32(a.name.encode()) % 1000, a.name))
    return order[skip:skip + n] if n else order[skip:]


def gold_sources(art: Article) -> list[Span]:
    """The distinct gold source spans of an article (a discontinuous source as its hull)."""
    spans = {(src[0][0], src[-1][1]) for src in (g.source for g in art.attributions) if src}
    return sorted(spans)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def tool_rows(art: Article) -> list[dict[str, object]]:
    """The article's ``sources`` rows as the whole tool reports them."""
    from checker.article import audit_article
    from checker.text.tabular import ArticleInput

    item = ArticleInput(art.name, art.name, f"{art.name}.txt", art.text, "text")
    return list(audit_article(item).to_dict()["sources"])


def _sentence_of(text: str, a: int, b: int) -> str:
    """The line around a span, shortened, for reading."""
    lo = max(text.rfind("\n", 0, a) + 1, a - 160)
    hi = text.find("\n", b)
    hi = min(hi if hi >= 0 else len(text), b + 160)
    return " ".join(text[lo:hi].split())


def score_article(art: Article, score: RowScore) -> None:
    """Add one article's rows and gold spans to ``score``."""
    gold = gold_sources(art)
    rows = tool_rows(art)
    found = [False] * len(gold)
    for row in rows:
        span = (int(row["start"]), int(row["end"]))  # type: ignore[call-overload]
        hits = [i for i, g in enumerate(gold) if _overlaps(span, g)]
        for i in hits:
            found[i] = True
        score.rows += 1
        score.rows_hit += bool(hits)
        rec = {"article": art.name, "start": span[0], "end": span[1],
               "span": art.text[span[0]:span[1]], "name": row.get("name", ""),
               "kind": row.get("kind", ""), "role": row.get("role", ""),
               "cue": row.get("cue", ""), "gold": bool(hits),
               "gold_span": art.text[gold[hits[0]][0]:gold[hits[0]][1]] if hits else "",
               "sentence": _sentence_of(art.text, *span)}
        score.table.append(rec)
        if not hits:
            score.wrong.append(rec)
    score.gold += len(gold)
    score.gold_hit += sum(found)
    for g, hit in zip(gold, found, strict=True):
        if not hit:
            score.missed.append({"article": art.name, "span": art.text[g[0]:g[1]],
                                 "sentence": _sentence_of(art.text, *g)})


def evaluate(articles: Sequence[Article]) -> RowScore:
    """Source-row precision and recall over ``articles``."""
    score = RowScore()
    for art in articles:
        score_article(art, score)
    return score


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train", choices=("train", "dev"))
    ap.add_argument("--sample", type=int, default=40, help="articles (0: all)")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N of the order")
    ap.add_argument("--detail", action="store_true",
                    help="print every wrong row and missed gold source (train only)")
    ap.add_argument("--csv", help="write every source row to this CSV file (train only)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if not available():
        print("PolNeAR not found under ../shared/data/attribution/polnear; nothing to evaluate",
              file=sys.stderr)
        return 2
    if args.split == "dev" and (args.detail or args.csv):
        print("--detail and --csv are for the train split only: dev gives figures",
              file=sys.stderr)
        return 2
    arts = sample(load_split(args.split), args.sample, args.skip)
    score = evaluate(arts)
    figures = {"split": args.split, "articles": len(arts), "rows": score.rows,
               "gold": score.gold, "precision": round(score.precision, 3),
               "recall": round(score.recall, 3), "f1": round(score.f1, 3)}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"PolNeAR {args.split}, {len(arts)} articles: source rows P={score.precision:.3f} "
              f"R={score.recall:.3f} F1={score.f1:.3f} "
              f"(rows {score.rows_hit}/{score.rows}, gold found {score.gold_hit}/{score.gold})")
    if args.detail:
        for w in score.wrong:
            print(f"  wrong  {w['article'][:40]} {w['span']!r} -> {w['name']!r} "
                  f"({w['kind']}, cue {w['cue']!r}) | {w['sentence']}")
        for m in score.missed:
            print(f"  missed {m['article'][:40]} {m['span']!r} | {m['sentence']}")
    if args.csv:
        with open(args.csv, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(score.table[0]) if score.table else
                                    ["article"])
            writer.writeheader()
            writer.writerows(score.table)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
