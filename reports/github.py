"""GitHub Actions workflow commands (``::error file=...``): annotations on the PR diff.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step
(and 50 per job) from workflow commands; the rest are silently dropped. So we
emit up to 10 per level, most severe and file-level failures first, print the
other findings as plain ``path:line:col`` log lines, and end with a summary line
that says how many were not annotated. Upload SARIF for the full list.

Everything from the input is escaped (:mod:`reports.escape`): a file name or a
message cannot end a command, start another one (``::add-mask::``, the legacy
``##[...]``) or send terminal escape sequences to the log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reports.escape import github_data, github_line, github_property
from reports.text import finding_line

if TYPE_CHECKING:
    from checker.core.results import CheckResult

ANNOTATIONS_PER_LEVEL = 10  # GitHub's documented cap per step, per level
LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


escape_data = github_data
escape_property = github_property


def command(level: str, message: str, **props: Any) -> str:
    fields = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v != "")
    head = f"::{level} {fields}::" if fields else f"::{level}::"
    return head + escape_data(message)


def render_github(result: CheckResult, cap: int = ANNOTATIONS_PER_LEVEL) -> str:
    items: list[tuple[int, str, str, str]] = []  # (priority, level, annotation, plain line)
    for cf in result.files:
        for x in cf.failures:
            if x.kind == "fail-on":
                continue  # the findings themselves are annotated
            ann = command("error", x.message, file=cf.uri, line=1,
                          title=f"checker: {cf.uri} fails the bar")  # fmt: skip
            items.append((0, "error", ann, github_line(f"{cf.path}: FAIL: {x.message}")))
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
        plain = github_line(finding_line(cf.path, f))
        items.append((rank.get(f["severity"], 2), level, ann, plain))
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
            f"checker: {len(plain)} more finding{'' if len(plain) == 1 else 's'} not shown as "
            f"annotations (GitHub shows "
            f"{cap} per level per step); they are listed above, and in full in the SARIF "
            "upload."
        )
    lines.append(github_line(f"checker: {result.summary()}"))
    return "\n".join(lines) + "\n"
