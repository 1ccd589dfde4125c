"""Per-article pipeline: document -> analysis (rule families) -> scores -> result record.

``analyse_file`` is a pure function of (path, config): it never touches global
state except read-only caches (compiled lexicons, loaded models), so audits can
map it over a process pool or a cluster.

Isolation: ``analyse_file`` and ``analyse_bytes`` never raise for what one article
does. A file that cannot be read, or any exception while loading, segmenting, running
a rule family or scoring it, becomes that article's result with status "error" and a
one-line reason naming the file and the stage, e.g. ``a.md: analysis failed at
rules.footnotes: ValueError: ... (markers.py:144)``; the rest of an audit goes on.

Budget: the analysis of one document (load and segment, every family, score and record)
runs under ``config.time_budget`` seconds (``[tool.checker] time_budget``, default 60;
0 for none); a document that runs past it stops where it is and becomes its error row,
``a.md: analysis exceeded 60 s at rules.hedging`` (see :mod:`checker.core.budget`).
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path
from typing import Any

import rules
from checker.core.analysis import Analysis
from checker.core.budget import BudgetExceeded, Deadline
from checker.core.config import Config
from checker.core.document import Document
from checker.core.results import NO_TEXT
from checker.scorer import has_article_text, score_analysis, settle_claim_status
from checker.text import line_model
from checker.text.loader import (
    EMPTY_FILE,
    MAX_BYTES,
    LoadError,
    decode_bytes,
    detect_format,
    document_from_text,
    load_document,
)


@dataclass
class ArticleResult:
    """One article's audit, as plain data (the per-article entry of articles.jsonl)."""

    article: str
    path: str
    status: str = "ok"  # ok | warning | error
    id: str = ""  # unique within an audit; every table of the report carries it
    error: str = ""
    warnings: list[str] = field(default_factory=list)
    format: str = ""
    text: str = ""
    score: float | None = None
    grade: str = ""
    score_breakdown: list[dict[str, Any]] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    blocks: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    hedges: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    footnotes: dict[str, Any] = field(
        default_factory=lambda: {"markers": [], "definitions": {}, "dangling": [], "unused": []}
    )
    page: str = ""
    metadata: dict[str, Any] = field(default_factory=dict)  # a table row's other columns

    def to_dict(self) -> dict[str, Any]:
        """The fields as a dict (shallow: the lists and dicts are the result's own, not copies;
        a deep ``dataclasses.asdict`` copy took as long as writing every report)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


_FIELD_GETTERS: dict[type, tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _plain(obj: Any) -> dict[str, Any]:
    """A slotted dataclass as a flat dict (faster than dataclasses.asdict): its fields read
    by one ``attrgetter`` per class."""
    getter = _FIELD_GETTERS.get(type(obj))
    if getter is None:
        names = tuple(type(obj).__slots__)
        get = attrgetter(*names)
        getter = (names, get if len(names) > 1 else lambda o: (get(o),))
        _FIELD_GETTERS[type(obj)] = getter
    names, get = getter
    return dict(zip(names, get(obj), strict=True))


def _span(doc: Document, span: Any) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": doc.text[span.start : span.end]}


def _add_time(timings: dict[str, float], stage: str, since: float) -> None:
    timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - since


class StageError(Exception):
    """An exception raised while analysing one article, with the stage it was raised in."""

    def __init__(self, stage: str, exc: BaseException) -> None:
        if isinstance(exc, MemoryError):
            super().__init__(f"analysis ran out of memory at {stage}")
        else:
            super().__init__(f"analysis failed at {stage}: {describe_exception(exc)}")
        self.stage = stage


def describe_exception(exc: BaseException) -> str:
    """``Type: message (file.py:line)`` on one line, the message cut to 200 characters."""
    msg = " ".join(str(exc).split())
    if len(msg) > 200:
        msg = msg[:199] + "\u2026"
    import traceback  # only when an article fails

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" ({Path(frames[-1].filename).name}:{frames[-1].lineno})" if frames else ""
    return f"{type(exc).__name__}: {msg}{where}" if msg else f"{type(exc).__name__}{where}"


def run_rules(
    doc: Document,
    config: Config,
    *,
    timings: dict[str, float] | None = None,
    deadline: Deadline | None = None,
) -> Analysis:
    """Run every rule family over a document, in pipeline order.

    ``timings``, when given, accumulates seconds per family (``rules.<family>``), for
    benchmarks and profiling; it changes nothing else. An exception in a family is
    raised as :class:`StageError` naming it (``rules.<family>``). ``deadline`` is told
    each family's name as it starts (and raises :class:`BudgetExceeded` when time is up).
    """
    analysis = Analysis(doc=doc, config=config, rules=rules.RULES)
    for family in rules.FAMILIES:
        if deadline is not None:
            deadline.enter(f"rules.{family.name}")
        t0 = time.perf_counter()
        try:
            family.run(analysis)
        except Exception as exc:
            raise StageError(f"rules.{family.name}", exc) from exc
        if timings is not None:
            _add_time(timings, f"rules.{family.name}", t0)
    settle_claim_status(analysis)
    return analysis


def analyse_document(
    doc: Document,
    config: Config | None = None,
    article: str = "",
    *,
    timings: dict[str, float] | None = None,
    readability: bool = True,
    deadline: Deadline | None = None,
) -> ArticleResult:
    """Analyse a loaded document; any exception is raised as :class:`StageError`.

    ``readability=False`` leaves the two readability figures out of the metrics (see
    :func:`checker.scorer.compute_metrics`); nothing else changes. No time budget applies
    here unless ``deadline`` (an entered :class:`Deadline`) is given: ``analyse_file`` and
    ``analyse_bytes`` give one.
    """
    config = config or Config()
    analysis = run_rules(doc, config, timings=timings, deadline=deadline)
    if deadline is not None:
        deadline.enter("score+record")
    t0 = time.perf_counter()
    try:
        result = result_from_analysis(analysis, article or doc.path, readability=readability)
    except Exception as exc:
        raise StageError("score+record", exc) from exc
    if timings is not None:
        _add_time(timings, "score+record", t0)
    return result


def _hedges_by_sentence(analysis: Analysis) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for h in analysis.hedges:
        if h.sentence is not None and (h.flagged or h.reported_with):
            out.setdefault(h.sentence, []).append(h.text)
    return out


def _finding_records(analysis: Analysis) -> list[dict[str, Any]]:
    """Each finding as articles.jsonl shows it, with its line and column in the file."""
    doc, text = analysis.doc, analysis.doc.text
    records = []
    for f in analysis.findings:
        line, col = f.position or doc.line_col(f.start)
        records.append(
            {
                "rule": f.rule,
                "id": f.code,
                "severity": f.severity,
                "line": line,
                "column": col,
                "start": f.start,
                "end": f.end,
                "text": text[f.start : f.end] if f.excerpt is None else f.excerpt,
                "sentence": f.sentence,
                "message": f.message,
            }
        )
    return records


def _probability(value: float | None) -> float | None:
    """A sentence's probability as records carry it: four decimals, or None when unscored."""
    return None if value is None else round(float(value), 4)


