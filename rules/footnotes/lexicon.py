"""The footnote lexicon: section headings, outlets and their domains, placeholder entries...

Loaded from ``rules/footnotes/lexicon.json`` and extended, per configuration, by
``[tool.checker.lexicon.footnotes]`` (list keys are appended to; ``outlets`` entries are
``"Name=domain"``). One :class:`Lexicon` is built per distinct extension and kept.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

from checker.core.datafiles import packaged_data
from checker.reference.domains import multi_part_suffixes, registrable

_CONFIG_SECTION = "footnotes"  # [tool.checker.lexicon.footnotes]


class Lexicon(NamedTuple):
    """Word lists and tables the footnote reader consults (all lowercase unless noted)."""

    section_headings: frozenset[str]
    abbreviations: frozenset[str]
    glued_not_markers: frozenset[str]
    units: frozenset[str]  # as written: "km", "m"...
    placeholders: frozenset[str]
    ibid: frozenset[str]
    organisation_words: tuple[str, ...]
    outlet_words: frozenset[str]
    document_words: tuple[str, ...]
    outlets: dict[str, str]  # name -> domain
    outlet_names_lower: dict[str, str]  # lower name -> canonical name
    domain_names: dict[str, str]  # registrable domain -> outlet name
    social_domains: frozenset[str]
    suffixes: frozenset[str]
    # link shorteners: an outlet's own (nyti.ms -> nytimes.com) and anyone's (bit.ly)
    outlet_shorteners: dict[str, str]
    generic_shorteners: frozenset[str]


def _build_lexicon(data: dict[str, Any]) -> Lexicon:
    """A :class:`Lexicon` from the lexicon file's data (envelope removed)."""
    outlets: dict[str, str] = dict(data.get("outlets", {}))
    suffixes = multi_part_suffixes() | frozenset(s.lower() for s in data["multi_part_suffixes"])
    domain_names: dict[str, str] = {}
    for name, dom in outlets.items():
        if dom:
            reg = registrable(dom, suffixes)
            # prefer the longest (most explicit) name per domain
            if reg not in domain_names or len(name) > len(domain_names[reg]):
                domain_names[reg] = name
    return Lexicon(
        section_headings=frozenset(s.lower() for s in data["section_headings"]),
        abbreviations=frozenset(s.lower() for s in data["abbreviations_before_number"]),
        glued_not_markers=frozenset(s.lower() for s in data["glued_words_not_markers"]),
        units=frozenset(data["units_before_superscript"]),
        placeholders=frozenset(s.lower() for s in data["placeholders"]),
        ibid=frozenset(s.lower() for s in data["ibid"]),
        organisation_words=tuple(s.lower() for s in data["organisation_words"]),
        outlet_words=frozenset(s.lower() for s in data["outlet_words"]),
        document_words=tuple(s.lower() for s in data["document_words"]),
        outlets=outlets,
        outlet_names_lower={n.lower(): n for n in outlets},
        domain_names=domain_names,
        social_domains=frozenset(s.lower() for s in data["social_domains"]),
        suffixes=suffixes,
        outlet_shorteners={k.lower(): v.lower() for k, v in data["link_shorteners"].items()},
        generic_shorteners=frozenset(s.lower() for s in data["generic_shorteners"]),
    )


_RAW_LEXICON: dict[str, Any] = packaged_data("rules.footnotes", "lexicon.json",
                                              "checker-footnotes-lexicon")


@lru_cache(maxsize=16)
def _lexicon_for(extra: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> Lexicon:
    """The packaged lexicon extended by ``extra`` ((key, values) pairs, sorted)."""
    data = {
        k: (dict(v) if isinstance(v, dict) else list(v))
        for k, v in _RAW_LEXICON.items()
        if not k.startswith("_")
    }
    data["multi_part_suffixes"] = []  # beyond checker/reference/domains.json, from config
    for key, values in extra:
        if key == "outlets" or key == "link_shorteners":
            for v in values:
                name, _, dom = v.partition("=")
                data[key][name.strip()] = dom.strip()
        elif key in data and isinstance(data[key], list):
            data[key].extend(values)
    return _build_lexicon(data)


def lexicon(config: Any = None) -> Lexicon:
    """The footnote lexicon, extended by ``[tool.checker.lexicon.footnotes]`` if configured."""
    extra = config.lexicon_for(_CONFIG_SECTION) if config is not None else {}
    key = tuple(sorted((k, tuple(v)) for k, v in extra.items()))
    return _lexicon_for(key)
