"""Batch audit: discover files, analyse each (in a process pool if asked), build the report."""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checker.core.config import Config
from checker.core.io import WriteError, open_report_file
from checker.core.staging import ReportFolder, new_run_id
from checker.core.version import __version__
from checker.pipeline import ArticleResult
from checker.pool import Done, Job, iter_done, iter_results, run_article
from checker.resultcache import ResultCache
from checker.text.tabular import (
    ArticleInput,
    TableError,
    TableSpec,
    is_table,
    read_table,
    table_columns,
)
from checker.walk import REPORT_MARKER, REPORT_MARKER_TEXT, walk_folder
from reports import DEFAULT_FORMATS, open_sink
from reports.pages import slug
from reports.rows import Columns, columns_for
from reports.stream import per_input, prepare

__all__ = ["AuditResult", "Inputs", "audit", "discover", "iter_results"]

if TYPE_CHECKING:  # pandas loads only when a DataFrame is asked for (reports.parquet)
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
    skip: Iterable[Path] = (),
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
            walk = walk_folder(p, skip=skip)
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


class Inputs:
    """Every article of an audit, in order, each with an id unique in the audit; iterable.

    Files and folders are expanded by :func:`discover` (``[tool.checker] exclude``
    applied; folders in ``skip``, the report folder, never read); a table (``.csv``,
    ``.jsonl``, ``.parquet``... see :mod:`checker.text.tabular`) gives one article per
    row, read lazily in chunks, and needs ``table`` (which column holds the text). A
    table that cannot be read becomes one error row naming the file and the problem.
    ``total`` is the number of articles, or None while tables are still being read.
    """

    def __init__(
        self,
        paths: list[str | os.PathLike[str]],
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        config: Config | None = None,
        table: TableSpec | None = None,
        skip: Iterable[Path] = (),
    ) -> None:
        config = config or Config()
        self.used: set[str] = set()
        self.table = table
        self.tables = [Path(p) for p in paths if is_table(p) and Path(p).is_file()]
        files = [p for p in paths if not (is_table(p) and Path(p).is_file())]
        self.files: list[ArticleInput] = []
        for inp in discover(files, include, exclude, skip=skip):
            if inp.error or not config.is_excluded(inp.path):
                ident = _unique(inp.article, self.used)
                self.files.append(ArticleInput(ident, inp.article, inp.path, error=inp.error))
        if self.tables and table is None:
            raise TableError(f"{self.tables[0]} is a table: name the column that holds the "
                             "article text with --text-column (Python: table=TableSpec(...))")
        self.total: int | None = None if self.tables else len(self.files)

    def metadata_keys(self) -> list[str]:
        """The metadata columns of the table inputs, in order (see ``table_columns``)."""
        keys: dict[str, None] = {}
        for path in self.tables:
            with contextlib.suppress(TableError):
                keys.update(dict.fromkeys(table_columns(path, self.table)))  # type: ignore[arg-type]
        return list(keys)

    def __iter__(self) -> Iterator[ArticleInput]:
        pages = PageNames()
        files, self.files = deque(self.files), []  # read once, each let go once handed on
        while files:
            item = files.popleft()
            yield replace(item, page=pages(item.id))
        for path in self.tables:
            for item in _table_inputs(path, self.table, self.used):
                yield replace(item, page=pages(item.id))


def _table_inputs(path: Path, spec: TableSpec | None, used: set[str]) -> Iterator[ArticleInput]:
    name = path.as_posix()
    assert spec is not None
    try:
        for item in read_table(path, spec):
            ident = _unique(item.id, used)
            yield replace(item, id=ident, article=ident) if ident != item.id else item
    except TableError as exc:
        ident = _unique(name, used)
        yield ArticleInput(ident, ident, name, error=str(exc))


PROBE = "The council said on Monday that taxes rose by 4 percent, according to officials.\n"


def audit_columns(
    config: Config, metadata_keys: Iterable[str] = (), cache: ResultCache | None = None
) -> Columns:
    """The report tables' columns for an audit: the metrics of this configuration (read
    off a one-sentence probe article, through the cache) and the metadata columns of its
    table inputs."""
    probe = ArticleInput("probe", "probe", "probe", text=PROBE)
    if cache is not None:
        key = cache.key(probe)
        hit = cache.get(key) if key else None
        if hit is not None:
            metrics = json.loads(hit.body).get("metrics") or {}
            return columns_for(metrics, list(dict.fromkeys(metadata_keys)))
    done = run_article(probe, Job(config, cache, columns_for({})))
    assert done.result is not None
    return columns_for(done.result.metrics, list(dict.fromkeys(metadata_keys)))


def rules_meta(config: Config | None = None) -> list[dict[str, Any]]:
    """Every rule's id, name, family, severity, summary and whether it is on in ``config``
    (its default without one)."""
    from rules import all_rules

    def on(rule: Any) -> bool:
        return config.rule_enabled(rule) if config is not None else rule.enabled

    return [{"id": r.id, "name": r.name, "family": r.family, "severity": r.severity,
             "summary": r.summary, "enabled": on(r)} for r in all_rules()]  # fmt: skip