def _sentence_records(analysis: Analysis) -> list[dict[str, Any]]:
    """Each sentence with what the families found about it (sentences.csv rows)."""
    hedges_by_sentence = _hedges_by_sentence(analysis)
    return [
        {
            "index": s.index,
            "start": s.start,
            "end": s.end,
            "line": s.line,
            "column": s.column,
            "region": s.region,
            "text": s.text,
            "is_claim": analysis.is_claim[s.index],
            "claim_prob": _probability(analysis.claim_prob[s.index]),
            "claim_status": analysis.claim_status[s.index],
            "attributed": analysis.attributed[s.index],
            "source": analysis.sentence_source[s.index],
            "uncertainty": _probability(analysis.uncertainty[s.index]),
            "hedged": analysis.hedged[s.index],
            "hedges": hedges_by_sentence.get(s.index, []),
            "footnotes": list(analysis.sentence_footnotes[s.index]),
        }
        for s in analysis.doc.sentences
    ]


def _attribution_records(analysis: Analysis) -> list[dict[str, Any]]:
    doc = analysis.doc
    return [
        {
            "source": _span(doc, a.source),
            "cue": _span(doc, a.cue),
            "content": [_span(doc, c) for c in a.content],
            "source_name": a.source_name,
            "source_kind": a.source_kind,
            "role": a.role,
            "direct": a.direct,
        }
        for a in analysis.attributions
    ]


