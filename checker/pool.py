"""Running the per-article function over an audit's inputs: in order, cached, in a pool.

:func:`run_article` is what each worker does for one article: look it up in the result
cache, else :func:`~checker.article.audit_article` it; then prepare its report output
(:func:`reports.stream.prepare`, and its HTML page when the audit writes one) and serialise
it for every report writer (``Job.emit``: the bytes each appends; the page is written into
the run's staging folder there and then), so that serialising runs in the workers, in
parallel, and only those bytes and a few summary values cross to the main process, which
appends them. :func:`iter_done` maps it over the inputs, lazily, a few articles at a time
and a bounded number in flight, in one process or a process pool that survives a worker's
death.
"""

from __future__ import annotations

import gc
import itertools
import json
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from typing import Any

from checker.article import audit_article
from checker.core.budget import limit_memory
from checker.core.config import Config
from checker.core.io import WriteError
from checker.pipeline import ArticleResult, failed_result, paused_gc
from checker.resultcache import ResultCache
from checker.text.tabular import ArticleInput
from reports.compact import expand
from reports.rows import Columns
from reports.stream import Prepared, per_input, prepare, record_line

WORKER_DIED = (
    "analysis failed: the worker process ended unexpectedly (killed by the system, "
    "e.g. out of memory, or crashed)"
)


@dataclass
class Job:
    """What every worker needs to know about the audit (sent once per worker)."""

    config: Config = field(default_factory=Config)
    cache: ResultCache | None = None
    columns: Columns | None = None  # None: nothing is prepared (no reports, no cache)
    page_meta: Mapping[str, Any] | None = None  # the report's rules etc.: render pages
    keep: bool = True  # return each whole result (the Python API keeps them)
    # the detail tables whose CSV lines are prepared in the workers (sentences only when
    # sentences.csv is written; a writer makes a missing table's lines from the record)
    tables: tuple[str, ...] = ("findings", "sources", "sentences")
    # per report writer, what serialises an article for it (its ``emitter``: a callable
    # (fields, prepared) -> list of bytes to append, writing the article's own files, i.e.
    # its page, itself), or None where the writer takes the prepared article itself
    emit: tuple[Any, ...] | None = None


@dataclass
class Done:
    """One finished article: its input's fields, its prepared output, and its result
    (None when not kept); ``key`` is its cache key, ``cached`` whether it came from there."""

    fields: dict[str, Any]
    prepared: Prepared | None = None
    result: ArticleResult | None = None
    key: str | None = None
    cached: bool = False
    # per report writer, the bytes it appends for this article (None: ``prepared`` is
    # given to it instead); see ``Job.emit``
    chunks: list[list[bytes] | None] | None = None
    write_error: tuple[str, int | None, str | None] | None = None  # (path, errno, strerror)

    @property
    def summary(self) -> dict[str, Any]:
        """The result's summary values (status, score, grade, warnings, metrics...)."""
        if self.prepared is not None:
            return self.prepared.summary
        res = self.result
        assert res is not None
        return {"status": res.status, "error": res.error, "score": res.score,
                "grade": res.grade, "_warnings": list(res.warnings), **res.metrics}  # fmt: skip


def _fields(item: ArticleInput) -> dict[str, Any]:
    return {"article": item.article, "id": item.id, "path": item.path, "page": item.page,
            "metadata": dict(item.metadata)}  # fmt: skip


def _render(record: Mapping[str, Any], job: Job, line: str | None = None) -> str:
    from reports.sinks import render_page

    return render_page(record, job.page_meta or {}, line)


def run_article(item: ArticleInput, job: Job) -> Done:
    """One article of an audit (see the module docstring).

    The cyclic garbage collector is paused for the whole article, its report output as
    well as its analysis (see :func:`~checker.pipeline.paused_gc`): preparing the rows and
    rendering the page make many short-lived objects, and the collector's passes over them
    cost ~0.3 ms per article; what they leave is collected when it runs again.
    """
    with paused_gc():
        done = _run_article(item, job)
        if job.emit is not None and done.prepared is not None:
            _emit(done, job.emit)
        return done


def _emit(done: Done, emit: tuple[Any, ...]) -> None:
    """Serialise ``done`` for every report writer that takes bytes (see ``Job.emit``),
    writing its page; what is not needed any more is let go, so that little crosses
    from a worker process to the audit's. A write error is kept, for the audit to name."""
    prepared = done.prepared
    assert prepared is not None
    try:
        done.chunks = [None if e is None else e(done.fields, prepared) for e in emit]
    except WriteError as exc:
        done.write_error = (exc.path, exc.errno, exc.strerror)
        return
    if all(e is not None for e in emit):
        done.prepared = Prepared("", {}, prepared.summary)  # what the audit still counts


