"""Reader for the PolNeAR attribution corpus (brat standoff).

Layout (``../shared/data/attribution/polnear/``)::

    <split>/text/<article>.txt
    <split>/attributions/<article>_<annotator>.ann

``.ann`` lines we use:

- ``T<n>\\t<Label> <start> <end>[;<start> <end>...]\\t<text>`` with Label in
  ``Source``, ``Cue``, ``Content``, ``Attribution`` or ``Attribution-no-source``
  (the last two are anchor text-bound annotations of the event). ``;`` joins
  discontinuous pieces. The text field may contain newlines, so continuation
  lines that do not start with an annotation id are skipped.
- ``E<n>\\t<Attribution|Attribution-no-source>:T<a> Source:T<s> Cue:T<c>
  Content:T<x> [Content2:T<y>]``.

Offsets are Python ``str`` indices into the ``.txt`` file. Most articles have
one annotator; the few that were annotated by several (agreement checks) are
read with the alphabetically first annotator, so every article counts once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "attribution" / "polnear"

_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")

Piece = tuple[int, int]


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    source: tuple[Piece, ...]  # empty when Attribution-no-source
    cue: tuple[Piece, ...]
    content: tuple[Piece, ...]  # all Content/Content2 pieces, sorted


@dataclass
class Article:
    name: str
    annotator: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def _pieces(spec: str) -> tuple[Piece, ...]:
    out = []
    for part in spec.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Parse brat standoff text into attribution relations."""
    spans: dict[str, tuple[str, tuple[Piece, ...]]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m:
            spans[m.group(1)] = (m.group(2), _pieces(m.group(3)))
            continue
        m = _E_LINE.match(line)
        if m:
            args = [tuple(a.split(":", 1)) for a in m.group(2).split() if ":" in a]
            events.append((m.group(1), args))  # type: ignore[arg-type]
    out: list[GoldAttribution] = []
    for eid, args in events:
        roles: dict[str, list[Piece]] = {"Source": [], "Cue": [], "Content": []}
        for role, tid in args:
            base = re.sub(r"\d+$", "", role)
            if base in roles and tid in spans:
                roles[base].extend(spans[tid][1])
        if not roles["Content"] and not roles["Cue"]:
            continue
        out.append(
            GoldAttribution(
                id=eid,
                source=tuple(sorted(roles["Source"])),
                cue=tuple(sorted(roles["Cue"])),
                content=tuple(sorted(roles["Content"])),
            )
        )
    return out


def load_split(split: str, root: Path = ROOT) -> list[Article]:
    """All articles of ``train`` or ``dev`` (one annotator each), sorted by name."""
    ann_dir = root / split / "attributions"
    text_dir = root / split / "text"
    by_article: dict[str, list[Path]] = {}
    for p in sorted(ann_dir.glob("*.ann")):
        name, _, annotator = p.stem.rpartition("_")
        by_article.setdefault(name, []).append(p)
    articles = []
    for name in sorted(by_article):
        path = sorted(by_article[name], key=lambda q: q.stem.rpartition("_")[2])[0]
        text_path = text_dir / f"{name}.txt"
        if not text_path.is_file():
            continue
        text = text_path.read_text(encoding="utf-8")
        atts = parse_ann(path.read_text(encoding="utf-8"))
        articles.append(Article(name, path.stem.rpartition("_")[2], text, atts))
    return articles


def available(root: Path = ROOT) -> bool:
    return (root / "train" / "attributions").is_dir() and (root / "dev" / "text").is_dir()
