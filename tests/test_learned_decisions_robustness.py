"""The learned decisions (the claim decision, the vague-attribution model, the page-chrome
line model) on odd documents, through the whole audit: any mix of claims, attributions,
quotations, headings, chrome, bullets, tables, non-Latin scripts, emoji, control characters,
odd line ends and numbers, as plain text, Markdown or HTML, under either claim decision.
Whatever the document holds, the article is analysed (no error row), every finding lies in
the text and in a sentence that exists, probabilities are finite and in [0, 1], and no
sentence carries both an unsourced claim (CLM001) and a vague attribution (ATT001). The
sentences are our own."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.article import audit_article
from checker.core.config import Config
from checker.text import line_model
from checker.text.tabular import ArticleInput
from rules.attribution import vague_model
from rules.claims.decision import Decision

CONFIGS = {decision: Config(settings={"claim_decision": decision})
           for decision in ("model", "rules")}

PIECES = [
    # claims, attributed, vaguely attributed, quoted, hedged
    "Unemployment in the county fell to 3.1 percent last year.",
    "The harbour board approved four late ferry runs on Tuesday.",
    "The mayor said the bridge would close for repairs in May.",
    "Experts say the price of bread will rise by a fifth.",
    "It is understood that the plant will shut in spring.",
    "Residents are being warned to boil their water.",
    "The mill reportedly lost 2 million dollars.",
    "\u201cWe will not close the plant,\u201d said Ana Ortiz, the owner.",
    "\"It was a hard winter,\" she said.",
    "Analysts expect the rate to fall, a bank economist told reporters.",
    "The fire may have started in the kitchen.",
    # (sentences the vague model flags where the rules' scans do not)
    "Numerous indicators suggest a slowdown in hiring.",
    "Meteorologists warned of floods along the coast.",
    "Why did the council wait?",
    "Sign up for our newsletter",
    "Advertisement",
    "Share this article",
    "By Jane Roe",
    "Updated 3 hr ago",
    "(Photo: Jane Roe)",
    "Contact desk@example.com",
    "# Flood defences", "## What happens next", "Council votes",
    "- Bus fares rise in March.", "* Two new branches.", "1. The first item.",
    "| year | jobs |\n|---|---|\n| 2020 | 300 |\n| 2021 | 1e308 |",
    "> The committee will meet again in June.",
    # other scripts, directions, symbols
    "\u6771\u4eac\u90fd\u306e\u5931\u696d\u7387\u306f\u6628\u5e743.1%\u306b\u4f4e\u4e0b\u3057\u305f\u3002",
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u0633\u0624\u0648\u0644\u0648\u0646 "
    "\u0625\u0646 \u0627\u0644\u062c\u0633\u0631 \u0633\u064a\u063a\u0644\u0642.",
    "\u202eThe road fell by 4 percent.\u202c",
    "\U0001f525\U0001f525 Prices soared \U0001f680 this week. \U0001f44d",
    "\u05d4\u05e9\u05e8 \u05d0\u05de\u05e8 \u05db\u05d9 "
    "\u05d4\u05de\u05d7\u05d9\u05e8\u05d9\u05dd \u05d9\u05e2\u05dc\u05d5.",
    # numbers and odd characters
    "The debt reached 1e308 dollars, or NaN percent, or inf.",
    "Growth was -0.0 % and 0/0 of 10**999.",
    "\x00\x01\x07\x0b\x0c\x1b\x1c\x1f\x7f\x85\u2028\u2029\ufeff\ufffe\u200b",
    "@a@a@a@a@a@a@a@a@a@a",
    "...", "???", "\u2014", "\"", "\u201c", "", " ",
]
SEPARATORS = ["\n\n", "\n", " ", "\r\n", "\r\n\r\n", "\r", "\r\r", "\t", ""]

# a piece of our own, any text, or a piece many times over (a long line, a long sentence)
piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=60),
                  st.tuples(st.sampled_from(PIECES), st.integers(2, 40)).map(
                      lambda pair: pair[0] * pair[1]))
documents = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)), max_size=30)


def _as_html(parts: list[tuple[str, str]], tags: list[str]) -> str:
    out = ["<html><head><style>p { color: red }</style><script>var a = 1;</script></head><body>"]
    for (text, _), tag in zip(parts, tags, strict=False):
        out.append(f"<{tag}>{html.escape(text)}</{tag}>" if tag else html.escape(text))
    out.append("<script>track()</script></body></html>")
    return "".join(out)


def _recording(function: Callable[..., float], seen: list[float]) -> Callable[..., float]:
    def recorded(*args: Any, **kwargs: Any) -> float:
        p = function(*args, **kwargs)
        seen.append(p)
        return p
    return recorded


@contextmanager
def _probabilities() -> Iterator[list[float]]:
    """Every probability the three learned decisions work out meanwhile (they decide
    inside the audit: a NaN there would only show as a finding missing)."""
    seen: list[float] = []
    with ExitStack() as stack:
        for owner, name in ((Decision, "probability"), (line_model.LineModel, "probability"),
                            (vague_model, "probability")):
            stack.enter_context(mock.patch.object(
                owner, name, _recording(getattr(owner, name), seen)))
        yield seen


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def _check(out: dict[str, Any]) -> None:
    assert out["status"] in ("ok", "warning") and not out["error"], out["error"]
    text = out["text"]
    sentences = {s["index"]: s for s in out["sentences"]}
    for s in out["sentences"]:
        assert 0 <= s["start"] <= s["end"] <= len(text)
        for key in ("claim_prob", "uncertainty"):
            p = s[key]
            assert p is None or (math.isfinite(p) and 0.0 <= p <= 1.0), (key, p)
    for key, value in out["metrics"].items():
        assert _finite(value), (key, value)
    assert _finite(out["score"])
    confidence = out["metrics"].get("genre_confidence")
    assert confidence is None or 0.0 <= confidence <= 1.0
    codes: dict[int, set[str]] = {}
    for f in out["findings"]:
        assert 0 <= f["start"] <= f["end"] <= len(text), f
        assert text[f["start"]:f["end"]] == f["text"]
        k = f["sentence"]
        if k is not None:
            assert k in sentences, f
            s = sentences[k]
            if f["id"] in ("CLM001", "ATT001"):  # (a quotation, ATT002, may run on)
                assert s["start"] <= f["start"] and f["end"] <= s["end"], (f, s)
            codes.setdefault(k, set()).add(f["id"])
    for k, found in codes.items():
        assert not {"CLM001", "ATT001"} <= found, sentences[k]["text"]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["text", "markdown", "html"]),
       st.sampled_from(sorted(CONFIGS)),
       st.lists(st.sampled_from(["p", "p", "h2", "li", "td", "blockquote", "pre", "script",
                                 "style", "figcaption", ""]), max_size=30))
def test_any_document_is_audited_into_valid_findings(
        parts: list[tuple[str, str]], fmt: str, decision: str, tags: list[str]) -> None:
    text = (_as_html(parts, tags) if fmt == "html"
            else "".join(p + sep for p, sep in parts))
    with _probabilities() as probabilities:
        out = audit_article(ArticleInput("a", "a", "a", text, fmt), CONFIGS[decision])
    _check(out.to_dict())
    assert all(math.isfinite(p) and 0.0 <= p <= 1.0 for p in probabilities), probabilities
