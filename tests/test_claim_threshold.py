"""training/claim_threshold.py: a fold model kept in ``--models`` is reused only while
everything its fit depends on is unchanged."""

from __future__ import annotations

import numpy as np

from training.claim_threshold import fold_model_name

PARAMS = {"C": 4.0, "ngram_max": 2, "min_df": 2, "shapes": True, "class_weight": None}
TEXTS = ["The ferry carried 412 passengers on Sunday.", "Everyone should visit the harbour."]
Y = np.array([1, 0])
W = np.array([1.0, 3.0])


def test_the_name_is_stable_for_the_same_fit() -> None:
    name = fold_model_name(2, PARAMS, TEXTS, Y, W)
    assert name.startswith("model2-") and name.endswith(".json")
    same = fold_model_name(2, dict(reversed(PARAMS.items())), list(TEXTS), Y.copy(), W.copy())
    assert same == name
    assert fold_model_name(3, PARAMS, TEXTS, Y, W) != name


def test_any_change_to_the_fit_gives_another_name() -> None:
    name = fold_model_name(0, PARAMS, TEXTS, Y, W)
    changed = [
        fold_model_name(0, {**PARAMS, "C": 2.0}, TEXTS, Y, W),
        fold_model_name(0, {**PARAMS, "cues": False}, TEXTS, Y, W),
        fold_model_name(0, PARAMS, [TEXTS[0], TEXTS[1] + " Now."], Y, W),
        fold_model_name(0, PARAMS, TEXTS + ["The pier opened in 1901."], np.array([1, 0, 1]),
                        np.array([1.0, 3.0, 3.0])),
        # texts joined differently are different data
        fold_model_name(0, PARAMS, [TEXTS[0] + TEXTS[1][:5], TEXTS[1][5:]], Y, W),
        fold_model_name(0, PARAMS, TEXTS, np.array([1, 1]), W),
        fold_model_name(0, PARAMS, TEXTS, Y, np.array([1.0, 2.5])),
    ]
    assert name not in changed
    assert len(set(changed)) == len(changed)
