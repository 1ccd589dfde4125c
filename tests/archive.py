"""Summary rows of an imaginary news archive, for the index's browser test and benchmark.

Plain data (no test framework needed), so that ``bench/html_report.py`` can use it too.
"""

from __future__ import annotations

import random
from typing import Any

HOSTILE = '<img src=x onerror="document.title=1">PWNED'


def archive_rows(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """Summary rows of an imaginary archive: outlets, authors, sections, dates, findings."""
    rnd = random.Random(seed)
    rule_ids = ["CLM001", "ATT001", "HDG001", "HDG002", "FTN001", "FTN002"]
    rows = []
    for i in range(n):
        failed = i % 997 == 0
        score = None if failed else round(rnd.uniform(20, 100), 1)
        grade = (
            ""
            if score is None
            else next(
                g for b, g in ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F")) if score >= b
            )
        )
        counts = {r: rnd.randint(1, 6) for r in rnd.sample(rule_ids, rnd.randint(0, 3))}
        rows.append(
            {
                "id": f"row-{i}",
                "article": HOSTILE if i == 5 else f"archive/{i:06d}.txt",
                "page": f"articles/archive-{i:06d}-txt.html",
                "status": "error" if failed else "ok",
                "error": "unreadable" if failed else "",
                "score": score,
                "grade": grade,
                "words": rnd.randint(200, 2000),
                "claims": 10,
                "unsourced_claims": rnd.randint(0, 10),
                "named_sources": 4,
                "anonymous_sources": rnd.randint(0, 3),
                "rule_counts": {} if failed else counts,
                "metadata": {
                    "outlet": f"Outlet {i % 12}",
                    "author": f"Author {i % 900}",
                    "section": ["news", "politics", "sport"][i % 3],
                    "date": f"{2025 + i % 2}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                },
            }
        )
    return rows
