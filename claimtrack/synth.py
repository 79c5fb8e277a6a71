"""Synthetic claim sets with known ground truth, for tests and benchmarks.

``generate`` makes sources of chosen reliability and side, quantities with true
values, claims with noise and hedges, sources that copy others, relays, planted
outliers and part-whole structures; it returns the claims with the truth.

>>> data = generate(n_claims=200, n_quantities=20, n_sources=8, seed=1)
>>> len(data.claims), len(data.truth) >= 20
(200, True)
>>> g = data.graph()
>>> g.link().claims >= 200
True
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Sequence

import attrs

from .figure import DEFAULT_POLICY, Figure
from .model import Claim, Source
from .places import Gazetteer

__all__ = ["Synthetic", "generate"]

MEASURES = (
    "drones destroyed",
    "troops killed or wounded",
    "attacks repelled",
    "people displaced",
    "missiles fired",
    "buildings damaged",
)
_DAY0 = dt.date(2024, 1, 1)


@attrs.frozen
class Synthetic:
    """A generated claim set and what is true about it.

    ``truth`` maps (measure, place, period text) to the true value; ``reliability``
    gives each source's true reliability; ``copies`` maps a copying source to the
    source it copies; ``outliers`` holds the ids of claims planted far from the
    truth; ``parts`` maps (measure, place, period) of a part to its whole's place;
    ``places`` maps each made-up place to the place containing it.
    """

    claims: list[Claim]
    truth: dict[tuple[str, str, str], float]
    sources: list[Source]
    reliability: dict[str, float]
    copies: dict[str, str]
    outliers: frozenset[str]
    places: dict[str, str | None]

    def gazetteer(self) -> Gazetteer:
        """A gazetteer with the made-up places (and no ISO data, which they do not need)."""
        g = Gazetteer(iso=False, extension=False)
        for place, parent in self.places.items():
            if parent is None:
                g.add(place)
        for place, parent in self.places.items():
            if parent is not None:
                g.add(place, within=parent)
        return g

    def graph(self, **options: object) -> object:
        """A ClaimGraph holding the claims, with the made-up places (not yet linked)."""
        from .graph import ClaimGraph

        graph = ClaimGraph(places=self.gazetteer(), **options)  # type: ignore[arg-type]
        graph.add_all(self.claims)
        return graph


def _figure(rng: random.Random, value: float, hedge_rate: float) -> Figure:
    value = max(1, round(value))
    if rng.random() >= hedge_rate:
        return Figure(value)
    hedge = rng.choice(("about", "nearly", "over", "at_least", "range"))
    if hedge == "range":
        width = max(1, round(value * rng.uniform(0.05, 0.2)))
        return Figure(
            value, value - min(width, value - 1 if value > 1 else 0), value + width, hedge="range"
        )
    if hedge == "about":  # people round what they call "about"
        digits = max(0, len(str(int(value))) - 2)
        value = max(1, round(value, -digits))
    low, high, low_open, high_open = DEFAULT_POLICY.interval(hedge, value)
    return Figure(value, low, high, low_open, high_open, hedge=hedge)


def generate(
    n_claims: int = 1000,
    n_quantities: int = 100,
    n_sources: int = 20,
    *,
    seed: int = 0,
    reliabilities: Sequence[float] | None = None,
    sides: Sequence[str] = ("North", "South", ""),
    noise: float = 0.3,
    hedge_rate: float = 0.25,
    copy_rate: float = 0.1,
    relay_rate: float = 0.05,
    outlier_rate: float = 0.05,
    part_rate: float = 0.1,
) -> Synthetic:
    """Generate ``n_claims`` claims about ``n_quantities`` quantities from ``n_sources`` sources.

    A source of reliability r reports the true value times a log-normal error of
    spread ``noise * (1 - r)``, and with probability ``outlier_rate * (1 - r)`` a
    value two to five times off. ``copy_rate`` of the sources copy another source's
    figures when it has one; ``relay_rate`` of the claims are relays of another
    claim through an outlet; ``part_rate`` of the quantities are split into parts
    in sub-places, whose true values sum to at most the whole.
    """
    rng = random.Random(seed)
    if reliabilities is None:
        reliabilities = [round(rng.uniform(0.2, 0.95), 2) for _ in range(n_sources)]
    sources = [
        Source(f"Source {i:03d}", kind="synthetic", side=sides[i % len(sides)] or None)
        for i in range(len(reliabilities))
    ]
    true_rel = {s.name: r for s, r in zip(sources, reliabilities, strict=True)}
    copiers = rng.sample(range(len(sources)), k=int(len(sources) * copy_rate))
    copies = {
        sources[i].name: sources[rng.choice([j for j in range(len(sources)) if j != i])].name
        for i in copiers
    }
    countries = max(1, n_quantities // 200)
    places: dict[str, str | None] = {f"Country {c}": None for c in range(countries)}
    truth: dict[tuple[str, str, str], float] = {}
    keys: list[tuple[str, str, str]] = []
    for q in range(n_quantities):
        measure = MEASURES[q % len(MEASURES)]
        country = f"Country {q % countries}"
        day = (_DAY0 + dt.timedelta(days=q // (len(MEASURES) * countries))).isoformat()
        value = float(round(math.exp(rng.uniform(math.log(5), math.log(50_000)))))
        if rng.random() < part_rate:
            n_parts = rng.randint(2, 4)
            shares = [rng.random() for _ in range(n_parts)]
            located = rng.uniform(0.5, 1.0)
            for k, share in enumerate(shares):
                part = f"Region {q}-{k}"
                places[part] = country
                key = (measure, part, day)
                truth[key] = max(1.0, round(value * located * share / sum(shares)))
                keys.append(key)
        key = (measure, country if (measure, country, day) not in truth else f"Zone {q}", day)
        places.setdefault(key[1], None)
        truth[key] = value
        keys.append(key)
    claims: list[Claim] = []
    said: dict[tuple[str, tuple[str, str, str]], Figure] = {}
    outliers: set[str] = set()
    weights = [0.5 + r for r in reliabilities]
    for n in range(n_claims):
        key = keys[n % len(keys)] if n < len(keys) else rng.choice(keys)
        source = rng.choices(sources, weights=weights)[0]
        measure, place, day = key
        copied = copies.get(source.name)
        outlier = False
        if copied is not None and (copied, key) in said:
            figure = said[(copied, key)]
        else:
            r = true_rel[source.name]
            error = math.exp(rng.gauss(0, noise * (1 - r)))
            if rng.random() < outlier_rate * (1 - r):
                error = rng.uniform(2, 5) ** rng.choice((-1, 1))
                outlier = True
            figure = _figure(rng, truth[key] * error, hedge_rate)
        via: tuple[str, ...] = ()
        if claims and rng.random() < relay_rate:
            original = rng.choice(claims)
            source, figure, via = original.source, original.figure, (f"Outlet {rng.randint(0, 9)}",)
            measure, place = original.measure, original.place or place
            day = str(original.period) if original.period else day
        claim = Claim(
            source=source, measure=measure, figure=figure, place=place, period=day,
            via=via, published=day, text=f"synthetic claim {n}",
        )  # fmt: skip
        said.setdefault((source.name, (measure, place, day)), figure)
        if outlier and not via:
            outliers.add(claim.id)
        claims.append(claim)
    return Synthetic(claims, truth, sources, true_rel, copies, frozenset(outliers), places)
