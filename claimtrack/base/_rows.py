"""A stored claim read back: its JSON body made into a ``Claim`` without checking it again.

A batch reads back every claim of the blocks it links in (some thousands for a
batch of a thousand), and ``claims()`` may read far more. Each body was written
from a ``Claim`` that its converters and validators had already passed, and a
converter gives back what it was given when given its own output, so reading the
body needs none of them again: the claim's and its figure's fields are set as
stored (lists made tuples or sets again). The source, the period and the time of
publication are built through the claim's own converters and the one converter
the files use (``claimtrack.io.converter``), each distinct one once: a base
repeats its sources, periods and days. Given the id stored beside the body (the
hash of the same content), the id is set rather than worked out again.

A base that lasts (a notebook, a service adding batch after batch) reads the same
blocks again and again: the claims decoded or encoded lately are kept, by their id
and body, up to ``DECODED_LIMIT`` of them (the least lately used go first). A claim is
immutable and its body is read from the database every time, so a claim another
writer changed (retracted, revised, tagged) has another body and is decoded
afresh: there is nothing to invalidate. A process that adds one file and ends
(``claimtrack add``) gains nothing from it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, cast

import attrs

from ..figure import Figure
from ..io import converter, memoised
from ..model import Claim, Period, Source

__all__ = ["DECODED_LIMIT", "decode", "encode", "forget"]

#: How many decoded claims are kept for the next read (see the module's docstring).
DECODED_LIMIT = 200_000

_FIELDS = attrs.fields(Claim)
#: What the claim's own converters make of a stored period and time of publication.
_PERIOD = cast(Callable[[str], Period], attrs.fields(Claim).period.converter)
_PUBLISHED = cast(Callable[[str], dt.date], attrs.fields(Claim).published.converter)
#: The fields a body holds as text, numbers or null: set as stored.
_PLAIN = ("place", "confidence", "text", "share_of", "stance", "kind", "revision",
          "share_place", "status", "replaced_by", "note")  # fmt: skip
#: Defaults of the fields a body leaves out when they hold them.
_DEFAULTS: dict[str, Any] = {a.name: a.default for a in _FIELDS if a.default is not attrs.NOTHING}
#: A figure's fields as its body holds them, in order: a record of exactly these is
#: made into a ``Figure`` as stored (anything else goes through the converter).
_FIGURE_FIELDS = tuple(a.name for a in attrs.fields(Figure))

_sources: dict[Any, Source] = {}
_periods: dict[Any, Period] = {}
_published: dict[Any, dt.date] = {}
_decoded: OrderedDict[tuple[str | None, str], Claim] = OrderedDict()


def _source_key(record: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """A key telling apart any two source records that could give different sources
    (a float by its repr: 0.0 and -0.0, 1 and 1.0 are equal otherwise)."""
    key = []
    for name, value in record.items():
        kind = value.__class__
        if kind is list:
            if not all(v.__class__ is str for v in value):
                return None
            value = tuple(value)
        elif kind is float or kind is bool or kind is int:
            value = (kind, repr(value))
        elif kind is not str and value is not None:
            return None
        key.append((name, value))
    return tuple(key)


def _figure(record: Any) -> Figure:
    if record.__class__ is not dict or tuple(record) != _FIGURE_FIELDS:
        return converter.structure(record, Figure)
    figure: Figure = object.__new__(Figure)
    put = object.__setattr__
    for name, value in record.items():
        put(figure, name, value)
    return figure


def encode(claim: Claim) -> str:
    """A claim's body: its on-disk form (``claimtrack.io.converter``) as JSON. The
    claim is kept as what the body decodes to: a base reads back what it wrote."""
    body = json.dumps(converter.unstructure(claim), ensure_ascii=False)
    _keep((claim.id, body), claim)
    return body


def _keep(key: tuple[str | None, str], claim: Claim) -> None:
    _decoded[key] = claim
    if len(_decoded) > DECODED_LIMIT:
        with contextlib.suppress(KeyError):  # another thread emptied it meanwhile
            _decoded.popitem(last=False)


def forget() -> None:
    """Let go of the claims kept for the next read (a base closing: what it kept
    should not outlive it in a notebook's memory; another open base only decodes
    again what it reads next)."""
    _decoded.clear()


def decode(body: str, cid: str | None = None) -> Claim:
    """The claim a body was written from; given its stored id, the id is not worked
    out again. A body decoded lately gives the same claim again."""
    key = (cid, body)
    claim = _decoded.pop(key, None)
    if claim is not None:
        _decoded[key] = claim  # now the latest used
        return claim
    claim = _decode(body, cid)
    _keep(key, claim)
    return claim


def _decode(body: str, cid: str | None) -> Claim:
    record: dict[str, Any] = json.loads(body)
    claim: Claim = object.__new__(Claim)
    put = object.__setattr__
    get = record.get
    source = record["source"]
    put(claim, "source", memoised(
        _sources, (source,) if source.__class__ is str else _source_key(source),
        lambda: converter.structure(source, Source),
    ))  # fmt: skip
    put(claim, "figure", _figure(record["figure"]))
    period = get("period")
    put(claim, "period", None if period is None else memoised(
        _periods, period, lambda: _PERIOD(period)
    ))  # fmt: skip
    published = get("published")
    put(claim, "published", None if published is None else memoised(
        _published, published, lambda: _PUBLISHED(published)
    ))  # fmt: skip
    put(claim, "measure", record["measure"])
    for name in _PLAIN:
        put(claim, name, get(name, _DEFAULTS[name]))
    via, span, derived, tags = get("via"), get("span"), get("derived_from"), get("tags")
    put(claim, "via", tuple(via) if via else ())
    put(claim, "span", tuple(span) if span is not None else None)
    put(claim, "derived_from", tuple(derived) if derived else ())
    put(claim, "tags", frozenset(tags) if tags else frozenset())
    if cid is not None:
        put(claim, "id", cid)  # the content hash, stored with the claim
    return claim
