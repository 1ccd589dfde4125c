"""CI output that cannot be forged: file names and article text carrying payloads, every format.

Files whose names and contents carry workflow commands (a newline then
``::error file=README.md::pwned``, ``::add-mask::secret``, the legacy
``##[error]``), terminal escape sequences (colour, an OSC-8 hyperlink), other
control characters, bytes that are not UTF-8, and ``#``, ``%`` and spaces are
checked by the real command line in each format; each output must be inert in
its medium: no workflow command but the tool's own (GitHub), no control
character (text), XML that parses (JUnit), URIs that round-trip (SARIF), valid
UTF-8 JSON whose paths are the files' paths.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from reports.escape import github_data, github_line, github_property, uri_reference, visible

ROOT = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = ROOT.parent / "shared" / "data" / "sarif" / "sarif-schema-2.1.0.json"

OSC8 = "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07"
INJECT = "\n::error file=README.md::pwned\n::add-mask::secret\n##[error]legacy"
CONTROLS = "\x1b[31m\x07\x08\x7f\x85\t\u202e"
# the article: a source entry and attributions that quote the payloads back in messages
SENTENCE = "Officials said the harbour handled 3 million tonnes of cargo last year."
ARTICLE = (
    "# Harbour works\n\n"
    + " ".join([SENTENCE] * 12)
    + f" Experts say it {CONTROLS}grew{INJECT}\n\n"
    "The council spent $4 million on dredging, according to the audit.[1]\n\n"
    "## Sources\n\n"
    "1. Audit office report\n"
    f"2. {OSC8} Reuters\n"
    "3. ::add-mask::secret ##[error]pwned \x1b[31mAP\x7f\x85\n"
)
NAMES = [
    f"a#1 100%{INJECT}{CONTROLS}.md",  # newline, commands, escapes, '#', '%', spaces
    "::warning::lead.md",  # a plain log line would start with '::'
    "  ::add-mask::indented.md",  # ... after leading white space
    "plain, with: comma.md",
]
BAD_BYTES = b"bad\xff name.md"  # not UTF-8: a lone surrogate in Python
OWN_COMMAND = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")
# what a terminal or a CI log could act on: C0 except line feed, DEL, C1, bidi overrides
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def runner_unescape(s: str, prop: bool) -> str:
    """What the GitHub runner makes of an escaped value (ActionCommand.Unescape*)."""
    if prop:
        s = s.replace("%3A", ":").replace("%2C", ",")
    return s.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


@pytest.fixture(scope="module")
def drafts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("inject")
    (d / "drafts").mkdir()
    for name in NAMES:
        (d / "drafts" / name).write_text(ARTICLE, encoding="utf-8")
    (d / "undecodable").mkdir()
    (d / "undecodable" / os.fsdecode(BAD_BYTES)).write_text(ARTICLE, encoding="utf-8")
    return d


def rel_paths(d: Path) -> set[str]:
    return {f"drafts/{p.name}" for p in (d / "drafts").iterdir()}


def cli(*args: str, cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "", "PYTHONIOENCODING": "utf-8"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run([sys.executable, "-m", "checker", *args], cwd=cwd, env=env,
                          input=stdin, capture_output=True, timeout=120, check=False)  # fmt: skip


class Outputs(dict):  # type: ignore[type-arg]
    """(stdout, stderr) of ``checker check drafts --format F``, as UTF-8, run on first use."""

    def __init__(self, drafts: Path) -> None:
        super().__init__()
        self.drafts = drafts

    def __missing__(self, fmt: str) -> tuple[str, str]:
        proc = cli("check", "drafts", "--format", fmt, "--exit-zero", cwd=self.drafts)
        assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
        # strict decoding: an undecodable file name must not make invalid UTF-8 (or crash)
        self[fmt] = (proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
        return self[fmt]


@pytest.fixture(scope="module")
def outputs(drafts: Path) -> Outputs:
    return Outputs(drafts)


def test_every_file_is_checked_and_the_payloads_reach_the_findings(
    outputs: Outputs, drafts: Path
) -> None:
    files = json.loads(outputs["json"][0])["files"]
    assert len(files) == len(NAMES)
    messages = " ".join(f["message"] for x in files for f in x["findings"])
    assert OSC8 in messages and "::add-mask::secret ##[error]pwned \x1b[31m" in messages
    assert sum(len(x["findings"]) for x in files) > 10 * len(files)  # plain github lines too


def test_text_output_has_no_control_character(outputs: Outputs) -> None:
    for stream in outputs["text"]:
        assert not UNSAFE.findall(stream)
    text = outputs["text"][0]
    assert "\\x1b]8;;https://evil.example\\x07click" in text  # ... shown, not obeyed
    assert "drafts/a#1 100%\\n::error file=README.md::pwned\\n::add-mask::secret" in text
    assert "::add-mask::secret #" in text  # harmless on a terminal, shown as it is
    # one line per finding and per file: no line made by a name or a message
    for line in text.splitlines():
        assert line == "" or line.startswith("drafts/") or "findings (" in line, line


def test_github_output_has_no_command_but_its_own(
    outputs: Outputs, drafts: Path
) -> None:
    out = outputs["github"][0]
    assert not UNSAFE.findall(out)
    assert "##[" not in out  # the runner reads legacy commands anywhere in a line
    paths = rel_paths(drafts)
    # newlines, '%', ':' and ',' round-trip through the runner's unescaping; other control
    # characters and '##[' are shown escaped (such a name gets no annotation on the diff)
    injected = "drafts/a#1 100%\n::error file=README.md::pwned\n::add-mask::secret\n#%23["
    levels: list[str] = []
    for line in out.splitlines():
        if not line.lstrip().startswith("::"):
            continue
        m = OWN_COMMAND.match(line)
        assert m, f"not one of checker's commands: {line!r}"
        levels.append(m.group(1))
        props = dict(p.split("=", 1) for p in m.group(2).split(","))
        assert set(props) <= {"file", "line", "col", "endLine", "title"}
        file = runner_unescape(props["file"], prop=True)
        assert file in paths or file.startswith(injected), file
        assert "::" not in m.group(3)  # nothing in the message a parser could split on
    # "Experts say" is one vague-attribution warning with the hedge in its message (one
    # finding per phrase), so no hedging notice
    assert levels.count("warning") == 10 and levels.count("notice") == 0
    assert out.splitlines()[-1].startswith("checker: ")


def test_github_plain_lines_never_start_a_command(drafts: Path) -> None:
    """Findings past GitHub's cap are plain ``path:line:col`` lines; a path named as given
    that starts with '::' (after white space) gets './' in front."""
    proc = cli("check", "::warning::lead.md", "  ::add-mask::indented.md", "--format", "github",
               "--exit-zero", cwd=drafts / "drafts")  # fmt: skip
    lines = proc.stdout.decode("utf-8").splitlines()
    plain = [x for x in lines if not OWN_COMMAND.match(x)]
    assert not [x for x in plain if x.lstrip().startswith("::")]
    assert any(x.startswith("./::warning::lead.md:") for x in plain)
    assert any(x.startswith("./  ::add-mask::indented.md:") for x in plain)


def test_junit_is_xml_that_parses(outputs: Outputs, drafts: Path) -> None:
    root = ET.fromstring(outputs["junit"][0])
    names = {c.get("name") for c in root.iter("testcase")}
    assert len(names) == len(NAMES)
    assert "drafts/a#1 100%\n::error file=README.md::pwned\n::add-mask::secret\n##[error]" \
        "legacy\\x1b[31m\\x07\\x08\x7f\x85\t\u202e.md" in names  # fmt: skip
    body = "".join(el.text or "" for el in root.iter() if el.tag in ("failure", "system-out"))
    assert "\\x1b]8;;https://evil.example" in body and "\x1b" not in body


def sarif_uris(doc: dict) -> list[str]:
    return [
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for r in doc["runs"][0]["results"]
        for loc in r["locations"]
    ]


def test_sarif_uris_round_trip(outputs: Outputs, drafts: Path) -> None:
    doc = json.loads(outputs["sarif"][0])
    uris = sarif_uris(doc)
    assert {unquote(u, errors="surrogateescape") for u in uris} == rel_paths(drafts)
    for u in uris:
        assert not re.search(r"[^A-Za-z0-9\-._~/!$&'()*+,;=@%]", u), u  # RFC 3986 path chars
        assert u.count("#") == 0 and "%" not in re.sub(r"%[0-9A-F]{2}", "", u)
    bases = {loc["physicalLocation"]["artifactLocation"]["uriBaseId"]
             for res in doc["runs"][0]["results"] for loc in res["locations"]}  # fmt: skip
    assert bases == {"%SRCROOT%"}


def test_sarif_with_payload_names_validates_against_the_schema(
    outputs: Outputs,
) -> None:
    if not SARIF_SCHEMA.is_file():
        pytest.skip(f"SARIF 2.1.0 schema not found at {SARIF_SCHEMA} (not part of the repo)")
    import jsonschema

    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(outputs["sarif"][0]), schema)


@pytest.mark.parametrize("fmt", ["rdjson", "gitlab"])
def test_json_formats_keep_plain_paths(
    fmt: str, outputs: Outputs, drafts: Path
) -> None:
    doc = json.loads(outputs[fmt][0])
    items = doc["diagnostics"] if fmt == "rdjson" else doc
    paths = {x["location"]["path"] for x in items}
    assert paths == rel_paths(drafts)


@pytest.mark.parametrize(
    ("fmt", "shown"),
    [
        ("text", "undecodable/bad\\xff name.md:"),
        ("github", "file=undecodable/bad\\xff name.md,"),
        ("junit", 'name="undecodable/bad\\xff name.md"'),
        ("sarif", '"uri": "undecodable/bad%FF%20name.md"'),
        ("rdjson", '"path": "undecodable/bad\ufffd name.md"'),
        ("gitlab", '"path": "undecodable/bad\ufffd name.md"'),
        ("json", '"path": "undecodable/bad\ufffd name.md"'),
    ],
)
def test_a_file_name_that_is_not_utf8(fmt: str, shown: str, drafts: Path) -> None:
    """Bytes that are not UTF-8 in a name: output stays UTF-8, the byte is shown or encoded."""
    proc = cli("check", "undecodable", "--format", fmt, "--exit-zero", cwd=drafts)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert shown in proc.stdout.decode("utf-8")


def test_error_messages_on_stderr_are_escaped(drafts: Path) -> None:
    proc = cli("check", f"drafts/missing{OSC8}\n::error::x.md", cwd=drafts)
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2
    assert not UNSAFE.findall(err) and err.count("\n") == 1
    assert "missing\\x1b]8;;https://evil.example" in err


def test_stdin_filename_is_escaped_like_a_file_name(drafts: Path) -> None:
    name = "d/x\n::error file=README.md::pwned.md"
    proc = cli("check", "--stdin-filename", name, "--format", "github", "--exit-zero",
               cwd=drafts, stdin=ARTICLE.encode())  # fmt: skip
    out = proc.stdout.decode("utf-8")
    assert proc.returncode == 0
    for line in out.splitlines():
        assert not line.lstrip().startswith("::") or OWN_COMMAND.match(line), line
    assert "file=d/x%0A%3A%3Aerror file=README.md%3A%3Apwned.md," in out


def test_escape_helpers() -> None:
    assert uri_reference("a#1 100%.txt") == "a%231%20100%25.txt"
    assert uri_reference("d/é (1).md") == "d/%C3%A9%20(1).md"
    assert unquote(uri_reference("x/a:b?c.md")) == "x/a:b?c.md"
    assert github_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    assert github_data("50% ##[error]x\r\n\x1b") == "50%25 #%2523[error]x%0D%0A\\x1b"
    assert runner_unescape(github_data("100%\n::x"), prop=False) == "100%\n::x"
    assert github_line("::error::x") == "./::error::x"
    assert github_line("a\n::error::x") == "a\\n::error::x"
    assert visible("ok\x1b[31m\u202e\udcff\x85") == "ok\\x1b[31m\\u202e\\xff\\x85"
    for s in ("Plain text, with: colons; 100 percent.", "drafts/ünï cödé.md", "“quoted” — dash"):
        assert visible(s) == s and github_line(s) == s
