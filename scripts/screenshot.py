"""Render the HTML report in headless Chromium and save screenshots.

    python scripts/screenshot.py                      # the hand-written test sample
    python scripts/screenshot.py --report out/report.json --article 0 --out shot.png

docs/screenshot.png is a real audit of the bundled examples:

    checker audit examples --out /tmp/aud
    python scripts/screenshot.py --report /tmp/aud/report.json --article 0

Without ``--report`` it renders the hand-written sample report of
``tests/test_html_report.py``. Needs Debian's ``chromium`` (``apt-get install -y
chromium``). The helpers here (``find_chromium``, ``screenshot``, ``dump_dom``) are
also used by ``tests/test_html_browser.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Flags for a root, offline, sandbox-less machine (see the environment notes): no
# background networking, sync or component updates, each run with a fresh profile.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


def find_chromium() -> str | None:
    """Path of a Chromium/Chrome binary, or None."""
    env = os.environ.get("CHROMIUM")
    if env and Path(env).is_file():
        return env
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(args: list[str], timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    binary = find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium not found (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="checker-chromium-") as profile:
        return subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


def screenshot(url: str, png: Path, width: int = 1280, height: int = 900) -> Path:
    """Save a PNG of the page's first ``width`` x ``height`` pixels."""
    png = Path(png)
    png.parent.mkdir(parents=True, exist_ok=True)
    if png.exists():
        png.unlink()
    proc = _run([f"--screenshot={png}", f"--window-size={width},{height}",
                 "--run-all-compositor-stages-before-draw", url])
    if not png.is_file():
        raise RuntimeError(f"chromium made no screenshot (exit {proc.returncode}): {proc.stderr}")
    return png


def dump_dom(url: str, width: int = 1280, height: int = 900) -> str:
    """The DOM after the page's scripts ran, serialised (``--dump-dom``)."""
    proc = _run(["--dump-dom", f"--window-size={width},{height}", url])
    if proc.returncode != 0 or "<html" not in proc.stdout:
        raise RuntimeError(f"chromium --dump-dom failed (exit {proc.returncode}): {proc.stderr}")
    return proc.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--report", type=Path, help="a report.json (default: the test sample)")
    ap.add_argument("--article", type=int, default=0, help="index of the article to show")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    ap.add_argument("--index-out", type=Path, help="also save a screenshot of index.html")
    ap.add_argument("--size", default="1280,900", help="window size WIDTH,HEIGHT")
    ap.add_argument("--keep", type=Path, help="write the HTML here instead of a temp dir")
    args = ap.parse_args(argv)

    from reports.html import page_names, write_html

    if args.report:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    else:
        from tests.test_html_report import sample_report

        report = sample_report()
    width, height = (int(x) for x in args.size.split(","))
    with tempfile.TemporaryDirectory(prefix="checker-html-") as tmp:
        out_dir = args.keep or Path(tmp)
        write_html(report, out_dir)
        page = page_names(report["articles"])[args.article]
        screenshot((out_dir / page).resolve().as_uri(), args.out, width, height)
        print(f"{args.out} ({args.out.stat().st_size // 1024} KB)")
        if args.index_out:
            screenshot((out_dir / "index.html").resolve().as_uri(), args.index_out, width, height)
            print(f"{args.index_out} ({args.index_out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
