"""claimtrack.distributed on a real local cluster of two worker processes: the claims,
verdicts and estimates of the single-process path, failing documents reported and
skipped, and a worker killed mid-run survived."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path
from typing import Any

import dask.bag as db
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from distributed import Client, as_completed

from claimtrack import Claim, ClaimGraph, Problem, assess, extract, load
from claimtrack.distributed import (
    _blocks,
    assess_distributed,
    extract_corpus,
    link_distributed,
    problems_of,
    read_claims,
)
from claimtrack.io import rows
from claimtrack.synth import generate

from .test_blocks import canonical

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "data" / "extract_corpus.jsonl"
ARTICLES = [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines()]


def one_by_one(articles: list[dict[str, Any]]) -> list[Claim]:
    """The single-process path: ``extract`` on each article in turn."""
    return [
        claim
        for a in articles
        for claim in extract(a["text"], published=a.get("published"), outlet=a.get("outlet"))
    ]


EXPECTED = one_by_one(ARTICLES)


def test_a_jsonl_corpus_gives_the_claims_of_extract_claim_for_claim(client: Client) -> None:
    extraction = extract_corpus(CORPUS, blocksize=3000, client=client)
    assert extraction.claims.npartitions > 10  # many byte ranges, cut inside lines
    claims, problems = extraction.compute()
    assert claims == EXPECTED and problems == []
    frame = extraction.frame().compute()  # to_pandas's claim columns
    assert list(frame.id) == [c.id for c in EXPECTED]
    assert list(frame.value) == [float(c.figure.value) for c in EXPECTED]


def test_text_files_and_parquet_give_the_same_claims(client: Client, tmp_path: Path) -> None:
    articles = ARTICLES[:30]
    texts = tmp_path / "texts"
    texts.mkdir()
    for i, a in enumerate(articles):
        (texts / f"{i:03d}.txt").write_text(a["text"], "utf-8")
    claims, problems = extract_corpus(
        texts, published="2025-03-12", outlet="Wire", blocksize=500
    ).compute()
    same_day = [{"text": a["text"], "published": "2025-03-12", "outlet": "Wire"} for a in articles]
    assert claims == one_by_one(same_day) and problems == []
    table = pa.table({k: [a.get(k) for a in articles] for k in ("text", "published", "outlet")})
    pq.write_table(table, tmp_path / "articles.parquet", row_group_size=7)
    claims, problems = extract_corpus(tmp_path / "articles.parquet").compute()
    assert claims == one_by_one(articles) and problems == []


def test_failing_documents_are_reported_with_their_path_and_skipped(
    client: Client, tmp_path: Path
) -> None:
    good = ARTICLES[:12]
    lines = [json.dumps(a) for a in good[:4]]
    lines += ["{not json", json.dumps({"text": 12, "published": "2025-01-01"})]
    lines += [json.dumps(a) for a in good[4:8]]
    lines += [json.dumps({"text": "The ministry said 40 were killed.", "published": "soon"})]
    lines += [json.dumps({"title": "no text"})]
    lines += [json.dumps(a) for a in good[8:]]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "wire.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    (corpus / "zz-latin1.txt").write_bytes("Le ministère a dit 40.".encode("latin-1"))
    out = tmp_path / "out"
    extraction = extract_corpus(corpus, out=out, blocksize=700, client=client)
    wire, latin = str(corpus / "wire.jsonl"), str(corpus / "zz-latin1.txt")
    found = {(p.path, p.line, p.field) for p in problems_of(out)}
    assert found == {
        (wire, 5, None),  # not JSON
        (wire, 6, "text"),  # not a string
        (wire, 11, "published"),  # no date
        (wire, 12, "text"),  # no text at all
        (latin, None, None),  # not UTF-8
    }
    assert all(isinstance(p, Problem) for p in extraction.problems.compute())
    assert list(extraction.claims.compute()) == one_by_one(good)


@pytest.mark.parametrize("format", ["jsonl", "parquet"])
def test_written_partitions_read_back_as_the_same_claims(
    client: Client, tmp_path: Path, format: Any
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES[:40]), "utf-8")
    expected = one_by_one(ARTICLES[:40])
    out = tmp_path / "out"
    extraction = extract_corpus(corpus, out=out, format=format, blocksize=5000)
    assert len(extraction.written) > 2
    assert list(read_claims(out).compute()) == expected
    if format == "jsonl":
        assert [c for p in extraction.written for c in load(p)] == expected
    else:
        frame = pq.read_table(extraction.written[0]).to_pandas()
        assert {"id", "measure", "value", "claim"} <= set(frame.columns)


def sample() -> list[Claim]:
    """Extracted claims and synthetic ones: parts and wholes, relays and copies."""
    data = generate(n_claims=600, n_quantities=60, n_sources=12, seed=3)
    return EXPECTED + data.claims


def test_link_distributed_gives_the_verdicts_of_one_graph(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = sample()
    monkeypatch.setattr(_blocks, "MAX_SENDERS", 4)  # 18 partitions joined into 4 senders
    bag = db.from_sequence(claims, npartitions=18)
    verdicts = link_distributed(bag, npartitions=5, client=client).compute()
    graph = ClaimGraph(claims)
    graph.link()
    assert len(verdicts) > 500
    assert canonical(verdicts.to_dict("records")) == canonical(rows(graph.verdicts()))


def test_assess_distributed_gives_the_estimates_of_assess(client: Client) -> None:
    claims = EXPECTED
    by_component = assess_distributed(claims, "median", client=client)
    assert by_component.components > 10
    _, estimates, reliability, grades = by_component.compute()
    single = assess(ClaimGraph(claims), "median")
    assert canonical(estimates.to_dict("records")) == canonical(rows(single.estimates))
    assert canonical(reliability.to_dict("records")) == canonical(rows(single.reliability))
    assert dict(zip(grades.id, grades.grade, strict=True)) == {
        cid: str(g) for cid, g in single.grades().items()
    }
    # the default method, as one component: the single-process answer exactly
    whole = assess_distributed(claims, components=False, client=client)
    _, estimates, _, grades = whole.compute()
    single = assess(ClaimGraph(claims))
    assert whole.components == 1
    assert canonical(estimates.to_dict("records")) == canonical(rows(single.estimates))
    assert dict(zip(grades.id, grades.grade, strict=True)) == {
        cid: str(g) for cid, g in single.grades().items()
    }


def test_a_worker_killed_mid_run_is_survived(client: Client, tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES * 3), "utf-8")
    extraction = extract_corpus(corpus, blocksize=4000, client=client)
    parts = client.compute(extraction.claims.to_delayed())
    assert len(parts) > 20
    pids = client.run(os.getpid)
    first = next(iter(as_completed(parts)))
    (holder,) = client.who_has(first)[first.key]
    os.kill(pids[holder], signal.SIGKILL)  # the result it holds and the tasks it runs are lost
    claims = [c for part in client.gather(parts) for c in part]
    assert claims == EXPECTED * 3
    client.wait_for_workers(2)
    assert pids[holder] not in client.run(os.getpid).values()  # the nanny started a new one
