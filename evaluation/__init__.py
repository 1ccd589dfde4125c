"""Accuracy measures of the tool on labelled data (``make eval``), and their shared arithmetic."""


def f1(p: float, r: float) -> float:
    """The harmonic mean of precision ``p`` and recall ``r`` (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0
