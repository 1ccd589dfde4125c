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
the file works from any folder of the repository.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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
        Path(path).write_text(
            json.dumps(self.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        p = Path(path)
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise BaselineError(
                f"baseline {p} not found; create it with 'checker baseline PATH... --output {p}'"
            ) from exc
        except (OSError, ValueError) as exc:
            raise BaselineError(f"baseline {p} is not readable JSON: {exc}") from exc
        if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
            raise BaselineError(
                f"baseline {p}: expected a checker baseline (version {BASELINE_VERSION})"
            )
        files: dict[str, FileBaseline] = {}
        for uri, entry in (data.get("files") or {}).items():
            try:
                found = [
                    {**f, "fingerprint": str(f["fingerprint"])} for f in entry.get("findings", [])
                ]
            except (KeyError, TypeError, AttributeError) as exc:
                raise BaselineError(f"baseline {p}: malformed entry for {uri}") from exc
            files[uri] = FileBaseline(entry.get("score"), entry.get("unsourced_claims"), found)
        return cls(files=files, created=str(data.get("created", "")))
