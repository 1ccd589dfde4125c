"""Source-credibility rating sets: file readers, domain resolution and ``checker ratings``.

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
update`` (``$XDG_CACHE_HOME/checker/ratings`` or ``~/.cache/checker/ratings``).
"""

from __future__ import annotations

import argparse
import bisect
import csv
import hashlib
import io
import os
import re
import sys
import tempfile
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from checker.core.config import ConfigError
from checker.core.datafiles import load_data

if TYPE_CHECKING:
    from checker.core.config import Config

OUTLETS_PATH = Path(__file__).resolve().parent / "reference" / "outlets.json"

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


class RatingsError(ConfigError):
    """A ratings file is missing, unreadable or of an unknown format (exit code 2)."""


class RatingsDownloadError(RatingsError):
    """``checker ratings update`` could not fetch or verify a rating set."""


# --------------------------------------------------------------------------- domains


@lru_cache(maxsize=1)
def _outlets_data() -> dict[str, Any]:
    data: dict[str, Any] = load_data(OUTLETS_PATH, "checker-outlets")
    return data


_HOST_OK = re.compile(r"^[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?$")


def host_of(url_or_host: str) -> str:
    """Lower-case host name of a URL or bare host ("" when there is none); drops ``www.``."""
    s = url_or_host.strip()
    if not s:
        return ""
    if "://" not in s and not s.startswith("//"):
        s = "//" + s
    try:
        host = urlsplit(s).hostname or ""
    except ValueError:
        return ""
    host = host.strip(".").lower()
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return ""
    while host.startswith("www.") or re.match(r"^www\d\.", host):
        host = host.split(".", 1)[1]
    return host if _HOST_OK.match(host) and "." in host else ""


def registrable_domain(host: str) -> str:
    """The registrable domain of a host or URL: ``english.almayadeen.net`` -> ``almayadeen.net``.

    One implementation for the whole tool: this delegates to
    ``rules.footnotes.registrable_domain`` (multi-part suffixes such as ``co.uk`` and
    hosting platforms such as ``blogspot.com`` come from its lexicon).
    """
    from rules.footnotes.domains import registrable_domain as _registrable

    h = host_of(host)
    return _registrable(h) if h else ""


def path_key(url: str) -> str:
    """``host/first-path-segment`` of a URL (rating sets rate a few sections this way)."""
    try:
        parts = urlsplit(url if "://" in url else "//" + url)
    except ValueError:
        return ""
    host = host_of(url)
    seg = parts.path.strip("/").split("/", 1)[0].lower()
    return f"{host}/{seg}" if host and seg else ""


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


def parse_ratings(text: str, path: str = "<ratings>") -> RatingSet:
    """Read one rating set from CSV text (format detected by the header)."""
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
    for lineno, row in enumerate(reader, 2):
        if not row or not any(c.strip() for c in row):
            continue
        where = f"{path}:{lineno}"

        def cell(key: str, row: list[str] = row) -> str:
            i = col.get(key)
            return row[i].strip() if i is not None and i < len(row) else ""

        raw_domain = cell("domain")
        if not raw_domain or raw_domain.startswith("#"):
            continue
        key = _norm_key(raw_domain)
        if fmt == LIN:
            if not cell("pc1"):
                continue
            score = _float(cell("pc1"), where)
            entry = (score, label_for_score(score), cell("pc1")[:6], False)
        elif fmt == WIKI:
            status = cell("status").lower()
            if status not in WIKI_STATUS:
                continue
            score, label, override = WIKI_STATUS[status]
            entry = (score, label, status, override)
        elif fmt == CRED1:
            cat = cell("category").lower()
            score = _float(cell("credibility_score"), where) if cell("credibility_score") else 0.1
            unreliable = cat in CRED1_UNRELIABLE
            entry = (score, LOW if unreliable else label_for_score(score), cat, unreliable)
        else:
            given = cell("label")
            label = USER_LABELS.get(given.lower(), "")
            if cell("score"):
                score = _float(cell("score"), where)
            elif label:
                score = LABEL_SCORE[label]
            else:
                raise RatingsError(f"{where}: a row needs a score (0..1) or a known label")
            label = label or label_for_score(score)
            entry = (score, label, given or cell("score"), label in LOW_LABELS)
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
        for item in config.ratings:
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


_SETS: dict[tuple[tuple[str, int, int], ...], RatingSets] = {}


def load_rating_sets(files: Iterable[str | os.PathLike[str]]) -> RatingSets:
    """Load (once per process, keyed by path, size and mtime) and order the rating sets."""
    stamps = []
    for f in files:
        p = Path(f)
        try:
            st = p.stat()
        except OSError:
            raise RatingsError(f"ratings file not found: {p}") from None
        stamps.append((str(p), st.st_size, st.st_mtime_ns))
    key = tuple(stamps)
    if key not in _SETS:
        sets = [read_ratings(p) for p, _, _ in key]
        order = {id(s): i for i, s in enumerate(sets)}
        sets.sort(key=lambda s: (FORMAT_PRIORITY[s.format], order[id(s)]))
        _SETS[key] = RatingSets(sets)
    return _SETS[key]


