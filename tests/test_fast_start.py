"""Fast start: the draft check, `checker rules` and `checker explain` import only what they use.

Each command runs in a fresh interpreter (``checker.cli.main``), which then reports the
heavy packages it imported: scikit-learn (and scipy, pandas with it) is for training
only, pandas for the audit's DataFrames and CSV, rich for the audit's progress table,
jinja2 for HTML reports, textstat not at all (readability counts syllables with pyphen,
see ``test_syllables_equal_textstat``), and pyphen only where readability is reported (the
audit's metrics; the check shows none, so it never loads the hyphenation dictionary), and
multiprocessing only for the audit's process pool.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sklearn", "scipy", "pandas", "textstat", "rich", "jinja2", "pyphen", "multiprocessing")

PROBE = """
import json, sys
from checker.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(json.loads(HEAVY)))
print("\\nIMPORTED " + json.dumps({"code": code, "heavy": heavy}))
"""


def imported(args: list[str], cwd: Path) -> dict:
    """Run ``checker ARGS`` in a fresh interpreter; its exit code and heavy imports."""
    probe = PROBE.replace("HEAVY", repr(json.dumps(HEAVY + ("numpy",))))
    proc = subprocess.run([sys.executable, "-c", probe, *args], cwd=cwd, capture_output=True,
                          text=True, timeout=120)
    line = proc.stdout.rsplit("IMPORTED ", 1)
    assert len(line) == 2, proc.stderr
    return json.loads(line[1])


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(
        "# Heat\n\nHospital admissions rose 40 percent in the first week of July.\n\n"
        "Experts say the city may need more cooling centres, a nurse told us.\n\n"
        "The council will meet on Monday, according to its published agenda.\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("what", ["file", "folder"])
def test_check_imports_no_training_or_report_packages(draft: Path, what: str) -> None:
    result = imported(["check", str(draft if what == "file" else draft.parent)], draft.parent)
    assert result["code"] in (0, 1)  # it did check the draft
    # numpy: the attribution tagger and the claim scorer still import it; a folder is walked
    # by the audit's discover(), whose module imports its process pool (multiprocessing)
    allowed = {"numpy"} | ({"multiprocessing"} if what == "folder" else set())
    assert [m for m in result["heavy"] if m not in allowed] == []


def test_check_result_is_the_audit_result_without_readability(draft: Path) -> None:
    """The check skips the readability figures only: findings, score and the rest agree."""
    from checker.pipeline import analyse_file

    full = analyse_file(str(draft)).to_dict()
    light = analyse_file(str(draft), readability=False).to_dict()
    assert full["metrics"]["flesch_reading_ease"] is not None
    for key in ("flesch_reading_ease", "grade_level"):
        del full["metrics"][key]
    assert light == full


def test_check_with_sarif_output_stays_light(draft: Path) -> None:
    result = imported(["check", "--format", "sarif", str(draft)], draft.parent)
    assert result["code"] in (0, 1)
    assert [m for m in result["heavy"] if m != "numpy"] == []


@pytest.mark.parametrize("args", [["rules"], ["rules", "--markdown"], ["explain", "CLM001"]])
def test_rules_and_explain_import_no_numeric_packages(args: list[str], tmp_path: Path) -> None:
    result = imported(args, tmp_path)
    assert result == {"code": 0, "heavy": []}


def test_syllables_equal_textstat() -> None:
    """Readability figures stay textstat 0.7's: same syllable count for every word."""
    textstat = pytest.importorskip("textstat", reason="textstat is a test dependency")
    from checker.text.readability import readability, syllables
    from checker.text.segment import word_tokens

    words = set()
    for path in [*(ROOT / "examples").iterdir(), *(ROOT / "tests" / "fixtures").rglob("*.*")]:
        if path.is_file():
            words |= set(word_tokens(path.read_text(encoding="utf-8", errors="replace")))
    words |= {"don't", "co-operate", "café", "naïve", "Ångström", "3rd", "e.g.", "x", "rhythm",
              "queue", "onomatopoeia", "東京", "'", "--", "Mr.", "U.S.", "l'été"}
    assert len(words) > 1000
    for word in words:
        assert syllables(word) == max(1, int(textstat.syllable_count(word))), word
    body = word_tokens("The quick brown fox jumps over the lazy dog. It was a sunny day.")
    fre = 206.835 - 1.015 * (len(body) / 2) - 84.6 * (
        sum(max(1, textstat.syllable_count(w)) for w in body) / len(body))
    assert readability(body, 2)[0] == round(fre, 1)


def test_cold_start_bench_prints_medians_and_targets(tmp_path: Path) -> None:
    """`make bench`'s cold-start step runs on this repository alone (proselint optional)."""
    draft = tmp_path / "short.md"
    draft.write_text("Prices rose 9 percent in 2023. Why? Nobody said.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cold_start.py"), "--runs", "1", "--draft",
         str(draft)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "cold start on short.md (9 words), 1 alternating runs each:" in out
    for name in ("checker check", "checker rules", "checker explain CLM001"):
        assert f"  {name} " in out and "median" in out
    assert "ratio checker / proselint" in out or "proselint is not installed" in out
    assert out.count("target < 0.3 s:") == 2
    assert "where `checker check` spends its time (median of 1 fresh processes" in out
    for part in ("interpreter start-up and exit", "import checker.cli", "load+segment",
                 "rules.attribution", "rules.claims", "score+record", "sum of the parts"):
        assert f"  {part} " in out
    assert "heavy packages imported: " in out

    missing = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cold_start.py"), "--draft",
         str(tmp_path / "nope.md")], capture_output=True, text=True, timeout=60)
    assert missing.returncode == 2 and "nope.md: no such file" in missing.stderr