def _run_article(item: ArticleInput, job: Job) -> Done:
    cache = job.cache
    key = cache.key(item) if cache is not None and not item.error else None
    fields = _fields(item)
    if key is not None and job.columns is not None:
        hit = cache.get(key)  # type: ignore[union-attr]
        if hit is not None:
            done = Done(fields, hit, key=key, cached=True)
            if job.keep:
                done.result = ArticleResult(**hit.record(fields))
            if job.page_meta is not None:
                pk = cache.page_key(key, fields)  # type: ignore[union-attr]
                hit.html = cache.get_page(pk)  # type: ignore[union-attr]
                if hit.html is None:
                    line = record_line(fields, hit.body)  # the page carries this line
                    hit.html = _render(expand(json.loads(line)), job, line)
                    cache.put_page(pk, hit.html)  # type: ignore[union-attr]
            return done
    res = audit_article(item, job.config)
    res.page = item.page
    done = Done(fields, result=res, key=key)
    if job.columns is not None:
        record = res.to_dict()
        done.prepared = prepare(record, job.columns, job.tables)
        if key is not None and res.status != "error":
            cache.put(key, done.prepared)  # type: ignore[union-attr]
        if job.page_meta is not None:
            line = record_line(fields, done.prepared.body)  # the page carries this line
            done.prepared.html = _render(record, job, line)
            if key is not None and res.status != "error":
                cache.put_page(cache.page_key(key, fields), done.prepared.html)  # type: ignore[union-attr]
    if not job.keep and res.status != "error" and done.prepared is not None:
        done.result = None  # (with nothing prepared, the result is all the audit counts from)
    return done


_JOB: list[Job] = [Job()]  # the audit's job, in each worker

# A sample article for :func:`warm_for_pool`: headline, dateline, quotes, named, anonymous
# and vague sources, hedges, figures, a link and a footnote, repeated (each copy numbered)
# past the length where the attribution tagger switches to its numpy form; then short
# paragraphs that start with every letter and digit (page-chrome patterns are compiled per
# first character of a paragraph, as paragraphs that start with it come).
_SAMPLE_PART = """\
Council approves budget after long debate ({n})

RIVERTON, March {n} - The city council approved a budget of $41 million on Tuesday, \
the mayor said, after a debate that lasted almost six hours.

"We had to make hard choices," Mayor Dana Whitfield told reporters. "Nobody got \
everything they asked for."

Officials familiar with the talks said the transit office may lose about 12 staff. \
Critics say the cuts could hurt bus routes, although the finance director, Omar \
Lindqvist, insisted that no route would close this year.

According to a report by the regional audit office [1], spending rose by 8 percent \
in two years. Some residents reportedly plan to appeal. The plan is clearly the best \
option, one council member wrote on https://example.org/council/budget.

Unemployment in the region fell to 4.2 percent last year. Experts believe the trend \
will continue, but it remains unclear whether wages will follow.

[1] Regional Audit Office, "Municipal spending review", 2026.
"""
_SAMPLE = "\n".join(_SAMPLE_PART.format(n=n) for n in range(1, 9)) + "\n".join(
    f"\n{c}{'' if c.isdigit() else 'nother'} line of the sample, which ends here."
    for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\"'([*-•#>|@")


def warm_for_pool(job: Job) -> None:
    """Do once, in this process, what every forked worker would otherwise do first on its
    own: load the models, import numpy for long texts, compile the patterns made on first
    use, load the page templates. A sample article goes through the job's per-article
    work (nothing is written or cached), so that the workers start warm and share those
    pages of memory with this process instead of each building its own copy. A problem
    here is left for the articles to meet (each reports it in its own row)."""
    from rules.credibility.outlets import outlet_table

    sample = ArticleInput("warm-up", "warm-up", "warm-up", text=_SAMPLE, page="warm-up.html")
    try:
        with paused_gc():
            _run_article(sample, replace(job, cache=None, keep=False))
            # the outlet-name regexes a process compiles after its first few dozen texts
            # (the same matches as the per-text ones it uses before)
            table = outlet_table(job.config)
            _ = table.scan, table.inner
    except Exception:  # noqa: BLE001 - only a head start: the articles meet and report it
        pass


