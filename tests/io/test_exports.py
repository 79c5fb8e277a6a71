"""Exports: node-link JSON and GraphML round trips, safe GraphML reading, CSV tables."""

from __future__ import annotations

import csv
import html
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import claimtrack as ct
from claimtrack import ClaimGraph, FileFormatError

from ..factories import EVIL, evil_claim, seed_graph

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"

# The ClaimReview rating of each Admiralty credibility digit, written out here so the
# test pins what the export derives from the one table.
RATINGS = {
    1: (5, "Confirmed by other independent sources"),
    2: (4, "Probably true"),
    3: (3, "Possibly true"),
    4: (2, "Doubtful"),
    5: (1, "Improbable"),
    6: (None, "Truth cannot be judged"),
}


@pytest.fixture(scope="module")
def seeds() -> ClaimGraph:
    return seed_graph()


def verdicts(g: ClaimGraph) -> set[tuple[str, str, str, str, float, str]]:
    return {
        (v.relation.value, v.a.id, v.b.id, v.checker, v.strength, v.reason) for v in g.verdicts()
    }


@pytest.mark.parametrize("suffix", [".json", ".graphml"])
def test_graph_round_trips(seeds: ClaimGraph, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"graph{suffix}"
    ct.dump_graph(seeds, path)
    back = ct.load_graph(path)
    assert {c.id: c for c in back} == {c.id: c for c in seeds}
    assert verdicts(back) == verdicts(seeds)
    assert {c.id for c in back if back.is_derived(c)} == {
        c.id for c in seeds if seeds.is_derived(c)
    }
    assert [str(d) for d in back.disputes()] == [str(d) for d in seeds.disputes()]
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_graphml_holds_no_none_lists_or_objects(seeds: ClaimGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    ct.dump_graph(seeds, path)
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.type") for k in root.iter(f"{GRAPHML}key")}
    assert keys["value"] == "double" and keys["derived"] == "boolean"
    values = [d.text or "" for d in root.iter(f"{GRAPHML}data")]
    assert "None" not in values and not any(v.startswith(("[", "(")) for v in values)
    over = next(n for n in root.iter(f"{GRAPHML}node") if _data(n, "figure") == "over 40")
    assert _data(over, "low") == "40.0" and _data(over, "high") is None  # unbounded: left out
    assert json.loads(_data(over, "claim") or "")["figure"]["low_open"] is True
    carried = next(n for n in root.iter(f"{GRAPHML}node") if _data(n, "via"))
    assert _data(carried, "via") == "Seed Wire"


def _data(node: ET.Element, key: str) -> str | None:
    found = [d.text for d in node.iter(f"{GRAPHML}data") if d.get("key") == key]
    return found[0] if found else None


def test_node_link_json_is_plain_json_with_the_claims(seeds: ClaimGraph, tmp_path: Path) -> None:
    path = tmp_path / "graph.json"
    ct.dump_graph(seeds, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["graph"] == {"format": "claimtrack-graph", "version": 1}
    claims = [n for n in data["nodes"] if n["kind"] == "claim"]
    assert len(claims) == len(seeds)
    relations = {e["relation"] for e in data["edges"] if e["kind"] == "verdict"}
    assert relations == {
        "corroborates",
        "contradicts",
        "part_of",
        "derived_from",
        "relays",
    }
    assert {e["kind"] for e in data["edges"]} == {"asserts", "carries", "verdict"}


def test_outside_text_survives_graphml_as_text(tmp_path: Path) -> None:
    g = ClaimGraph([evil_claim("45"), evil_claim("90", source=ct.Source("Monitor A"))])
    g.link()
    path = tmp_path / "evil.graphml"
    ct.dump_graph(g, path)
    assert "<script>" not in path.read_text("utf-8")
    back = ct.load_graph(path)
    assert {c.text for c in back} == {EVIL}


XXE = """<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="a"><data key="d0">&secret;</data></node></graph></graphml>"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="&lol2;"/></graph></graphml>"""


@pytest.mark.parametrize("text", [XXE, LAUGHS], ids=["external-entity", "entity-expansion"])
def test_graphml_with_a_doctype_is_refused_before_parsing(tmp_path: Path, text: str) -> None:
    path = tmp_path / "attack.graphml"
    path.write_text(text, "utf-8")
    with pytest.raises(FileFormatError, match="DOCTYPE or entity"):
        ct.load_graph(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.graphml", "<graphml><graph>", "not XML"),
        ("other.json", '{"nodes": []}', "not a claimtrack-graph file"),
        ("broken.json", "{", "not JSON"),
        ("graph.gexf", "", "unknown suffix '.gexf'"),
        ("deep.json", "[" * 100_000 + "]" * 100_000, "not a graph written by"),
        ("graphless.json", '{"graph": 7}', "not a graph written by"),
        ("nodes.json", '{"graph": {"format": "claimtrack-graph"}, "nodes": 5}', "not a graph"),
    ],
)
def test_bad_graph_files_raise_file_format_errors(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(FileFormatError, match=message):
        ct.load_graph(path)


def test_a_node_with_a_bad_claim_names_the_node_and_field(
    seeds: ClaimGraph, tmp_path: Path
) -> None:
    path = tmp_path / "graph.json"
    ct.dump_graph(seeds, path)
    data = json.loads(path.read_text("utf-8"))
    node = next(n for n in data["nodes"] if n["kind"] == "claim")
    node["claim"]["confidence"] = 7
    path.write_text(json.dumps(data), "utf-8")
    with pytest.raises(FileFormatError, match=rf"node '{node['id']}'.*confidence") as err:
        ct.load_graph(path)
    assert err.value.field == "confidence"


def test_dump_graph_refuses_what_is_not_a_graph(tmp_path: Path) -> None:
    with pytest.raises(ct.ValidationError, match="graph"):
        ct.dump_graph([evil_claim()], tmp_path / "g.json")  # type: ignore[arg-type]
    with pytest.raises(FileFormatError, match="unknown suffix"):
        ct.dump_graph(ClaimGraph(), tmp_path / "g.xml")


def test_claims_table_csv_matches_the_dataframe(seeds: ClaimGraph, tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    ct.dump_table(seeds, path)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    frame = seeds.to_pandas()
    assert len(rows) == len(frame) and list(rows[0]) == list(frame.columns)
    over = next(r for r in rows if r["figure"] == "over 40")
    assert over["high"] == "inf" and over["period_start"] == "2024-08-21" and over["unit"] == ""


def test_csv_cells_that_a_spreadsheet_would_run_are_quoted(tmp_path: Path) -> None:
    claim = ct.Claim(source='=HYPERLINK("http://x")', measure="-cmd", figure="-5", place="@x")
    path = tmp_path / "claims.csv"
    ct.dump_table([claim], path)
    with path.open(encoding="utf-8", newline="") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["source"].startswith("'=") and row["measure"] == "'-cmd" and row["place"] == "'@x"
    assert row["figure"] == "-5" and row["value"] == "-5.0"  # numbers stay numbers


# -- ClaimReview --------------------------------------------------------------------------

PARTY = {
    "type": "object",
    "required": ["@type", "name"],
    "properties": {"@type": {"enum": ["Organization", "Person"]}, "name": {"type": "string"}},
}
CLAIM_REVIEW = {
    "type": "object",
    "required": ["@context", "@type", "claimReviewed", "author", "datePublished",
                 "itemReviewed", "reviewRating"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "claimReviewed": {"type": "string", "minLength": 1, "maxLength": 74},
        "author": PARTY,
        "datePublished": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "itemReviewed": {
            "type": "object",
            "required": ["@type", "author"],
            "properties": {
                "@type": {"const": "Claim"},
                "author": PARTY,
                "appearance": {
                    "type": "array",
                    "minItems": 1,
                    "items": {
                        "type": "object",
                        "required": ["@type", "publisher"],
                        "properties": {"@type": {"const": "CreativeWork"}, "publisher": PARTY},
                    },
                },
            },
        },
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName", "ratingExplanation"],
            "properties": {
                "@type": {"const": "Rating"},
                "ratingValue": {"type": "integer", "minimum": 1, "maximum": 5},
                "bestRating": {"const": 5},
                "worstRating": {"const": 1},
                "alternateName": {"enum": [RATINGS[d][1] for d in range(1, 7)]},
                "ratingExplanation": {"type": "string", "minLength": 20},
            },
            "dependentRequired": {"ratingValue": ["bestRating", "worstRating"]},
        },
    },
}  # fmt: skip


def test_claim_reviews_have_the_claimreview_shape(seeds: ClaimGraph, tmp_path: Path) -> None:
    import jsonschema

    assessment = ct.assess(seeds)
    path = tmp_path / "reviews.jsonld"
    ct.dump_claim_reviews(assessment, path, reviewer="Example Desk", url="https://example.org/r")
    reviews = json.loads(path.read_text("utf-8"))
    assert len(reviews) == len([c for c in seeds if not seeds.is_derived(c)])
    for review in reviews:
        jsonschema.validate(review, CLAIM_REVIEW)
        claim = seeds.claim(review["identifier"])
        grade = assessment.grade(claim)
        value, text = RATINGS[grade.credibility]
        assert review["reviewRating"]["alternateName"] == text
        assert review["reviewRating"].get("ratingValue") == value
        assert review["itemReviewed"]["author"]["name"] == claim.source.name
        outlets = [a["publisher"]["name"] for a in review["itemReviewed"].get("appearance", [])]
        assert outlets == list(claim.via)
        explanation = review["reviewRating"]["ratingExplanation"]
        assert claim.figure.format() in explanation and f"Graded {grade}" in explanation
        # published text: every sentence starts with a capital ("... range. the ..." did not)
        assert not re.search(r"\. [a-z]", explanation), explanation
        assert review["url"] == "https://example.org/r"
    kyiv = next(r for r in reviews if r["claimReviewed"].startswith("Kyiv: 238"))
    assert "Consensus estimate 238" in kyiv["reviewRating"]["ratingExplanation"]


def test_claim_reviewed_is_shortened_under_75_characters() -> None:
    long = ct.Claim(source="A very long named ministry of the interior", figure="12",
                    measure="people evacuated from the flooded districts of the old town",
                    place="Kherson")  # fmt: skip
    (review,) = ct.claim_reviews(ct.assess(ClaimGraph([long])))
    assert len(review["claimReviewed"]) < 75 and review["claimReviewed"].endswith("…")
    assert review["reviewRating"]["alternateName"] == "Truth cannot be judged"
    assert "ratingValue" not in review["reviewRating"]


# -- ClaimReview inside a page, in a real browser (issue 18) ----------------------------

# What a hostile source name does if JSON-LD is pasted raw into its <script>: it ends the
# element and runs a script of its own, which marks the page.
RUNS = "</script><script>document.documentElement.setAttribute('data-ran','yes')</script><!--"
PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<script type="application/ld+json">{jsonld}</script></head><body>
<script>
var out = document.createElement("pre");
out.id = "read";
try {{
  var block = document.querySelector('script[type="application/ld+json"]').textContent;
  out.textContent = JSON.stringify(JSON.parse(block).map(function (r) {{
    return [r.itemReviewed.author.name, r.itemReviewed.text, r.url];
  }}));
}} catch (e) {{ out.textContent = "unreadable: " + e; }}
document.body.appendChild(out);
</script></body></html>"""


def _chromium_dom(page: Path, profile: Path) -> str:
    """The page's DOM after its scripts ran, from headless Chromium (Debian's package;
    ``make test`` installs it)."""
    run = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


def test_claim_review_json_ld_is_safe_inside_a_script_element_in_chromium(
    tmp_path: Path,
) -> None:
    hostile = ct.Claim(
        source=ct.Source(RUNS), measure="drones destroyed", figure="45",
        text="<!--<script> & </script> \u2028 the end",
    )  # fmt: skip
    assessment = ct.assess(ClaimGraph([hostile]))
    path = tmp_path / "reviews.jsonld"
    ct.dump_claim_reviews(assessment, path, url="https://example.org/r?a=1&b=<2>")
    written = path.read_text("utf-8")
    assert not {"<", ">", "&"} & set(written)  # JSON escapes; the values are unchanged
    read_back = [(r["itemReviewed"]["author"]["name"], r["itemReviewed"]["text"], r["url"])
                 for r in json.loads(written)]  # fmt: skip
    expected = [[RUNS, hostile.text, "https://example.org/r?a=1&b=<2>"]]
    assert [list(r) for r in read_back] == expected
    doms = {}
    for name, jsonld in [("safe", written), ("raw", json.dumps(json.loads(written)))]:
        page = tmp_path / f"{name}.html"
        page.write_text(PAGE.format(jsonld=jsonld), "utf-8")
        doms[name] = _chromium_dom(page, tmp_path / f"profile-{name}")
    # the raw JSON ran the payload: the test can tell; the written JSON-LD did not run it,
    # and the browser's JSON.parse gives back every hostile value as it was
    assert 'data-ran="yes"' in doms["raw"]
    assert 'data-ran="yes"' not in doms["safe"] and "<html>" in doms["safe"]
    found = re.search(r'<pre id="read">(.*?)</pre>', doms["safe"], re.S)
    assert found is not None
    assert json.loads(html.unescape(found.group(1))) == expected


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<b>", "//example.org/r",
     "example.org/r", "https://", "https://example.org/a b", "ftp://example.org/r", 7],
)  # fmt: skip
def test_claim_reviews_take_only_http_and_https_urls(url: object) -> None:
    assessment = ct.assess(ClaimGraph([ct.Claim(source="A", measure="m", figure="5")]))
    with pytest.raises(ct.ValidationError, match="url: got .*, expected an"):
        ct.claim_reviews(assessment, url=url)  # type: ignore[arg-type]
    for good in ("https://example.org/r", "http://example.org/r#1", "HTTPS://EXAMPLE.ORG"):
        assert ct.claim_reviews(assessment, url=good)[0]["url"] == good