class PageNames:
    """Each article's page, ``articles/<slug of its id>.html``, unique (case-blind)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, ident: str) -> str:
        base = f"articles/{slug(ident)}"
        page, k = f"{base}.html", 2
        while page.casefold() in self.used:
            page, k = f"{base}-{k}.html", k + 1
        self.used.add(page.casefold())
        return page


@dataclass
class AuditResult:
    """The outcome of an audit: counts, failures and warnings, and (when kept) every
    article's result with the four tables as DataFrames."""

    articles: list[ArticleResult] = field(default_factory=list)
    generated: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    run: str = field(default_factory=new_run_id)
    columns: Columns | None = None
    count: int = 0
    statuses: dict[str, int] = field(default_factory=dict)
    failed: list[ArticleResult] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (article, warning)
    lowest: list[dict[str, Any]] = field(default_factory=list)  # summary rows, lowest scores
    cached: int = 0  # articles taken from the result cache
    scored: int = 0  # articles with a score
    kept: bool = True
    _tables: dict[str, pd.DataFrame] | None = field(default=None, repr=False)
    config: Config | None = field(default=None, repr=False)  # whose rules are on or off
    group_by: str | None = None  # the index's group view (a metadata column, or "month")

    def meta(self) -> dict[str, Any]:
        """The audit-level record (``audit.json``): which run, when, what was found."""
        meta = {"tool": "checker", "version": __version__, "generated": self.generated,
                "run": self.run, "articles": self.count, "statuses": self.statuses,
                "from_cache": self.cached, "rules": rules_meta(self.config)}  # fmt: skip
        if self.group_by:
            meta["group_by"] = self.group_by
        return meta

    def note(self, done: Done) -> None:
        """Count one finished article (its failures, warnings and score)."""
        summary = done.summary
        status = str(summary.get("status") or "ok")
        article = str(done.fields["article"])
        self.count += 1
        self.cached += done.cached
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if status == "error" and done.result is not None:
            self.failed.append(done.result)
        self.warnings += [(article, w) for w in summary.get("_warnings") or ()]
        if summary.get("score") is not None:
            self.scored += 1
            self.lowest.append({**summary, "article": article})
            if len(self.lowest) > 40:
                self.lowest = sorted(self.lowest, key=lambda a: a["score"])[:10]
        if self.kept and done.result is not None:
            self.articles.append(done.result)

    def report(self) -> dict[str, Any]:
        """The whole report as one dict (``audit.json`` plus ``articles``; kept results)."""
        return {**self.meta(), "articles": [a.to_dict() for a in self._kept()]}

    def _kept(self) -> list[ArticleResult]:
        if not self.kept:
            raise ValueError("this audit did not keep its results (keep=False): read the "
                             "reports it wrote instead")  # fmt: skip
        return self.articles

    def _table(self, name: str) -> pd.DataFrame:
        if self._tables is None:
            from reports.parquet import frames

            records = [a.to_dict() for a in self._kept()]
            columns = self.columns or _columns_of(records)
            self._tables = frames(records, columns)
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

    def write(
        self, out_dir: str | os.PathLike[str], formats: Iterable[str] = DEFAULT_FORMATS,
        *, wait: bool = False,
    ) -> list[Path]:  # fmt: skip
        """Write the reports of a kept audit into ``out_dir`` (replacing it as a whole,
        see :class:`~checker.core.staging.ReportFolder`); returns the files written."""
        articles = self._kept()
        columns = self.columns or _columns_of([a.to_dict() for a in articles[:1000]])
        pages = PageNames()
        with ReportWriter(out_dir, formats, self, columns, wait=wait) as writer:
            for res in articles:
                res.page = res.page or pages(res.id or res.article)
                record = res.to_dict()
                writer.put(Done(per_input(record), prepare(record, columns), res))
            return writer.finish()


def _columns_of(records: list[dict[str, Any]]) -> Columns:
    from reports.sinks import report_columns

    return report_columns(records)


