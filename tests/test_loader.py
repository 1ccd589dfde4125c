"""Loading: encodings, formats, HTML text extraction with offsets back to the source."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from checker.text.loader import LoadError, decode_bytes, load_document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


TEXT = "The mayor said the bridge will reopen in May. Engineers disagree.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = load_document(write(tmp_path, "a.txt", data))
    assert doc.text == TEXT
    assert doc.encoding == encoding
    assert not doc.warnings
    assert [s.text for s in doc.sentences] == [
        "The mayor said the bridge will reopen in May.",
        "Engineers disagree.",
    ]


def test_cp1252_fallback_is_a_warning(tmp_path: Path) -> None:
    data = "The caf\u00e9 owner said \u201cno\u201d.".encode("cp1252")
    doc = load_document(write(tmp_path, "b.txt", data))
    assert "caf\u00e9" in doc.text and "\u201cno\u201d" in doc.text
    assert doc.encoding == "cp1252"
    assert any("cp1252" in w for w in doc.warnings)


def test_binary_and_unsupported_files_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="binary"):
        load_document(write(tmp_path, "c.txt", b"\x00\x01\x02abc"))
    with pytest.raises(LoadError, match="unsupported file type '.pdf'"):
        load_document(write(tmp_path, "d.pdf", b"%PDF-1.4"))
    with pytest.raises(LoadError, match="not found"):
        load_document(tmp_path / "missing.txt")


def test_empty_file_loads_with_warning(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path, "e.md", b""))
    assert doc.sentences == ()
    assert any("empty" in w for w in doc.warnings)


def test_crlf_offsets_map_to_original_lines(tmp_path: Path) -> None:
    data = b"Title line\r\n\r\nFirst sentence here. Second one follows.\r\nThird line now.\r\n"
    doc = load_document(write(tmp_path, "f.txt", data))
    third = next(s for s in doc.sentences if s.text.startswith("Third"))
    assert (third.line, third.column) == (4, 1)
    second = next(s for s in doc.sentences if s.text.startswith("Second"))
    assert (second.line, second.column) == (3, 22)


def test_html_extraction_skips_chrome_and_keeps_positions(tmp_path: Path) -> None:
    html = (
        "<html><head><title>T</title><script>var x = 1;</script></head><body>\n"
        "<nav>Home | News</nav>\n"
        "<article><h1>Port strike ends</h1>\n"
        "<p>Dock workers returned on Friday, the union <a href='https://union.example/news'>"
        "said</a>.<sup>1</sup></p>\n"
        "<p>Cargo &amp; ferries resumed &mdash; slowly.</p></article>\n"
        "<footer>All rights reserved</footer></body></html>"
    )
    doc = load_document(write(tmp_path, "g.html", html.encode()))
    assert "var x" not in doc.text and "Home | News" not in doc.text
    assert "Cargo & ferries resumed \u2014 slowly." in doc.text
    assert "said.[1]" in doc.text  # <sup>1</sup> becomes a visible marker
    assert [lk.url for lk in doc.links] == ["https://union.example/news"]
    link = doc.links[0]
    assert doc.text[link.start : link.end] == "said"
    body = [s for s in doc.sentences if s.region == "body"]
    assert body[0].text.startswith("Dock workers returned")
    assert body[0].line == 4  # line in the original HTML file
    regions = {b.region for b in doc.blocks}
    assert "heading" in regions


def test_decode_bytes_reports_offending_byte() -> None:
    _, enc, warnings = decode_bytes(b"abc \x81 def")
    assert enc == "cp1252"
    assert "0x81" in warnings[0]


def test_files_are_read_whole_up_to_the_size_limit(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import checker.text.loader as loader

    monkeypatch.setattr(loader, "MAX_BYTES", 100)
    for n in (0, 1, 99, 100):
        assert loader.read_limited(write(tmp_path, f"{n}.txt", b"a" * n)) == b"a" * n
    for n in (101, 5000):
        with pytest.raises(LoadError, match="the limit is"):
            loader.read_limited(write(tmp_path, f"{n}.txt", b"a" * n))


def test_a_file_that_holds_more_than_its_size_says_is_read_whole() -> None:
    # /proc files say they are empty (st_size 0) and are not
    status = Path("/proc/self/status")
    if not status.is_file():
        pytest.skip("no /proc on this platform")
    from checker.text.loader import read_limited

    got = read_limited(status)
    assert status.stat().st_size == 0 and got.startswith(b"Name:") and b"\nPid:" in got
