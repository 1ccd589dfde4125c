"""Batch audit: discover files, analyse each (in a process pool if asked), build the report."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.budget import limit_memory
from checker.core.config import Config
from checker.core.io import WriteError, atomic_write_text, staged_writes
from checker.core.version import __version__
from checker.pipeline import ArticleResult, analyse_file, failed_result
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


def _analyse(args: tuple[Input, Config]) -> ArticleResult:
    inp, config = args
    if inp.error:
        return failed_result(inp.article, inp.path, inp.error)
    # per-path [[tool.checker.overrides]] apply to this file only
    return analyse_file(inp.path, config.for_path(inp.path), inp.article)


WORKER_DIED = (
    "analysis failed: the worker process ended unexpectedly (killed by the system, "
    "e.g. out of memory, or crashed)"
)


def iter_results(inputs: list[Input], config: Config, jobs: int = 1) -> Iterator[ArticleResult]:
    """Analyse inputs in order, in this process (jobs=1) or a process pool.

    With a pool, a worker process that dies (killed for memory, a crash in native
    code) does not end the audit: the articles that were in flight are analysed again
    one per process, the one that kills its process gets an error row, and the pool
    goes on with the rest. Worker processes run under ``config.memory_budget`` MB of
    address space (where the platform allows): a document that needs more fails with
    its own error row ("ran out of memory") instead of starving the machine.
    """
    work = [(inp, config) for inp in inputs]
    if jobs <= 1 or len(inputs) < 2:
        for item in work:
            yield _analyse(item)
        return
    chunk = max(1, min(32, len(work) // (jobs * 4) or 1))
    done = 0
    while done < len(work):
        try:
            with ProcessPoolExecutor(
                max_workers=jobs, initializer=limit_memory, initargs=(config.memory_budget,)
            ) as pool:
                for res in pool.map(_analyse, work[done:], chunksize=chunk):
                    yield res
                    done += 1
        except BrokenProcessPool:
            suspects = work[done : done + jobs * chunk]
            for item in suspects:
                yield _analyse_alone(item)
            done += len(suspects)


def _analyse_alone(item: tuple[Input, Config]) -> ArticleResult:
    """Analyse one input in a process of its own; its death is the input's error row."""
    try:
        with ProcessPoolExecutor(
            max_workers=1, initializer=limit_memory, initargs=(item[1].memory_budget,)
        ) as pool:
            return pool.submit(_analyse, item).result()
    except BrokenProcessPool:
        inp = item[0]
        return failed_result(inp.article, inp.path, f"{inp.path}: {WORKER_DIED}")


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
) -> AuditResult:
    """Audit files and folders; returns an :class:`AuditResult` (and writes reports if ``out``)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    config = config or Config()
    inputs = [
        inp
        for inp in discover(paths, include, exclude)
        if inp.error or not config.is_excluded(inp.path)
    ]
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
