"""Source-credibility rating sets: reading them, finding them, and rating a domain from them.

Ratings are data, never code. A *rating set* is one CSV file whose format is
recognised by its header:

| format | header (first columns) | score | label |
|---|---|---|---|
| ``lin2023`` | ``domain,pc1,...`` | ``pc1`` (0..1) | score bands |
| ``wikipedia-perennial`` | ``source_name,status,domain`` | gr .9, nc .5, gu .2, d 0 | status |
| ``cred1`` | ``domain,category,credibility_score`` | ``credibility_score`` | low* |
| ``user`` | ``domain,score[,label]`` | ``score`` (0..1) | ``label`` or bands |

Score bands: >= 0.7 high, >= 0.4 medium, else low. (*) CRED-1 categories
unreliable, fake, conspiracy and rumor are "generally unreliable" statuses.

Where a domain appears in several sets: a user's own set wins outright (it is the
newsroom's policy); otherwise a *deprecated* or *generally unreliable* status in
any set overrides a score from another set; otherwise the first set with an
entry wins, in the order lin2023, wikipedia-perennial, cred1. A domain missing
from every set is *unrated*, never *low*.

Files are found, in this order, in ``[tool.checker] ratings = [...]`` (relative
to the configuration file), ``--ratings FILE`` (added to the same list by the
CLI), the ``CHECKER_RATINGS`` environment variable (``os.pathsep``-separated
files or folders), and the user cache folder filled by ``checker ratings
update`` (``$XDG_CACHE_HOME/checker/ratings`` or ``~/.cache/checker/ratings``;
that command, which downloads the pinned upstream sets, is :mod:`checker.ratings_cli`).
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from checker.core.cache import BoundedCache
from checker.core.config import ConfigError, Setting, str_list
from checker.reference.domains import host_of, path_key, registrable_domain

if TYPE_CHECKING:
    from checker.core.config import Config

HIGH, MEDIUM, LOW, DEPRECATED, UNRATED = "high", "medium", "low", "deprecated", "unrated"
LOW_LABELS = frozenset({LOW, DEPRECATED})
HIGH_BAND, LOW_BAND = 0.7, 0.4  # score >= 0.7 high; >= 0.4 medium; else low

LIN, WIKI, CRED1, USER = "lin2023", "wikipedia-perennial", "cred1", "user"
FORMAT_PRIORITY = {USER: 0, LIN: 1, WIKI: 2, CRED1: 3}

WIKI_STATUS = {  # status -> (score, label, overrides a score from another set)
    "gr": (0.9, HIGH, False),
    "nc": (0.5, MEDIUM, False),
    "gu": (0.2, LOW, True),
    "d": (0.0, DEPRECATED, True),
}
CRED1_UNRELIABLE = frozenset({"unreliable", "fake", "conspiracy", "rumor"})
USER_LABELS = {  # accepted spellings of a label in a user CSV
    "high": HIGH, "reliable": HIGH, "generally reliable": HIGH, "gr": HIGH,
    "medium": MEDIUM, "mixed": MEDIUM, "no consensus": MEDIUM, "nc": MEDIUM,
    "low": LOW, "unreliable": LOW, "generally unreliable": LOW, "gu": LOW,
    "deprecated": DEPRECATED, "d": DEPRECATED, "blacklisted": DEPRECATED, "banned": DEPRECATED,
}  # fmt: skip
LABEL_SCORE = {HIGH: 0.9, MEDIUM: 0.5, LOW: 0.2, DEPRECATED: 0.0}

NO_RATINGS_NOTE = (
    "no source-credibility ratings installed, so every cited source is 'unrated'; "
    "install the pinned rating sets with 'checker ratings update' "
    "(or point to a CSV with --ratings FILE or [tool.checker] ratings = [...])"
)

RATINGS = Setting(
    "ratings", [], str_list,
    "rating-set CSV files or folders to use as well (relative to the config file)",
)  # fmt: skip
ALLOWED_SOURCES = Setting(
    "allowed_sources", [], str_list,
    "sources the newsroom accepts whatever their rating (accepted; not yet used by a rule)",
    accumulates=True,
)  # fmt: skip


class RatingsError(ConfigError):
    """A ratings file is missing, unreadable or of an unknown format (exit code 2)."""


# --------------------------------------------------------------------------- rating sets


def label_for_score(score: float) -> str:
    if score >= HIGH_BAND:
        return HIGH
    if score >= LOW_BAND:
        return MEDIUM
    return LOW


@dataclass(frozen=True, slots=True)
class Rating:
    """One domain's rating in one set."""

    domain: str  # the key that matched in the set
    score: float  # 0 (worst) .. 1 (best)
    label: str  # high | medium | low | deprecated
    status: str  # the set's own value ("gr", "unreliable", "0.8613"...)
    override: bool  # a deprecated / generally-unreliable status
    source: str  # rating set name
    percentile: float  # 0..100, mid-rank of the score within its set


