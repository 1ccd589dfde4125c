"""Check that a change left every result the same: compare two audits' report.json files.

    checker audit CORPUS --out before/ --format json      # on the old code
    checker audit CORPUS --out after/ --format json       # on the new code
    python bench/same_results.py before/report.json after/report.json

Articles are matched by name; the report's ``generated`` time is ignored. Prints each
article whose record differs (with the first differing field) and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _articles(path: Path) -> dict[str, dict[str, Any]]:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
        return {str(a["article"]): a for a in report["articles"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        sys.exit(f"same_results: {path}: not a checker report.json ({exc})")


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Field names whose values differ between two article records."""
    return [k for k in sorted(set(old) | set(new)) if old.get(k) != new.get(k)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    args = ap.parse_args(argv)
    old, new = _articles(args.before), _articles(args.after)
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


if __name__ == "__main__":
    sys.exit(main())
