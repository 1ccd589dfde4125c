"""Machine outputs of ``checker check``: SARIF (schema-valid), GitHub annotations, rdjson, JUnit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checker.check import run_check
from checker.core.results import CheckedFile, CheckResult, Failure, Thresholds
from reports.github import escape_property, render_github
from reports.junit import render_junit
from reports.rdjson import rdjson_dict
from reports.sarif import FINGERPRINT_KEY, sarif_dict

SCHEMA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "sarif"
SCHEMA = SCHEMA / "sarif-schema-2.1.0.json"

DRAFT = (
    "# Harbour works\n\n"
    "Experts say the new channel will need dredging again within five years.\n\n"
    "The harbour handled 3 million tonnes of cargo last year, up 40 percent on 2022.\n"
)


def fake(n_err: int, n_warn: int, n_sugg: int) -> CheckResult:
    fs = []
    for sev, n in (("error", n_err), ("warning", n_warn), ("suggestion", n_sugg)):
        for i in range(n):
            msg = f"{sev} number {i}, with: commas"
            fs.append({"rule": f"r-{sev}", "id": "X001", "severity": sev, "line": i + 1,
                       "column": 1, "end_line": i + 1, "end_column": 5, "text": "word",
                       "message": msg, "fingerprint": f"{i}"})  # fmt: skip
    cf = CheckedFile(path="d/a.md", uri="d/a.md", thresholds=Thresholds(fail_under=50),
                     score=40.0, grade="F", unsourced=3, findings=fs)  # fmt: skip
    cf.failures = [Failure("fail-on", "x"), Failure("fail-under", "score 40 is below 50")]
    return CheckResult([cf], root="/tmp")


@pytest.fixture(scope="module")
def result(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    d = tmp_path_factory.mktemp("repo")
    (d / "drafts").mkdir()
    (d / "drafts" / "harbour.md").write_text(DRAFT, encoding="utf-8")
    (d / "drafts" / "page.html").write_text(
        "<html><body><h1>Fares</h1>\n<p>Observers believe the fare rise is unfair.</p>\n"
        "<p>Some say it will cut ridership.</p></body></html>\n",
        encoding="utf-8",
    )
    import os

    old = os.getcwd()
    os.chdir(d)
    try:
        return run_check(["drafts"], fail_under=95)
    finally:
        os.chdir(old)


def test_sarif_is_schema_valid_and_code_scanning_ready(result: CheckResult) -> None:
    if not SCHEMA.is_file():
        pytest.skip("../shared/data/sarif/sarif-schema-2.1.0.json is absent")
    import jsonschema

    doc = sarif_dict(result)
    jsonschema.validate(doc, json.loads(SCHEMA.read_text(encoding="utf-8")))
    run = doc["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert {"CLM001", "ATT001", "SUP001", "CHK001"} <= set(rules)
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules.values())
    assert run["results"], "the draft has findings"
    for res in run["results"]:
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"].startswith("drafts/")  # relative, no ./ or /
        assert res["ruleId"] in rules
        assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert len(res["partialFingerprints"][FINGERPRINT_KEY]) >= 16
    fps = [r["partialFingerprints"][FINGERPRINT_KEY] for r in run["results"]]
    assert len(fps) == len(set(fps))
    # the file-level failure (score below 95) is a result on line 1
    assert any(r["ruleId"] == "CHK001" for r in run["results"])
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")


def test_sarif_validates_for_synthetic_edge_cases() -> None:
    if not SCHEMA.is_file():
        pytest.skip("../shared/data/sarif/sarif-schema-2.1.0.json is absent")
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif_dict(CheckResult([], root="/tmp")), schema)
    jsonschema.validate(sarif_dict(fake(2, 2, 2)), schema)


def test_github_annotations_are_capped_per_level_with_a_summary() -> None:
    out = render_github(fake(3, 25, 12)).splitlines()
    errors = [ln for ln in out if ln.startswith("::error ")]
    warnings = [ln for ln in out if ln.startswith("::warning ")]
    notices = [ln for ln in out if ln.startswith("::notice ")]
    assert (len(errors), len(warnings), len(notices)) == (4, 10, 10)  # 1 file failure + 3
    assert errors[0].startswith("::error file=d/a.md,line=1,")
    plain = [ln for ln in out if ln.startswith("d/a.md:")]
    assert len(plain) == 15 + 2  # the rest, still in the log
    assert any("17 more findings not shown as annotations" in ln for ln in out)
    assert out[-1].startswith("checker: ")
    # properties and data are escaped
    assert "%2C with%3A commas" not in warnings[0] and ", with: commas" in warnings[0]
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def test_rdjson_and_junit(result: CheckResult) -> None:
    rd = rdjson_dict(result)
    assert rd["source"]["name"] == "checker"
    d = rd["diagnostics"][0]
    assert d["location"]["path"].startswith("drafts/")
    assert d["severity"] in {"ERROR", "WARNING", "INFO"}
    assert d["location"]["range"]["start"]["line"] >= 1
    root = ET.fromstring(render_junit(result))
    cases = root.findall(".//testcase")
    assert {c.get("name") for c in cases} == {f.uri for f in result.files}
    assert int(root.get("failures")) == sum(not f.passed for f in result.files) == len(
        root.findall(".//failure"))  # fmt: skip
    failure = root.find(".//failure")
    assert "below fail-under 95" in failure.get("message")
    assert ":" in (failure.text or "")  # the findings, as path:line:col lines
