"""A generated corpus of varied articles for the Dask engine's tests (sentences written here).

Each article is a deterministic mix of attributed and unattributed claims, vague sources,
quotes, hedges, footnotes and links, in plain text, Markdown or HTML, so that the four
tables have rows of every kind.
"""

from __future__ import annotations

import random

CLAIMS = [
    "The harbour authority will raise mooring fees by 12 percent in March.",
    "Ridership on the northern tram line fell to 41,000 trips a week last year.",
    "The council approved a budget of 8.4 million euros for flood barriers.",
    "Three of the five pumping stations failed during the October storm.",
    "Average rents in the old town rose faster than wages for a third year.",
    "The school district hired 64 new teachers before the autumn term.",
    "Water use per household dropped by a fifth after the meters were installed.",
    "The ferry operator cancelled 230 crossings because of staff shortages.",
]
SOURCES = [
    "said Mira Okafor, the port's finance director",
    "according to the regional statistics office",
    "the transport ministry said in a statement",
    "officials said",
    "sources close to the negotiations said",
    "critics say",
    "a spokesperson for the utility said",
]
HEDGES = [
    "The plan could perhaps be delayed until next spring.",
    "It is widely believed that the tunnel will be over budget.",
    "Clearly, the new timetable is a failure.",
    "Some residents reportedly oppose the new cycle lanes.",
]
QUOTES = [
    '"We cannot keep patching the same pipes," said engineer Tomas Berg.',
    '"This is the busiest summer we have ever had."',
    '"The numbers speak for themselves," the mayor told reporters.',
]


def _paragraphs(rng: random.Random) -> list[str]:
    out = []
    for _ in range(rng.randint(2, 6)):
        kind = rng.random()
        claim = rng.choice(CLAIMS)
        if kind < 0.35:
            out.append(claim)
        elif kind < 0.7:
            out.append(f"{claim[:-1]}, {rng.choice(SOURCES)}.")
        elif kind < 0.85:
            out.append(rng.choice(HEDGES))
        else:
            out.append(rng.choice(QUOTES))
    return out


def article(i: int) -> tuple[str, str]:
    """The ``i``-th article: (format, text)."""
    rng = random.Random(i)
    paras = _paragraphs(rng)
    fmt = ("text", "markdown", "html")[i % 3]
    if fmt == "markdown":
        body = "\n\n".join(paras)
        if rng.random() < 0.5:
            body += "[1]\n\n## Sources\n\n1. Port annual report, 2025."
        if rng.random() < 0.3:
            body += "\n\nMore in [the council minutes](https://example.org/minutes)."
        return fmt, f"# Story {i}\n\n{body}\n"
    if fmt == "html":
        inner = "".join(f"<p>{p}</p>" for p in paras)
        return fmt, f"<html><body><article><h1>Story {i}</h1>{inner}</article></body></html>"
    return fmt, "\n\n".join(paras) + "\n"


def rows(n: int) -> list[dict[str, object]]:
    """``n`` table rows: id, body, fmt, outlet, words (an int column carried as metadata)."""
    out: list[dict[str, object]] = []
    for i in range(n):
        fmt, text = article(i)
        out.append({"id": f"story-{i:04d}", "body": text, "fmt": fmt,
                    "outlet": ("Harbour Post", "City Desk", "Valley News")[i % 3],
                    "words": len(text.split())})  # fmt: skip
    return out


SUFFIX = {"text": ".txt", "markdown": ".md", "html": ".html"}
