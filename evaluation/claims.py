"""Evaluate the committed claim model: ``python -m evaluation.claims``.

First the side-by-side table the model was chosen by (cross-source validation, recorded in
the model JSON by ``python -m training.train_claims --select``; ``--recompute`` refits and
recomputes it here): debates -> real-news tune half, real-news tune half -> debates, news CV
by excerpt, 5-fold CV on CheckThat! 2024 train, and CheckThat! 2024 dev scored live. Then
claim-vs-not F1 on the real-news *held-out* half (never trained on, never read; scored
here only). Then F1 of the positive class (at threshold 0.5 and at the model's news
threshold), precision, recall, ROC-AUC and average precision on

* CheckThat! 2024 English dev (../shared/data; never trained on: the trainer
  removes it by normalised text, and this script re-checks that),
* our own news-style sentences, ``tests/fixtures/claims_news.jsonl`` (written by
  the project, one reason per label),
* optionally a privately labelled sample of PolNeAR dev sentences kept outside the
  repository (``--private FILE``, default ``../claims_polnear_dev.jsonl``), since
  PolNeAR text may not be redistributed,

with the published reference point beside the figures.

``--polnear`` adds an audit of real news with labelled attribution: every PolNeAR article
(``train``: read while the context rules were written; ``dev``: never read) goes through the
whole analysis, and a sentence that the tool reports as an unsourced claim although at least
half of it lies inside a gold attribution (content, source or cue) is counted as a false
hit of the *unsourced* decision. PolNeAR marks attribution broadly (also what a person
wants, plans or does by speaking), so the share is an upper bound, not an exact precision
loss; it shows which way a change moves the flags on thousands of news sentences. The
sentences the context rules exempt are counted by reason.

``--no-heldout`` leaves out the real-news held-out half (so that working runs never print
it). ``--transfer`` prints the transfer analysis of :func:`training.cross_source.transfer_table`
(both directions, three feature sets, with and without class balancing) and the size control
of :func:`training.cross_source.size_control` (why news -> debates is low).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from rules.claims.model import DEFAULT_MODEL_PATH, load_model_file
from rules.claims.training import binary_metrics
from training.train_claims import (
    CT24_DEV,
    NEWS_FIXTURE,
    REPO,
    Example,
    normalise,
    read_ct24,
    read_news_fixture,
    training_set,
)

PRIVATE_DEFAULT = REPO.parent / "claims_polnear_dev.jsonl"
REFERENCE = "CheckThat! 2024 English check-worthiness winner (an LLM, test set): F1 about 0.80"


def _read_jsonl(path: Path) -> list[Example]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(Example(r["text"], int(r["label"]), path.stem))
    return out


def read_realnews_heldout() -> list[Example]:
    """Claim (sourced/unsourced) vs not_claim sentences of the real-news held-out half:
    scored here, never trained on, never read for errors."""
    from training.claim_sources import CLAIM_LABELS, REALNEWS_DEV, realnews_split

    out = []
    for path in sorted(REALNEWS_DEV.glob("*.json")) if REALNEWS_DEV.is_dir() else []:
        if realnews_split(path.stem) == "heldout":
            for s in json.loads(path.read_text(encoding="utf-8"))["sentences"]:
                if s["label"] in CLAIM_LABELS:
                    out.append(Example(s["text"], CLAIM_LABELS[s["label"]], "realnews_heldout"))
    return out


CROSS_SOURCE_TARGET = 0.70  # issue 14: cross-source F1, each direction
_ROWS = (
    ("debates_to_news", "cross-source: debates -> real-news tune half"),
    ("news_to_debates", "cross-source: real-news tune half -> debates"),
    ("news_and_own_to_debates", "  the same, tune half + own-written news sentences"),
    ("news_cv", "news CV: 4 folds by excerpt (debates + other folds)"),
    ("cv5_ct24_train", "5-fold CV on CheckThat! 2024 train"),
    ("cv5_ct24_train_at_news_threshold", "  the same at the news threshold"),
    ("cv5_ct24_train_transcript_threshold_nested",
     "  the same at the transcript threshold (nested CV)"),
)


def cross_source_table(model: object, meta: dict, recompute: bool) -> None:
    """Print the figures the model was chosen by, with CT24 dev scored live beside them."""
    metrics = dict(meta.get("metrics", {}))
    if recompute:
        import numpy as np

        from training.claim_sources import debate_and_news
        from training.cross_source import report

        debates, news, _ = debate_and_news()
        params = {k: v for k, v in model.get_params().items()  # type: ignore[attr-defined]
                  if k not in ("random_state",)}
        fresh, _ = report(params, float(meta["training_data"]["news_weight"]),
                          [e.text for e in debates], np.array([e.label for e in debates]),
                          [e.text for e in news], np.array([e.label for e in news]),
                          [e.article for e in news])
        metrics.update(fresh)
    origin = "recomputed now" if recompute else "from the model JSON, computed at training"
    print(f"\nCross-source validation ({origin}); F1 at threshold 0.5")
    print(f"{'measure':<60} {'n':>5} {'pos':>4} {'F1':>6} {'P':>6} {'R':>6} {'AUC':>6}")
    for key, title in _ROWS:
        m = metrics.get(key)
        if m:
            print(f"{title:<60} {m['n']:>5} {m['positives']:>4} {m['f1']:>6.3f} "
                  f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['roc_auc']:>6.3f}")
    ways = [metrics[k]["f1"] for k in ("debates_to_news", "news_to_debates") if k in metrics]
    if len(ways) == 2:
        met = " and ".join("met" if f >= CROSS_SOURCE_TARGET else "NOT met" for f in ways)
        print(f"{'cross-source target F1 >= 0.70 (debates -> news, news -> debates)':<60} "
              f"{met}; mean of both ways {sum(ways) / 2:.3f}")
    if CT24_DEV.is_file():
        dev = read_ct24(CT24_DEV)
        m = binary_metrics([e.label for e in dev],
                           model.predict_proba([e.text for e in dev])[:, 1])  # type: ignore[attr-defined]
        print(f"{'CheckThat! 2024 dev (held out, scored now)':<60} {m['n']:>5} "
              f"{m['positives']:>4} {m['f1']:>6.3f} {m['precision']:>6.3f} "
              f"{m['recall']:>6.3f} {m['roc_auc']:>6.3f}")


def polnear_audit(split: str, limit: int | None = None,
                  dump: list[dict[str, object]] | None = None) -> dict[str, object]:
    """Unsourced-claim flags of the whole analysis on PolNeAR ``split`` against its gold
    attribution (see the module docstring); empty when PolNeAR is absent. Each flag is
    appended to ``dump`` (article, sentence index, text, probability, whether it lies inside
    gold attribution) when a list is given, for reading the errors of the train split."""
    from collections import Counter

    from checker.core.config import Config
    from checker.pipeline import run_rules
    from checker.text.loader import document_from_text
    from evaluation.polnear import available, load_split
    from rules.claims import claim_genre, quotation_spans, threshold_for
    from rules.claims.context import exemption

    if not available():
        return {}
    config = Config()
    from rules.claims.scorer import load_scorer

    threshold = threshold_for(config, load_scorer())
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for article in load_split(split)[:limit]:
        analysis = run_rules(document_from_text(article.text, path=article.name), config)
        gold = [p for g in article.attributions for p in (*g.content, *g.source, *g.cue)]
        flagged = {f.sentence for f in analysis.findings if f.code == "CLM001"}
        quotes = quotation_spans(analysis)
        genre = claim_genre(analysis, quotes)
        counts["articles"] += 1
        previous = ""
        for s in analysis.body_sentences():
            covered = sum(max(0, min(s.end, b) - max(s.start, a)) for a, b in gold)
            attributed = covered >= 0.5 * max(1, s.end - s.start)
            prob = analysis.claim_prob[s.index] or 0.0
            counts["sentences"] += 1
            counts["gold_attributed"] += attributed
            counts["flagged"] += s.index in flagged
            counts["flagged_gold_attributed"] += s.index in flagged and attributed
            if dump is not None and s.index in flagged:
                cues = [article.text[a:b] for g in article.attributions for a, b in g.cue
                        if s.start <= a < s.end]
                dump.append({"split": split, "article": article.name, "sentence": s.index,
                             "inside_gold": attributed, "prob": round(prob, 3), "cues": cues,
                             "genre": analysis.genre, "previous": previous, "text": s.text})
            previous = s.text
            if prob >= threshold and not analysis.is_claim[s.index]:
                reasons[exemption(s.text, s.start, genre, quotes) or "other"] += 1
    return {"split": split, **counts, "exempted": dict(reasons.most_common())}


def _print_polnear(limit: int | None, splits: tuple[str, ...] = ("train", "dev"),
                   dump: Path | None = None) -> None:
    print("\nPolNeAR audit: unsourced-claim flags inside gold attribution (lower is better)")
    flags: list[dict[str, object]] = []
    for split in splits:
        r = polnear_audit(split, limit, flags if dump else None)
        if not r:
            print("skipped PolNeAR audit: ../shared/data/attribution/polnear not found")
            return
        flagged = int(r["flagged"])  # type: ignore[call-overload]
        inside = int(r["flagged_gold_attributed"])  # type: ignore[call-overload]
        print(f"{split:<6} {r['articles']} articles, {r['sentences']} sentences: "
              f"{flagged} flagged unsourced ({flagged / max(1, int(r['sentences'])):.1%}), "  # type: ignore[call-overload]
              f"{inside} of them inside gold attribution ({inside / max(1, flagged):.1%})")
        print(f"       exempted by the context rules: {r['exempted']}")
    if dump:
        dump.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in flags),
                        encoding="utf-8")
        print(f"       {len(flags)} flags written to {dump}")


def _print_transfer() -> None:
    import numpy as np

    from training.claim_sources import debate_and_news
    from training.cross_source import transfer_table

    debates, news, _ = debate_and_news()
    if not news:
        print("skipped transfer analysis: real-news labels not found")
        return
    dy = np.array([e.label for e in debates])
    rows = transfer_table([e.text for e in debates], dy, [e.text for e in news],
                          np.array([e.label for e in news]))
    print("\nTransfer analysis (logistic regression, C = 1; F1 / AUC at 0.5)")
    print(f"{'features':<22} {'balanced':>8} {'news->debates':>14} {'AUC':>6} "
          f"{'debates->news':>14} {'AUC':>6}")
    for r in rows:
        nd, dn = r["news_to_debates"], r["debates_to_news"]
        print(f"{r['features']:<22} {'yes' if r['balanced'] else 'no':>8} {nd['f1']:>14.3f} "
              f"{nd['roc_auc']:>6.3f} {dn['f1']:>14.3f} {dn['roc_auc']:>6.3f}")
    base = 2 * dy.mean() / (1 + dy.mean())
    print(f"calling every debate sentence a claim: F1 {base:.3f}")
    _print_size_control(debates, news)


def _print_size_control(debates: list, news: list) -> None:
    """Print :func:`training.cross_source.size_control` for the committed model's recipe."""
    import numpy as np

    from training.cross_source import size_control

    params = load_model_file(DEFAULT_MODEL_PATH).get_params()
    rows = size_control([e.text for e in debates], np.array([e.label for e in debates]),
                        [e.text for e in news], np.array([e.label for e in news]), params)
    print("\nWhy news -> debates is low: size, share of claims or domain? (the model's "
          "features, C and class weighting, no calibration; scored on the debates not fitted on)")
    print(f"{'trained on':<36} {'n':>6} {'claims':>7} {'F1@0.5':>7} {'best F1':>8} {'AUC':>6}")
    for r in rows:
        print(f"{r['trained_on']:<36} {r['n']:>6} {r['share_of_claims']:>7.2f} "
              f"{r['f1']:>7.3f} {r['best_f1']:>8.3f} {r['roc_auc']:>6.3f}")
    print("best F1 = the best over all thresholds (an upper bound for any threshold choice)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Evaluate the claim model.")
    ap.add_argument("--model", default=str(DEFAULT_MODEL_PATH))
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--private", type=Path, default=PRIVATE_DEFAULT,
                    help="labelled PolNeAR dev sample kept outside the repo (JSONL)")
    ap.add_argument("--recompute", action="store_true",
                    help="refit and recompute the cross-source figures (a few minutes)")
    ap.add_argument("--polnear", action="store_true",
                    help="audit PolNeAR train and dev: unsourced flags inside gold attribution")
    ap.add_argument("--polnear-limit", type=int, default=None, metavar="N",
                    help="only the first N articles of each PolNeAR split")
    ap.add_argument("--polnear-split", choices=("train", "dev"), action="append",
                    help="audit only this PolNeAR split (repeatable; default both)")
    ap.add_argument("--polnear-dump", type=Path, default=None, metavar="FILE",
                    help="write every unsourced flag of the PolNeAR audit to FILE (JSONL), "
                         "for reading errors: read those of train only, dev is for measuring")
    ap.add_argument("--no-heldout", action="store_true",
                    help="leave out the real-news held-out half (for use while working)")
    ap.add_argument("--transfer", action="store_true",
                    help="print the cross-source transfer analysis (about a minute)")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    model = load_model_file(args.model)
    load_s = time.perf_counter() - t0
    meta = getattr(model, "metadata_", {})
    print(f"model: {args.model} (loaded in {load_s * 1000:.0f} ms; trained "
          f"{meta.get('trained', '?')}, seed {meta.get('seed', '?')})")

    cross_source_table(model, meta, args.recompute)
    sets: list[tuple[str, list[Example]]] = []
    heldout = [] if args.no_heldout else read_realnews_heldout()
    if heldout:
        sets.append(("real-news held-out half, claim vs not (never trained on)", heldout))
    if CT24_DEV.is_file():
        dev = read_ct24(CT24_DEV)
        train, _ = training_set()
        overlap = {normalise(e.text) for e in train} & {normalise(e.text) for e in dev}
        if overlap:
            print(f"ERROR: {len(overlap)} dev sentences are in the training data", file=sys.stderr)
            return 1
        sets.append(("CheckThat! 2024 en dev (held out)", dev))
    else:
        print(f"skipped CheckThat! 2024 dev: {CT24_DEV} not found (../shared absent)")
    sets.append((f"news, own-written ({NEWS_FIXTURE.name})", read_news_fixture()))
    if args.private.is_file():
        sets.append((f"news, PolNeAR dev sample ({args.private.name}, private)",
                     _read_jsonl(args.private)))
    else:
        print(f"skipped private PolNeAR sample: {args.private} not found")

    header = f"{'dataset':<60} {'n':>5} {'pos':>4} {'F1':>6} {'P':>6} {'R':>6} {'AUC':>6} {'AP':>6}"
    print()
    print(header)
    print("-" * len(header))
    for name, examples in sets:
        prob = model.predict_proba([e.text for e in examples])[:, 1]
        m = binary_metrics([e.label for e in examples], prob, args.threshold)
        print(f"{name:<60} {m['n']:>5} {m['positives']:>4} {m['f1']:>6.3f} "
              f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['roc_auc']:>6.3f} "
              f"{m['average_precision']:>6.3f}")
    print()
    print(f"threshold {args.threshold}; F1/P/R of the positive class (check-worthy claim)")
    uses = (("news", "chosen by out-of-fold audits of the real-news tune half"),
            ("transcript", "chosen by 5-fold CV on CheckThat! 2024 train"))
    for use, how in uses:
        t = meta.get(f"{use}_threshold")
        if t is None:
            continue
        print(f"\nat the {use} threshold {t} ({how}):")
        for name, examples in sets:
            prob = model.predict_proba([e.text for e in examples])[:, 1]
            m = binary_metrics([e.label for e in examples], prob, float(t))
            print(f"{name:<60} {m['n']:>5} {m['positives']:>4} {m['f1']:>6.3f} "
                  f"{m['precision']:>6.3f} {m['recall']:>6.3f}")
    print(f"reference: {REFERENCE}")
    if args.polnear or args.polnear_split:
        _print_polnear(args.polnear_limit, tuple(args.polnear_split or ("train", "dev")),
                       args.polnear_dump)
    if args.transfer:
        _print_transfer()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