@dataclass
class RatingSet:
    """One rating file: domain -> (score, label, status, override)."""

    name: str  # lin2023 | wikipedia-perennial | cred1 | user:<file name>
    format: str
    path: str
    entries: dict[str, tuple[float, str, str, bool]] = field(default_factory=dict)
    _scores: list[float] = field(default_factory=list, repr=False)
    _by_domain: dict[str, list[str]] = field(default_factory=dict, repr=False)

    def finish(self) -> RatingSet:
        self._scores = sorted(v[0] for v in self.entries.values())
        for key in self.entries:
            self._by_domain.setdefault(registrable_domain(key.split("/", 1)[0]), []).append(key)
        return self

    def __len__(self) -> int:
        return len(self.entries)

    def percentile(self, score: float) -> float:
        n = len(self._scores)
        if not n:
            return 0.0
        lo = bisect.bisect_left(self._scores, score)
        hi = bisect.bisect_right(self._scores, score)
        return round(100.0 * (lo + hi) / 2.0 / n, 1)

    def _rating(self, key: str) -> Rating:
        score, label, status, override = self.entries[key]
        return Rating(key, score, label, status, override, self.name, self.percentile(score))

    def get(self, key: str) -> Rating | None:
        return self._rating(key) if key in self.entries else None

    def rollup(self, domain: str) -> Rating | None:
        """The worst-rated entry filed under a subdomain of ``domain`` (when it has none)."""
        keys = [k for k in self._by_domain.get(domain, ()) if k != domain and "/" not in k]
        if not keys:
            return None
        return min((self._rating(k) for k in keys), key=lambda r: (r.score, r.domain))


_HEADER_FORMATS: tuple[tuple[str, frozenset[str]], ...] = (
    (LIN, frozenset({"domain", "pc1"})),
    (WIKI, frozenset({"source_name", "status", "domain"})),
    (CRED1, frozenset({"domain", "category", "credibility_score"})),
    (USER, frozenset({"domain", "score"})),
)


def detect_format(header: Sequence[str]) -> str:
    """Rating-set format from a CSV header, or "" when none fits."""
    cols = {h.strip().lower() for h in header}
    for name, needed in _HEADER_FORMATS:
        if needed <= cols:
            return name
    return ""


def _norm_key(domain: str) -> str:
    d = domain.strip().lower().rstrip("/")
    if "://" in d:
        host = host_of(d)
        rest = urlsplit(d).path.strip("/")
        return f"{host}/{rest}" if rest else host
    while d.startswith("www."):
        d = d[4:]
    return d


