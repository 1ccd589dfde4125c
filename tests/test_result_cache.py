"""The result cache: unchanged articles are not analysed again; bad entries are rebuilt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import checker
from checker.cli import main
from checker.core.config import Config
from checker.resultcache import ResultCache
from checker.text.tabular import ArticleInput

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
N_EXAMPLES = len([p for p in EXAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html")])


def _meta(out: Path) -> dict:
    return json.loads((out / "audit.json").read_text("utf-8"))


def _lines(out: Path) -> list[str]:
    return (out / "articles.jsonl").read_text("utf-8").splitlines()


def _audit(out: Path, cache: Path, *extra: str) -> dict:
    assert main(["audit", str(EXAMPLES), "--out", str(out), "-q", "--cache-dir", str(cache),
                 *extra]) == 0  # fmt: skip
    return _meta(out)


def test_a_second_run_takes_every_article_from_the_cache_and_writes_the_same(
    tmp_path: Path,
) -> None:
    cache = tmp_path / "cache"
    every = ("--format", "csv,html,json,sentences")
    assert _audit(tmp_path / "a", cache, *every)["from_cache"] == 0
    assert _audit(tmp_path / "b", cache, *every)["from_cache"] == N_EXAMPLES
    assert _lines(tmp_path / "a") == _lines(tmp_path / "b")
    for name in ("summary.csv", "findings.csv", "sources.csv", "sentences.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    pages = sorted((tmp_path / "a" / "articles").iterdir())
    assert [p.read_bytes() for p in pages] == [
        (tmp_path / "b" / "articles" / p.name).read_bytes() for p in pages]  # fmt: skip


def test_no_cache_analyses_everything_and_writes_no_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert _audit(tmp_path / "a", cache, "--no-cache")["from_cache"] == 0
    assert not cache.exists()


def test_corrupt_and_foreign_entries_are_ignored_and_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _audit(tmp_path / "a", cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == N_EXAMPLES + 1  # the articles and the configuration probe
    for i, entry in enumerate(entries):
        raw = entry.read_bytes()
        if i % 3 == 0:
            entry.write_bytes(raw[: len(raw) // 2])  # cut short
        elif i % 3 == 1:
            entry.write_bytes(b"other-tool v9 " + raw)  # someone else's header
        else:
            head, _, body = raw.partition(b"\n")
            entry.write_bytes(head + b"\n" + body.replace(b'"body"', b'"bodyx"', 1))
    for page in cache.rglob("*.html.z"):
        page.write_bytes(page.read_bytes()[:40])
    meta = _audit(tmp_path / "b", cache)
    assert meta["from_cache"] == 0
    assert _lines(tmp_path / "a") == _lines(tmp_path / "b")
    assert _audit(tmp_path / "c", cache)["from_cache"] == N_EXAMPLES  # rebuilt


def test_a_changed_article_or_setting_is_analysed_again(tmp_path: Path) -> None:
    config = Config()
    store = ResultCache(tmp_path / "cache", config)
    item = ArticleInput("a", "a", "cms", text="Taxes rose, officials said.", fmt="text")
    key = store.key(item)
    assert key == ResultCache(tmp_path / "cache", Config()).key(item)
    assert key != store.key(ArticleInput("a", "a", "cms", text="Taxes fell, officials said."))
    assert key != store.key(ArticleInput("a", "a", "cms", text=item.text, fmt="markdown"))
    other = ResultCache(tmp_path / "cache", Config(disable=["hedging"]))
    assert key != other.key(item)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Taxes rose, officials said.\n", "utf-8")
    first = checker.audit(src, cache=tmp_path / "c2")
    assert first.cached == 0
    assert checker.audit(src, cache=tmp_path / "c2").cached == 1
    (src / "a.txt").write_text("Taxes rose sharply, officials said.\n", "utf-8")
    again = checker.audit(src, cache=tmp_path / "c2")
    assert again.cached == 0 and again.articles[0].text.startswith("Taxes rose sharply")


def test_concurrent_runs_share_the_cache_safely(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cmds = [[sys.executable, "-m", "checker", "audit", str(EXAMPLES), "--out",
             str(tmp_path / f"out{i}"), "-q", "--cache-dir", str(cache)] for i in range(3)]
    procs = [subprocess.Popen(c, cwd=ROOT, stderr=subprocess.PIPE) for c in cmds]
    for p in procs:
        _, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    outs = [_lines(tmp_path / f"out{i}") for i in range(3)]
    assert outs[0] == outs[1] == outs[2]
    assert not list(cache.rglob("*.tmp"))
    assert _audit(tmp_path / "again", cache)["from_cache"] == N_EXAMPLES


def test_sentences_csv_from_entries_cached_without_it_equals_a_fresh_one(tmp_path: Path) -> None:
    # the default formats do not prepare sentences.csv's rows; a later run asking for it
    # makes them from the cached record, the same as an audit that never saw the cache
    cache = tmp_path / "cache"
    _audit(tmp_path / "a", cache)
    assert _audit(tmp_path / "b", cache, "--format", "csv,json,sentences")["from_cache"] == \
        N_EXAMPLES  # fmt: skip
    _audit(tmp_path / "fresh", cache, "--format", "csv,json,sentences", "--no-cache")
    made = (tmp_path / "b" / "sentences.csv").read_bytes()
    assert made.count(b"\n") > N_EXAMPLES
    assert made == (tmp_path / "fresh" / "sentences.csv").read_bytes()


def _article(folder: Path, name: str, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f"The council met on day {n}, the clerk said. Fees rose {n} "
                               "percent last year.\n", "utf-8")  # fmt: skip


def test_the_cache_is_pruned_to_its_size_least_recently_used_first(tmp_path: Path) -> None:
    import os
    import time

    cache = tmp_path / "cache"
    old, new = tmp_path / "old", tmp_path / "new"
    for i in range(6):
        _article(old, f"old{i}.txt", i)
        _article(new, f"new{i}.txt", 100 + i)
    checker.audit(old, cache=cache)
    checker.audit(new, cache=cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 13  # 12 articles and the configuration probe
    # the "old" run's entries were last used three days ago, the "new" run's two days ago
    store = ResultCache(cache, Config())
    old_keys = {store.key(ArticleInput(p.name, p.name, str(p))) for p in old.iterdir()}
    for e in entries:
        age = 3 * 86400 if e.stem in old_keys else 2 * 86400
        os.utime(e, (time.time() - age, time.time() - age))
    size = sum(e.stat().st_size for e in entries)
    one = max(e.stat().st_size for e in entries)
    # room for about 8 entries: the oldest go first, and only as many as needed
    removed, freed = ResultCache(cache, Config()).prune((size - 4.5 * one) / 1e6)
    left = {e.stem for e in cache.rglob("*.json")}
    assert 5 <= removed <= 6 and freed <= size - sum(
        e.stat().st_size for e in cache.rglob("*.json"))  # fmt: skip
    assert len(old_keys & left) == 6 - removed  # the least recently used went
    assert all(e.stem in left for e in entries if e.stem not in old_keys)
    # an audit prunes at most once an hour, and never its own entries, however small the
    # limit; with no limit, nothing goes
    stamp = cache / "v1" / ".pruned"
    assert stamp.is_file()  # the audits above pruned (nothing to do) and said when
    os.utime(stamp, (time.time() - 7200, time.time() - 7200))
    again = checker.audit(new, cache=cache, config=Config(cache_max_mb=0.000001))
    assert again.cached == 6
    assert not (old_keys & {e.stem for e in cache.rglob("*.json")})  # the rest went
    assert {store.key(ArticleInput(p.name, p.name, str(p))) for p in new.iterdir()} <= {
        e.stem for e in cache.rglob("*.json")}  # fmt: skip
    assert ResultCache(cache, Config(cache_max_mb=0)).prune() == (0, 0)
    # entries used within the last day stay whatever the limit: an audit running beside
    # this one on the same cache (started earlier) keeps what it wrote
    for e in cache.rglob("*.json"):
        os.utime(e, (time.time() - 3600, time.time() - 3600))
    kept = len(list(cache.rglob("*.json")))
    assert ResultCache(cache, Config()).prune(0.000001) == (0, 0)
    assert len(list(cache.rglob("*.json"))) == kept


def test_cache_max_mb_is_read_from_the_configuration_and_keys_ignore_it(tmp_path: Path) -> None:
    import pytest

    from checker.core.config import ConfigError
    from checker.settings import load_config

    (tmp_path / ".checker.toml").write_text("cache_max_mb = 300\n", "utf-8")
    config = load_config(tmp_path / ".checker.toml")
    assert config.cache_max_mb == 300
    item = ArticleInput("a", "a", "cms", text="Taxes rose, officials said.", fmt="text")
    (tmp_path / ".checker.toml").write_text("cache_max_mb = 5\n", "utf-8")
    small = load_config(tmp_path / ".checker.toml")
    assert small.cache_max_mb == 5
    assert ResultCache(tmp_path / "c", config).key(item) == ResultCache(
        tmp_path / "c", small).key(item)  # the limit changes no result: same key
    (tmp_path / ".checker.toml").write_text("cache_max_mb = -1\n", "utf-8")
    with pytest.raises(ConfigError, match="cache_max_mb"):
        load_config(tmp_path / ".checker.toml")