_BY_CONFIG: dict[tuple[Any, ...], RatingSets] = {}


def load_ratings(config: Config | None = None) -> RatingSets:
    """The rating sets configured for ``config`` (empty when none are installed).

    Memoised per process on the configured paths, ``CHECKER_RATINGS`` and the cache
    folder, so a batch audit looks for files once, not once per article.
    """
    key = (
        tuple(config.ratings) if config is not None else (),
        config.source_file if config is not None else "",
        os.environ.get("CHECKER_RATINGS", ""),
        str(cache_dir()),
    )
    if key not in _BY_CONFIG:
        _BY_CONFIG[key] = load_rating_sets(p for p, _ in rating_files(config))
    return _BY_CONFIG[key]


# --------------------------------------------------------------------------- upstream


@dataclass(frozen=True)
class Pinned:
    """A rating set published upstream, pinned to one commit and checksum."""

    name: str
    repo: str
    commit: str
    path: str
    filename: str  # name in the cache folder
    sha256: str
    licence: str
    cite: str

    @property
    def url(self) -> str:
        return f"https://raw.githubusercontent.com/{self.repo}/{self.commit}/{self.path}"


PINNED: tuple[Pinned, ...] = (
    Pinned(
        LIN, "hauselin/domain-quality-ratings", "5671d57", "data/domain_ratings.csv",
        "lin2023_domain_ratings.csv",
        "1cf331996d880ae0912c64950a5d9aa8101350a380d4f1c8a81bfab663adc8fd",
        "reuse permitted by the authors; cite the paper",
        "Lin, H. et al. (2023). High level of correspondence across different news domain "
        "quality rating sets. PNAS Nexus 2(9), pgad286.",
    ),
    Pinned(
        WIKI, "kynoptic/wikipedia-reliable-sources", "7d397e4", "outputs/reliability_ranking.csv",
        "wikipedia_perennial_reliability_ranking.csv",
        "c88953d70d37df3ab80c7e46f93843517b4be608bdafd22b1f10afc0eaefc6e3",
        "CC BY-SA 4.0 (Wikipedia contributors)",
        "Wikipedia: Reliable sources/Perennial sources, via kynoptic/wikipedia-reliable-sources.",
    ),
    Pinned(
        CRED1, "aloth/cred-1", "3b98756", "data/cred1_current.csv", "cred1_current.csv",
        "31469b9937620077ca904420ffae408f0579e2c62cce345f35d7d2a5e4901cf5",
        "CC BY 4.0",
        "Loth, A. CRED-1 domain credibility dataset (OpenSources, Iffy.news, enriched).",
    ),
)  # fmt: skip
MAX_DOWNLOAD = 64 * 1024 * 1024