def result_from_analysis(
    analysis: Analysis, article: str, *, readability: bool = True
) -> ArticleResult:
    """The plain-data record of one analysed article (its articles.jsonl entry)."""
    doc = analysis.doc
    score, grade, breakdown, metrics = score_analysis(analysis, readability=readability)
    warnings = list(doc.warnings)
    if not has_article_text(metrics):  # no verdict without text: no score, no grade
        score, grade, breakdown = None, "", []
        warnings = [w for w in warnings if w != EMPTY_FILE]  # said once: "no article text"
        warnings.append(NO_TEXT)
    return ArticleResult(
        article=article,
        path=doc.path,
        status="warning" if warnings else "ok",
        warnings=warnings,
        format=doc.format,
        text=doc.text,
        score=score,
        grade=grade,
        score_breakdown=breakdown,
        metrics=metrics,
        blocks=[_plain(b) for b in doc.blocks],
        sentences=_sentence_records(analysis),
        findings=_finding_records(analysis),
        sources=[_plain(m) for m in analysis.sources],
        attributions=_attribution_records(analysis),
        hedges=[_plain(h) for h in analysis.hedges],
        quotes=[{"start": q.start, "end": q.end} for q in analysis.quotes],
        footnotes=analysis.footnotes.to_dict(),
    )


def failed_result(article: str, path: str, error: str) -> ArticleResult:
    return ArticleResult(article=article, path=path, status="error", error=error)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while one document is analysed.

    Its full passes walk every live object; over the millions of objects of a very long
    document they made analysis time grow faster than the text (HTML of 1M characters:
    exponent 1.2 with them, 0.95 without). Objects are still freed by reference counting
    as they go; cycles made meanwhile are collected once the collector runs again.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


_WARM: set[int] = set()  # processes whose models and lexicons are loaded


def warm_up(config: Config, *, readability: bool = True) -> None:
    """Load the models and lexicons (once per process) before a budget starts counting, so
    that a document's time budget measures its analysis, not the process's start-up
    (``readability=False``: not the hyphenation dictionary, which the check never uses)."""
    if os.getpid() in _WARM:
        return
    _WARM.add(os.getpid())
    try:
        with paused_gc():  # as for any document; then what it loaded (models, lexicons,
            # patterns: they live as long as the process) is moved out of the collector's
            # view, in the command line's processes only (it froze its imports already): a
            # program that calls the library keeps its own heap under the collector
            doc = document_from_text("The mayor said on Monday that the council met.",
                                     path="-")
            analyse_document(doc, config, readability=readability)
            line_model.current()  # a one-sentence text is too short for the line model
            if gc.get_freeze_count():
                gc.freeze()
    except Exception:  # noqa: BLE001 - the real document will meet and report it
        pass


def analyse_file(
    path: str,
    config: Config | None = None,
    article: str = "",
    *,
    timings: dict[str, float] | None = None,
    readability: bool = True,
    warm_first: bool = True,
) -> ArticleResult:
    """Load and analyse one file; never raises for what the file holds.

    Load problems, any exception while analysing, and running past the time budget
    become a result with status "error" (see the module docstring). ``timings``, when
    given, accumulates seconds per stage (``load+segment``, each family, ``score+record``).
    ``readability=False`` skips the readability figures, which the CI check does not show.
    ``warm_first=False``: no warm-up before the first document (see :func:`_budgeted`).
    """
    config = config or Config()
    article = article or path

    def run(deadline: Deadline) -> ArticleResult:
        deadline.enter("load+segment")
        t0 = time.perf_counter()
        try:
            doc = load_document(path, display=path)
        except LoadError as exc:
            return failed_result(article, path, f"{path}: {exc}")
        except Exception as exc:
            return failed_result(article, path, f"{path}: {StageError('load+segment', exc)}")
        if timings is not None:
            _add_time(timings, "load+segment", t0)
        try:
            return analyse_document(doc, config, article, timings=timings, deadline=deadline,
                                    readability=readability)
        except StageError as exc:
            return failed_result(article, path, f"{path}: {exc}")

    return _budgeted(run, config, readability, warm_first, article, path, path)


