"""The shared report script parses in older browsers (no browser needed).

``assets/checker.js`` draws ``index.html`` and every article page: a single construct an
older browser cannot parse leaves every page blank (the ``<noscript>`` notice does not show
either, as scripting is on). Regex lookbehind is the known case (Safari before 16.4); the
script keeps to ECMAScript 2018 syntax and library. A small scanner here splits the script
into code, string literals and regex literals, so each check looks where its construct can be.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reports.html import write_assets
from tests.test_html_report import RULES

_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^")
_KEYWORD_BEFORE = re.compile(r"\b(?:return|typeof|case|in|of|void|delete)\s*$")


def split_js(src: str) -> tuple[str, list[str], list[tuple[str, str]]]:
    """(the code with comments and literals blanked out, the string literals, the regex
    literals as (pattern, flags)) of a script without template literals."""
    code: list[str] = []
    strings: list[str] = []
    regexes: list[tuple[str, str]] = []
    i, n, last = 0, len(src), ""
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            i = src.index("*/", i + 2) + 2
            code.append(" ")
            continue
        if c == "`":
            raise ValueError(f"template literal at {i}: the scanner does not read those")
        if c in "\"'":
            j = i + 1
            while src[j] != c:
                j += 2 if src[j] == "\\" else 1
            strings.append(src[i + 1 : j])
            code.append('""')
            i, last = j + 1, '"'
            continue
        if c == "/" and (last == "" or last in _REGEX_AFTER
                         or _KEYWORD_BEFORE.search("".join(code[-12:]))):  # fmt: skip
            j, in_class = i + 1, False
            while in_class or src[j] != "/":
                if src[j] == "\n":
                    raise ValueError(f"unterminated regex literal at {i}")
                if src[j] == "\\":
                    j += 1
                elif src[j] == "[":
                    in_class = True
                elif src[j] == "]":
                    in_class = False
                j += 1
            k = j + 1
            while k < n and src[k].isalpha():
                k += 1
            regexes.append((src[i + 1 : j], src[j + 1 : k]))
            code.append("/R/")
            i, last = k, ")"
            continue
        code.append(c)
        if not c.isspace():
            last = c
        i += 1
    return "".join(code), strings, regexes


# construct -> where it is looked for, what finds it
_NEWER_SYNTAX: dict[str, tuple[str, re.Pattern[str]]] = {
    "regex lookbehind (Safari 16.4)": ("regex", re.compile(r"\(\?<[=!]")),
    "regex flag d or v (ES2022, ES2024)": ("flags", re.compile(r"[dv]")),
    "optional chaining ?. (ES2020)": ("code", re.compile(r"\?\.(?!\d)")),
    "nullish ?? (ES2020)": ("code", re.compile(r"\?\?")),
    "logical assignment (ES2021)": ("code", re.compile(r"(?:\|\||&&|\?\?)=")),
    "numeric separator (ES2021)": ("code", re.compile(r"\b\d[\d_]*_\d")),
    "private name # (ES2022)": ("code", re.compile(r"#")),
    "class (fields and static blocks are ES2022)": ("code", re.compile(r"\bclass\b")),
    "optional catch binding (ES2019)": ("code", re.compile(r"\bcatch\s*\{")),
    "dynamic import or top-level await": ("code", re.compile(r"\bimport\s*\(|\bawait\b")),
    "library newer than ES2018": (
        "code",
        re.compile(
            r"\bObject\.(?:hasOwn|fromEntries)\b|\.(?:replaceAll|matchAll|flatMap|flat|findLast"
            r"|findLastIndex|toSorted|toReversed)\s*\(|\bglobalThis\b|\bstructuredClone\b"
        ),
    ),
}


def newer_syntax(src: str) -> list[str]:
    """The constructs of ``_NEWER_SYNTAX`` that ``src`` uses."""
    code, strings, regexes = split_js(src)
    where = {
        "code": [code],
        # a pattern can also be a string given to RegExp()
        "regex": [p for p, _ in regexes] + strings,
        "flags": [f for _, f in regexes],
    }
    return [name for name, (place, rx) in _NEWER_SYNTAX.items()
            if any(rx.search(t) for t in where[place])]  # fmt: skip


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("assets")
    write_assets(out, RULES)
    return (Path(out) / "assets" / "checker.js").read_text(encoding="utf-8")


def test_the_shipped_script_has_no_regex_lookbehind(shipped: str) -> None:
    assert "(?<!" not in shipped and "(?<=" not in shipped


def test_the_shipped_script_uses_no_syntax_newer_than_es2018(shipped: str) -> None:
    assert newer_syntax(shipped) == []


def test_the_scanner_reads_the_whole_shipped_script(shipped: str) -> None:
    """The scanner keeps in step with the script: it finds its regexes, and no string it
    found looks like code (which a regex taken for a division would cause)."""
    code, strings, regexes = split_js(shipped)
    patterns = [p for p, _ in regexes]
    assert "^[A-F]$" in patterns and r"^(#{1,6})[ \t]+" in patterns
    assert len(regexes) > 15
    assert "function articlePage()" in code and "could not be drawn" not in code
    assert any("could not be drawn" in s for s in strings)
    assert not any("function (" in s for s in strings)


@pytest.mark.parametrize(
    ("snippet", "found"),
    [
        ("var r = /(?<![a-z])x/u;", "regex lookbehind (Safari 16.4)"),
        ('var r = new RegExp("(?<=a)b");', "regex lookbehind (Safari 16.4)"),
        ("if (x) { return /(?<!!)y/g.test(s); }", "regex lookbehind (Safari 16.4)"),
        ("var r = /a/dg;", "regex flag d or v (ES2022, ES2024)"),
        ("var v = a?.b;", "optional chaining ?. (ES2020)"),
        ("var v = a ?? 1;", "nullish ?? (ES2020)"),
        ("a ||= 2;", "logical assignment (ES2021)"),
        ("var n = 1_000;", "numeric separator (ES2021)"),
        ("class A { #x = 1; }", "private name # (ES2022)"),
        ("try { f(); } catch { }", "optional catch binding (ES2019)"),
        ("if (Object.hasOwn(o, k)) {}", "library newer than ES2018"),
        ("s.replaceAll('a', 'b');", "library newer than ES2018"),
    ],
)
def test_the_scanner_finds_each_newer_construct(snippet: str, found: str) -> None:
    assert found in newer_syntax(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        'var s = "a ?? b ?. c #d"; // ?? in a comment, (?<!e) too',
        "var x = a ? .5 : b; var y = c / d / e; var z = /[/]?./g;",
        "/* a?.b */ var r = /^#+[ \\t]/gm; try { f(); } catch (e) { }",
    ],
)
def test_the_scanner_finds_nothing_in_es2018(snippet: str) -> None:
    assert newer_syntax(snippet) == []