def _init_worker(job: Job) -> None:
    """Each worker keeps the audit's job and runs under ``memory_budget`` MB of address
    space (where the platform allows): a document that needs more fails with its own
    error row ("ran out of memory") instead of starving the machine.

    What the worker inherited from the audit's process (modules, models, lexicons:
    everything that lives as long as the process) is moved out of the cycle collector's
    view (``gc.freeze``, constant time): its passes would walk those objects again in
    every worker, and writing into their headers copies each page of memory that the
    worker shares with its parent."""
    gc.freeze()
    gc.set_threshold(ARTICLES_GC_THRESHOLD, *gc.get_threshold()[1:])
    _JOB[0] = job
    limit_memory(job.config.memory_budget)


def _analyse(items: list[ArticleInput]) -> list[Done]:
    return [run_article(item, _JOB[0]) for item in items]


# The cycle collector's first threshold (net new objects between its young passes; Python's
# default is 700) while articles are audited. The collector is paused during each article
# (run_article), so with the default it ran as soon as most articles ended, over what the
# article left alive (the last article's token view, new cache entries: 1,000-5,000
# objects, ~0.7 ms a pass), finding nothing to free. With this threshold it passes every
# few dozen articles: the collections of a 200-article audit took 0.25 ms per article
# instead of 0.5. What an article leaves in reference cycles waits longer to be freed (the
# peak memory of a 2,000-article audit did not change).
ARTICLES_GC_THRESHOLD = 50_000

BATCH = 4  # articles sent to a worker at a time (fewer messages, less overhead per article)


def iter_done(inputs: Iterable[ArticleInput], job: Job, jobs: int = 1) -> Iterator[Done]:
    """Run the articles in order, in this process (jobs=1) or a process pool.

    Inputs are consumed lazily and at most a few per worker are in flight, so memory
    stays flat however many articles there are. In a pool, articles go to the workers
    :data:`BATCH` at a time. A worker process that dies (killed for memory, a crash in
    native code) does not end the audit: the articles that were in flight are analysed
    again one per process, the one that kills its process gets an error row, and the
    pool goes on with the rest.
    """
    if jobs <= 1:
        before = gc.get_threshold()
        gc.set_threshold(ARTICLES_GC_THRESHOLD, *before[1:])
        try:
            for item in inputs:
                yield run_article(item, job)
        finally:
            gc.set_threshold(*before)
        return
    pending = iter(inputs)
    window = jobs * 4  # batches in flight
    warm_for_pool(job)
    while True:
        inflight: deque[tuple[list[ArticleInput], Future[list[Done]]]] = deque()
        try:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(job,)) as pool:
                for _ in range(window):
                    batch = list(itertools.islice(pending, BATCH))
                    if not batch:
                        break
                    inflight.append((batch, _submit(pool, batch)))
                while inflight:
                    done = inflight[0][1].result()
                    inflight.popleft()
                    yield from done
                    batch = list(itertools.islice(pending, BATCH))
                    if batch:
                        inflight.append((batch, _submit(pool, batch)))
            return
        except BrokenProcessPool:
            for batch, _ in inflight:
                for item in batch:
                    yield _analyse_alone(item, job)


def _submit(pool: ProcessPoolExecutor, batch: list[ArticleInput]) -> Future[list[Done]]:
    """``batch``'s analysis in the pool; a pool that broke since the last article (a worker
    died while the caller was busy) gives a failed future, so that ``batch`` is kept in
    flight and analysed again with the others, not dropped."""
    try:
        return pool.submit(_analyse, batch)
    except BrokenProcessPool as exc:
        failed: Future[list[Done]] = Future()
        failed.set_exception(exc)
        return failed


def _analyse_alone(item: ArticleInput, job: Job) -> Done:
    """Analyse one input in a process of its own; its death is the input's error row."""
    try:
        with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(job,)) as pool:
            return pool.submit(_analyse, [item]).result()[0]
    except BrokenProcessPool:
        res = failed_result(item.article, item.path, f"{item.path}: {WORKER_DIED}")
        res.id, res.metadata, res.page = item.id, dict(item.metadata), item.page
        done = Done(_fields(item), result=res)
        if job.columns is not None:
            done.prepared = prepare(res.to_dict(), job.columns, job.tables)
            if job.page_meta is not None:
                done.prepared.html = _render(res.to_dict(), job)
            if job.emit is not None:
                _emit(done, job.emit)
        return done


def iter_results(
    inputs: Iterable[ArticleInput], config: Config, jobs: int = 1
) -> Iterator[ArticleResult]:
    """Analyse inputs in order (see :func:`iter_done`); the results only."""
    for done in iter_done(inputs, Job(config), jobs):
        assert done.result is not None
        yield done.result


__all__ = ["Done", "Job", "iter_done", "iter_results", "run_article", "per_input"]
