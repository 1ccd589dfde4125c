"""The Dask engine's driver never waits on the cluster without bound (``checker.dask_run``).

A fake client stands in for ``distributed``'s: its futures can lose their result (never
finish) and its cluster can lose every worker. Waiting without a timeout is an error of the
fake, so code that waits without bound fails here instead of hanging. The same on a real
cluster: ``tests/test_dask_cluster.py``.
"""

from __future__ import annotations

import itertools
import time

import pytest

pytest.importorskip("distributed", reason="the dask extra is not installed")

from distributed import KilledWorker  # noqa: E402

from checker.dask_run import ClusterError, Limits, _result, _retrying, compute  # noqa: E402

FAST = Limits(task=0.3, no_workers=0.3, poll=0.02)


class FakeFuture:
    """A task's future: ``outcome`` is its result, an exception it raises, or ``LOST`` (a
    result that never comes back)."""

    LOST = object()

    def __init__(self, key: str, outcome: object) -> None:
        self.key, self.outcome = key, outcome
        self.cancelled = self.released = False

    def result(self, timeout: float | None = None) -> object:
        if timeout is None:
            raise AssertionError(f"{self.key}: waited for a result without a timeout")
        if self.outcome is self.LOST:
            time.sleep(timeout)
            raise TimeoutError(self.key)
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome

    def cancel(self) -> None:
        self.cancelled = True

    def release(self) -> None:
        self.released = True


class FakeClient:
    """Submits tasks whose outcomes come from ``outcomes`` in turn; ``workers`` is how many
    workers the scheduler reports."""

    def __init__(self, *outcomes: object, workers: int = 2) -> None:
        self.outcomes = list(outcomes)
        self.workers = workers
        self.futures: list[FakeFuture] = []
        self._keys = itertools.count()

    def submit(self, fn, *args, pure: bool = True) -> FakeFuture:
        assert pure is False  # a new key each time: never a key that was released
        fut = FakeFuture(f"{fn.__name__}-{next(self._keys)}", self.outcomes.pop(0))
        self.futures.append(fut)
        return fut

    def nthreads(self) -> dict[str, int]:
        return {f"tcp://worker-{i}": 1 for i in range(self.workers)}

    def compute(self, objs: list[object]) -> list[FakeFuture]:
        return [self.submit(audit_row, obj, pure=False) for obj in objs]

    def cancel(self, futures: list[FakeFuture]) -> None:
        for fut in futures:
            fut.cancel()


def audit_row(*args):  # the name the fake's keys carry
    raise AssertionError("runs on the fake cluster only")


def test_a_lost_result_is_computed_again_under_a_new_key():
    client = FakeClient(FakeFuture.LOST, {"summary": "row 3"})
    got = _retrying(client, "slice 0: row 3", FAST, audit_row, "row")
    assert got == {"summary": "row 3"}
    first, second = client.futures
    assert first.key != second.key
    assert first.cancelled and first.released and second.released


def test_a_task_cancelled_for_a_lost_dependency_is_submitted_again():
    from concurrent.futures import CancelledError

    client = FakeClient(CancelledError("lost dependencies"), "done")
    assert _retrying(client, "slice 0: its part", FAST, audit_row) == "done"
    assert client.futures[0].key != client.futures[1].key


def test_a_task_that_never_finishes_ends_in_an_error_naming_it():
    client = FakeClient(*[FakeFuture.LOST] * 3)
    started = time.monotonic()
    with pytest.raises(ClusterError, match=r"^slice 4 \(rows 1-3\): row 2: every try lost its "
                       r"worker or ran past 0.3 s \(3 tries\)$"):  # fmt: skip
        _retrying(client, "slice 4 (rows 1-3): row 2", FAST, audit_row)
    assert time.monotonic() - started < 5
    assert len({f.key for f in client.futures}) == 3
    assert all(f.cancelled for f in client.futures)


def test_workers_that_die_under_a_task_are_tried_again():
    killed = KilledWorker("audit_row-0", None, 1)
    client = FakeClient(killed, killed, "done")
    assert _retrying(client, "slice 0: its part", FAST, audit_row) == "done"
    assert len(client.futures) == 3


def test_a_cluster_with_no_workers_left_stops_the_wait_with_a_clear_error():
    client = FakeClient(FakeFuture.LOST, workers=0)
    fut = client.submit(audit_row, pure=False)
    limits = Limits(task=60, no_workers=0.2, poll=0.02)
    started = time.monotonic()
    with pytest.raises(ClusterError, match=r"^slice 2 \(rows 5-8 of partition 0\): row 6 of "
                       r"partition 0: the Dask cluster has had no workers for 0 s \(limit 0.2 s: "
                       "every worker died or was shut down and none came back\\); the audit "
                       "stopped$"):  # fmt: skip
        _result(client, fut, "slice 2 (rows 5-8 of partition 0): row 6 of partition 0", limits)
    assert time.monotonic() - started < 5


def test_a_worker_that_comes_back_in_time_lets_the_task_finish():
    """Workers that restart (no workers for a while, less than the limit) are waited for."""

    class Returning(FakeClient):
        looks = 0

        def nthreads(self) -> dict[str, int]:
            self.looks += 1
            if self.looks == 5:  # the worker is back, and the task finishes
                self.futures[0].outcome = "finished"
            return {} if self.looks < 5 else {"tcp://worker-0": 1}

    client = Returning(FakeFuture.LOST, workers=0)
    fut = client.submit(audit_row, pure=False)
    assert _result(client, fut, "slice 0", Limits(task=60, no_workers=10, poll=0.02)) == \
        "finished"  # fmt: skip


def test_the_first_pass_over_the_input_is_bounded_too(monkeypatch):
    """audit_dask's count of the rows runs on the cluster before any slice: bounded as well."""
    import distributed

    client = FakeClient(3, FakeFuture.LOST, workers=0)
    monkeypatch.setattr(distributed, "get_client", lambda: client)
    with pytest.raises(ClusterError, match="^counting the rows of the input: the Dask cluster "
                       "has had no workers"):  # fmt: skip
        compute(["part 0", "part 1"], "counting the rows of the input",
                Limits(task=60, no_workers=0.2, poll=0.02))
    assert all(f.cancelled for f in client.futures)


@pytest.mark.parametrize("field", ["task", "no_workers", "poll"])
def test_limits_must_be_positive(field):
    with pytest.raises(ValueError, match=f"Limits.{field} must be a positive number"):
        Limits(**{field: 0})


def test_the_clis_defaults_are_the_engines():
    from checker import cli_dask, dask_run

    assert (cli_dask.TASK_TIMEOUT, cli_dask.NO_WORKERS_TIMEOUT) == (
        dask_run.TASK_TIMEOUT, dask_run.NO_WORKERS_TIMEOUT)  # fmt: skip


@pytest.mark.parametrize("value", ["0", "-5", "soon", "inf"])
def test_the_cli_refuses_a_wait_limit_that_is_not_a_positive_number(value, capsys):
    from checker.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["audit", "unused.parquet", "--engine", "dask", "--no-workers-timeout", value])
    assert exit_.value.code == 2
    assert f"--no-workers-timeout: {value!r} is not a positive number of seconds" in \
        capsys.readouterr().err  # fmt: skip
