"""Rating sets: domains, file formats, the combination policy, discovery, the downloader."""

from __future__ import annotations

import hashlib
import io
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.cli import main
from checker.core.config import Config, ConfigError
from checker.ratings_cli import PINNED, RatingsDownloadError, update
from checker.reference.domains import registrable_domain
from rules.credibility import ratings
from rules.credibility.ratings import (
    DEPRECATED,
    HIGH,
    LOW,
    MEDIUM,
    RatingsError,
    RatingSets,
    detect_format,
    load_rating_sets,
    parse_ratings,
    rating_files,
)

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CRED = SHARED / "data" / "credibility"
SHARED_FILES = [
    CRED / "lin2023" / "domain_ratings.csv",
    CRED / "wikipedia_perennial" / "reliability_ranking.csv",
    CRED / "cred1" / "cred1_current.csv",
]


def need_shared() -> None:
    if not all(p.is_file() for p in SHARED_FILES):
        pytest.skip("../shared/data/credibility is absent (third-party rating sets, not shipped)")


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Never read the developer's own cache or CHECKER_RATINGS."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.delenv("CHECKER_RATINGS", raising=False)


# Our own miniature files in each upstream format (invented domains and values).
LIN_TEXT = "domain,pc1,afm\nalpha.test,0.95,1\nbeta.test,0.55,1\ngamma.test,0.20,1\n"
WIKI_TEXT = (
    "source_name,status,domain,total_citations\n"
    "Alpha Daily,gr,alpha.test,10\n"
    '"Beta (Beta Online, Beta Weekly)",d,beta.test,5\n'
    "Delta Wire,nc,delta.test,3\n"
)
CRED1_TEXT = (
    "domain,category,credibility_score,sources\n"
    "news.epsilon.test,unreliable,0.1,1\n"
    "zeta.test,satire,0.27,1\n"
)


def sets_from(*texts: str) -> RatingSets:
    loaded = [parse_ratings(t, f"f{i}.csv") for i, t in enumerate(texts)]
    order = {ratings.USER: 0, ratings.LIN: 1, ratings.WIKI: 2, ratings.CRED1: 3}
    return RatingSets(sorted(loaded, key=lambda s: order[s.format]))


# --------------------------------------------------------------------------- domains


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("english.almayadeen.net", "almayadeen.net"),
        ("https://www.bbc.co.uk/news/world-123", "bbc.co.uk"),
        ("WWW.Reuters.com:443/world", "reuters.com"),
        ("http://user@news.example.com.lb/x?y=1", "example.com.lb"),
        ("apnews.com", "apnews.com"),
        ("someone.blogspot.com", "someone.blogspot.com"),
        ("192.0.2.7", "192.0.2.7"),
        ("localhost", ""),
        ("", ""),
    ],
)
def test_registrable_domain(host: str, expected: str) -> None:
    assert registrable_domain(host) == expected


LABEL = st.from_regex(r"[a-z][a-z0-9]{0,9}", fullmatch=True)


@given(st.lists(LABEL, min_size=2, max_size=5))
@settings(max_examples=200, deadline=None)
def test_registrable_domain_is_a_stable_suffix(labels: list[str]) -> None:
    host = ".".join(labels)
    reg = registrable_domain(host)
    assert host.endswith(reg)
    assert registrable_domain(reg) == reg
    assert registrable_domain(f"https://www.{host}/a/b?c=d") == reg


# --------------------------------------------------------------------------- formats


def test_formats_are_detected_by_header() -> None:
    assert detect_format(["domain", "pc1", "afm"]) == "lin2023"
    assert detect_format(["source_name", "status", "domain"]) == "wikipedia-perennial"
    assert detect_format(["domain", "category", "credibility_score"]) == "cred1"
    assert detect_format(["Domain", "Score", "Label"]) == "user"
    assert detect_format(["site", "stars"]) == ""


