"""The result cache: an article whose text and settings are unchanged is not analysed again.

Re-auditing an archive every night mostly re-reads what has not changed. Each
article's result is stored under a key that hashes everything it depends on:

- the article's bytes (a file's raw content, or a table cell's text) and its format;
- the configuration that applies to it (``[tool.checker]``, per-path overrides);
- the tool: its version and the content of every source and data file of the
  ``checker`` and ``rules`` packages (so lexicons and models count) and of the report
  modules that shape an entry (:data:`PREPARED_BY`), and the content of the
  source-credibility rating files in use.

An entry is one small file, ``<dir>/v1/<2 hex>/<key>.json``: a header line naming the
format and the key, then the result record as JSON (no pickle: a cache shared with
others runs no code). It is written to a temporary file and renamed into place, so
concurrent audits never see half an entry (two writing the same key write the same
thing). An entry that cannot be read, is cut short, or names another key or format
(corrupt, foreign, or from another version) is ignored and rebuilt. Failed articles
are not cached. Rendered HTML pages are cached the same way (``*.html``), keyed on the
result, the article's name, id, page and metadata, and the HTML writer's files.

Results are stored as they are finished, so an audit that is killed resumes from the
cache: the next run analyses only what the killed one had not reached.

Size: an entry read by an audit has its modification time set to now, so the time says
when an entry was last used. At the end of a complete audit (at most once an hour per
cache: :meth:`ResultCache.prune_if_due`), :meth:`ResultCache.prune` keeps the cache
within ``[tool.checker] cache_max_mb`` (default 2048; 0 for no limit) by removing the
least recently used entries first; an entry the audit itself wrote or read is never
removed (a limit smaller than one run's results leaves those).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
import zlib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from checker.core.config import Config
from checker.core.version import __version__
from checker.text.tabular import ArticleInput
from reports.stream import PER_INPUT, Prepared

FORMAT = "checker-result-cache"
VERSION = "v1"
ROOT = Path(__file__).resolve().parents[1]
_SUFFIXES = (".py", ".json", ".toml", ".txt", ".html", ".css", ".js", ".csv")


PRUNE_EVERY = 3600  # seconds: the least often an audit walks the cache to keep its size
# entries used within this many seconds are never pruned: this run's, and those of audits
# running beside it on the same cache (which started earlier; a cache may be shared)
PRUNE_GRACE = 24 * 3600

# the report modules that shape what an entry holds (its articles.jsonl line, CSV rows
# and summary): a change to them makes new entries, as a change to checker/ or rules/ does
PREPARED_BY = ("reports/stream.py", "reports/compact.py", "reports/rows.py")


def tree_digest(folders: Iterable[Path]) -> str:
    """A hash of the names and content of every source and data file under ``folders``
    (a folder may also be a single file)."""
    h = hashlib.sha256()
    for folder in folders:
        for f in sorted(folder.rglob("*")) if folder.is_dir() else [folder]:
            if f.suffix in _SUFFIXES and f.is_file() and "__pycache__" not in f.parts:
                h.update(f.relative_to(ROOT).as_posix().encode())
                h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def _ratings_digest(config: Config) -> str:
    from rules.credibility.ratings import rating_files

    h = hashlib.sha256()
    for path, *_ in rating_files(config):
        with contextlib.suppress(OSError):
            h.update(str(path).encode())
            h.update(hashlib.sha256(Path(path).read_bytes()).digest())
    return h.hexdigest()


def config_digest(config: Config) -> str:
    """A hash of what a configuration says (its ``repr``: every setting, in order)."""
    return hashlib.sha256(repr(config).encode("utf-8", "surrogatepass")).hexdigest()


class ResultCache:
    """A content-addressed store of article results (see the module docstring)."""

    def __init__(self, folder: str | os.PathLike[str], config: Config) -> None:
        self.folder = Path(folder) / VERSION
        self.config = config
        tool = tree_digest([ROOT / "checker", ROOT / "rules", *(ROOT / p for p in PREPARED_BY)])
        self.base = hashlib.sha256(
            f"{__version__}\0{tool}\0{_ratings_digest(config)}".encode()
        ).hexdigest()
        self.pages_base = hashlib.sha256(
            f"{self.base}\0{tree_digest([ROOT / 'reports'])}".encode()
        ).hexdigest()
        self._configs: dict[int, tuple[Config, str]] = {}
        self._folders: set[Path] = set()  # entry folders made (see _temporary)
        self.hits = 0
        self.started = time.time()  # entries used by this run are newer (see prune)

    def _config_key(self, cfg: Config) -> str:
        known = self._configs.get(id(cfg))
        if known is None or known[0] is not cfg:
            known = (cfg, config_digest(cfg))
            if len(self._configs) < 64:
                self._configs[id(cfg)] = known
        return known[1]

    def key(self, item: ArticleInput) -> str | None:
        """The key of an article's result; None when the article cannot be read."""
        h = hashlib.sha256(self.base.encode())
        if item.text is not None:
            cfg = self.config
            h.update(f"\0row\0{item.fmt}\0".encode())
            h.update(item.text.encode("utf-8", "surrogatepass"))
        else:
            cfg = self.config.for_path(item.path)
            try:
                with open(item.path, "rb") as fh:  # a regular file (walk checked it)
                    data = fh.read()
            except OSError:
                return None
            h.update(f"\0file\0{Path(item.path).suffix.lower()}\0".encode())
            h.update(data)
        h.update(self._config_key(cfg).encode())
        return h.hexdigest()

    def _path(self, key: str, suffix: str) -> Path:
        return self.folder / key[:2] / f"{key}{suffix}"

    def _read(self, key: str, suffix: str) -> bytes | None:
        path = self._path(key, suffix)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        head, _, body = raw.partition(b"\n")
        if head != f"{FORMAT} {VERSION} {key}".encode():
            return None  # foreign, older or corrupt
        with contextlib.suppress(OSError):  # used now: the last to go when pruning
            os.utime(path)
        return body

    def prune_if_due(self) -> tuple[int, int]:
        """:meth:`prune`, at most once every :data:`PRUNE_EVERY` seconds per cache (a stamp
        file says when it last ran): walking a cache of an archive's results takes a
        second or two, which a run auditing a few drafts should not pay every time."""
        stamp = self.folder / ".pruned"
        with contextlib.suppress(OSError):
            if time.time() - stamp.stat().st_mtime < PRUNE_EVERY:
                return 0, 0
        done = self.prune()
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            stamp.touch()
        return done

    def prune(self, max_mb: float | None = None) -> tuple[int, int]:
        """Remove the least recently used entries until the cache takes at most ``max_mb``
        MB (default: the configuration's ``cache_max_mb``; 0: no limit), never one used
        in the last :data:`PRUNE_GRACE` seconds or since this cache object was made (so
        not an entry of an audit running beside this one); also removes temporary files
        left by killed writers. Returns (entries removed, bytes removed)."""
        limit = self.config.cache_max_mb if max_mb is None else max_mb
        entries: list[tuple[float, int, Path]] = []
        total = 0
        stale_tmp = self.started - 3600  # a writer's temporary file older than an hour
        with contextlib.suppress(OSError):
            for sub in self.folder.iterdir():
                if not sub.is_dir():
                    continue
                for f in sub.iterdir():  # (the stamp file is not in a subfolder)
                    with contextlib.suppress(OSError):
                        st = f.stat()
                        if f.name.endswith(".tmp"):
                            if st.st_mtime < stale_tmp:
                                f.unlink()
                            continue
                        entries.append((st.st_mtime, st.st_size, f))
                        total += st.st_size
        if not limit or total <= limit * 1e6:
            return 0, 0
        removed = freed = 0
        keep_from = min(self.started, time.time() - PRUNE_GRACE) - 1
        for mtime, size, f in sorted(entries):
            if total <= limit * 1e6 or mtime >= keep_from:  # used recently (by this run too)
                break
            with contextlib.suppress(OSError):
                f.unlink()
                removed += 1
                freed += size
                total -= size
        return removed, freed

    def _write(self, key: str, suffix: str, body: bytes) -> None:
        path = self._path(key, suffix)
        with contextlib.suppress(OSError):  # a cache that cannot be written is no cache
            fd, tmp = self._temporary(path)
            try:
                try:
                    view = memoryview(f"{FORMAT} {VERSION} {key}\n".encode() + body)
                    while view:  # a regular file takes it all in one call, unless the disk fills
                        view = view[os.write(fd, view) :]
                finally:
                    os.close(fd)
                os.replace(tmp, path)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)

    def _temporary(self, path: Path) -> tuple[int, str]:
        """A new private temporary file beside ``path`` (its descriptor and name), named
        after ``path`` and this process: two processes writing the same entry write apart.
        Its folder is made the first time (``_folders``: at most 256 names per cache)."""
        folder = path.parent
        if folder not in self._folders:
            folder.mkdir(parents=True, exist_ok=True)
            self._folders.add(folder)
        tmp = os.path.join(folder, f".{path.name}.{os.getpid()}.tmp")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
        try:  # mode 0600, as tempfile.mkstemp's (that makes a random name: slower)
            return os.open(tmp, flags, 0o600), tmp
        except FileNotFoundError:  # the folder went away since: made again (once)
            folder.mkdir(parents=True, exist_ok=True)
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:  # left by a killed writer that had this process id
            return tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)

    def get(self, key: str) -> Prepared | None:
        """The prepared output cached under this key, or None when there is none or it
        cannot be used (corrupt, cut short, another version, a failed article)."""
        body = self._read(key, ".json")
        if body is None:
            return None
        try:
            prepared = Prepared.from_json(body)
            if prepared.summary.get("status") == "error" or not prepared.body.startswith("{"):
                return None
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        self.hits += 1
        return prepared

    def put(self, key: str, prepared: Prepared) -> None:
        """Store an article's prepared output (its page is stored by :meth:`put_page`)."""
        self._write(key, ".json", prepared.to_json().encode("utf-8"))

    def page_key(self, key: str, fields: Mapping[str, Any]) -> str:
        """The key of an article's page: its result's key, its input's own fields, and
        the HTML writer's files."""
        per_input = json.dumps([fields.get(k) for k in PER_INPUT], ensure_ascii=False,
                               sort_keys=True, default=str)  # fmt: skip
        return hashlib.sha256(f"{self.pages_base}\0{key}\0{per_input}".encode()).hexdigest()

    def get_page(self, page_key: str) -> str | None:
        body = self._read(page_key, ".html.z")
        if body is None:
            return None
        try:
            return zlib.decompress(body).decode("utf-8")
        except (zlib.error, UnicodeDecodeError):
            return None

    def put_page(self, page_key: str, html: str) -> None:
        self._write(page_key, ".html.z", zlib.compress(html.encode("utf-8"), 1))
