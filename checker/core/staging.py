"""One run, one report folder: build it aside, swap it in whole, one writer at a time.

:class:`ReportFolder` is how ``checker audit`` writes ``--out``:

- a lock (``--out/.checker-lock``, an ``flock``: the system releases it when the
  process ends, even by ``kill -9``) lets one audit at a time write the folder;
  a second audit on the same ``--out`` is refused with a message naming the first
  (pid, start time), or waits for it (``wait=True``);
- every report file of the run is written into a fresh staging folder beside ``--out``
  (``.<out>.checker-<run>.tmp``, hidden, so no folder walk reads it);
- at the end the staging folder takes the place of ``--out`` in one step (Linux
  ``renameat2(RENAME_EXCHANGE)``; elsewhere two renames, between which ``--out`` does
  not exist): a reader sees the previous complete report or the new one, never a mix.
  Pages of articles no longer audited go with the old folder;
- a run that dies leaves its staging folder, which the next run on that ``--out``
  removes (with the leftovers of an interrupted swap).

``--out`` is replaced as a whole, so a folder that holds anything but a previous
report (no ``.checker-report`` marker) is refused rather than swapped away.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

from checker.core.io import OutputError, WriteError, folder_mode

LOCK = ".checker-lock"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class FolderBusy(OutputError):
    """Another audit is writing the same output folder."""


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2); False when the system cannot."""
    try:
        fn = ctypes.CDLL(None, use_errno=True).renameat2  # libc's, already loaded
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


class ReportFolder:
    """The output folder of one run (see the module docstring); a context manager.

    ``staging`` is where the run writes; :meth:`commit` swaps it in. Leaving the
    ``with`` block without committing removes the staging folder and keeps ``out``.
    """

    def __init__(self, out: Path | str, run: str, *, wait: bool = False,
                 marker: str = ".checker-report") -> None:  # fmt: skip
        self.out = Path(os.path.abspath(out))
        self.run = run
        self.wait = wait
        self.marker = marker
        self.parent = self.out.parent
        self.lock_path = self.out / LOCK
        self.staging = self.parent / f".{self.out.name}.checker-{run}.tmp"
        self._lock: IO[str] | None = None

    def __enter__(self) -> ReportFolder:
        if self.out.exists() and not self.out.is_dir():
            raise OutputError(f"--out {self.out} exists and is not a folder")
        try:
            self.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WriteError(self.parent, exc) from exc
        self._acquire()
        try:
            self._check_out()
            self._clean_leftovers()
            self.staging.mkdir(mode=0o700)
            os.chmod(self.staging, folder_mode())
        except OSError as exc:
            self._release()
            raise WriteError(self.staging, exc) from exc
        except BaseException:
            self._release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.staging.exists():
                shutil.rmtree(self.staging, ignore_errors=True)
        finally:
            self._release()

    def _acquire(self) -> None:
        """Lock ``out/.checker-lock``; again if the folder was swapped while waiting."""
        import fcntl

        while True:
            try:
                self.out.mkdir(exist_ok=True)
                fh = open(self.lock_path, "a+", encoding="utf-8")  # noqa: SIM115 - held
            except OSError as exc:
                raise WriteError(self.lock_path, exc) from exc
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | (0 if self.wait else fcntl.LOCK_NB))
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip() or "another process"
                fh.close()
                raise FolderBusy(f"another audit is writing {self.out} ({holder}); wait for "
                                 "it to finish, or use --wait, or choose another --out") from None
            try:
                same = os.stat(self.lock_path).st_ino == os.fstat(fh.fileno()).st_ino
            except OSError:
                same = False
            if same:
                break
            fh.close()  # the run we waited for swapped a new folder in: lock that one
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}, run {self.run}, started "
                 f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}\n")  # fmt: skip
        fh.flush()
        self._lock = fh

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing releases the flock
            self._lock = None

    def _check_out(self) -> None:
        if not self.out.exists():
            return
        if not self.out.is_dir():
            raise OutputError(f"--out {self.out} exists and is not a folder")
        if any(p.name != LOCK for p in self.out.iterdir()) and not (
            self.out / self.marker
        ).exists():
            raise OutputError(
                f"--out {self.out} holds files that checker did not write; each run "
                "replaces the whole folder, so give a new or empty folder"
            )

    def _clean_leftovers(self) -> None:
        """Remove staging and swapped-out folders of runs that died (we hold the lock)."""
        prefix = f".{self.out.name}.checker-"
        for p in self.parent.iterdir():
            if p.name.startswith(prefix) and p.name.endswith((".tmp", ".old")) and p.is_dir():
                shutil.rmtree(p, ignore_errors=True)

    def commit(self) -> None:
        """Put the staging folder in the place of ``out`` (the old report goes, whole)."""
        try:
            (self.staging / LOCK).touch()  # the next run's lock (ours goes with the old folder)
            if self.out.exists():
                if _exchange(self.staging, self.out):
                    shutil.rmtree(self.staging, ignore_errors=True)  # now the old report
                    return
                old = Path(tempfile.mkdtemp(prefix=f".{self.out.name}.checker-",
                                            suffix=".old", dir=self.parent))  # fmt: skip
                os.rename(self.out, old / "report")
                os.rename(self.staging, self.out)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.rename(self.staging, self.out)
        except OSError as exc:
            raise WriteError(self.out, exc) from exc


def new_run_id() -> str:
    """A run id: UTC time and a random part (sorts by time; unique across processes)."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()) + "-" + os.urandom(3).hex()