def sha256_file(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fetch(pin: Pinned, opener: Callable[..., Any], timeout: float) -> bytes:
    try:
        with opener(pin.url, timeout=timeout) as resp:
            data: bytes = resp.read(MAX_DOWNLOAD + 1)
    except urllib.error.HTTPError as exc:
        raise RatingsDownloadError(
            f"cannot download {pin.name} from {pin.url}: HTTP {exc.code} {exc.reason}"
        ) from exc
    except (urllib.error.URLError, OSError, TimeoutError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        raise RatingsDownloadError(
            f"cannot download {pin.name} from {pin.url}: {reason}. 'checker ratings update' "
            "needs network access; offline, copy the files from a connected machine and run "
            "'checker ratings update --from DIR', or use them directly with --ratings FILE "
            "or [tool.checker] ratings = [...]"
        ) from exc
    if len(data) > MAX_DOWNLOAD:
        raise RatingsDownloadError(f"{pin.name}: download from {pin.url} is implausibly large")
    return data


def _find_local(pin: Pinned, source_dir: Path) -> Path:
    base = Path(pin.path).name
    for cand in (source_dir / pin.filename, source_dir / base):
        if cand.is_file():
            return cand
    hits = sorted(source_dir.rglob(base))
    if not hits:
        raise RatingsDownloadError(f"{pin.name}: no {base} under {source_dir}")
    return hits[0]


def update(
    dest: str | os.PathLike[str] | None = None,
    names: Iterable[str] = (),
    source_dir: str | os.PathLike[str] | None = None,
    opener: Callable[..., Any] | None = None,
    timeout: float = 60.0,
    force: bool = False,
    log: Callable[[str], None] = lambda _msg: None,
) -> list[Path]:
    """Install the pinned upstream rating sets into ``dest`` (default: the cache folder).

    Each file is checked against its pinned SHA-256 before it replaces anything;
    a failed download or a checksum mismatch raises :class:`RatingsDownloadError`
    and leaves the installed files untouched. ``source_dir`` installs from local
    copies (for machines without network access) with the same checks.
    """
    wanted = set(names)
    unknown = wanted - {p.name for p in PINNED}
    if unknown:
        raise RatingsError(
            f"unknown rating set {', '.join(sorted(unknown))}; "
            f"choose from {', '.join(p.name for p in PINNED)}"
        )
    target = Path(dest) if dest is not None else cache_dir()
    pins = [p for p in PINNED if not wanted or p.name in wanted]
    installed: list[Path] = []
    for pin in pins:
        out = target / pin.filename
        if not force and out.is_file() and sha256_file(out) == pin.sha256:
            log(f"{pin.name}: up to date ({out})")
            installed.append(out)
            continue
        if source_dir is not None:
            local = _find_local(pin, Path(source_dir))
            data = local.read_bytes()
            origin = str(local)
        else:
            log(f"{pin.name}: downloading {pin.url}")
            data = _fetch(pin, opener or urllib.request.urlopen, timeout)
            origin = pin.url
        digest = hashlib.sha256(data).hexdigest()
        if digest != pin.sha256:
            raise RatingsDownloadError(
                f"{pin.name}: checksum mismatch for {origin} (expected sha256 {pin.sha256}, "
                f"got {digest}); nothing was installed for this set"
            )
        parse_ratings(data.decode("utf-8-sig"), origin)  # refuse files we cannot read
        target.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target, prefix=f".{pin.filename}.", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, out)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        log(f"{pin.name}: installed {out} (sha256 ok)")
        installed.append(out)
    return installed


def status_lines(config: Config | None = None) -> list[str]:
    """Human-readable description of the rating sets ``config`` would use."""
    pins = {p.sha256: p for p in PINNED}
    lines = []
    files = rating_files(config)
    for path, origin in files:
        if not path.is_file():
            lines.append(f"  MISSING  {path}  (from {origin})")
            continue
        try:
            rs = read_ratings(path)
        except RatingsError as exc:
            lines.append(f"  ERROR    {exc}  (from {origin})")
            continue
        pin = pins.get(sha256_file(path))
        ver = f"pinned {pin.repo}@{pin.commit}" if pin else "not a pinned upstream version"
        lines.append(f"  {rs.name:24} {len(rs):>6} domains  {path}  ({origin}; {ver})")
    head = (
        "rating sets in use (a user set wins; deprecated/unreliable statuses override scores):"
        if files
        else f"checker: note: {NO_RATINGS_NOTE}"
    )
    return [head, *lines, f"cache folder: {cache_dir()}"]


# --------------------------------------------------------------------------- CLI


def add_parser(sub: Any) -> argparse.ArgumentParser:
    """Register ``checker ratings {update,status}`` on the CLI's subparsers."""
    r = sub.add_parser(
        "ratings",
        help="install or inspect the source-credibility rating sets",
        description="Install (update) or list (status) the rating sets used to rate cited "
        "sources. See docs/credibility.md.",
    )
    rsub = r.add_subparsers(dest="ratings_command", metavar="ACTION")
    u = rsub.add_parser("update", help="download the pinned upstream rating sets (checksummed)")
    u.add_argument("--dest", metavar="DIR", help=f"install here (default: {cache_dir()})")
    u.add_argument(
        "--from", dest="source_dir", metavar="DIR",
        help="install from local copies in DIR instead of downloading (same checksums)",
    )  # fmt: skip
    u.add_argument(
        "--set", dest="names", action="append", default=[], metavar="NAME",
        help=f"only this set (repeatable): {', '.join(p.name for p in PINNED)}",
    )  # fmt: skip
    u.add_argument("--force", action="store_true", help="reinstall even if up to date")
    u.add_argument("--timeout", type=float, default=60.0, metavar="S", help=argparse.SUPPRESS)
    s = rsub.add_parser("status", help="list the rating sets that an audit would use")
    s.add_argument("--config", metavar="FILE", help="pyproject.toml or .checker.toml to use")
    s.add_argument(
        "--ratings", action="append", default=[], metavar="FILE", help="extra ratings CSV"
    )
    return r


def cmd_ratings(args: argparse.Namespace) -> int:
    """Run ``checker ratings ...``; returns the exit code."""
    from checker.core.config import find_config, load_config

    action = getattr(args, "ratings_command", None)
    if action == "update":
        try:
            update(
                dest=args.dest, names=args.names, source_dir=args.source_dir,
                timeout=args.timeout, force=args.force, log=print,
            )  # fmt: skip
        except RatingsDownloadError as exc:
            print(f"checker: error: {exc}", file=sys.stderr)
            return 1
        print("Rating sets installed. Licences and citations: see docs/credibility.md.")
        return 0
    if action == "status":
        config = load_config(args.config) if args.config else find_config(Path.cwd())
        config.ratings = [*config.ratings, *(str(Path(f).resolve()) for f in args.ratings)]
        for line in status_lines(config):
            print(line)
        return 0
    print("usage: checker ratings {update,status} (see 'checker ratings --help')", file=sys.stderr)
    return 2


_POSSESSIVE = re.compile(r"'s$")
_NAME_PUNCT = re.compile(r"[\"“”()\[\],;:!?]")
_SPACES = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """Key for alias look-ups: case-folded, no leading "the", no possessive or punctuation."""
    s = unicodedata.normalize("NFKC", name).replace("\u2019", "'").strip()
    s = _POSSESSIVE.sub("", s)
    s = _NAME_PUNCT.sub(" ", s).strip(" .-'")
    s = _SPACES.sub(" ", s).casefold()
    return s[4:] if s.startswith("the ") else s
