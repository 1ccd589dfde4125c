"""Evaluate the hedging family: ``python -m evaluation.hedging``.

Three measurements, printed as one table with the published reference points beside:

1. Sentence-level F1 of the *uncertain* class of the tool's ``hedged`` verdict (what
   ``sentences.csv`` carries: the sentence uncertainty model combined with the author's
   lexicon cues, through the whole pipeline) on CoNLL-2010 task 1 Wikipedia sentences
   (``../shared/data/hedging/wikiweasel/train.csv``), on a held-out split that training and
   tuning never see. The split is by Wikipedia article: every CSV row is mapped to its
   article through the Szeged Uncertainty Corpus (``wiki.xml``, which holds the same
   sentences with article ids); an article is held out when ``crc32(article id) % 5 == 0``
   (about 20% of articles). Rows not found in Szeged inherit the article of the row before
   them (the CSV is in article order). Training uses only the other articles, from both the
   CSV and Szeged.
2. Cue-level precision / recall of :func:`rules.hedging.find_cues` against the Szeged
   ``<ccue>`` spans (exact span match and overlap match), on the held-out Wikipedia articles
   and, out of domain, on the BioScope parts (bmc, fly, hbc), which no part of the system
   was built from. ``--train`` prints the same cue measures on the Szeged Wikipedia
   *training* articles instead (every body sentence of them), with the tool's ``hedged`` F1
   on the CoNLL-2010 training rows: the figures to work from while changing the lexicon or
   the rules, so that the held-out ones are read once, for the report.
3. Precision on our own annotated news sentences, ``tests/fixtures/hedging_news.jsonl``
   (written and labelled by us; the reasoning for each case is in the file). Cases marked
   ``"set": "blind"`` were written after the lexicon, without looking at it, and scored once
   before any lexicon change (see docs/hedging.md).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from evaluation import f1 as f1_score

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data" / "hedging"
WIKIWEASEL = SHARED / "wikiweasel" / "train.csv"
SZEGED = SHARED / "szeged"
NEWS_FIXTURE = REPO / "tests" / "fixtures" / "hedging_news.jsonl"
HELDOUT_MOD = 5  # articles with crc32(id) % 5 == 0 are held out

REFERENCES = {
    "conll_f1": "CoNLL-2010 Wikipedia: best shared-task systems 57-60; later neural ~67",
}


CUE_NOTES = {
    "overlap": "a cue counts when it overlaps a gold cue; no published figure on this split",
    "token": "per word inside cue spans",
    "exact": "exact spans; ours include auxiliaries (may have, is thought to)",
}


@dataclass
class SzSentence:
    doc: str
    text: str
    cues: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, text, type
    part: str = ""

    @property
    def uncertain(self) -> bool:
        return bool(self.cues)


def read_szeged(path: Path) -> list[SzSentence]:
    """Sentences of one Szeged XML file with their ``<ccue>`` spans (character offsets)."""
    root = ET.parse(path).getroot()
    out: list[SzSentence] = []
    for d_i, doc in enumerate(root.iter("Document")):
        did_el = doc.find("DocID")
        did = (did_el.text or "").strip() if did_el is not None else f"{path.stem}-{d_i}"
        for part in doc.iter("DocumentPart"):
            for sent in part:
                if sent.tag.lower() != "sentence":
                    continue
                buf: list[str] = []
                cues: list[tuple[int, int, str, str]] = []

                def walk(el: ET.Element, buf: list[str] = buf, cues: list = cues) -> None:
                    start = sum(len(b) for b in buf)
                    if el.text:
                        buf.append(el.text)
                    for child in el:
                        walk(child)
                        if child.tail:
                            buf.append(child.tail)
                    if el.tag == "ccue":
                        end = sum(len(b) for b in buf)
                        cues.append((start, end, "".join(buf)[start:end], el.get("type", "")))

                walk(sent)
                text = "".join(buf)
                out.append(SzSentence(did, text, sorted(cues), part.get("type", "")))
    return out


_NORM_RE = re.compile(r"\W+")


def norm(text: str) -> str:
    t = text.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"').replace("''", '"')
    return _NORM_RE.sub("", t.lower())


@dataclass
class WikiRow:
    text: str
    label: int
    doc: str


def read_wikiweasel(szeged_wiki: list[SzSentence]) -> list[WikiRow]:
    """CoNLL-2010 Wikipedia rows, each with the Szeged article id it belongs to."""
    doc_of = {norm(s.text): s.doc for s in szeged_wiki}
    rows: list[WikiRow] = []
    prev = "unmatched-0"
    with WIKIWEASEL.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            text = rec["text"].strip()
            doc = doc_of.get(norm(text), prev)
            prev = doc
            rows.append(WikiRow(text, int(rec["label"]), doc))
    return rows


def is_heldout(doc: str) -> bool:
    return zlib.crc32(doc.encode("utf-8")) % HELDOUT_MOD == 0


@dataclass
class Data:
    wiki_rows: list[WikiRow]
    szeged_wiki: list[SzSentence]
    szeged_bio: dict[str, list[SzSentence]]

    def conll_train(self) -> list[WikiRow]:
        return [r for r in self.wiki_rows if not is_heldout(r.doc)]

    def conll_test(self) -> list[WikiRow]:
        return [r for r in self.wiki_rows if is_heldout(r.doc)]

    def szeged_train(self) -> list[SzSentence]:
        """Szeged Wikipedia body sentences of training articles not already in the CSV."""
        in_csv = {norm(r.text) for r in self.wiki_rows}
        return [
            s
            for s in self.szeged_wiki
            if not is_heldout(s.doc) and s.part != "Title" and norm(s.text) not in in_csv
        ]

    def szeged_train_all(self) -> list[SzSentence]:
        """Every Szeged Wikipedia body sentence of a training article (for cue measures)."""
        return [s for s in self.szeged_wiki if not is_heldout(s.doc) and s.part != "Title"]

    def szeged_test(self) -> list[SzSentence]:
        return [s for s in self.szeged_wiki if is_heldout(s.doc) and s.part != "Title"]


def load_data(with_bio: bool = True) -> Data:
    if not WIKIWEASEL.is_file() or not (SZEGED / "wiki.xml").is_file():
        raise FileNotFoundError(f"hedging data not found under {SHARED}")
    wiki = read_szeged(SZEGED / "wiki.xml")
    bio = (
        {name: read_szeged(SZEGED / f"bio_{name}.xml") for name in ("bmc", "fly", "hbc")}
        if with_bio
        else {}
    )
    return Data(read_wikiweasel(wiki), wiki, bio)


# ---------------------------------------------------------------------------
# Metrics


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = f1_score(p, r)
    return p, r, f


def sentence_scores(gold: list[int], pred: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    return prf(tp, fp, fn)


def _cue_tokens(text: str, start: int, end: int) -> set[tuple[int, int]]:
    return {(m.start() + start, m.end() + start) for m in re.finditer(r"\w+", text[start:end])}


HEDGE_CUE_CATEGORIES = ("epistemic", "reportative", "weasel")


def cue_scores(
    sents: list[SzSentence], categories: tuple[str, ...] = HEDGE_CUE_CATEGORIES
) -> dict[str, tuple[float, float, float]]:
    """Cue P/R/F against Szeged ``<ccue>`` spans: exact span, overlap, and per token.

    Boosters and approximators are not uncertainty cues in Szeged, so by default only the
    hedge categories take part (weasel phrases are not Szeged cues either, which costs
    precision; ``categories=("epistemic", "reportative")`` measures without them).
    """
    from rules.hedging import find_cues

    ex = Counter()
    ov = Counter()
    tok = Counter()
    for s in sents:
        gold = [(a, b) for a, b, _, _ in s.cues]
        pred = [(c.start, c.end) for c in find_cues(s.text, categories)]
        gs, ps = set(gold), set(pred)
        ex["tp"] += len(gs & ps)
        ex["fp"] += len(ps - gs)
        ex["fn"] += len(gs - ps)
        ov["tp_p"] += sum(1 for p in pred if any(p[0] < g[1] and g[0] < p[1] for g in gold))
        ov["n_p"] += len(pred)
        ov["tp_g"] += sum(1 for g in gold if any(p[0] < g[1] and g[0] < p[1] for p in pred))
        ov["n_g"] += len(gold)
        gt = set().union(*(_cue_tokens(s.text, a, b) for a, b in gold)) if gold else set()
        pt = set().union(*(_cue_tokens(s.text, a, b) for a, b in pred)) if pred else set()
        tok["tp"] += len(gt & pt)
        tok["fp"] += len(pt - gt)
        tok["fn"] += len(gt - pt)
    op = ov["tp_p"] / ov["n_p"] if ov["n_p"] else 0.0
    orr = ov["tp_g"] / ov["n_g"] if ov["n_g"] else 0.0
    of = 2 * op * orr / (op + orr) if op + orr else 0.0
    return {
        "exact": prf(ex["tp"], ex["fp"], ex["fn"]),
        "overlap": (op, orr, of),
        "token": prf(tok["tp"], tok["fp"], tok["fn"]),
    }


def read_news_fixture(path: Path = NEWS_FIXTURE) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def news_scores(cases: list[dict]) -> dict[str, float]:
    """Cue precision/recall on our own labelled news sentences (author's-voice cues only).

    Each case lists the cue strings a careful editor would flag (``cues``, with category);
    a predicted cue is correct when it overlaps a gold cue of a flagged category. Cues in
    quotations are excluded from both sides by the pipeline, so the fixture runs through
    :func:`rules.hedging.author_cues`.
    """
    from rules.hedging import author_cues

    tp = fp = fn = 0
    cat_tp = cat_n = 0
    for case in cases:
        text = case["text"]
        gold = []
        for g in case["cues"]:
            i = text.find(g["text"])
            if i < 0:
                raise ValueError(f"cue {g['text']!r} not in {text!r}")
            gold.append((i, i + len(g["text"]), g["category"]))
        pred = author_cues(text)
        for c in pred:
            hit = [g for g in gold if c.start < g[1] and g[0] < c.end]
            if hit:
                tp += 1
                cat_n += 1
                cat_tp += int(hit[0][2] == c.category)
            else:
                fp += 1
        fn += sum(1 for g in gold if not any(c.start < g[1] and g[0] < c.end for c in pred))
    p, r, f = prf(tp, fp, fn)
    return {
        "precision": p,
        "recall": r,
        "f1": f,
        "category_accuracy": cat_tp / cat_n if cat_n else 0.0,
        "n_cases": len(cases),
        "n_pred": tp + fp,
    }


def tool_hedged(texts: list[str]) -> list[int]:
    """The tool's own verdict per sentence: each sentence audited as a one-line document
    (default configuration, the whole pipeline), 1 when a body sentence of it is ``hedged``
    (what ``sentences.csv`` shows)."""
    from checker.core.config import Config
    from checker.pipeline import run_rules
    from checker.text.loader import document_from_text

    config = Config()
    out = []
    for text in texts:
        analysis = run_rules(document_from_text(text + "\n", path="sentence.txt"), config)
        out.append(int(any(analysis.hedged)))
    return out


def iter_table(rows: list[tuple[str, str, str]]) -> Iterator[str]:
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    for a, b, c in rows:
        yield f"{a:<{w0}}  {b:<{w1}}  {c}"


def _cue_rows(name: str, sents: list[SzSentence]) -> list[tuple[str, str, str]]:
    """Table rows of the cue measures on ``sents`` (both category sets, three matchings)."""
    rows = []
    n_gold = sum(len(s.cues) for s in sents)
    for label, cats in (
        ("epistemic+reportative+weasel", HEDGE_CUE_CATEGORIES),
        ("epistemic+reportative", ("epistemic", "reportative")),
    ):
        sc = cue_scores(sents, cats)
        for kind in ("overlap", "token", "exact"):
            cp, cr, cf = sc[kind]
            rows.append((f"cue {kind} P/R/F, {label}, {name} ({n_gold} gold cues)",
                         f"P {cp:.3f} R {cr:.3f} F {cf:.3f}", CUE_NOTES[kind]))
    return rows


def train_rows() -> list[tuple[str, str, str]]:
    """The working figures (``--train``): cue measures on the Szeged Wikipedia training
    articles and the tool's ``hedged`` F1 on the CoNLL-2010 training rows."""
    data = load_data(with_bio=False)
    train = data.conll_train()
    p, r, f = sentence_scores([x.label for x in train], tool_hedged([x.text for x in train]))
    rows = [(f"CoNLL-2010 wiki `hedged` F1, TRAINING rows ({len(train)} sentences)",
             f"F1 {f:.3f} (P {p:.3f} R {r:.3f})", "working figure, not a result")]
    return rows + _cue_rows("Szeged wiki TRAINING articles", data.szeged_train_all())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-bio", action="store_true", help="skip the BioScope cue evaluation")
    ap.add_argument("--train", action="store_true",
                    help="the working figures on the training articles only (nothing held out)")
    args = ap.parse_args(argv)
    if args.train:
        if not WIKIWEASEL.is_file():
            print(f"hedging data not found under {SHARED}")
            return 1
        print("\n".join(iter_table([("measure", "ours", "note"), *train_rows()])))
        return 0
    from training.hedge_sentence_model import MODEL_PATH, load_model

    rows: list[tuple[str, str, str]] = [("measure", "ours", "reference")]
    if not WIKIWEASEL.is_file():
        print(f"hedging data not found under {SHARED}; skipping the corpus evaluations")
        data = None
    else:
        t0 = time.perf_counter()
        data = load_data(with_bio=not args.no_bio)
        test = data.conll_test()
        model = load_model(str(MODEL_PATH))
        pred = tool_hedged([r.text for r in test])
        p, r, f = sentence_scores([r.label for r in test], pred)
        n_docs = len({r.doc for r in test})
        rows.append(
            (
                f"CoNLL-2010 wiki uncertain-sentence F1 of the tool's `hedged` (sentences.csv; "
                f"held-out: {len(test)} sentences, {n_docs} articles, "
                f"{sum(r.label for r in test)} uncertain)",
                f"F1 {f:.3f} (P {p:.3f} R {r:.3f})",
                REFERENCES["conll_f1"] + "; target >= 0.62",
            )
        )
        side = model.predict([r.text for r in test])
        p, r, f = sentence_scores([r.label for r in test], side)
        rows.append(
            (
                "  same, the sentence model alone on each sentence (no pipeline)",
                f"F1 {f:.3f} (P {p:.3f} R {r:.3f})",
                "",
            )
        )
        # Lexicon alone (any epistemic/reportative/weasel cue => uncertain), for comparison.
        from rules.hedging import find_cues

        hedge_cats = ("epistemic", "reportative", "weasel")
        lex_pred = [int(any(c.category in hedge_cats for c in find_cues(r.text))) for r in test]
        p2, r2, f2 = sentence_scores([r.label for r in test], lex_pred)
        rows.append(
            (
                "  same, lexicon cues only (no learned weights)",
                f"F1 {f2:.3f} (P {p2:.3f} R {r2:.3f})",
                "",
            )
        )
        sets = [("Szeged wiki held-out articles", data.szeged_test())]
        sets += [(f"Szeged BioScope {k} (out of domain)", v) for k, v in data.szeged_bio.items()]
        for name, sents in sets:
            rows.extend(_cue_rows(name, sents))
        rows.append(("(corpus evaluation time)", f"{time.perf_counter() - t0:.1f}s", ""))
    if NEWS_FIXTURE.is_file():
        cases = read_news_fixture()
        blind = [c for c in cases if c.get("set") == "blind"]
        for name, subset in (("own fixture", cases), ("its 'blind' part", blind)):
            if not subset:
                continue
            ns = news_scores(subset)
            rows.append(
                (
                    f"news cue precision, {name} ({ns['n_cases']} sentences, "
                    f"{ns['n_pred']} predicted cues)",
                    f"P {ns['precision']:.3f} R {ns['recall']:.3f} "
                    f"category acc {ns['category_accuracy']:.3f}",
                    "no published reference (our own labels)",
                )
            )
    print("\n".join(iter_table(rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
