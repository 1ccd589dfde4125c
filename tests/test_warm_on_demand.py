"""The draft check loads models as a draft needs them (no warm-up on a sample document
first), and still never fails a document for the process's start-up: a document that runs
past its budget in a cold process is analysed again, once warm, under a fresh budget."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from checker import pipeline
from checker.core.analysis import Analysis
from checker.core.config import Config
from tests.families import wrap_family

DRAFT = "The council spent 4 million euros on roads, the mayor said on Monday.\n"


def _slow_family(monkeypatch: pytest.MonkeyPatch, calls: list[str], slow_calls: int) -> None:
    """The hedging family spends 2 s (a slow start-up) on its first ``slow_calls`` calls;
    ``calls`` records each call's document text."""

    def wrap(run):  # noqa: ANN001, ANN202
        def run_slowly(analysis: Analysis) -> None:
            calls.append(analysis.doc.text)
            if len(calls) <= slow_calls:
                end = time.monotonic() + 2
                while time.monotonic() < end:
                    pass
            run(analysis)

        return run_slowly

    wrap_family(monkeypatch, "hedging", wrap)


@pytest.fixture()
def cold(monkeypatch: pytest.MonkeyPatch) -> None:
    """This process as if nothing were loaded yet."""
    monkeypatch.setattr(pipeline, "_WARM", set())


def test_the_check_analyses_a_draft_without_a_warm_up_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cold: None
) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    calls: list[str] = []
    _slow_family(monkeypatch, calls, slow_calls=0)
    res = pipeline.analyse_file(str(tmp_path / "draft.md"), Config(), warm_first=False)
    assert res.status == "ok" and calls == [DRAFT]  # no sample document analysed
    calls.clear()
    pipeline._WARM.clear()
    res = pipeline.analyse_file(str(tmp_path / "draft.md"), Config())  # the audit's way
    assert res.status == "ok" and len(calls) == 2 and calls[1] == DRAFT  # sample, then draft


def test_a_slow_start_does_not_fail_the_first_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cold: None
) -> None:
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    calls: list[str] = []
    _slow_family(monkeypatch, calls, slow_calls=1)  # only the first run is slow
    res = pipeline.analyse_file(str(tmp_path / "draft.md"), Config(time_budget=0.5),
                                warm_first=False)  # fmt: skip
    assert res.status == "ok", res.error
    assert calls[0] == calls[-1] == DRAFT and len(calls) == 3  # draft, warm-up sample, draft
    res = pipeline.analyse_bytes(DRAFT.encode(), "draft.md", Config(time_budget=0.5),
                                 warm_first=False)  # fmt: skip
    assert res.status == "ok" and len(calls) == 4  # warm now: analysed once


def test_a_document_slow_once_warm_is_still_its_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cold: None
) -> None:
    (tmp_path / "slow.md").write_text(DRAFT, encoding="utf-8")
    calls: list[str] = []
    _slow_family(monkeypatch, calls, slow_calls=99)
    res = pipeline.analyse_file(str(tmp_path / "slow.md"), Config(time_budget=0.3),
                                warm_first=False)  # fmt: skip
    assert res.status == "error"
    assert res.error == f"{tmp_path / 'slow.md'}: analysis exceeded 0.3 s at rules.hedging"
    assert len(calls) == 3 and calls[0] == calls[2] == DRAFT  # cold try, warm-up, warm try
