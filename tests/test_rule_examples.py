"""Every rule's documented examples are true: the bad one is flagged, the good one is not.

``checker explain RULE`` shows a rule's ``bad`` and ``good`` examples; here each is audited
as a Markdown draft, with whatever the rule declares it needs (``Rule.context``: a ratings
file, configuration), and the rule must flag the bad example and leave the good one alone.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import rules
from checker.core.rule import Rule
from checker.pipeline import analyse_document
from checker.settings import config_from_mapping
from checker.text.loader import document_from_text


@pytest.fixture(autouse=True)
def no_installed_ratings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the ratings a rule declares count, not any installed on this machine."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CHECKER_RATINGS", raising=False)


def findings_of(rule: Rule, text: str, tmp_path: Path) -> list[dict[str, object]]:
    data = tomllib.loads(rule.context.config) if rule.context.config else {}
    data["enable"] = [*data.get("enable", []), rule.name]  # rules that are off by default
    if rule.context.ratings:
        ratings = tmp_path / "ratings.csv"
        ratings.write_text(rule.context.ratings, encoding="utf-8")
        data["ratings"] = [str(ratings)]
    config = config_from_mapping(data, source=str(tmp_path / ".checker.toml"), root=str(tmp_path))
    doc = document_from_text(text, path="example.md", fmt="markdown")
    return [f for f in analyse_document(doc, config).findings if f["id"] == rule.id]


@pytest.mark.parametrize("rule", rules.all_rules(), ids=lambda r: f"{r.id}-{r.name}")
def test_the_bad_example_is_flagged(rule: Rule, tmp_path: Path) -> None:
    assert findings_of(rule, rule.bad, tmp_path), f"{rule.id}'s bad example is not flagged"


@pytest.mark.parametrize("rule", rules.all_rules(), ids=lambda r: f"{r.id}-{r.name}")
def test_the_good_example_is_clean(rule: Rule, tmp_path: Path) -> None:
    found = findings_of(rule, rule.good, tmp_path)
    assert not found, f"{rule.id}'s good example is flagged: {found}"


def test_a_rule_without_its_context_is_not_flagged(tmp_path: Path) -> None:
    # the context matters: without the ratings file the low-credibility example is not flagged,
    # so the test above would catch a rule whose context went missing
    (crd,) = [r for r in rules.all_rules() if r.id == "CRD001"]
    assert crd.context
    bare = Rule(**{**crd.__dict__, "context": type(crd.context)()})
    assert not findings_of(bare, bare.bad, tmp_path)


def test_explain_prints_the_examples_line_by_line_and_their_context(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from checker.cli import main

    assert main(["explain", "FTN004"]) == 0
    out = capsys.readouterr().out
    assert "\n  - Ferry fares will rise" in out and "\n  - The old pier" in out
    assert main(["explain", "CRD001"]) == 0
    out = capsys.readouterr().out
    assert "The examples run with" in out and "dailyexample.test,0.1,deprecated" in out


def test_the_readme_rule_table_is_the_generated_one(capsys: pytest.CaptureFixture[str]) -> None:
    from checker.cli import main

    assert main(["rules", "--markdown"]) == 0
    table = capsys.readouterr().out.strip()
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert table in readme, "README's rule table is stale: paste `checker rules --markdown`"


@pytest.mark.parametrize("key", ["CHK001", "chk004", "no-article-text", "unreadable-article"])
def test_explain_knows_the_checks_file_level_ids(key: str,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    # SARIF and GitLab reports name these ids; `checker explain` must say what they mean
    from checker.cli import main

    assert main(["explain", key]) == 0
    out = capsys.readouterr().out
    assert out.startswith("CHK00") and "What to do" in out
