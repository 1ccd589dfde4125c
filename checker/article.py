"""The one per-article function every audit path calls: article in, result record out.

:func:`audit_article` takes an :class:`~checker.text.tabular.ArticleInput` (a file to
read, or text from a table row) and a configuration, and returns the article's
:class:`~checker.pipeline.ArticleResult`. It is pure (no global state but read-only
caches of lexicons and models), never raises for what the article holds, and its input
and output are plain picklable data: ``checker audit`` maps it over a process pool,
and the same function runs unchanged on a cluster (Dask, Spark)::

    from checker.article import audit_article
    from checker.text.tabular import ArticleInput
    result = audit_article(ArticleInput(id="a1", article="a1", path="cms", text="..."))
"""

from __future__ import annotations

from checker.core.config import Config
from checker.pipeline import (
    ArticleResult,
    analyse_file,
    analyse_text,
    failed_result,
)
from checker.text.loader import EMPTY_FILE
from checker.text.tabular import ArticleInput

__all__ = ["ArticleInput", "ArticleResult", "audit_article"]


def audit_article(item: ArticleInput, config: Config | None = None) -> ArticleResult:
    """Analyse one article; its problems (unreadable, empty, a failing rule) are its error.

    A file's per-path ``[[tool.checker.overrides]]`` apply to it; a table row's text is
    analysed as the row's format (plain text, Markdown or HTML), and positions refer to
    that text. The result carries the input's ``id`` and ``metadata``.
    """
    config = config or Config()
    if item.error:
        result = failed_result(item.article, item.path, item.error)
    elif item.text is None:
        result = analyse_file(item.path, config.for_path(item.path), item.article)
    else:
        result = _analyse_text(item, config)
    result.id = item.id
    result.metadata = dict(item.metadata)
    return result


def _analyse_text(item: ArticleInput, config: Config) -> ArticleResult:
    text = item.text or ""
    warnings = () if text.strip() else (EMPTY_FILE,)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
        warnings += ("NUL characters replaced by U+FFFD",)
    return analyse_text(text, item.path, config, item.article, fmt=item.fmt or "text",
                        warnings=warnings)
