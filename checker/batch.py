"""Batch audit: discover files, analyse each (in a process pool if asked), build the report."""

from __future__ import annotations

import fnmatch
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.article import audit_article
from checker.core.config import Config
from checker.core.io import WriteError, atomic_write_text, staged_writes
from checker.core.version import __version__
from checker.pipeline import ArticleResult, failed_result
from checker.text.tabular import ArticleInput, TableError, TableSpec, is_table, read_table
from checker.walk import REPORT_MARKER, REPORT_MARKER_TEXT, walk_folder
from reports.pages import page_names

if TYPE_CHECKING:  # pandas loads only when a DataFrame is asked for (reports.csv)
    import pandas as pd


@dataclass(frozen=True)
class Input:
    path: str  # filesystem path
    article: str  # display name
    error: str = ""  # discovery problem (missing path...)


def _matches(rel: str, patterns: Iterable[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def discover(
    paths: Iterable[str | os.PathLike[str]],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
) -> list[Input]:
    """Expand files and folders (recursively) into inputs, keeping missing paths as errors.

    Folders are walked by :func:`checker.walk.walk_folder` (skipping git-ignored,
    hidden, virtual-environment and report folders); files named here are always taken.
    Special files and links out of a folder are kept as inputs with an error (the
    reason), so that they are reported, never read.
    """
    include, exclude = list(include), list(exclude)
    out: list[Input] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            base = Path(os.path.abspath(p)).parent  # names as walked: links not resolved
            walk = walk_folder(p)
            listed = [(f, "") for f in walk.found] + walk.skipped
            for f, reason in sorted(listed):
                rel = Path(os.path.abspath(f)).relative_to(base).as_posix()
                if include and not _matches(rel, include):
                    continue
                if exclude and _matches(rel, exclude):
                    continue
                key = str(f.resolve()) if not reason else str(os.path.abspath(f))
                if key not in seen:
                    seen.add(key)
                    out.append(Input(str(f), rel, error=f"{f}: {reason}" if reason else ""))
        elif p.exists():
            key = str(p.resolve())
            if key not in seen:
                seen.add(key)
                out.append(Input(str(p), p.as_posix()))
        else:
            out.append(Input(str(p), p.as_posix(), error=f"{p}: file or folder not found"))
    return out


def _unique(ident: str, used: set[str]) -> str:
    """``ident``, or ``ident~2``, ``ident~3``... when an earlier article has it (case-blind)."""
    key, k = ident, 2
    while key.casefold() in used:
        key = f"{ident}~{k}"
        k += 1
    used.add(key.casefold())
    return key


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    config: Config | None = None,
    table: TableSpec | None = None,
) -> Iterator[ArticleInput]:
    """Every article of an audit, in order, each with an id unique in the audit.

    Files and folders are expanded by :func:`discover` (``[tool.checker] exclude``
    applied); a table (``.csv``, ``.jsonl``, ``.parquet``... see
    :mod:`checker.text.tabular`) gives one article per row, read lazily in chunks, and
    needs ``table`` (which column holds the text). A table that cannot be read becomes
    one error row naming the file and the problem.
    """
    config = config or Config()
    used: set[str] = set()
    paths = list(paths)
    files = [p for p in paths if not (is_table(p) and Path(p).is_file())]
    tables = [p for p in paths if is_table(p) and Path(p).is_file()]
    for inp in discover(files, include, exclude):
        if inp.error or not config.is_excluded(inp.path):
            ident = _unique(inp.article, used)
            yield ArticleInput(ident, inp.article, inp.path, error=inp.error)
    for path in tables:
        yield from _table_inputs(Path(path), table, used)


def _table_inputs(path: Path, spec: TableSpec | None, used: set[str]) -> Iterator[ArticleInput]:
    name = path.as_posix()
    if spec is None:
        raise TableError(f"{name} is a table: name the column that holds the article text "
                         "with --text-column (Python: table=TableSpec(text_column=...))")
    try:
        for item in read_table(path, spec):
            ident = _unique(item.id, used)
            yield replace(item, id=ident, article=ident) if ident != item.id else item
    except TableError as exc:
        ident = _unique(name, used)
        yield ArticleInput(ident, ident, name, error=str(exc))


def _analyse(item: ArticleInput) -> ArticleResult:
    return audit_article(item, _WORKER_CONFIG[0])


_WORKER_CONFIG: list[Config] = [Config()]  # the audit's configuration, in each worker


def _init_worker(config: Config) -> None:
    _WORKER_CONFIG[0] = config


WORKER_DIED = (
    "analysis failed: the worker process ended unexpectedly (killed by the system, "
    "e.g. out of memory, or crashed)"
)


def iter_results(
    inputs: Iterable[ArticleInput], config: Config, jobs: int = 1
) -> Iterator[ArticleResult]:
    """Analyse inputs in order, in this process (jobs=1) or a process pool.

    Inputs are consumed lazily and at most a few per worker are in flight, so memory
    stays flat however many articles there are. With a pool, a worker process that
    dies (killed for memory, a crash in native code) does not end the audit: the
    articles that were in flight are analysed again one per process, the one that
    kills its process gets an error row, and the pool goes on with the rest.
    """
    if jobs <= 1:
        for item in inputs:
            yield audit_article(item, config)
        return
    pending = iter(inputs)
    window = jobs * 4
    while True:
        inflight: deque[tuple[ArticleInput, Future[ArticleResult]]] = deque()
        try:
            with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config,)) as pool:
                for item in itertools.islice(pending, window):
                    inflight.append((item, pool.submit(_analyse, item)))
                while inflight:
                    item, fut = inflight[0]
                    res = fut.result()
                    inflight.popleft()
                    yield res
                    nxt = next(pending, None)
                    if nxt is not None:
                        inflight.append((nxt, pool.submit(_analyse, nxt)))
            return
        except BrokenProcessPool:
            for item, _ in inflight:
                yield _analyse_alone(item, config)


