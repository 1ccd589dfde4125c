"""The HTML reports in a real headless Chromium: screenshots, escaping, sorting.

Needs Debian's ``chromium`` (``apt-get install -y chromium``); skipped when absent.
Screenshots are decoded here (PNG -> RGB, no Pillow) and checked for real content:
many colours, the rule highlight tints, the grade badge and chart colours.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from scripts.screenshot import dump_dom, find_chromium, screenshot
from tests.test_html_report import sample_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        find_chromium() is None,
        reason="headless Chromium not installed (apt-get install -y chromium)",
    ),
]

from reports.html import page_names, rule_colours, write_html  # noqa: E402


def decode_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB bytes) of an 8-bit RGB/RGBA non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, header = 8, bytearray(), None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert header is not None
    width, height, depth, ctype, _, _, interlace = header
    assert depth == 8 and ctype in (2, 6) and interlace == 0, header
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(bytes(idat))
    stride = width * bpp
    prev = bytearray(stride)
    rows: list[bytes] = []
    for y in range(height):
        off = y * (stride + 1)
        ftype, line = raw[off], bytearray(raw[off + 1 : off + 1 + stride])
        if ftype == 1:
            for x in range(bpp, stride):
                line[x] = (line[x] + line[x - bpp]) & 0xFF
        elif ftype == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, prev, strict=True))
        elif ftype == 3:
            for x in range(stride):
                left = line[x - bpp] if x >= bpp else 0
                line[x] = (line[x] + ((left + prev[x]) >> 1)) & 0xFF
        elif ftype == 4:
            for x in range(stride):
                a = line[x - bpp] if x >= bpp else 0
                b = prev[x]
                c = prev[x - bpp] if x >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line) if bpp == 3 else bytes(
            v for i in range(0, stride, 4) for v in line[i : i + 3]))
        prev = line
    return width, height, rows


def colour_counts(png: Path) -> tuple[int, int, Counter[tuple[int, int, int]]]:
    width, height, rows = decode_png(png.read_bytes())
    counts: Counter[tuple[int, int, int]] = Counter()
    for row in rows:
        counts.update(zip(row[0::3], row[1::3], row[2::3], strict=True))
    return width, height, counts


def pixels_near(counts: Counter[tuple[int, int, int]], hex_colour: str, tol: int = 3) -> int:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return sum(
        n
        for (cr, cg, cb), n in counts.items()
        if abs(cr - r) <= tol and abs(cg - g) <= tol and abs(cb - b) <= tol
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("html")
    report = sample_report()
    write_html(report, out)
    pages = page_names(report["articles"])
    return {"out": out, "report": report, "pages": pages,
            "index": (out / "index.html").resolve().as_uri(),
            "article": (out / pages[0]).resolve().as_uri()}


def _rows(dom: str) -> list[str]:
    body = dom[dom.index("<tbody>") : dom.index("</tbody>")]
    return re.findall(r'<td class="name"><a href="[^"]*" title="([^"]*)"', body)


def test_article_screenshot_shows_highlights(site: dict[str, Any], tmp_path: Path) -> None:
    png = screenshot(site["article"], tmp_path / "article.png", 1280, 900)
    width, height, counts = colour_counts(png)
    assert (width, height) == (1280, 900)
    assert len(counts) > 200, "page looks blank"
    # background tints of the rules that fired, on real text (many pixels each)
    for rid in ("CLM001", "ATT001"):
        assert pixels_near(counts, rule_colours(rid)[0]) > 1500, rid
    for rid in ("HDG002", "FTN001"):
        assert pixels_near(counts, rule_colours(rid)[0]) > 150, rid
    assert pixels_near(counts, "#E69F00") > 300  # the D grade badge
    assert pixels_near(counts, "#1F2A36") > 50_000  # the header bar
    # no colour covers nearly everything (a blank or error page would)
    assert counts.most_common(1)[0][1] < 0.7 * width * height


def test_index_screenshot_shows_charts_and_badges(site: dict[str, Any], tmp_path: Path) -> None:
    png = screenshot(site["index"], tmp_path / "index.png", 1280, 900)
    width, height, counts = colour_counts(png)
    assert (width, height) == (1280, 900)
    assert len(counts) > 150
    assert pixels_near(counts, "#0072B2") > 2000  # histogram bar 90-100 + A badges
    assert pixels_near(counts, "#D55E00") > 1000  # CLM001 bar in "findings per rule"
    assert pixels_near(counts, rule_colours("FTN001")[1]) > 1000


def test_injected_script_does_not_run(site: dict[str, Any]) -> None:
    dom = dump_dom(site["article"])
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title and title.group(1) == "local/harbour-barrier.md: sourcing audit"
    assert "PWNED" not in title.group(1)
    assert "&lt;script&gt;document.title=" in dom  # shown as text, once the page is drawn
    assert 'data-drawn="1"' in dom
    # the only scripts: the shared one and the page's data (not a script: never run)
    assert re.findall(r"<script[^>]*>", dom) == [
        '<script src="../assets/checker.js" defer=""></script>'[:-9],
        '<script id="checker-article" type="application/octet-stream">']
    index = dump_dom(site["index"])
    assert "<title>Sourcing audit: 4 articles</title>" in index
    assert "&lt;b&gt;odd&lt;/b&gt;" in index and "<b>odd</b>" not in index


def test_table_sorts_from_url_hash(site: dict[str, Any]) -> None:
    plain = dump_dom(site["index"])
    assert 'data-sorted="score:asc"' in plain  # worst first by default
    worst_first = ["local/harbour-barrier.md", "drafts/&lt;b&gt;odd&lt;/b&gt; name.txt",
                   "business/bus-fares.txt", "archive/broken.html"]  # no score: always last
    assert _rows(plain) == worst_first
    assert re.search(r'data-key="score"[^>]*aria-sort="ascending"', plain)

    desc = dump_dom(site["index"] + "#sort=score:desc")
    assert _rows(desc) == [worst_first[2], worst_first[1], worst_first[0], worst_first[3]]
    by_name = dump_dom(site["index"] + "#sort=name:asc")
    assert _rows(by_name)[0] == "archive/broken.html"
    assert _rows(by_name)[-1] == "local/harbour-barrier.md"
    failed = dump_dom(site["index"] + "#status=error")
    assert _rows(failed) == ["archive/broken.html"] and 'data-shown="1"' in failed


def test_finding_link_targets_a_sentence(site: dict[str, Any], tmp_path: Path) -> None:
    """Jumping to a finding's sentence outlines it (CSS :target) in its own colour."""
    article = site["report"]["articles"][0]
    sent = article["findings"][4]["sentence"]  # the unsourced cost figure
    target = "#17428C"  # --target in style.css, used only for this outline and its legend
    png = screenshot(f"{site['article']}#s-{sent}", tmp_path / "target.png", 1280, 900)
    plain = screenshot(site["article"], tmp_path / "plain.png", 1280, 900)
    with_target = pixels_near(colour_counts(png)[2], target, tol=2)
    without = pixels_near(colour_counts(plain)[2], target, tol=2)
    assert with_target - without > 500, (with_target, without)
