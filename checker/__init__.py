"""checker: audit news articles and drafts for how well they are sourced."""

from __future__ import annotations

from checker.core.version import __version__


def audit(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Audit files and folders; see :func:`checker.batch.audit`."""
    from checker.batch import audit as _audit

    return _audit(*args, **kwargs)


def audit_article(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Audit one article (a file or a table row's text); see checker.article.audit_article."""
    from checker.article import audit_article as _audit_article

    return _audit_article(*args, **kwargs)


__all__ = ["__version__", "audit", "audit_article"]
