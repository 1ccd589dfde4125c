"""Store each hedging lexicon entry's ``needles``, ``check_start`` and ``starts`` beside its ``re``.

    .venv/bin/python -m training.refresh_hedging_lexicon

Run after editing an entry's ``re`` in ``rules/hedging/lexicon.json`` (a test fails until
then): with the fields stored, the audit compiles a lexicon pattern only when one of its
needles is in the text, so a short draft's check compiles a handful of the ~80 patterns, and
no pattern is parsed at start-up to find the strings its matches start with.
"""

from __future__ import annotations

import json
import sys

from rules.hedging.lexicon import LEXICON_PATH, derived_fields


def main() -> int:
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    changed = 0
    for spec in data["categories"].values():
        for raw in spec["entries"]:
            new = derived_fields(raw)
            if any(k not in raw or raw[k] != v for k, v in new.items()):
                raw.update(new)
                changed += 1
    LEXICON_PATH.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
    print(f"{LEXICON_PATH}: {changed} entries updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
