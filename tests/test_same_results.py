"""bench/same_results.py: two audits' per-article records compared article by article."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

import checker

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def _tool() -> ModuleType:  # bench/ is not a package
    path = ROOT / "bench" / "same_results.py"
    spec = importlib.util.spec_from_file_location("same_results", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_same_audit_twice_is_the_same_and_a_change_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    checker.audit([str(EXAMPLES)], out=tmp_path / "a", formats=["json"])
    checker.audit([str(EXAMPLES)], out=tmp_path / "b", formats=["json"])
    a, b = tmp_path / "a", tmp_path / "b" / "articles.jsonl"
    tool = _tool()
    assert tool.main([str(a), str(b)]) == 0
    articles = [json.loads(x) for x in b.read_text(encoding="utf-8").splitlines()]
    articles[0]["grade"] = "Z"
    del articles[-1]
    b.write_text("".join(json.dumps(x) + "\n" for x in articles), encoding="utf-8")
    assert tool.main([str(a), str(b)]) == 1
    out = capsys.readouterr().out
    assert ": grade" in out and "only in before" in out and "2 of " in out


def test_a_folder_and_the_same_articles_as_a_table_give_the_same_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _tool().main(["--folder", str(EXAMPLES), "--as", "csv"]) == 0
    assert "0 of 5 articles differ" in capsys.readouterr().out
