"""Check that two audits gave the same per-article results.

Compare two reports (report folders, ``articles.jsonl`` files, or ``report.json`` files of
older versions)::

    checker audit CORPUS --out before/ --format json      # on the old code
    checker audit CORPUS --out after/ --format json       # on the new code
    python bench/same_results.py before/ after/

Or check that a corpus audited as a folder of files and as one table gives the same
results (the table is built from the folder: one row per file, its id the file's name)::

    python bench/same_results.py --folder CORPUS [--articles 1000] [--as csv|jsonl|parquet]

Articles are matched by id (the article name for reports without ids); what belongs to
the input rather than to the result (path, page, metadata) is ignored. Prints each
article whose record differs (with the differing fields) and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PER_INPUT = {"path", "page", "metadata", "id", "article"}


def _records(path: Path) -> list[dict[str, Any]]:
    if path.is_dir():
        path = next((path / n for n in ("articles.jsonl", "report.json") if (path / n).exists()),
                    path / "articles.jsonl")  # fmt: skip
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":  # compact lines: expanded, so that any two reports compare
        from reports.compact import expand

        return [expand(json.loads(line)) for line in raw.splitlines() if line.strip()]
    return list(json.loads(raw)["articles"])


def _articles(path: Path) -> dict[str, dict[str, Any]]:
    try:
        return {str(a.get("id") or a["article"]): a for a in _records(path)}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        sys.exit(f"same_results: {path}: not a checker report ({exc})")


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Field names whose values differ between two article records (per-input ones aside)."""
    keys = (set(old) | set(new)) - PER_INPUT
    return [k for k in sorted(keys) if old.get(k) != new.get(k)]


def compare(before: Path, after: Path) -> int:
    old, new = _articles(before), _articles(after)
    differing = 0
    for name in sorted(set(old) | set(new)):
        if name not in old or name not in new:
            differing += 1
            print(f"{name}: only in {'after' if name in new else 'before'}")
            continue
        fields = differences(old[name], new[name])
        if fields:
            differing += 1
            print(f"{name}: {', '.join(fields)}")
    print(f"{differing} of {len(set(old) | set(new))} articles differ")
    return 1 if differing else 0


def build_table(files: list[Path], base: Path, dest: Path) -> Path:
    """One row per file: id (its name as a folder audit shows it), format, body."""
    import pandas as pd

    fmt = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
    rows = [{"id": f.relative_to(base).as_posix(), "fmt": fmt.get(f.suffix.lower(), "text"),
             "body": f.read_bytes().decode("utf-8")} for f in files]  # fmt: skip
    df = pd.DataFrame(rows)
    if dest.suffix == ".parquet":
        df.to_parquet(dest)
    elif dest.suffix == ".jsonl":
        df.to_json(dest, orient="records", lines=True, force_ascii=False)
    else:
        df.to_csv(dest, index=False)
    return dest


def folder_vs_table(folder: Path, limit: int, kind: str) -> int:
    """Audit ``limit`` files of ``folder`` as files and as one table; compare."""
    from checker.walk import walk_articles

    files = walk_articles(folder)[:limit]
    with tempfile.TemporaryDirectory(prefix="same-results-") as tmp:
        root = Path(tmp)
        corpus = root / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copyfile(f, corpus / f.name)
        table = build_table(sorted(corpus.iterdir()), root, root / f"corpus.{kind}")
        run = [sys.executable, "-m", "checker", "audit", "--format", "json", "-q", "--no-cache"]
        for args, out in (([str(corpus)], "a"), ([str(table), "--text-column", "body",
                          "--id-column", "id", "--format-column", "fmt"], "b")):  # fmt: skip
            done = subprocess.run([*run, *args, "--out", str(root / out)], capture_output=True,
                                  text=True)  # fmt: skip
            if done.returncode not in (0, 1):
                sys.exit(f"same_results: checker audit failed:\n{done.stderr[-2000:]}")
        print(f"{len(files)} articles as a folder of files and as one {kind} file:")
        return compare(root / "a", root / "b")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path, nargs="?")
    ap.add_argument("after", type=Path, nargs="?")
    ap.add_argument("--folder", type=Path, help="audit this corpus as files and as a table")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--as", dest="kind", choices=("csv", "jsonl", "parquet"), default="parquet")
    args = ap.parse_args(argv)
    if args.folder:
        return folder_vs_table(args.folder, args.articles, args.kind)
    if not (args.before and args.after):
        ap.error("give two reports, or --folder CORPUS")
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
