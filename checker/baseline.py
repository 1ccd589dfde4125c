"""Baselines: record today's findings so that CI fails only on new ones.

A finding's fingerprint does not use line numbers, so it survives edits elsewhere
in the file: it is a hash of the rule id, the normalised text of the sentence it
sits in, the normalised text it points at, and its occurrence index among
findings with the same three (the second identical hedge in an identical
sentence is a different finding). Editing the sentence itself makes the finding
new, which is what a desk wants: a rewritten sentence is checked again.

The baseline file (``.checker-baseline.json`` by default) is JSON::

    {"version": 1, "tool": "checker 0.1.0", "created": "2026-11-21T06:00:00+00:00",
     "files": {"drafts/budget.md": {"score": 71.5, "unsourced_claims": 2,
                                    "findings": [{"fingerprint": "…", "rule": "…",
                                                  "line": 4, "message": "…"}]}}}

Paths are relative to the git top-level folder (else to the current folder), so
the file works from any folder of the repository. The file is written atomically (a
temporary file renamed over it: a failed write keeps the previous baseline), and read
with the checks of every data file (a regular file of sane size, UTF-8, finite numbers,
bounded nesting) and of its own shape, so a damaged baseline is a one-line error.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from checker.core.datafiles import DataFileError, check_values, read_text
from checker.core.io import atomic_write_text
from checker.core.version import __version__

try:  # hashlib is heavy to load (OpenSSL): the lean built-in module first, as `random` does
    from _sha256 import sha256
except ImportError:  # another Python: the official implementation (the same digests)
    from hashlib import sha256

BASELINE_VERSION = 1
DEFAULT_BASELINE = ".checker-baseline.json"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


class BaselineError(ValueError):
    """The baseline file is missing or malformed (exit code 2)."""


def normalise(text: str) -> str:
    """Case-, width-, quote- and whitespace-insensitive form of a text."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def fingerprint(rule_id: str, sentence: str, text: str, occurrence: int) -> str:
    key = "\x1f".join((rule_id, normalise(sentence), normalise(text), str(occurrence)))
    return sha256(key.encode("utf-8")).hexdigest()[:32]


def assign_fingerprints(findings: list[dict[str, Any]], sentences: list[dict[str, Any]]) -> None:
    """Add a ``fingerprint`` to every finding dict of one file (in file order)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for f in sorted(findings, key=lambda f: (f.get("start", 0), f.get("line", 0), f["id"])):
        i = f.get("sentence")
        sent = sentences[i]["text"] if isinstance(i, int) and 0 <= i < len(sentences) else ""
        key = (f["id"], normalise(sent), normalise(f.get("text", "")))
        f["fingerprint"] = fingerprint(f["id"], sent, f.get("text", ""), seen[key])
        seen[key] += 1


def _now() -> str:
    """The current time, UTC, to the second (when a baseline is recorded)."""
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class FileBaseline:
    """What a baseline recorded for one file: its score, unsourced claims and findings."""

    score: float | None = None
    unsourced_claims: int | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(f["fingerprint"] for f in self.findings)


@dataclass
class Baseline:
    """A recorded baseline: every checked file's record, by its path from the top folder."""

    files: dict[str, FileBaseline] = field(default_factory=dict)
    created: str = ""

    def split(
        self, uri: str, findings: list[dict[str, Any]]
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(new, known) findings of one file; each recorded fingerprint matches once."""
        fb = self.files.get(uri)
        if fb is None:
            return list(findings), []
        left = fb.counts()
        new, known = [], []
        for f in findings:
            fp = f.get("fingerprint", "")
            if left[fp] > 0:
                left[fp] -= 1
                known.append(f)
            else:
                new.append(f)
        return new, known

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": BASELINE_VERSION,
            "tool": f"checker {__version__}",
            "created": self.created or _now(),
            "files": {
                uri: {
                    "score": fb.score,
                    "unsourced_claims": fb.unsourced_claims,
                    "findings": fb.findings,
                }
                for uri, fb in sorted(self.files.items())
            },
        }

    def dump(self, path: str | Path) -> None:
        """Write the baseline atomically (``WriteError``, an ``OSError``, when it fails;
        the previous file is then unchanged)."""
        text = json.dumps(self.to_dict(), ensure_ascii=False, indent=1, allow_nan=False)
        atomic_write_text(Path(path), text + "\n")

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        p = Path(path)
        if not p.exists():
            raise BaselineError(
                f"baseline {p} not found; create it with 'checker baseline PATH... --output {p}'"
            )
        try:
            data = json.loads(read_text(p), parse_constant=_no_constant)
        except DataFileError as exc:
            raise BaselineError(f"baseline {exc}") from None
        except (ValueError, RecursionError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else exc
            raise BaselineError(f"baseline {p} is not readable JSON: {reason}") from None
        problem = check_values(data)
        if problem:
            raise BaselineError(f"baseline {p}: {problem}")
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise BaselineError(
                f"baseline {p}: expected a checker baseline (version {BASELINE_VERSION})"
            )
        entries = data.get("files")
        entries = {} if entries is None else entries
        if not isinstance(entries, dict):
            raise BaselineError(f"baseline {p}: 'files' must be an object of path: entry")
        files = {uri: _file_entry(p, uri, entry) for uri, entry in entries.items()}
        return cls(files=files, created=str(data.get("created", "")))


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _file_entry(p: Path, uri: str, entry: Any) -> FileBaseline:
    """One file's recorded entry, checked (``BaselineError`` naming the file and path)."""
    bad = BaselineError(f"baseline {p}: malformed entry for {uri}")
    if not isinstance(entry, dict):
        raise bad
    score, unsourced = entry.get("score"), entry.get("unsourced_claims")
    if score is not None and (isinstance(score, bool) or not isinstance(score, int | float)):
        raise bad
    if unsourced is not None and (isinstance(unsourced, bool) or not isinstance(unsourced, int)):
        raise bad
    found = entry.get("findings", [])
    if not isinstance(found, list) or not all(
        isinstance(f, dict) and isinstance(f.get("fingerprint"), str) for f in found
    ):
        raise bad
    return FileBaseline(score, unsourced, [dict(f) for f in found])
