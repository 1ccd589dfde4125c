"""Fitting the claim model's weights: a logistic regression plus a Platt calibration.

Used by :meth:`rules.claims.model.ClaimClassifier.fit` (and the training scripts), never
while auditing: the audit only loads fitted weights. The calibration is fitted on
out-of-fold scores, so that the probabilities of the final model (fitted on every row)
are not overconfident (with ``class_weight="balanced"`` it is fitted on balanced classes
too: see :func:`_balance`). Fitted numbers are rounded to :data:`SIG_DIGITS` significant
digits, what the JSON model file stores, so that a saved-and-loaded model gives exactly
the probabilities of the one that was fitted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

# Coefficients are stored with this many significant digits.
SIG_DIGITS = 7


def round_sig(values: np.ndarray, digits: int = SIG_DIGITS) -> np.ndarray:
    """Round to ``digits`` significant digits (what the JSON file stores)."""
    out = np.array([float(f"{v:.{digits}g}") for v in values.tolist()], dtype=np.float64)
    return out


def logistic_regression(C: float, class_weight: str | None = None) -> LogisticRegression:
    """The (unfitted) logistic regression that scores sentences."""
    return LogisticRegression(C=C, class_weight=class_weight, solver="liblinear", max_iter=1000)


@dataclass(frozen=True)
class FittedWeights:
    """What fitting produces: the model's whole learned state."""

    coef: np.ndarray  # one weight per hashed feature column (zero where unused)
    intercept: float
    calibration: tuple[float, float]  # Platt sigmoid a, b: p = 1 / (1 + exp(-(a*z + b)))


def _min_df_mask(M: sparse.csr_matrix, min_df: int) -> tuple[sparse.csr_matrix, np.ndarray]:
    """``M`` with the columns used by fewer than ``min_df`` rows zeroed, and the kept mask."""
    keep = np.ones(M.shape[1], dtype=bool)
    if min_df > 1:
        df = np.bincount(M.indices, minlength=M.shape[1])
        keep = df >= min_df
        M = M @ sparse.diags(keep.astype(np.float64))
        M = sparse.csr_matrix(M)
    return M, keep


def _balance(y: np.ndarray, class_weight: str | None) -> np.ndarray:
    """Per-row class factors: ones, or with ``"balanced"`` scikit-learn's balanced class
    weights (``n / (2 * count(class))``). The calibration uses them too, so that a balanced
    model's probabilities are those of equally common claims and non-claims: a score that
    does not carry the training source's share of claims (25 % in the debates, 84 % in the
    news) to a source where it differs; the threshold is then chosen per use."""
    if class_weight != "balanced":
        return np.ones(len(y))
    counts = np.bincount(y, minlength=2).astype(np.float64)
    return (len(y) / (2.0 * counts))[y]


def fit_weights(
    M: sparse.csr_matrix,
    y: np.ndarray,
    sample_weight: np.ndarray,
    *,
    C: float,
    class_weight: str | None,
    min_df: int,
    calibration_folds: int,
    random_state: int,
    n_features: int,
) -> FittedWeights:
    """Fit the weights on the hashed features ``M`` of the training sentences, labels ``y``."""
    M, keep = _min_df_mask(M, min_df)
    # Out-of-fold scores for the calibration.
    folds = StratifiedKFold(n_splits=calibration_folds, shuffle=True, random_state=random_state)
    oof = np.zeros(len(y))
    for tr, te in folds.split(M, y):
        lr = logistic_regression(C, class_weight).fit(M[tr], y[tr], sample_weight=sample_weight[tr])
        oof[te] = lr.decision_function(M[te])
    platt = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    platt.fit(oof.reshape(-1, 1), y, sample_weight=sample_weight * _balance(y, class_weight))
    lr = logistic_regression(C, class_weight).fit(M, y, sample_weight=sample_weight)
    coef = lr.coef_.ravel()
    coef[~keep] = 0.0
    nz = np.flatnonzero(coef)
    full = np.zeros(n_features, dtype=np.float64)
    full[nz] = round_sig(coef[nz])
    return FittedWeights(
        coef=full,
        intercept=float(round_sig(np.array([lr.intercept_[0]]))[0]),
        calibration=(
            float(round_sig(np.array([platt.coef_[0, 0]]))[0]),
            float(round_sig(np.array([platt.intercept_[0]]))[0]),
        ),
    )
