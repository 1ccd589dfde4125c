"""checker: audit news articles and drafts for how well they are sourced."""

from __future__ import annotations

from checker.core.version import __version__


def audit(*args, **kwargs):  # type: ignore[no-untyped-def]
    """Audit files and folders; see :func:`checker.batch.audit`."""
    from checker.batch import audit as _audit

    return _audit(*args, **kwargs)


__all__ = ["__version__", "audit"]