def _float(value: str, where: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise RatingsError(f"{where}: score {value!r} is not a number") from None
    if not 0.0 <= x <= 1.0:
        raise RatingsError(f"{where}: score {value!r} must be between 0 and 1")
    return x


# One row of a rating set: (score, label, the set's own status value, override).
Entry = tuple[float, str, str, bool]
Cell = Callable[[str], str]  # the stripped value of a row's column ("" when absent)


def _lin_entry(cell: Cell, where: str) -> Entry | None:
    if not cell("pc1"):
        return None
    score = _float(cell("pc1"), where)
    return (score, label_for_score(score), cell("pc1")[:6], False)


def _wiki_entry(cell: Cell, where: str) -> Entry | None:
    status = cell("status").lower()
    if status not in WIKI_STATUS:
        return None
    score, label, override = WIKI_STATUS[status]
    return (score, label, status, override)


def _cred1_entry(cell: Cell, where: str) -> Entry | None:
    cat = cell("category").lower()
    score = _float(cell("credibility_score"), where) if cell("credibility_score") else 0.1
    unreliable = cat in CRED1_UNRELIABLE
    return (score, LOW if unreliable else label_for_score(score), cat, unreliable)


def _user_entry(cell: Cell, where: str) -> Entry | None:
    given = cell("label")
    label = USER_LABELS.get(given.lower(), "")
    if cell("score"):
        score = _float(cell("score"), where)
    elif label:
        score = LABEL_SCORE[label]
    else:
        raise RatingsError(f"{where}: a row needs a score (0..1) or a known label")
    label = label or label_for_score(score)
    return (score, label, given or cell("score"), label in LOW_LABELS)


# How a row of each format becomes an entry (None: the row rates nothing).
_ROW_READERS: dict[str, Callable[[Cell, str], Entry | None]] = {
    LIN: _lin_entry,
    WIKI: _wiki_entry,
    CRED1: _cred1_entry,
    USER: _user_entry,
}


def parse_ratings(text: str, path: str = "<ratings>") -> RatingSet:
    """Read one rating set from CSV text (format detected by the header)."""
    import csv  # only when a ratings file is read
    import io

    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = next(reader, None)
    if not header:
        raise RatingsError(f"{path}: empty ratings file")
    fmt = detect_format(header)
    if not fmt:
        raise RatingsError(
            f"{path}: unknown ratings format (header {','.join(header[:6])!r}); expected a "
            "user CSV 'domain,score,label', Lin et al. 'domain,pc1,...', Wikipedia perennial "
            "'source_name,status,domain,...' or CRED-1 'domain,category,credibility_score,...'"
        )
    col = {h.strip().lower(): i for i, h in enumerate(header)}
    name = fmt if fmt != USER else f"user:{Path(path).name}"
    rs = RatingSet(name=name, format=fmt, path=path)
    read_row = _ROW_READERS[fmt]
    for lineno, row in enumerate(reader, 2):
        if not row or not any(c.strip() for c in row):
            continue

        def cell(key: str, row: list[str] = row) -> str:
            i = col.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        raw_domain = cell("domain")
        if not raw_domain or raw_domain.startswith("#"):
            continue
        key = _norm_key(raw_domain)
        entry = read_row(cell, f"{path}:{lineno}")
        if entry is None:
            continue
        # the first row for a key wins (files list a domain once; Wikipedia splits a few)
        rs.entries.setdefault(key, entry)
    return rs.finish()


def read_ratings(path: str | os.PathLike[str]) -> RatingSet:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RatingsError(f"ratings file not found: {p}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RatingsError(f"{p}: cannot read ratings file: {exc}") from exc
    return parse_ratings(text, str(p))


@dataclass
class RatingSets:
    """Every loaded rating set, in priority order, with the combination policy."""

    sets: list[RatingSet]

    def __bool__(self) -> bool:
        return bool(self.sets)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sets]

    def candidates(self, domains: Sequence[str], url: str = "") -> list[Rating]:
        """Each set's rating for the first of ``domains`` it knows (the URL's section first)."""
        keys = [path_key(url)] if url else []
        keys = [k for k in keys if k] + [d for d in domains if d]
        found: list[Rating] = []
        for rs in self.sets:
            hit = next((r for r in (rs.get(k) for k in keys) if r is not None), None)
            if hit is None:
                hit = next((r for r in (rs.rollup(d) for d in domains if d) if r), None)
            if hit is not None:
                found.append(hit)
        return found

    def lookup(self, domains: Sequence[str], url: str = "") -> Rating | None:
        """The combined rating of an outlet known under ``domains`` (primary first)."""
        found = self.candidates(domains, url)
        if not found:
            return None
        user = [r for r in found if r.source.startswith(USER)]
        if user:
            return user[0]
        overrides = [r for r in found if r.override]
        if overrides:
            return min(overrides, key=lambda r: (r.label != DEPRECATED, r.score))
        return found[0]


def cache_dir() -> Path:
    """Where ``checker ratings update`` installs the rating sets."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "checker" / "ratings"


def _expand(p: Path) -> list[Path]:
    if p.is_dir():
        return sorted(f for f in p.glob("*.csv") if f.is_file())
    return [p]


def rating_files(config: Config | None = None) -> list[tuple[Path, str]]:
    """(path, origin) of every ratings file to use, in priority order (origins:
    ``config``, ``env``, ``cache``). Configured paths need not exist (loading says so)."""
    out: list[tuple[Path, str]] = []
    if config is not None:
        base = Path(config.source_file).parent if config.source_file else Path.cwd()
        for item in config.get(RATINGS):
            p = Path(os.path.expanduser(item))
            out += [(f, "config") for f in _expand(p if p.is_absolute() else base / p)]
    env = os.environ.get("CHECKER_RATINGS", "")
    for item in (x for x in env.split(os.pathsep) if x.strip()):
        out += [(f, "env") for f in _expand(Path(os.path.expanduser(item)))]
    cache = cache_dir()
    if cache.is_dir():
        out += [(f, "cache") for f in _expand(cache)]
    seen: set[str] = set()
    unique = []
    for p, origin in out:
        key = str(p.resolve()) if p.exists() else str(p)
        if key not in seen:
            seen.add(key)
            unique.append((p, origin))
    return unique


# Parsed files per (path, size, mtime); loaded rating sets per those files, and per
# configuration.
_FILES: BoundedCache[tuple[str, int, int], RatingSet] = BoundedCache(32)
_SETS: BoundedCache[tuple[tuple[str, int, int], ...], RatingSets] = BoundedCache(16)
_BY_CONFIG: BoundedCache[tuple[Any, ...], RatingSets] = BoundedCache(16)


def _stamp(f: str | os.PathLike[str]) -> tuple[str, int, int]:
    p = Path(f)
    try:
        st = p.stat()
    except OSError:
        raise RatingsError(f"ratings file not found: {p}") from None
    return (str(p), st.st_size, st.st_mtime_ns)


def _read_stamped(stamp: tuple[str, int, int]) -> RatingSet:
    return _FILES.get(stamp, lambda: read_ratings(stamp[0]))


def read_ratings_once(path: str | os.PathLike[str]) -> RatingSet:
    """``read_ratings``, parsed once per process while the file is unchanged."""
    return _read_stamped(_stamp(path))


def load_rating_sets(files: Iterable[str | os.PathLike[str]]) -> RatingSets:
    """Load (once per process, keyed by path, size and mtime) and order the rating sets."""
    key = tuple(_stamp(f) for f in files)

    def load() -> RatingSets:
        sets = [_read_stamped(stamp) for stamp in key]
        sets.sort(key=lambda s: FORMAT_PRIORITY[s.format])  # stable: file order within a format
        return RatingSets(sets)

    return _SETS.get(key, load)


def load_ratings(config: Config | None = None) -> RatingSets:
    """The rating sets configured for ``config`` (empty when none are installed).

    Memoised per process on the configured paths, ``CHECKER_RATINGS`` and the cache
    folder, so a batch audit looks for files once, not once per article.
    """
    key = (
        tuple(config.get(RATINGS)) if config is not None else (),
        config.source_file if config is not None else "",
        os.environ.get("CHECKER_RATINGS", ""),
        # what cache_dir() depends on (cheaper to read than to build the path per article)
        os.environ.get("XDG_CACHE_HOME", ""),
        os.environ.get("HOME", ""),
    )
    return _BY_CONFIG.get(key, lambda: load_rating_sets(p for p, _ in rating_files(config)))