def test_each_format_reads_scores_labels_and_overrides() -> None:
    lin = parse_ratings(LIN_TEXT, "lin.csv")
    assert lin.get("alpha.test").label == HIGH
    assert lin.get("beta.test").label == MEDIUM
    assert lin.get("gamma.test").label == LOW
    wiki = parse_ratings(WIKI_TEXT, "wiki.csv")
    beta = wiki.get("beta.test")
    assert (beta.label, beta.override, beta.score) == (DEPRECATED, True, 0.0)
    assert wiki.get("delta.test").label == MEDIUM
    cred = parse_ratings(CRED1_TEXT, "cred.csv")
    assert cred.get("news.epsilon.test").override is True
    assert cred.get("zeta.test").override is False  # satire: low score, not a status


def test_user_csv_labels_and_errors(tmp_path: Path) -> None:
    rs = parse_ratings(
        "domain,score,label\nhttps://www.ours.test/,0.8,\nbad.test,,deprecated\nmid.test,0.5,fine\n",
        "mine.csv",
    )
    assert rs.name == "user:mine.csv"
    assert rs.get("ours.test").label == HIGH
    assert rs.get("bad.test").label == DEPRECATED
    assert rs.get("mid.test").label == MEDIUM and rs.get("mid.test").status == "fine"
    with pytest.raises(RatingsError, match="between 0 and 1"):
        parse_ratings("domain,score\nx.test,7\n", "bad.csv")
    with pytest.raises(RatingsError, match="not a number"):
        parse_ratings("domain,score\nx.test,high\n", "bad.csv")
    with pytest.raises(RatingsError, match="unknown ratings format"):
        parse_ratings("site,stars\nx.test,3\n", "odd.csv")
    with pytest.raises(RatingsError, match="not found"):
        ratings.read_ratings(tmp_path / "nope.csv")
    assert issubclass(RatingsError, ConfigError)  # the CLI turns it into exit code 2


ROWS = st.lists(
    st.tuples(LABEL, st.floats(min_value=0, max_value=1, allow_nan=False)),
    min_size=1, max_size=30, unique_by=lambda r: r[0],
)  # fmt: skip


@given(ROWS)
@settings(max_examples=100, deadline=None)
def test_user_csv_round_trip_and_percentiles(rows: list[tuple[str, float]]) -> None:
    text = "domain,score\n" + "".join(f"{d}.test,{s!r}\n" for d, s in rows)
    rs = parse_ratings(text, "gen.csv")
    assert len(rs) == len(rows)
    prev = None
    for d, s in sorted(rows, key=lambda r: r[1]):
        r = rs.get(f"{d}.test")
        assert r.score == s
        assert 0.0 <= r.percentile <= 100.0
        if prev is not None:
            assert r.percentile >= prev
        prev = r.percentile


# --------------------------------------------------------------------------- combination


def test_deprecated_status_overrides_a_high_score() -> None:
    sets = sets_from(LIN_TEXT, WIKI_TEXT)
    r = sets.lookup(["beta.test"])
    assert (r.label, r.source) == (DEPRECATED, "wikipedia-perennial")
    assert sets.lookup(["alpha.test"]).source == "lin2023"  # no override: first set wins


def test_user_set_wins_and_missing_is_unrated() -> None:
    user = "domain,score,label\nbeta.test,0.9,high\n"
    sets = sets_from(LIN_TEXT, WIKI_TEXT, user)
    assert sets.lookup(["beta.test"]).source.startswith("user:")
    assert sets.lookup(["nowhere.test"]) is None


def test_subdomain_entries_roll_up_and_sections_match() -> None:
    sets = sets_from(CRED1_TEXT, "domain,pc1\nsite.test/news,0.9\nsite.test,0.3\n")
    assert sets.lookup(["epsilon.test"]).domain == "news.epsilon.test"
    assert sets.lookup(["site.test"], url="https://site.test/news/1").score == 0.9
    assert sets.lookup(["site.test"], url="https://site.test/other/1").score == 0.3


def test_shared_rating_sets() -> None:
    need_shared()
    sets = load_rating_sets(SHARED_FILES)
    assert sets.names == ["lin2023", "wikipedia-perennial", "cred1"]
    mayadeen = sets.lookup(["almayadeen.net", "english.almayadeen.net"])
    assert mayadeen.label in (LOW, DEPRECATED) and mayadeen.override
    for wire in (["apnews.com", "ap.org"], ["reuters.com"]):
        r = sets.lookup(wire)
        assert r.label == HIGH and r.percentile >= 99
    assert sets.lookup(["themedialine.org"]) is None
    assert load_rating_sets(SHARED_FILES) is sets  # cached per process


