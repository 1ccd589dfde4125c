"""Inline suppressions in Markdown, HTML and plain text; unused ones are reported."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.core.config import Config
from checker.core.document import BODY, BOILERPLATE
from checker.pipeline import analyse_document, analyse_file
from checker.text.loader import document_from_text
from rules.suppress.directives import parse_directives

VAGUE = "Experts say the new channel will need dredging again within five years."
CLAIM = "The harbour handled 3 million tonnes of cargo last year, up 40 percent on 2022."


def rules_at(findings: list[dict], line: int) -> set[str]:
    return {f["rule"] for f in findings if f["line"] == line}


def test_parse_directives_positions_and_rules() -> None:
    src = (
        "Intro line.\n"
        "  <!-- checker: disable=hedging, CLM001 -->\n"
        "x <!--checker:enable=hedging--> y\n"
        "<!-- checker: disable-next-line=unsourced-claim -->\n\n\n"
        "Target.\n"
        "<!-- checker: disable -->\n"
    )
    ds = parse_directives(src)
    assert [(d.verb, d.rules, d.line, d.column) for d in ds] == [
        ("disable", ("hedging", "clm001"), 2, 3),
        ("enable", ("hedging",), 3, 3),
        ("disable-next-line", ("unsourced-claim",), 4, 1),
        ("disable", ("all",), 8, 1),
    ]
    assert ds[0].end == (3, 3) and ds[1].closes == [ds[0]]
    assert ds[2].target_line == 7  # the next non-blank line
    assert ds[3].end is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), max_size=8
    ),
    st.integers(min_value=0, max_value=8),
)
def test_parser_finds_inserted_directive_on_its_line(lines: list[str], at: int) -> None:
    lines = [ln.replace("<!--", "").replace("\r", "").replace("\n", "") for ln in lines]
    at = min(at, len(lines))
    lines.insert(at, "<!-- checker: disable-next-line=hedging -->")
    found = parse_directives("\n".join(lines))
    assert [(d.verb, d.line) for d in found] == [("disable-next-line", at + 1)]


def test_directive_lines_are_not_article_text() -> None:
    text = f"# Title\n\n<!-- checker: disable-next-line=unsourced-claim -->\n{CLAIM}\n"
    doc = document_from_text(text, path="d.md", fmt="markdown")
    regions = {doc.text[b.start : b.end].split("\n")[0]: (b.region, b.reason) for b in doc.blocks}
    assert regions["<!-- checker: disable-next-line=unsourced-claim -->"] == (
        BOILERPLATE, "directive")  # fmt: skip
    body = [s.text for s in doc.sentences if s.region == BODY]
    assert body == [CLAIM]
    # a closing directive at the end does not turn the last short paragraph into chrome
    text = "Title\n\nThe mayor resigned.\n\n<!-- checker: enable=all -->\n"
    doc = document_from_text(text, "x.txt")
    assert [s.text for s in doc.sentences if s.region == BODY] == ["The mayor resigned."]


def test_disable_next_line_and_ranges_in_markdown() -> None:
    text = (
        "# Harbour\n\n"
        f"<!-- checker: disable-next-line=vague-attribution -->\n{VAGUE}\n\n"  # lines 3-4
        f"{VAGUE}\n\n"  # line 6: still flagged
        "<!-- checker: disable=attribution -->\n"  # line 8
        f"{VAGUE}\n"  # line 9
        "<!-- checker: enable=attribution -->\n\n"  # line 10
        f"{VAGUE}\n"  # line 12
    )
    base = analyse_document(document_from_text(text.replace("checker:", "nochecker:"), "a.md",
                                         "markdown"))  # fmt: skip
    assert "vague-attribution" in rules_at(base.findings, 4)
    res = analyse_document(document_from_text(text, "a.md", "markdown"))
    assert "vague-attribution" not in rules_at(res.findings, 4)
    assert "vague-attribution" in rules_at(res.findings, 6)
    assert "vague-attribution" not in rules_at(res.findings, 9)
    assert "vague-attribution" in rules_at(res.findings, 12)
    assert not [f for f in res.findings if f["rule"] == "unused-suppression"]
    assert res.metrics["suppressed"] == 2
    assert res.score >= base.score


def test_unused_unknown_and_unmatched_directives_are_reported() -> None:
    text = (
        "The council met on Tuesday.\n\n"
        "<!-- checker: disable-next-line=hedging -->\n"  # line 3: nothing to suppress
        "The meeting lasted an hour.\n\n"
        "<!-- checker: enable=hedging -->\n\n"  # line 6: closes nothing
        "<!-- checker: disable=hedgeing -->\n\n"  # line 8: unknown rule
        "<!-- checker: silence=hedging -->\n"  # line 10: unknown verb
    )
    res = analyse_document(document_from_text(text, "n.txt"))
    unused = {f["line"]: f for f in res.findings if f["rule"] == "unused-suppression"}
    assert set(unused) == {3, 6, 8, 10}
    assert unused[3]["id"] == "SUP001" and unused[3]["severity"] == "warning"
    assert "hedgeing" in unused[8]["message"] and "silence" in unused[10]["message"]
    # the report itself can be switched off or made an error by configuration
    off_config = Config(disable=["unused-suppression"])
    off = analyse_document(document_from_text(text, "n.txt"), off_config)
    assert not [f for f in off.findings if f["rule"] == "unused-suppression"]
    err = analyse_document(document_from_text(text, "n.txt"), Config(severity={"SUP001": "error"}))
    assert {f["severity"] for f in err.findings if f["id"] == "SUP001"} == {"error"}


def test_suppressed_unsourced_claim_no_longer_counts(tmp_path: Path) -> None:
    p = tmp_path / "c.txt"
    p.write_text(f"Cargo\n\n{CLAIM}\n", encoding="utf-8")
    before = analyse_file(str(p))
    assert before.metrics["unsourced_claims"] == 1
    p.write_text(f"Cargo\n\n<!-- checker: disable-next-line=CLM001 -->\n{CLAIM}\n", "utf-8")
    after = analyse_file(str(p))
    assert not [f for f in after.findings if f["rule"] == "unsourced-claim"]
    assert after.metrics["unsourced_claims"] == 0 and after.score > before.score


def test_html_suppressions_are_read_from_the_source(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(
        "<html><body>\n<h1>Harbour</h1>\n"
        "<!-- checker: disable-next-line=vague-attribution -->\n"
        f"<p>{VAGUE}</p>\n"  # line 4
        f"<p>{VAGUE}</p>\n"  # line 5
        "<!-- checker: disable-next-line=hedging -->\n"  # line 6: unused
        "<p>The council met on Tuesday.</p>\n</body></html>\n",
        encoding="utf-8",
    )
    res = analyse_file(str(p))
    assert "vague-attribution" not in rules_at(res.findings, 4)
    assert "vague-attribution" in rules_at(res.findings, 5)
    unused = [f for f in res.findings if f["rule"] == "unused-suppression"]
    assert [(f["line"], f["column"]) for f in unused] == [(6, 1)]
