"""The learned claim decision's cross-validation figures: ``python -m evaluation.claim_decision``.

Prints what ``training/train_claim_decision.py`` recorded in ``rules/claims/decision.json``
when it fitted the model: unsourced-claim precision, recall and F1 of the learned decision
and of the rules, on the same folds (leave one excerpt, one outlet, out), separately for the
in-house web excerpts (which the rules were never fitted to: the fair comparison) and the
real-news tune half (which they were fitted to), with the nested estimate (the setting chosen
again inside each fold) when it was run. Nothing is recomputed: to refresh the figures,
retrain (``python -m training.train_claim_decision``).
"""

from __future__ import annotations

import json
import sys

from rules.claims.decision import DEFAULT_PATH

_PARTS = (("web", "web folds (rules never fitted there)"),
          ("tune", "real-news tune folds (rules fitted there)"),
          ("nested_web", "nested estimate, web folds"),
          ("nested_tune", "nested estimate, tune folds"))


def _line(name: str, f: dict) -> str:
    return (f"  {name:8s} P={f['precision']:.3f} R={f['recall']:.3f} F1={f['f1']:.3f} "
            f"(tp={f['tp']} fp={f['fp']} fn={f['fn']}; non-article lines flagged "
            f"{f['skip_lines_flagged']}/{f['skip_lines']})")


def main() -> int:
    data = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))
    meta = data.get("metadata", {})
    training, cv = meta.get("training", {}), meta.get("cv", {})
    chosen = meta.get("selection", {}).get("chosen", {})
    print("Learned claim decision (rules/claims/decision.json): leave-one-excerpt-out CV, "
          "unsourced claims per gold sentence")
    print(f"  trained {training.get('date', '?')} on {training.get('excerpts', {})} excerpts, "
          f"{training.get('rows', '?')} sentences; chosen setting {chosen}")
    for key, title in _PARTS:
        if key in cv:
            print(title)
            print(_line("learned", cv[key]["learned"]))
            print(_line("rules", cv[key]["rules"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
