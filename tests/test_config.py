"""Configuration: discovery by walking up, validation that names the key, per-path overrides."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.core.config import Config, ConfigError, check_rule_names, config_file_for
from checker.core.rule import Rule
from checker.settings import find_config, load_config
from rules.credibility.ratings import ALLOWED_SOURCES

HEDGE = Rule("HDGX01", "hedge-x", "hedging", "suggestion", "s", "r", "b", "g")
CLAIM = Rule("CLMX01", "claim-x", "claims", "warning", "s", "r", "b", "g")
OFF = Rule("HDGX03", "approx-x", "hedging", "suggestion", "s", "r", "b", "g", enabled=False)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_walks_up_to_pyproject_with_tool_checker(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.checker]\ndisable = ["hedging"]\nfail_under = 60\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.checker]
    art = write(tmp_path / "sub" / "deep" / "a.md", "Text.\n")
    cfg = find_config(art)
    assert cfg.disable == ["hedging"] and cfg.fail_under == 60.0
    assert cfg.source_file == str(tmp_path / "pyproject.toml")
    assert not cfg.rule_enabled(HEDGE) and cfg.rule_enabled(CLAIM)


def test_checker_toml_wins_in_the_same_folder_and_nearest_folder_wins(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.checker]\nmax_unsourced = 1\n")
    write(tmp_path / "d" / ".checker.toml", "max_unsourced = 5\n")
    write(tmp_path / "d" / "pyproject.toml", "[tool.checker]\nmax_unsourced = 9\n")
    assert find_config(write(tmp_path / "d" / "x.txt", "A.")).max_unsourced == 5
    assert find_config(write(tmp_path / "y.txt", "A.")).max_unsourced == 1
    # a .checker.toml may also use a [tool.checker] table
    write(tmp_path / "e" / ".checker.toml", "[tool.checker]\nfail_on = 'warning'\n")
    assert find_config(tmp_path / "e").fail_on == "warning"


def test_no_configuration_gives_defaults(tmp_path: Path) -> None:
    art = write(tmp_path / "a.txt", "A.")
    assert config_file_for(art) is None
    cfg = find_config(art)
    assert cfg == Config()
    assert cfg.rule_enabled(CLAIM) and not cfg.rule_enabled(OFF)
    assert cfg.severity_for(CLAIM) == "warning"


@pytest.mark.parametrize(
    ("toml", "needle"),
    [
        ("fail_undr = 3\n", "'fail_undr'"),
        ("[[overrides]]\npaths = ['a/*']\ndisabel = ['x']\n", "'overrides[0].disabel'"),
        ("[[overrides]]\npaths = ['a/*']\nexclude = ['x']\n", "'overrides[0].exclude'"),
        ("disable = 3\n", "'disable'"),
        ("fail_under = 130\n", "'fail_under'"),
        ("fail_on = 'fatal'\n", "'fail_on'"),
        ("max_unsourced = -1\n", "'max_unsourced'"),
        ("claim_threshold = 'high'\n", "'claim_threshold'"),
        ("severity = { hedging = 'loud' }\n", "'hedging'"),
        ("footnote_scope = 'page'\n", "'footnote_scope'"),
        ("lexicon = { hedging = ['x'] }\n", "'lexicon'"),
        ("[[overrides]]\ndisable = ['x']\n", "'paths'"),
    ],
)
def test_invalid_configuration_names_the_key(tmp_path: Path, toml: str, needle: str) -> None:
    p = write(tmp_path / ".checker.toml", toml)
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert needle in str(err.value) and str(p) in str(err.value)


def test_broken_toml_is_a_config_error(tmp_path: Path) -> None:
    p = write(tmp_path / "pyproject.toml", "[tool.checker\n")
    with pytest.raises(ConfigError, match="cannot read"):
        find_config(p)


def test_per_path_overrides_by_glob_later_tables_win(tmp_path: Path) -> None:
    p = write(
        tmp_path / ".checker.toml",
        """
disable = ["hedging"]
severity = { claims = "error" }
fail_under = 70
allowed_sources = ["a.org"]
[lexicon.hedging]
epistemic = ["maybe-ish"]

[[overrides]]
paths = ["opinion/*.md"]
enable = ["hedging"]
fail_under = 40
lexicon = { hedging = { epistemic = ["arguably-ish"] } }

