"""Store each pattern cue's ``needles`` beside its ``re`` in ``rules/genre/cues.json``.

    .venv/bin/python -m training.refresh_genre_cues

Run after editing a cue's ``re`` (a test fails until then): with the strings stored, the
genre family looks for them before running a pattern, in texts of any length, and compiles
a pattern only when a text holds one of them (a draft's check compiles a few of them).
"""

from __future__ import annotations

import json
import sys

from rules.genre.detect import CUES_PATH, stored_needles


def main() -> int:
    data = json.loads(CUES_PATH.read_text(encoding="utf-8"))
    changed = stored_needles(data)
    CUES_PATH.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    print(f"{CUES_PATH}: {changed} cues updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
