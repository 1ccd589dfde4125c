"""Per-document budgets: a time limit on analysing one article, and a memory limit for
worker processes.

The time budget stops the analysis of one document wherever it is, even inside a
long regular-expression search (the regex engine checks for signals as it goes): a
:class:`Deadline` arms an interval timer (``SIGALRM``) when it runs on the main thread
of a platform that has one, and is also checked between stages, so that it works (less
promptly) everywhere else. Running out raises :class:`BudgetExceeded`, a
``BaseException`` so that no ``except Exception`` inside a rule family swallows it; the
pipeline turns it into the document's error row ("analysis exceeded 60 s at
rules.hedging").

The memory budget caps a worker process's address space (``RLIMIT_AS``, where the
platform has it), so that one huge or pathological document raises ``MemoryError`` in
its own worker instead of exhausting the machine.
"""

from __future__ import annotations

import signal
import threading
import time
from types import TracebackType
from typing import Any

DEFAULT_TIME_BUDGET = 60.0  # seconds per document; real articles take well under 1 s
DEFAULT_MEMORY_BUDGET = 8192.0  # MB of address space per worker process of an audit


class BudgetExceeded(BaseException):
    """The analysis of one document ran past its time budget."""

    def __init__(self, seconds: float, stage: str) -> None:
        super().__init__(f"analysis exceeded {format_seconds(seconds)} s at {stage}")
        self.seconds = seconds
        self.stage = stage


def format_seconds(seconds: float) -> str:
    """``60`` for whole seconds, ``0.5`` otherwise."""
    return f"{seconds:g}"


def seconds_arg(value: str) -> float:
    """A ``--time-budget`` value: seconds from 0 (no limit) to 1,000,000 (argparse type)."""
    import argparse

    try:
        v = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 <= v <= 1e6:
        raise argparse.ArgumentTypeError("must be a number of seconds >= 0 (0: no limit)")
    return v


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class Deadline:
    """A time budget for one document, used as a context manager around its analysis.

    ``seconds`` <= 0 (or None) means no budget. ``stage`` names what runs now; the
    pipeline sets it as it goes, and the error names it. ``check()`` raises
    :class:`BudgetExceeded` once the time is up (for code that runs where no alarm can).
    """

    def __init__(self, seconds: float | None) -> None:
        self.seconds = float(seconds or 0.0)
        self.stage = "start"
        self._end = 0.0
        self._armed = False
        self._old_handler: Any = None
        self._old_timer: tuple[float, float] = (0.0, 0.0)

    @property
    def active(self) -> bool:
        return self.seconds > 0

    def _expired(self, signum: int, frame: Any) -> None:
        raise BudgetExceeded(self.seconds, self.stage)

    def __enter__(self) -> Deadline:
        if not self.active:
            return self
        self._end = time.monotonic() + self.seconds
        if _can_alarm():
            self._old_handler = signal.signal(signal.SIGALRM, self._expired)
            self._old_timer = signal.setitimer(signal.ITIMER_REAL, self.seconds)
            self._armed = True
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self._armed:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._old_handler)
        self._armed = False
        remaining, interval = self._old_timer
        if remaining > 0:  # give an outer timer back what is left of it
            elapsed = time.monotonic() - (self._end - self.seconds)
            signal.setitimer(signal.ITIMER_REAL, max(remaining - elapsed, 1e-3), interval)

    def enter(self, stage: str) -> None:
        """Note that ``stage`` starts now; raise if the budget is already spent."""
        self.stage = stage
        self.check()

    def check(self) -> None:
        """Raise :class:`BudgetExceeded` if the time is up."""
        if self.active and time.monotonic() >= self._end:
            raise BudgetExceeded(self.seconds, self.stage)


def limit_memory(megabytes: float | None) -> bool:
    """Cap this process's address space at ``megabytes`` (for worker processes).

    Returns whether a limit was set (False where the platform has no ``RLIMIT_AS``, or
    for a budget of 0/None). Never raises: a limit the system refuses is left unset.
    """
    if not megabytes or megabytes <= 0:
        return False
    try:
        import resource
    except ImportError:  # Windows
        return False
    limit = int(megabytes * 1024 * 1024)
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True
