"""articles.jsonl is compact (no text that is a slice of the article, no empty per-item
values) and expands back to the very record the audit built."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import checker
from checker.cli import main
from reports.compact import SCHEMA, compact, expand
from reports.stream import PER_INPUT, dumps

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

ARTICLE = (
    "# Council vote\n\n"
    "The council voted 7-2 on Monday to close the bridge, the mayor said. "
    "Officials reportedly expect the repairs to take a year.\n\n"
    "\"We had no choice,\" said Ana Ruiz, the city engineer. "
    "Crime rose by 40 percent last year.[1]\n\n"
    "[1]: https://example.org/report City report\n"
)


def _empty(v: object) -> bool:
    return v is False or v is None or v == "" or v == []


def _lines(out: Path) -> list[dict]:
    return [json.loads(x) for x in (out / "articles.jsonl").read_text("utf-8").splitlines()]


def test_jsonl_leaves_out_text_slices_and_empty_values(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "vote.md").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["audit", str(tmp_path / "in"), "--out", str(out), "-q", "--format",
                 "json,sentences"]) in (0, 1)  # fmt: skip
    (art,) = _lines(out)
    text = art["text"]
    assert art["sentences"] and art["findings"] and art["sources"]
    for key in ("sentences", "findings", "hedges"):
        for item in art[key]:
            assert "text" not in item  # it is text[start:end]
            assert not any(_empty(v) for v in item.values()), item
    for item in art["sources"] + art["blocks"]:
        assert not any(_empty(v) for v in item.values()), item
    # what jq's `.text as $t | .sentences[] | $t[.start:.end]` prints: sentences.csv's text
    with (out / "sentences.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [text[s["start"] : s["end"]] for s in art["sentences"]] == [r["text"] for r in rows]
    assert [s.get("is_claim", False) for s in art["sentences"]] == [
        r["is_claim"] == "True" for r in rows]  # fmt: skip


def test_expand_gives_back_the_record_the_audit_built() -> None:
    result = checker.audit([EXAMPLES])
    assert len(result.articles) >= 5
    for res in result.articles:
        record = json.loads(dumps(res.to_dict()))
        before = dumps(record)
        line = dumps(compact(record, PER_INPUT))
        assert dumps(record) == before  # compact leaves the record alone
        assert len(line) < len(before)
        back = expand({**{k: record[k] for k in PER_INPUT}, **json.loads(line)})
        assert dumps({k: record[k] for k in back}) == dumps(back)  # key order too
        assert set(back) == set(record)


def test_a_text_that_is_not_the_slice_is_kept_and_numbers_are_never_dropped() -> None:
    record = {
        "text": "Alpha beta. Gamma.",
        "sentences": [{"index": 0, "start": 0, "end": 11, "line": 1, "column": 1,
                       "region": "body", "text": "Alpha beta.", "is_claim": False,
                       "claim_prob": 0.0, "claim_status": "", "attributed": False,
                       "source": "", "uncertainty": None, "hedged": False, "hedges": [],
                       "footnotes": []}],
        "findings": [{"rule": "r", "id": "X1", "severity": "warning", "line": 1, "column": 1,
                      "start": 0, "end": 5, "text": "an excerpt", "sentence": 0,
                      "message": "m"}],
        "extra": [{"text": "kept"}],
    }  # fmt: skip
    small = compact(record)
    # line and column are those of start in the text: left out, put back by expand
    assert small["sentences"][0] == {"index": 0, "start": 0, "end": 11, "region": "body",
                                     "claim_prob": 0.0}
    assert small["findings"][0]["text"] == "an excerpt" and small["findings"][0]["sentence"] == 0
    assert small["extra"] == record["extra"]
    assert expand(json.loads(dumps(small))) == record
    # a file's own line and column (Markdown or HTML source) differ from the text's: kept
    record["findings"][0].update(line=7, column=3)
    assert compact(record)["findings"][0]["line"] == 7
    assert expand(json.loads(dumps(compact(record)))) == record
    assert set(SCHEMA) >= {"sentences", "findings", "sources", "hedges", "blocks"}
