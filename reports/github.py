"""GitHub Actions workflow commands (``::error file=...``): annotations on the PR diff.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
(and 50 per job) from workflow commands; the rest are silently dropped. So we
emit up to 10 per level, most severe and file-level failures first, print the
other findings as plain ``path:line:col`` log lines, and end with a summary line
that says how many were not annotated. Upload SARIF for the full list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reports.text import finding_line

if TYPE_CHECKING:
    from checker.core.results import CheckResult

ANNOTATIONS_PER_LEVEL = 10  # GitHub's documented cap per step, per level
LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: Any) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v != "")
    return f"::{level} {fields}::{escape_data(message)}" if fields else f"::{level}::{message}"


def render_github(result: CheckResult, cap: int = ANNOTATIONS_PER_LEVEL) -> str:
    items: list[tuple[int, str, str, str]] = []  # (priority, level, annotation, plain line)
    for cf in result.files:
        for x in cf.failures:
            if x.kind == "fail-on":
                continue  # the findings themselves are annotated
            ann = command("error", x.message, file=cf.uri, line=1,
                          title=f"checker: {cf.uri} fails the bar")  # fmt: skip
            items.append((0, "error", ann, f"{cf.path}: FAIL: {x.message}"))
    rank = {"error": 1, "warning": 2, "suggestion": 3}
    for cf, f in result.findings():
        level = LEVELS.get(f["severity"], "warning")
        ann = command(
            level,
            " ".join(str(f["message"]).split()),
            file=cf.uri,
            line=f["line"],
            col=f["column"],
            endLine=f.get("end_line", ""),
            title=f"{f['rule']} ({f['id']})",
        )
        items.append((rank.get(f["severity"], 2), level, ann, finding_line(cf.path, f)))
    items.sort(key=lambda it: it[0])  # stable: file order within a priority
    used = {"error": 0, "warning": 0, "notice": 0}
    annotated, plain = [], []
    for _, level, ann, line in items:
        if used[level] < cap:
            used[level] += 1
            annotated.append(ann)
        else:
            plain.append(line)
    lines = annotated + plain
    if plain:
        lines.append(
            f"checker: {len(plain)} more findings not shown as annotations (GitHub shows "
            f"{cap} per level per step); they are listed above, and in full in the SARIF "
            "upload."
        )
    lines.append(f"checker: {result.summary()}")
    return "\n".join(lines) + "\n"
