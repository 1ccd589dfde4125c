"""The two sources of check-worthiness labels, kept apart for cross-source validation.

* **Debates**: CheckThat! 2024 English train, ClaimBuster 2.5xNCS and the positives of
  CheckThat! 2019, de-duplicated by normalised text *before* any split (CT24 train and dev
  overlap ClaimBuster), with CheckThat! 2024 English dev and our own news fixture removed
  (:func:`training.train_claims.training_set`).
* **News**: the *tune* half of the hand-labelled real-news dev set
  (``../shared/data/realnews/dev``, excerpts with ``crc32(id) % 2 == 0``, the split rule of
  :mod:`evaluation.realnews`). A sentence labelled ``unsourced`` or ``sourced`` is a
  checkable factual assertion (label 1), ``not_claim`` is not (label 0); ``borderline``
  (left out of the set's own scoring) and ``skip`` (headlines, bylines, captions: not
  article prose, handled by the context rules) are excluded. The **held-out** half is never
  read here: it is only scored, at the end, by ``python -m evaluation.realnews``.

The news sentences are third-party text: they are read from ``../shared`` at training time
and never written into the repository (the model card says the model was trained on them).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path

from training.train_claims import SHARED, Example, normalise, training_set

REALNEWS_DEV = SHARED / "realnews" / "dev"
NEWS_SOURCE = "realnews_tune"
OWN_NEWS = Path(__file__).resolve().parent / "data" / "own_news_claims.tsv"
OWN_SOURCE = "own_news"
CLAIM_LABELS = {"unsourced": 1, "sourced": 1, "not_claim": 0}


def realnews_split(article_id: str) -> str:
    """``tune`` or ``heldout`` (the same fixed, text-blind rule as ``evaluation.realnews``)."""
    return "tune" if zlib.crc32(article_id.encode()) % 2 == 0 else "heldout"


@dataclass(frozen=True)
class NewsExample(Example):
    """A labelled news sentence and the excerpt it comes from (the CV group)."""

    article: str = ""


def read_realnews_tune(folder: Path = REALNEWS_DEV) -> list[NewsExample]:
    """Claim / not-claim sentences of the tune half (empty when ../shared is absent).

    Raises ``ValueError`` naming the file when a label file is malformed.
    """
    if not folder.is_dir():
        return []
    out: list[NewsExample] = []
    for path in sorted(folder.glob("*.json")):
        if realnews_split(path.stem) != "tune":
            continue
        try:
            sentences = json.loads(path.read_text(encoding="utf-8"))["sentences"]
            rows = [(str(s["text"]), str(s["label"])) for s in sentences]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{path}: not a real-news label file ({exc})") from None
        for text, label in rows:
            if label in CLAIM_LABELS and normalise(text):
                out.append(NewsExample(text.strip(), CLAIM_LABELS[label], NEWS_SOURCE,
                                       path.stem))
    return out


def read_own_news(path: Path = OWN_NEWS) -> list[Example]:
    """The news-style sentences the project wrote itself (``label<TAB>text`` rows after
    ``#`` comments and a header). Raises ``ValueError`` naming the file and line of a
    malformed row."""
    out: list[Example] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(i, line) for i, line in enumerate(lines, start=1)
            if line.strip() and not line.startswith("#")]
    if not body or body[0][1].split("\t") != ["label", "text"]:
        raise ValueError(f"{path}: the first row after the comments must be 'label<TAB>text'")
    for i, line in body[1:]:
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in ("0", "1") or not normalise(parts[1]):
            raise ValueError(f"{path}:{i}: expected 'label<TAB>text' with label 0 or 1")
        out.append(Example(parts[1].strip(), int(parts[0]), OWN_SOURCE))
    return out


def own_news(debates: list[Example], news: list[NewsExample]) -> list[Example]:
    """The own-written sentences, minus any whose normalised text is already in the
    debates, the news or the evaluation sets (none are expected), de-duplicated."""
    from training.train_claims import eval_keys

    taken = eval_keys() | {normalise(e.text) for e in [*debates, *news]}
    out = []
    for e in read_own_news():
        key = normalise(e.text)
        if key not in taken:
            taken.add(key)
            out.append(e)
    return out


def debate_and_news() -> tuple[list[Example], list[NewsExample], dict[str, object]]:
    """The debate examples and the news examples, disjoint by normalised text.

    News sentences that also occur in the debate data (none are expected) are dropped from
    the debates, so no text sits on both sides of a cross-source split.
    """
    news = read_realnews_tune()
    news_keys = {normalise(e.text) for e in news}
    debates, stats = training_set(include_news_labels=False)
    kept = [e for e in debates if normalise(e.text) not in news_keys]
    # duplicates inside the news half: first label wins, as for the debates
    seen: set[str] = set()
    unique_news = []
    for e in news:
        key = normalise(e.text)
        if key not in seen:
            seen.add(key)
            unique_news.append(e)
    stats = {**stats, NEWS_SOURCE: {"read": len(news), "kept": len(unique_news),
                                    "positives": sum(e.label for e in unique_news),
                                    "articles": len({e.article for e in unique_news}),
                                    "dropped_from_debates": len(debates) - len(kept)}}
    return kept, unique_news, stats
