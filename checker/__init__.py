"""checker: audit news articles and drafts for how well they are sourced."""

from __future__ import annotations

__version__ = "0.1.0"
