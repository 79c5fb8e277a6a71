"""Graph files: the graph as node-link JSON or GraphML, and back.

Everything on disk goes through ``atomic_write``: a reader sees the old file or
the new one, never half of one.

- ``dump_graph(graph, path)`` writes ``.json`` (networkx node-link data) or
  ``.graphml``; ``load_graph(path)`` reads either back into a ``ClaimGraph``.
  GraphML holds only text, numbers and booleans, so each claim is stored whole as
  its JSON form (attribute ``claim``) beside flat, readable attributes for tools
  such as Gephi (``source``, ``measure``, ``value``, ``low``, ``high``, ...); an
  attribute that is None is left out, and lists are joined with "; ".
- GraphML is read safely with the standard library: the file is first scanned
  with expat, and a document with a DOCTYPE, an entity declaration or an external
  entity is refused before anything else parses it, so neither external entities
  (XXE) nor entity expansion ("billion laughs") can happen. GraphML needs none.
"""

from __future__ import annotations

import json
import os
import re
import xml.parsers.expat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._files import as_path, atomic_write, read_text
from ..errors import ClaimtrackError, FileFormatError, ValidationError
from ..graph import ClaimGraph
from ..model import Claim
from ..relations import Verdict
from ._claims import converter

__all__ = ["dump_graph", "load_graph", "node_link"]

FORMAT = "claimtrack-graph"
FORMAT_VERSION = 1

_EDGE_KEYS = ("kind", "relation", "strength", "reason", "checker")


def _text(content: str) -> Callable[[Any], None]:
    """An ``atomic_write`` writer of one string."""

    def write(handle: Any) -> None:
        handle.write(content)

    return write


# -- the graph ----------------------------------------------------------------------


def node_link(graph: ClaimGraph) -> dict[str, Any]:
    """The graph as networkx node-link data that ``json.dump`` can write.

    Claim nodes carry ``claim`` (the claim's JSON form) and ``derived``; source nodes
    carry ``source``; edges carry their key, ``kind`` and, for verdicts, ``relation``,
    ``strength``, ``reason`` and ``checker``.
    """
    nodes = []
    for node, data in graph.graph.nodes(data=True):
        if data.get("kind") == "claim":
            nodes.append(
                {
                    "id": node,
                    "kind": "claim",
                    "claim": converter.unstructure(data["claim"]),
                    "derived": bool(data.get("derived")),
                }
            )
        else:
            nodes.append(
                {"id": node, "kind": "source", "source": converter.unstructure(data["source"])}
            )
    edges = [
        {"source": u, "target": w, "key": k, **{n: _plain(d[n]) for n in _EDGE_KEYS if n in d}}
        for u, w, k, d in graph.graph.edges(keys=True, data=True)
    ]
    edges += [  # a dense quantity's verdicts, made now (see claimtrack.graph._dense)
        {"source": v.a.id, "target": v.b.id, "key": v.checker, "kind": "verdict",
         "relation": str(v.relation), "strength": v.strength, "reason": v.reason,
         "checker": v.checker}
        for v in graph._held()
    ]  # fmt: skip
    if not all("kind" in e for e in edges):
        edges = [{"kind": e["key"], **e} if "kind" not in e else e for e in edges]
    return {
        "directed": True,
        "multigraph": True,
        "graph": {"format": FORMAT, "version": FORMAT_VERSION},
        "nodes": nodes,
        "edges": edges,
    }


# What XML 1.0 cannot hold at all, even escaped: C0 controls but tab, newline and
# carriage return, and U+FFFE and U+FFFF. GraphML keeps them as JSON escapes in the
# attributes that are read back (a claim, a source, a verdict's reason); in labels
# and ids, which are only shown, they become U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, str) else value