[[overrides]]
paths = ["opinion/columns/*"]
disable = ["claims"]
severity = { hedging = "warning" }
""",
    )
    cfg = load_config(p)
    plain = cfg.for_path(tmp_path / "news" / "a.md")
    assert plain is cfg and not plain.rule_enabled(HEDGE) and plain.fail_under == 70
    op = cfg.for_path(tmp_path / "opinion" / "b.md")
    assert op.rule_enabled(HEDGE) and op.fail_under == 40 and op.rule_enabled(CLAIM)
    assert op.lexicon["hedging"]["epistemic"] == ["maybe-ish", "arguably-ish"]
    assert op.severity_for(CLAIM) == "error" and op.get(ALLOWED_SOURCES) == ["a.org"]
    col = cfg.for_path(tmp_path / "opinion" / "columns" / "c.md")  # both tables match
    assert col.rule_enabled(HEDGE) and not col.rule_enabled(CLAIM)
    assert col.severity_for(HEDGE) == "warning" and col.fail_under == 40
    assert cfg.rule_enabled(CLAIM) and cfg.fail_under == 70  # the base is unchanged


def test_globs_are_relative_to_the_config_folder_and_match_names(tmp_path: Path) -> None:
    cfg = Config.from_mapping(
        {"exclude": ["old/", "*.draft.md"], "overrides": [{"paths": "a/*", "fail_on": "warning"}]},
        root=str(tmp_path),
    )
    assert cfg.is_excluded(tmp_path / "old" / "x" / "y.md")
    assert cfg.is_excluded(tmp_path / "news" / "z.draft.md")
    assert not cfg.is_excluded(tmp_path / "news" / "z.md")
    assert cfg.for_path(tmp_path / "a" / "b.md").fail_on == "warning"
    assert cfg.for_path(tmp_path / "b" / "a" / "b.md").fail_on is None


def test_unknown_rule_names_are_reported(tmp_path: Path) -> None:
    names = {"hedge-x", "hdgx01", "hedging", "claim-x", "clmx01", "claims"}
    check_rule_names(Config(disable=["HDGX01", "all"], severity={"claims": "error"}), names)
    with pytest.raises(ConfigError, match="'hedgin'"):
        check_rule_names(Config(disable=["hedgin"]), names)
    cfg = Config.from_mapping({"overrides": [{"paths": ["x"], "enable": ["nope"]}]})
    with pytest.raises(ConfigError, match=r"overrides\[0\]\.enable"):
        check_rule_names(cfg, names)


def test_unknown_hedge_category_is_a_config_error(tmp_path: Path) -> None:
    p = write(tmp_path / ".checker.toml", 'hedge_categories = ["epistemic", "nonsense"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert "'hedge_categories'" in str(err.value) and "'nonsense'" in str(err.value)
    assert str(p) in str(err.value)


@pytest.mark.parametrize(("content", "needle"), [(None, "not found"), ("a,b\n1,2\n", "format")])
def test_a_bad_ratings_file_is_a_config_error(tmp_path: Path, content: str | None,
                                              needle: str) -> None:
    if content is not None:
        write(tmp_path / "ours.csv", content)
    p = write(tmp_path / ".checker.toml", 'ratings = ["ours.csv"]\n')
    with pytest.raises(ConfigError) as err:
        load_config(p)
    message = str(err.value)
    assert message.startswith("'ratings' in ") and str(p) in message and needle in message


def test_an_empty_file_is_warned_about_once(tmp_path: Path) -> None:
    from checker.pipeline import analyse_file

    empty = write(tmp_path / "empty.md", "")
    assert analyse_file(str(empty)).warnings == ["no article text"]


TOML_ALPHABET = "[]{}=\"'.,#\n 0123456789abcdefinx_-"
TOMLISH = st.text(alphabet=TOML_ALPHABET, max_size=200).map(
    lambda t: ("[tool.checker]\n" + t).encode("utf-8")
)


@settings(max_examples=200, deadline=1000,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(st.binary(max_size=200) | TOMLISH)
def test_any_pyproject_is_a_config_or_one_config_error(tmp_path: Path, raw: bytes) -> None:
    from checker.core.config import parse_toml

    p = tmp_path / "pyproject.toml"
    p.write_bytes(raw)
    try:
        data = parse_toml(p)
    except ConfigError as exc:
        assert str(exc).startswith(f"{p}: cannot read configuration: ") and "\n" not in str(exc)
        return
    assert isinstance(data, dict)