class ReportWriter:
    """Streams finished articles into every format's writer, in a staging folder that
    replaces ``out`` at :meth:`finish` (nothing of a run that fails is ever seen)."""

    def __init__(self, out: str | os.PathLike[str], formats: Iterable[str], result: AuditResult,
                 columns: Columns, *, wait: bool = False) -> None:  # fmt: skip
        # ``csv`` already writes sentences.csv: ``sentences`` beside it adds nothing
        asked = list(formats)
        self.formats = [f for f in asked if not (f == "sentences" and "csv" in asked)]
        self.result = result
        self.columns = columns
        self.folder = ReportFolder(Path(out), result.run, wait=wait, marker=REPORT_MARKER)
        self.sinks: list[Any] = []

    def __enter__(self) -> ReportWriter:
        self.folder.__enter__()
        try:
            meta = self.result.meta()
            for f in self.formats:
                self.sinks.append(open_sink(f, self.folder.staging, meta, self.columns))
        except BaseException as exc:
            self.__exit__()
            if isinstance(exc, OSError) and not isinstance(exc, WriteError):
                raise WriteError(self.folder.out, exc) from exc
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        for sink in self.sinks:
            with contextlib.suppress(Exception):
                sink.close()
        self.sinks = []
        self.folder.__exit__()

    @property
    def emitters(self) -> tuple[Any, ...]:
        """Per writer, what serialises an article for it in a worker (see ``Job.emit``)."""
        return tuple(getattr(sink, "emitter", None) for sink in self.sinks)

    def put(self, done: Done) -> None:
        """Hand one finished, prepared article to every writer: the bytes serialised for
        it (``done.chunks``, made where the article was analysed), else the article."""
        if done.write_error is not None:
            path, errno, strerror = done.write_error
            raise self._named(WriteError(path, OSError(errno, strerror)))
        chunks = done.chunks or [None] * len(self.sinks)
        try:
            for sink, data in zip(self.sinks, chunks, strict=True):
                if data is None:
                    assert done.prepared is not None
                    sink.put(done.fields, done.prepared)
                else:
                    sink.append(data)
        except OSError as exc:
            named = self._named(exc)
            if named is exc:
                raise
            raise named from exc

    def _named(self, exc: OSError) -> WriteError:
        """A write error naming the report folder (``--out``), or the file it was writing
        as it will be in ``--out``: never the hidden staging folder."""
        staging, out = Path(os.path.abspath(self.folder.staging)).resolve(), self.folder.out
        where = Path(os.path.abspath(exc.path)).resolve() if isinstance(exc, WriteError) else None
        if where is not None and where.is_relative_to(staging):
            return WriteError(out / where.relative_to(staging), exc)
        return exc if isinstance(exc, WriteError) else WriteError(out, exc)

    def finish(self) -> list[Path]:
        """Complete every file, then swap the staging folder in; the files, as placed."""
        staging = self.folder.staging
        written: list[Path] = []
        try:
            for sink in self.sinks:
                written += sink.close()
            self.sinks = []
            from reports.json import write_audit_json

            meta = {**self.result.meta(), "formats": self.formats, "complete": True}
            written.append(write_audit_json(staging, meta))
            with open_report_file(staging / REPORT_MARKER) as fh:
                fh.write(REPORT_MARKER_TEXT)
        except OSError as exc:
            named = self._named(exc)
            if named is exc:
                raise
            raise named from exc
        self.folder.commit()
        out = self.folder.out
        return [out / p.relative_to(staging) for p in written]


def audit(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    out: str | os.PathLike[str] | None = None,
    formats: Iterable[str] = DEFAULT_FORMATS,
    jobs: int = 1,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    config: Config | None = None,
    progress: Callable[[int, int | None], None] | None = None,
    table: TableSpec | None = None,
    keep: bool = True,
    wait: bool = False,
    cache: str | os.PathLike[str] | None = None,
    group_by: str | None = None,
) -> AuditResult:
    """Audit files, folders and tables; returns an :class:`AuditResult`.

    With ``out``, the reports are written as the articles are finished (streamed: with
    ``keep=False`` nothing holds all the articles, and memory stays flat) into a
    staging folder that replaces ``out`` at the end. ``table`` says which columns of a
    table input hold what; ``wait`` waits for another audit writing ``out``. Results
    are kept in memory (``result.articles``, the DataFrames) unless ``keep=False``.
    ``cache`` is the folder of the result cache (:mod:`checker.resultcache`; None: none).
    ``group_by`` adds the index's group view (``outlet``, ``author``, ``section``, ``month``
    or any metadata column).
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    config = config or Config()
    formats = list(formats)
    store = ResultCache(cache, config) if cache is not None else None
    inputs = Inputs(list(paths), include, exclude, config, table,
                    skip=[Path(out)] if out is not None else [])  # fmt: skip
    result = AuditResult(kept=keep, config=config, group_by=group_by)
    result.columns = audit_columns(config, inputs.metadata_keys(), store)
    job = Job(config, store, result.columns if (out is not None or store) else None,
              keep=keep, tables=("findings", "sources") + (
                  ("sentences",) if {"csv", "sentences"} & set(formats) else ()))  # fmt: skip
    if out is None:
        for i, done in enumerate(iter_done(inputs, job, jobs), 1):
            result.note(done)
            if progress:
                progress(i, inputs.total)
        if store is not None:
            store.prune_if_due()  # within cache_max_mb, least recently used first
        return result
    if "html" in formats:
        from reports.sinks import page_meta

        job.page_meta = page_meta(result.meta())
    with ReportWriter(out, formats, result, result.columns, wait=wait) as writer:
        job.emit = writer.emitters  # the workers serialise each article, and write its page
        for i, done in enumerate(iter_done(inputs, job, jobs), 1):
            writer.put(done)
            result.note(done)
            if progress:
                progress(i, inputs.total)
        writer.finish()
    if store is not None:
        store.prune_if_due()  # within cache_max_mb, least recently used first
    return result
