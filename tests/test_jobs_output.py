"""``--jobs N`` writes the same report as one process: the workers serialise each article
for every writer and write its page themselves, and the audit only appends (issue 15)."""

from __future__ import annotations

import errno
import json
import os
import re
import sys
from pathlib import Path

import pytest

from checker.batch import audit
from checker.cli import main
from checker.core.io import WriteError
from checker.core.results import EXIT_WRITE

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process pools fork on Linux")

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

# my own sentences: a sourced claim, an unsourced one, a hedge, a quote, a formula-like cell
TEXTS = [
    "The council spent 4 million euros on roads, the mayor said on Monday.\n",
    "Unemployment rose to 7 percent last year.\n\nIt may fall again, some say.\n",
    '"We will rebuild the bridge," said Ana Ruiz, the city engineer.\n',
    "=SUM(A1:A9) was typed into the budget sheet, officials said.\n",
    "# Harbour plan\n\nThe harbour will close in May, according to the port authority.\n",
    "",  # empty: a warning row
]
RUN_ID = re.compile(rb"\d{8}T\d{6}Z-[0-9a-f]{6}|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


def _corpus(folder: Path) -> Path:
    """More articles than the pool takes at a time, with names that share a page slug."""
    folder.mkdir()
    for i in range(14):
        text = TEXTS[i % len(TEXTS)]
        (folder / f"story {i:02d}.txt").write_text(text + (f"Copy {i}.\n" if text else ""),
                                                   encoding="utf-8")  # fmt: skip
    (folder / "Story-00.txt").write_text(TEXTS[0], encoding="utf-8")  # the same slug
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00\xd8 broken")
    for p in sorted(EXAMPLES.iterdir()):
        (folder / p.name).write_bytes(p.read_bytes())
    return folder


def _files(out: Path) -> dict[str, bytes]:
    """Every report file's bytes, with the run's id and time taken out."""
    files = [p for p in sorted(out.rglob("*")) if p.is_file() and p.name != ".checker-lock"]
    return {p.relative_to(out).as_posix(): RUN_ID.sub(b"RUN", p.read_bytes()) for p in files}


@pytest.mark.parametrize("formats", [("csv", "html", "json"), ("parquet", "html", "sentences")])
def test_jobs_2_writes_the_same_bytes_as_one_process(tmp_path: Path, formats: tuple) -> None:
    src = _corpus(tmp_path / "in")
    one = audit(src, out=tmp_path / "one", formats=formats, jobs=1, keep=False)
    two = audit(src, out=tmp_path / "two", formats=formats, jobs=2, keep=False)
    a, b = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert one.count == two.count == 14 + 1 + 1 + len(list(EXAMPLES.iterdir()))
    assert one.statuses == two.statuses and one.statuses.get("error") == 1
    assert len([k for k in a if k.startswith("articles/")]) == one.count
    assert sorted(a) == sorted(b)
    assert [k for k in a if a[k] != b[k]] == []


def test_jobs_2_with_the_cache_writes_the_same_bytes(tmp_path: Path) -> None:
    """Pages and rows from the result cache (a second run) are the same bytes again."""
    src = _corpus(tmp_path / "in")
    cache = tmp_path / "cache"
    audit(src, out=tmp_path / "first", jobs=2, keep=False, cache=cache)
    again = audit(src, out=tmp_path / "again", jobs=2, keep=False, cache=cache)
    assert again.cached == again.count - 1  # all but the unreadable file
    first, second = _files(tmp_path / "first"), _files(tmp_path / "again")
    meta = [json.loads(f.pop("audit.json")) for f in (first, second)]
    assert first == second
    assert meta[0]["from_cache"] < meta[1]["from_cache"] == again.cached
    assert {**meta[0], "from_cache": 0} == {**meta[1], "from_cache": 0}


def _failing_page(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """The disk fills when the page ``name`` is written (in a worker too: it forks)."""
    import reports.sinks

    real = reports.sinks.write_page_file

    def write_page_file(path: str, data: bytes) -> None:
        if os.path.basename(path) == name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)
        real(path, data)

    monkeypatch.setattr(reports.sinks, "write_page_file", write_page_file)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_page_that_cannot_be_written_is_named_and_the_old_report_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    jobs: int,
) -> None:  # fmt: skip
    src = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["audit", str(src), "--out", str(out), "-q", "--no-cache"]) == 1  # bad.txt
    before = _files(out)
    _failing_page(monkeypatch, "in-story-07-txt.html")
    code = main(["audit", str(src), "--out", str(out), "-q", "--no-cache", "--jobs", str(jobs)])
    err = capsys.readouterr().err
    assert code == EXIT_WRITE
    assert f"cannot write {out / 'articles' / 'in-story-07-txt.html'}: No space left" in err
    assert "Traceback" not in err and ".tmp" not in err
    assert _files(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_the_python_api_raises_a_write_error_naming_the_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _corpus(tmp_path / "in")
    _failing_page(monkeypatch, "in-story-03-txt.html")
    with pytest.raises(WriteError) as info:
        audit(src, out=tmp_path / "out", jobs=2, keep=False)
    assert info.value.path == str(tmp_path / "out" / "articles" / "in-story-03-txt.html")
    assert not (tmp_path / "out" / "articles").exists()


def test_the_warm_up_before_the_pool_forks_is_in_no_report_and_no_cache(tmp_path: Path) -> None:
    """The audit's process warms up on a sample article of its own before it forks its
    workers: the sample is neither written nor cached, and the report is the same."""
    from checker.core.config import Config
    from checker.pool import _SAMPLE
    from checker.resultcache import ResultCache
    from checker.text.tabular import ArticleInput

    src = _corpus(tmp_path / "in")
    cache = tmp_path / "cache"
    two = audit(src, out=tmp_path / "two", jobs=2, keep=False, cache=cache)
    files = _files(tmp_path / "two")
    assert len([k for k in files if k.startswith("articles/")]) == two.count
    headline = _SAMPLE.splitlines()[0].encode()
    assert [k for k, data in files.items() if headline in data or b"warm-up" in data] == []
    store = ResultCache(cache, Config())
    key = store.key(ArticleInput("warm-up", "warm-up", "warm-up", text=_SAMPLE))
    assert key is not None and store.get(key) is None
    assert audit(src, out=tmp_path / "one", jobs=1, keep=False).statuses == two.statuses
