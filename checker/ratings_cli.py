"""``checker ratings update`` and ``checker ratings status``: install and inspect rating sets.

The rating sets published upstream are pinned here to one commit and SHA-256 each
(:data:`PINNED`); :func:`update` downloads them (or copies local copies) into the cache
folder that :func:`rules.credibility.ratings.rating_files` reads, checking every file
before it replaces anything. :func:`status_lines` describes what an audit would use.
Reading and combining rating sets is :mod:`rules.credibility.ratings`.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rules.credibility.ratings import (
    CRED1,
    LIN,
    NO_RATINGS_NOTE,
    RATINGS,
    WIKI,
    RatingsError,
    cache_dir,
    parse_ratings,
    rating_files,
    read_ratings,
)

if TYPE_CHECKING:
    from checker.core.config import Config


class RatingsDownloadError(RatingsError):
    """``checker ratings update`` could not fetch or verify a rating set."""


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
    import urllib.error  # only when downloading: keeps the other commands' start-up short

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


def _replace_file(target: Path, filename: str, data: bytes) -> None:
    """Write ``target/filename`` atomically (a temporary file, then a rename)."""
    target.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target, prefix=f".{filename}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target / filename)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
            import urllib.request

            data = _fetch(pin, opener or urllib.request.urlopen, timeout)
            origin = pin.url
        digest = hashlib.sha256(data).hexdigest()
        if digest != pin.sha256:
            raise RatingsDownloadError(
                f"{pin.name}: checksum mismatch for {origin} (expected sha256 {pin.sha256}, "
                f"got {digest}); nothing was installed for this set"
            )
        parse_ratings(data.decode("utf-8-sig"), origin)  # refuse files we cannot read
        _replace_file(target, pin.filename, data)
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
    from checker.settings import find_config, load_config

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
        config = config.with_settings(ratings=[
            *config.get(RATINGS), *(str(Path(f).resolve()) for f in args.ratings)
        ])
        for line in status_lines(config):
            print(line)
        return 0
    print("usage: checker ratings {update,status} (see 'checker ratings --help')", file=sys.stderr)
    return 2