# --- the outlet table: finding names without compiling a regex of every name ------------

_OUTLET_NAMES: list[str] = []


def _outlet_names() -> list[str]:
    if not _OUTLET_NAMES:
        from rules.credibility.outlets import outlet_table

        table = outlet_table()
        _OUTLET_NAMES.extend(sorted(set(table.scanned.names) | set(table.inner_names.names)))
    return _OUTLET_NAMES


_FILLER = st.sampled_from(["", " ", ", ", ". ", "-", "'s ", ".com ", "@", "/", "x", "é", "_",
                           "\n", " the ", " said ", "(", ")", " and ", "’"])


@st.composite
def _texts(draw: st.DrawFn) -> str:
    """Text made of outlet names (whole, cut short, or run into each other) and filler."""
    names = _outlet_names()
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        name = draw(st.sampled_from(names))
        cut = draw(st.sampled_from([None, None, -1, 1, 3]))
        parts.append(name if cut is None else name[:cut] if cut > 0 else name[:-1])
        parts.append(draw(_FILLER))
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(_texts())
def test_names_found_per_text_equal_the_full_table_regex(text: str) -> None:
    """Looking for only the names a text contains finds what the regex of all names finds."""
    from rules.credibility.outlets import NameIndex, outlet_table

    table = outlet_table()
    for names, full in ((table.scanned, table.scan), (table.inner_names, table.inner)):
        assert full is not None
        expected = [(m.start(), m.group(0)) for m in full.finditer(text)]
        index = NameIndex(list(names.names))  # a new index: its first texts go name by name
        small = index.pattern_for(text)
        got = [] if small is None else [(m.start(), m.group(0)) for m in small.finditer(text)]
        assert got == expected


def test_outlet_names_found_in_running_text_and_inside_source_names() -> None:
    from rules.credibility.outlets import NameIndex, outlet_table, resolve_name

    table = outlet_table()
    scanned = NameIndex(list(table.scanned.names))  # new: no full regex yet
    assert scanned.pattern_for("No outlet is named here, the clerk said.") is None
    text = "The claim, which Reuters reported and the Associated Press confirmed, held."
    found = scanned.pattern_for(text)
    assert found is not None
    assert [m.group(0) for m in found.finditer(text)] == ["Reuters", "Associated Press"]
    assert resolve_name("a report by Reuters News", "document", table) == "reuters.com"


def test_outlet_index_turns_to_the_full_regex_after_many_texts() -> None:
    from rules.credibility.outlets import NameIndex

    index = NameIndex(["Reuters", "Reuters News", "AP"])
    for _ in range(NameIndex.SMALL_RUN):
        assert index.pattern_for("Nothing here.") is None
    full = index.pattern_for("Nothing here.")
    assert full is index.pattern() and not full.search("Nothing here.")
    text = "Reuters News and AP said so; APx did not."
    assert [m.group(0) for m in index.pattern_for(text).finditer(text)] == ["Reuters News", "AP"]


def test_git_top_level_without_starting_git_where_there_is_no_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess as sp

    from checker import vcs

    outside = tmp_path / "loose"
    outside.mkdir()
    repo = tmp_path / "repo"
    (repo / "drafts").mkdir(parents=True)
    sp.run(["git", "init", "-q", str(repo)], check=True)
    assert vcs.git_toplevel(repo / "drafts") == repo.resolve()

    monkeypatch.delenv("GIT_DIR", raising=False)
    monkeypatch.delenv("GIT_WORK_TREE", raising=False)

    def no_git(*args: object, **kwargs: object) -> None:
        raise AssertionError("git was started")

    with monkeypatch.context() as m:
        m.setattr(sp, "run", no_git)
        assert vcs.git_toplevel(outside) is None
    # GIT_DIR points git at a repository from anywhere: then git is asked
    monkeypatch.setenv("GIT_DIR", str(repo / ".git"))
    assert vcs.git_toplevel(outside) == outside.resolve()


def test_a_text_draft_check_loads_no_html_parser_and_no_shutil(draft: Path) -> None:
    """The HTML renderer is imported for HTML files only, and the help formatter's width is
    worked out without shutil (and its compression modules)."""
    probe = ("import sys\nfrom checker.cli import main\ncode = main(['check', sys.argv[1]])\n"
             "print('\\nMODULES', code, sorted({'shutil', 'html.parser', 'html.entities',"
             " 'bz2', 'lzma'} & set(sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", probe, str(draft)], cwd=draft.parent,
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.rsplit("MODULES ", 1)[-1].strip() in ("0 []", "1 []"), proc.stderr
    html = draft.with_name("page.html")
    html.write_text("<html><body><p>The mayor said on Monday that the council met.</p>"
                    "</body></html>", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-c", probe, str(html)], cwd=draft.parent,
                          capture_output=True, text=True, timeout=120)
    assert "'html.parser'" in proc.stdout.rsplit("MODULES ", 1)[-1], proc.stderr


@pytest.mark.parametrize("columns", [None, "0", "-3", "abc", "57", "200"])
def test_terminal_columns_equal_shutils(columns: str | None,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from checker.cli import terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    assert terminal_columns() == shutil.get_terminal_size().columns