def _analyse_alone(item: ArticleInput, config: Config) -> ArticleResult:
    """Analyse one input in a process of its own; its death is the input's error row."""
    try:
        with ProcessPoolExecutor(1, initializer=_init_worker, initargs=(config,)) as pool:
            return pool.submit(_analyse, item).result()
    except BrokenProcessPool:
        res = failed_result(item.article, item.path, f"{item.path}: {WORKER_DIED}")
        res.id, res.metadata = item.id, dict(item.metadata)
        return res


@dataclass
class AuditResult:
    """The outcome of an audit: per-article results plus DataFrame views."""

    articles: list[ArticleResult]
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _tables: dict[str, pd.DataFrame] | None = field(default=None, repr=False)

    def report(self) -> dict[str, Any]:
        from rules import all_rules

        return {
            "tool": "checker",
            "version": __version__,
            "generated": self.generated,
            "rules": [
                {
                    "id": r.id,
                    "name": r.name,
                    "family": r.family,
                    "severity": r.severity,
                    "summary": r.summary,
                    "enabled": r.enabled,
                }
                for r in all_rules()
            ],  # fmt: skip
            "articles": [a.to_dict() for a in self.articles],
        }

    def _table(self, name: str) -> pd.DataFrame:
        if self._tables is None:
            from reports.csv import tables

            self._tables = tables(self.report())
        return self._tables[name]

    @property
    def summary(self) -> pd.DataFrame:
        return self._table("summary")

    @property
    def findings(self) -> pd.DataFrame:
        return self._table("findings")

    @property
    def sources(self) -> pd.DataFrame:
        return self._table("sources")

    @property
    def sentences(self) -> pd.DataFrame:
        return self._table("sentences")

    @property
    def failed(self) -> list[ArticleResult]:
        return [a for a in self.articles if a.status == "error"]

    def write(
        self, out_dir: str | os.PathLike[str], formats: Iterable[str] = ("csv", "html", "json")
    ) -> list[Path]:
        """Write the reports; returns the report files written.

        Also writes the small :data:`~checker.walk.REPORT_MARKER` file, so that later
        folder walks (``checker check .``) skip the reports folder. Every file is
        renamed into place only once all are written: a failure (raised as
        :class:`~checker.core.io.WriteError`, naming the path) leaves the previous
        report as it was, without temporary files.
        """
        from reports import get_writer

        out = Path(out_dir)
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteError(out, exc) from exc
        report = self.report()
        written: list[Path] = []
        with staged_writes():
            atomic_write_text(out / REPORT_MARKER, REPORT_MARKER_TEXT)
            for fmt in formats:
                written += get_writer(fmt)(report, out)
        return written


def audit(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    formats: Iterable[str] = ("csv", "html", "json"),
    jobs: int = 1,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    config: Config | None = None,
    progress: Callable[[int, int], None] | None = None,
    table: TableSpec | None = None,
) -> AuditResult:
    """Audit files, folders and tables; returns an :class:`AuditResult` (and writes reports
    if ``out``). ``table`` says which columns of a table input hold what."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    config = config or Config()
    inputs = list(iter_inputs(paths, include, exclude, config, table))
    results: list[ArticleResult] = []
    for i, res in enumerate(iter_results(inputs, config, jobs), 1):
        results.append(res)
        if progress:
            progress(i, len(inputs))
    pages = page_names([{"article": r.article} for r in results])
    for res, page in zip(results, pages, strict=True):
        res.page = page
    result = AuditResult(results)
    if out is not None:
        result.write(out, formats)
    return result