def _shown(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", str(value)) if isinstance(value, str) else value


def _json_for_xml(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _graphml_graph(graph: ClaimGraph) -> Any:
    """A copy of the graph whose attributes GraphML can hold (no None, lists or objects)."""
    import networkx as nx

    out: nx.MultiDiGraph[str] = nx.MultiDiGraph(format=FORMAT, version=FORMAT_VERSION)
    for node, data in graph.graph.nodes(data=True):
        if data.get("kind") == "claim":
            c: Claim = data["claim"]
            f = c.figure
            attrs: dict[str, Any] = {
                "kind": "claim",
                "label": f"{f.format()} · {c.source.name}",
                "claim": _json_for_xml(converter.unstructure(c)),
                "derived": bool(data.get("derived")),
                "source": c.source.name,
                "side": c.source.side,
                "measure": c.measure,
                "figure": f.format(),
                "value": float(f.value),
                "low": None if f.low is None else float(f.low),
                "high": None if f.high is None else float(f.high),
                "unit": f.unit,
                "place": c.place,
                "period": str(c.period) if c.period else None,
                "via": "; ".join(c.via) or None,
            }
        else:
            s = data["source"]
            attrs = {
                "kind": "source",
                "label": s.name,
                "source": _json_for_xml(converter.unstructure(s)),
                "side": s.side,
            }
        out.add_node(_shown(node), **{k: _shown(v) for k, v in attrs.items() if v is not None})
    for u, w, k, d in graph.graph.edges(keys=True, data=True):
        edge = {n: _shown(d[n]) for n in _EDGE_KEYS if d.get(n) is not None}
        reason = d.get("reason")
        if isinstance(reason, str) and _NOT_XML.search(reason):
            edge["reason_json"] = _json_for_xml(reason)  # read back in its place
        out.add_edge(_shown(u), _shown(w), key=_shown(k), **({"kind": _shown(k)} | edge))
    for v in graph._held():  # a dense quantity's verdicts, made now
        held = {"kind": "verdict", "relation": str(v.relation), "strength": v.strength,
                "reason": _shown(v.reason), "checker": _shown(v.checker)}  # fmt: skip
        if _NOT_XML.search(v.reason):
            held["reason_json"] = _json_for_xml(v.reason)
        out.add_edge(_shown(v.a.id), _shown(v.b.id), key=_shown(v.checker), **held)
    return out


def dump_graph(graph: ClaimGraph, path: str | os.PathLike[str]) -> None:
    """Write the graph as node-link JSON (``.json``) or GraphML (``.graphml``), atomically."""
    import networkx as nx

    if not isinstance(graph, ClaimGraph):
        raise ValidationError("graph", graph, "a ClaimGraph")
    target = as_path(path)
    suffix = target.suffix.lower()
    if suffix == ".json":
        data = node_link(graph)
        atomic_write(target, _text(json.dumps(data, ensure_ascii=False, indent=1) + "\n"))
    elif suffix == ".graphml":
        text = "\n".join(nx.generate_graphml(_graphml_graph(graph), named_key_ids=True))
        atomic_write(target, _text(text + "\n"))
    else:
        raise FileFormatError(str(path), f"unknown suffix {suffix!r}; expected .json or .graphml")


def _refuse_doctype(name: str, text: str) -> None:
    """Scan with expat and refuse any DOCTYPE or entity before a full parse sees it."""
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def refuse(*_: Any) -> None:
        raise FileFormatError(
            name, "a DOCTYPE or entity declaration; GraphML needs none, so it is refused"
        )

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    try:
        parser.Parse(text, True)
    except xml.parsers.expat.ExpatError as err:
        raise FileFormatError(name, f"not XML: {err}", err.lineno) from None


def _node_link_records(name: str, text: str) -> tuple[list[Any], list[Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FileFormatError(name, f"not JSON: {err.msg}", err.lineno) from None
    if not isinstance(data, dict) or data.get("graph", {}).get("format") != FORMAT:
        raise FileFormatError(name, f"not a {FORMAT} file (written by claimtrack.dump_graph)")
    return list(data.get("nodes", [])), list(data.get("edges", []))


def _graphml_records(name: str, text: str) -> tuple[list[Any], list[Any]]:
    import networkx as nx

    _refuse_doctype(name, text)
    try:
        g: Any = nx.parse_graphml(text, force_multigraph=True)
    except (nx.NetworkXError, ValueError, KeyError) as err:
        raise FileFormatError(name, f"not GraphML that networkx can read: {err}") from None
    nodes = []
    for node, d in g.nodes(data=True):
        field = "claim" if d.get("kind") == "claim" else "source"
        try:
            record = json.loads(d.get(field, "null"))
        except (TypeError, json.JSONDecodeError):
            raise FileFormatError(name, f"node {node!r}: attribute {field} is not JSON") from None
        nodes.append({"id": node, "kind": d.get("kind"), field: record, **_flag(d)})
    edges = []
    for u, w, k, d in g.edges(keys=True, data=True):
        if "reason_json" in d:
            try:
                d = {**d, "reason": json.loads(d.pop("reason_json"))}
            except json.JSONDecodeError:
                raise FileFormatError(name, f"edge {k!r}: reason_json is not JSON") from None
        edges.append({"source": u, "target": w, "key": k, **d})
    return nodes, edges


def _flag(d: dict[str, Any]) -> dict[str, Any]:
    return {"derived": bool(d.get("derived"))} if "derived" in d else {}


def load_graph(path: str | os.PathLike[str]) -> ClaimGraph:
    """Read a graph written by ``dump_graph`` (node-link JSON or GraphML).

    The claims and the verdicts come back as they were saved; ``link()`` on the
    result would run the checkers over every claim again.
    """
    name = str(as_path(path))
    suffix = Path(name).suffix.lower()
    if suffix not in (".json", ".graphml"):
        raise FileFormatError(name, f"unknown suffix {suffix!r}; expected .json or .graphml")
    text = read_text(path)
    reader = _node_link_records if suffix == ".json" else _graphml_records
    try:
        return _graph_from_records(name, *reader(name, text))
    except (RecursionError, ValueError, TypeError, AttributeError, KeyError) as err:
        if isinstance(err, ClaimtrackError):
            raise
        reason = f"not a graph written by claimtrack.dump_graph ({type(err).__name__}: {err})"
        raise FileFormatError(name, reason) from None


def _graph_from_records(name: str, nodes: list[Any], edges: list[Any]) -> ClaimGraph:
    ids: dict[str, str] = {}
    claims: list[Claim] = []
    derived: set[str] = set()
    for record in nodes:
        if not isinstance(record, dict) or record.get("kind") != "claim":
            continue
        try:
            claim = converter.structure(record.get("claim"), Claim)
        except ValidationError as err:
            where = f"node {record.get('id')!r}: {err}"
            raise FileFormatError(name, where, None, err.field) from None
        ids[str(record.get("id"))] = claim.id
        claims.append(claim)
        if record.get("derived"):
            derived.add(claim.id)
    graph = ClaimGraph(claims)
    for cid in derived:
        graph.graph.nodes[cid]["derived"] = True
    for e in edges:
        if not isinstance(e, dict) or e.get("kind") != "verdict":
            continue
        u, w = ids.get(str(e.get("source"))), ids.get(str(e.get("target")))
        if u is None or w is None:
            raise FileFormatError(name, f"verdict edge {e.get('key')!r} joins unknown claims")
        key = str(e.get("key"))
        try:  # as a checker's verdict is checked: a strength in [0, 1], a known relation
            verdict = Verdict(
                e.get("relation"), graph.claim(u), graph.claim(w), e.get("strength", 1.0),
                str(e.get("reason", "")), str(e.get("checker", key)),
            )  # fmt: skip
        except ValidationError as err:
            raise FileFormatError(name, f"verdict edge {key!r}: {err}", None, err.field) from None
        graph.graph.add_edge(
            u, w, key=key, kind="verdict", relation=verdict.relation, strength=verdict.strength,
            reason=verdict.reason, checker=verdict.checker,
        )  # fmt: skip
    return graph


# -- tables ---------------------------------------------------------------------------
