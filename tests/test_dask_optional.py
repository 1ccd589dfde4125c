"""Without the dask extra, the default install works and --engine dask says what to install."""

from __future__ import annotations

import sys

from checker.cli import main


def test_engine_dask_without_dask_is_a_usage_error_naming_the_extra(monkeypatch, tmp_path, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # "not installed": import fails
    (tmp_path / "a.txt").write_text("Officials said the road will close.\n", encoding="utf-8")
    code = main(["audit", str(tmp_path / "a.txt"), "--engine", "dask", "--out",
                 str(tmp_path / "out")])  # fmt: skip
    assert code == 2
    assert "pip install 'checker[dask]'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_importing_the_engine_needs_no_dask(monkeypatch):
    for name in ("dask", "dask.dataframe", "distributed"):
        monkeypatch.setitem(sys.modules, name, None)
    import importlib

    import checker.dask_engine as engine

    importlib.reload(engine)
    assert engine.INSTALL_HINT