# --------------------------------------------------------------------------- discovery


def test_rating_files_from_config_env_and_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "ours.csv").write_text("domain,score\na.test,0.5\n")
    cfg = Config(settings={"ratings": ["ours.csv"]}, source_file=str(proj / "pyproject.toml"))
    env_file = tmp_path / "env.csv"
    env_file.write_text("domain,score\nb.test,0.5\n")
    monkeypatch.setenv("CHECKER_RATINGS", str(env_file))
    cache = ratings.cache_dir()
    cache.mkdir(parents=True)
    (cache / "c.csv").write_text("domain,score\nc.test,0.5\n")
    found = rating_files(cfg)
    assert [(p.name, o) for p, o in found] == [
        ("ours.csv", "config"), ("env.csv", "env"), ("c.csv", "cache"),
    ]  # fmt: skip
    assert len(ratings.load_ratings(cfg).sets) == 3
    missing = Config(settings={"ratings": ["gone.csv"]}, source_file=str(proj / "pyproject.toml"))
    with pytest.raises(RatingsError, match="not found"):
        ratings.load_ratings(missing)


# --------------------------------------------------------------------------- update


class _Resp(io.BytesIO):
    def __enter__(self) -> _Resp:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def test_update_offline_fails_clearly_and_installs_nothing(tmp_path: Path) -> None:
    def offline(url: str, timeout: float) -> _Resp:
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    with pytest.raises(RatingsDownloadError) as err:
        update(dest=tmp_path / "r", opener=offline)
    msg = str(err.value)
    assert "cannot download lin2023" in msg and "network" in msg and "--ratings" in msg
    assert "raw.githubusercontent.com/hauselin/domain-quality-ratings/5671d57/" in msg
    assert not (tmp_path / "r").exists()


def test_update_refuses_a_checksum_mismatch(tmp_path: Path) -> None:
    def tampered(url: str, timeout: float) -> _Resp:
        return _Resp(b"domain,pc1\nexample.test,1\n")

    with pytest.raises(RatingsDownloadError, match="checksum mismatch"):
        update(dest=tmp_path / "r", names=["lin2023"], opener=tampered)
    assert not (tmp_path / "r" / "lin2023_domain_ratings.csv").exists()


def test_update_installs_pinned_files(tmp_path: Path) -> None:
    need_shared()
    by_url = {p.url: src.read_bytes() for p, src in zip(PINNED, SHARED_FILES, strict=True)}
    calls: list[str] = []

    def online(url: str, timeout: float) -> _Resp:
        calls.append(url)
        return _Resp(by_url[url])

    dest = tmp_path / "r"
    paths = update(dest=dest, opener=online)
    assert [p.name for p in paths] == [p.filename for p in PINNED]
    for pin, path in zip(PINNED, paths, strict=True):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == pin.sha256
    update(dest=dest, opener=online)  # second run: up to date, no downloads
    assert len(calls) == 3
    local = update(dest=tmp_path / "local", source_dir=CRED)  # offline install from copies
    assert len(local) == 3
    assert load_rating_sets(local).names == ["lin2023", "wikipedia-perennial", "cred1"]


def test_cli_ratings_status_and_offline_update(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["ratings", "status"]) == 0
    assert "checker ratings update" in capsys.readouterr().out

    def offline(url: str, timeout: float) -> _Resp:
        raise urllib.error.URLError("unreachable")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    assert main(["ratings", "update", "--dest", str(tmp_path / "r")]) == 1
    assert "cannot download" in capsys.readouterr().err
    ours = tmp_path / "ours.csv"
    ours.write_text("domain,score,label\nours.test,0.7,high\n")
    assert main(["ratings", "status", "--ratings", str(ours)]) == 0
    out = capsys.readouterr().out
    assert "user:ours.csv" in out and "not a pinned upstream version" in out