def _budgeted(
    run: Callable[[Deadline], ArticleResult],
    config: Config,
    readability: bool,
    warm_first: bool,
    article: str,
    path: str,
    label: str,
) -> ArticleResult:
    """``run`` (one document's analysis) under the time budget; running out is the
    document's error row, ``label: analysis exceeded ...``.

    The models and lexicons are loaded before the budget starts (:func:`warm_up`), so
    that the budget measures the document's analysis, not the process's start-up. With
    ``warm_first=False`` (the draft check: one short document, where analysing the
    warm-up's sample as well costs a fifth of the run) they load as the document needs
    them; a document that runs out while the process is still cold is analysed once
    more after the warm-up, under a fresh budget, so that start-up never fails it.
    """
    if not config.time_budget:
        return _within(run, config, article, path, label)
    cold = os.getpid() not in _WARM
    if cold and not warm_first:
        try:
            with paused_gc(), Deadline(config.time_budget) as deadline:
                return run(deadline)
        except BudgetExceeded:
            pass  # perhaps only the start-up's fault: warm up and try again
    warm_up(config, readability=readability)
    return _within(run, config, article, path, label)


def _within(
    run: Callable[[Deadline], ArticleResult], config: Config, article: str, path: str,
    label: str,
) -> ArticleResult:
    """``run`` under a fresh budget; running out is the document's error row."""
    try:
        with paused_gc(), Deadline(config.time_budget) as deadline:
            return run(deadline)
    except BudgetExceeded as exc:
        return failed_result(article, path, f"{label}: {exc}")


def analyse_bytes(
    data: bytes,
    name: str,
    config: Config | None = None,
    *,
    readability: bool = True,
    warm_first: bool = True,
) -> ArticleResult:
    """Analyse an article given as bytes (standard input), as if it were the file ``name``.

    The format comes from ``name``'s suffix (plain text for ``-``, unnamed standard
    input) and positions refer to ``data``; problems (unsupported suffix, undecodable or
    oversized text) become a result with status "error".
    """
    try:
        fmt = "text" if name == "-" else detect_format(Path(name))
        if len(data) > MAX_BYTES:
            raise LoadError(f"input is {len(data) / 1e6:.1f} MB; the limit is "
                            f"{MAX_BYTES / 1e6:.0f} MB")  # fmt: skip
        try:
            text, encoding, warnings = decode_bytes(data)
        except UnicodeDecodeError as exc:
            raise LoadError(f"cannot decode text: {exc.reason}") from exc
    except LoadError as exc:
        return failed_result(name, name, f"{name}: {exc}")
    if not text.strip():
        warnings.append(EMPTY_FILE)
    return analyse_text(text, name, config, name, fmt=fmt, encoding=encoding,
                        warnings=tuple(warnings), readability=readability,
                        warm_first=warm_first)


def analyse_text(
    text: str,
    path: str,
    config: Config | None = None,
    article: str = "",
    *,
    fmt: str = "text",
    encoding: str = "utf-8",
    warnings: tuple[str, ...] = (),
    readability: bool = True,
    warm_first: bool = True,
) -> ArticleResult:
    """Analyse decoded text (standard input, a table cell) as the article ``article`` at
    ``path``, under the configured time budget; any problem becomes a result with status
    "error" whose message starts with ``article`` (``warm_first``: see :func:`_budgeted`)."""
    article = article or path
    config = config or Config()

    def run(deadline: Deadline) -> ArticleResult:
        deadline.enter("load+segment")
        try:
            doc = document_from_text(text, path=path, fmt=fmt, encoding=encoding,
                                     warnings=warnings)  # fmt: skip
        except Exception as exc:
            err = StageError("load+segment", exc)
            return failed_result(article, path, f"{article}: {err}")
        try:
            return analyse_document(doc, config, article, deadline=deadline,
                                    readability=readability)
        except StageError as exc:
            return failed_result(article, path, f"{article}: {exc}")

    return _budgeted(run, config, readability, warm_first, article, path, article)
