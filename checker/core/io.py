"""Safe file output: atomic writes confined to the output folder.

Every report file is written to a temporary file beside it and renamed over the
target, so a reader never sees half a file. Inside :func:`staged_writes` the renames
wait until every file of the report is written: a failure on the way (a full disk,
a read-only folder) removes the temporary files and leaves the previous complete
report as it was. Failures are raised as :class:`WriteError`, whose message names the
path and the reason on one line ("cannot write out/articles.jsonl: No space left on
device").
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import IO, Any


class OutputError(Exception):
    """A report cannot be written where it was asked to go."""


class WriteError(OutputError, OSError):
    """Writing a file failed (disk full, permission denied, read-only folder...).

    Also an OSError, so callers that catch OSError still do."""

    def __init__(self, path: Path | str, exc: OSError) -> None:
        self.message = f"cannot write {path}: {exc.strerror or exc}"
        super().__init__(self.message)
        self.path = str(path)
        self.errno = exc.errno
        self.strerror = exc.strerror

    def __str__(self) -> str:
        return self.message


_UMASK = os.umask(0o022)  # read once (it can only be read by setting it), then restored
os.umask(_UMASK)

# (temporary file, target) pairs waiting for the end of staged_writes(), or None
_STAGED: ContextVar[list[tuple[str, Path]] | None] = ContextVar("staged_writes", default=None)


def close_all(handles: Iterable[Any]) -> None:
    """Close every handle (a file, a writer), even when one fails to (a full disk fails the
    flush of each): the first failure is raised once all are closed, so none is left open."""
    first: BaseException | None = None
    for handle in handles:
        try:
            handle.close()
        except BaseException as exc:  # noqa: BLE001 - re-raised below, after the others
            first = first or exc
    if first is not None:
        raise first


def safe_path(out_dir: Path, relative: str) -> Path:
    """Resolve ``relative`` inside ``out_dir``; refuse anything that escapes it."""
    root = out_dir.resolve()
    target = (root / relative).resolve()
    if target != root and root not in target.parents:
        raise OutputError(f"refusing to write outside the output folder: {relative}")
    return target


def _umask() -> int:
    """The process's umask (setting it and back at once is the only way to read it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    """The mode a report file gets: readable as the umask allows (0644 under umask 022)."""
    return 0o666 & ~_umask()


def folder_mode() -> int:
    return 0o777 & ~_umask()


def chmod_report_file(path: Path | str) -> None:
    """Give a file written through a private temporary file the umask's mode."""
    try:
        os.chmod(path, file_mode())
    except OSError as exc:
        raise WriteError(path, exc) from exc


def new_report_fd(path: Path | str) -> int:
    """A descriptor of a new (or emptied) report file open for writing, its mode as the
    umask allows; an OSError is the caller's to name."""
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)  # the umask applies


def open_report_file(path: Path) -> IO[str]:
    """Open a new report file for writing text (UTF-8, mode as the umask allows).

    Meant for files inside a staging folder (:class:`checker.core.staging.ReportFolder`),
    which become visible all at once; raises :class:`WriteError` naming the path.
    """
    return _open_new(path, "w", encoding="utf-8", newline="")


def open_report_bytes(path: Path) -> IO[bytes]:
    """:func:`open_report_file` for bytes (text already encoded, as UTF-8)."""
    return _open_new(path, "wb")


def _open_new(path: Path, mode: str, **options: Any) -> IO[Any]:
    """:func:`new_report_fd` as a file object (its folder made if need be); raises
    :class:`WriteError` naming the path."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.fdopen(new_report_fd(path), mode, **options)
    except OSError as exc:
        raise WriteError(path, exc) from exc


def _unlink_quietly(path: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write via a temporary file in the same folder, then rename over the target.

    Inside :func:`staged_writes` the rename waits for the end of the block. Raises
    :class:`WriteError` (the temporary file removed) when the write fails.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # not on the draft check's path, which writes no file

        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except FileExistsError as exc:  # a file stands where a folder of the path should be
        raise WriteError(path, NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR))
                         ) from exc
    except OSError as exc:
        raise WriteError(path, exc) from exc
    try:
        if hasattr(os, "fchmod"):  # mkstemp makes 0600; give the mode a plain open would
            os.fchmod(fd, 0o666 & ~_UMASK)
        with os.fdopen(fd, "w", encoding=encoding, newline="") as fh:
            fh.write(text)
        os.chmod(tmp, file_mode())  # mkstemp makes it private (0600); reports follow the umask
        staged = _STAGED.get()
        if staged is None:
            os.replace(tmp, path)
        else:
            staged.append((tmp, path))
    except BaseException as exc:
        _unlink_quietly(tmp)
        if isinstance(exc, OSError):
            raise WriteError(path, exc) from exc
        raise
    return path


@contextlib.contextmanager
def staged_writes() -> Iterator[None]:
    """Hold back the renames of :func:`atomic_write_text` until the block ends.

    On success every file is renamed into place; on any exception every temporary
    file is removed, so the files already there (a previous report) stay untouched.
    """
    staged: list[tuple[str, Path]] = []
    token = _STAGED.set(staged)
    try:
        yield
    except BaseException:
        for tmp, _ in staged:
            _unlink_quietly(tmp)
        raise
    finally:
        _STAGED.reset(token)
    for i, (tmp, path) in enumerate(staged):
        try:
            os.replace(tmp, path)
        except OSError as exc:
            for rest, _ in staged[i:]:
                _unlink_quietly(rest)
            raise WriteError(path, exc) from exc
