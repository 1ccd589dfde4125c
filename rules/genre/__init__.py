"""Genre family: what kind of text an article is, so later families judge it fairly.

An opinion piece argues, a research abstract reports its authors' own results, a press
release speaks for its organisation, a reference article defines: the claims family reads
``Analysis.genre`` to tell the author's argument or own findings from unsourced claims.
The genre is detected per article (:mod:`rules.genre.detect`, a rule classifier over cue
phrases whose weights are data in ``rules/genre/cues.json``) with a confidence between 0 and
1, and written to ``Analysis.genre`` / ``genre_confidence`` and the ``genre`` and
``genre_confidence`` metrics (``summary.csv``, the HTML header). ``[tool.checker] genre``
sets it instead (per folder with ``[[tool.checker.overrides]]``), and a comment in the article
itself, ``<!-- checker: genre=opinion -->``, sets it for that one article (it wins over the
configuration): the confidence is then 1.

Genres: ``news``, ``analysis``, ``explainer``, ``opinion`` (opinion and editorials),
``press-release``, ``research`` (research abstracts and papers), ``reference``
(encyclopedic text).

Modules: :mod:`rules.genre.detect` (features and the classifier).
"""

from __future__ import annotations

import re

from checker.core.analysis import Analysis, Family
from checker.core.config import ConfigError, Setting
from rules.genre.detect import GENRES, detect

NAME = "genre"


def _genre(value: object, name: str) -> str:
    """A genre name, or "" (detect it)."""
    if not isinstance(value, str):
        raise ConfigError(f"{name!r} must be a string (one of {', '.join(GENRES)})")
    chosen = value.strip().lower().replace("_", "-").replace(" ", "-")
    aliases = {"editorial": "opinion", "op-ed": "opinion", "press": "press-release",
               "abstract": "research", "wire": "news"}
    chosen = aliases.get(chosen, chosen)
    if chosen and chosen not in GENRES:
        raise ConfigError(f"{name!r}: unknown genre {value!r}; choose from {', '.join(GENRES)}")
    return chosen


GENRE_SETTING = Setting(
    "genre", "", _genre,
    "the article genre (news, analysis, explainer, opinion, press-release, research, "
    "reference); empty: detect it",
)  # fmt: skip


# ``<!-- checker: genre=opinion -->`` in the article (Markdown, HTML or plain text)
_IN_ARTICLE = re.compile(r"<!--\s*checker\s*:\s*genre\s*=\s*([^>]*?)\s*-->", re.IGNORECASE)


def in_article(analysis: Analysis) -> str:
    """The genre an article's own ``<!-- checker: genre=... -->`` comment names, or ""."""
    doc = analysis.doc
    source = doc.source if doc.format == "html" else doc.text
    if "checker" not in source:
        return ""
    m = _IN_ARTICLE.search(source)
    return _genre(m.group(1), f"{doc.path}: genre comment") if m else ""


def run(analysis: Analysis) -> None:
    """Set the article's genre (its own comment, configured, or detected) and confidence."""
    configured = in_article(analysis) or _genre(
        analysis.config.get(GENRE_SETTING) or "", GENRE_SETTING.key
    )
    if configured:
        genre, confidence = configured, 1.0
    else:
        genre, confidence = detect(analysis.doc)
    analysis.genre = genre
    analysis.genre_confidence = confidence
    analysis.metrics["genre"] = genre
    analysis.metrics["genre_confidence"] = round(confidence, 3)


FAMILY = Family(
    name=NAME,
    rules=(),
    run=run,
    reads=frozenset(),
    writes=frozenset({"genre", "genre_confidence", "metrics"}),
    settings=(GENRE_SETTING,),
)

__all__ = ["FAMILY", "GENRES", "GENRE_SETTING", "NAME", "detect", "run"]
