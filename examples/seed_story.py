"""The seed-report story, told with claimtrack's public API.

One wire report of 2024-08-22 carries the Russian defence ministry's drone
figures, Ukrainian officials' missile counts and Kyiv's casualty claims. This
script reads them from ``seeds/``, adds invented counter-reports (plainly
fictional sources, marked illustrative), and prints what claimtrack finds: parts
that add up, figures derived from shares, relays, contradictions, the consensus
and each claim's grade. ``claimtrack demo`` tells the same story with pictures.

Run it from a checkout: ``python examples/seed_story.py``.
"""

from __future__ import annotations

from pathlib import Path

import claimtrack as ct

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def section(title: str) -> None:
    print(f"\n## {title}\n")


def main() -> None:
    seeds = ct.load(SEEDS / "seed_report.csv")
    counter = ct.load(SEEDS / "counter_report.csv")
    print(f"{len(seeds)} claims from the seed report, {len(counter)} illustrative counter-claims")

    section("Hedges are intervals")
    for claim in seeds:
        f = claim.figure
        if f.hedge != "exact":
            low, high = f.bounds
            print(f"{f!s:>30}  ->  {low:,} to {high:,}  ({claim.measure})")

    graph = ct.ClaimGraph([*seeds, *counter])
    report = graph.link()
    print(f"\nlinked: {report.total} verdicts {report.verdicts}")

    section("The ministry's parts and its total")
    total = next(c for c in seeds if c.measure == "drones destroyed" and c.place == "Russia")
    parts = {v.a.place: str(v.a.figure) for v in graph.verdicts("part_of", total)}
    print(f"total {total.figure} over Russia; parts {parts}")
    print("the checker:", graph.verdicts("part_of", total)[0].reason)
    for reason in {v.reason for v in graph.verdicts("contradicts", total)}:
        print("but with Monitor A's count:", reason)

    section("Figures derived from shares")
    for claim in graph.claims():
        if graph.is_derived(claim):
            print(f"{claim.figure.text} = {claim.figure.format()} {claim.measure}")

    section("Relays are one source, not two")
    relayed = [c for c in graph.claims() if c.figure.value == 45 and c.source == total.source]
    print(f"the ministry's 45 reached us via {sorted(o for c in relayed for o in c.via)}")
    support = graph.independent_support(total)
    print(f"independent sources behind it: {support} (the ministry, and Outlet B agreeing)")

    section("Units convert")
    distance = [c for c in graph.claims() if c.measure == "distance from Moscow"]
    for claim in distance:
        km = claim.figure.to("km").value
        print(f"{claim.source.name:>10}: {claim.figure.format():>6} = {km:.1f} km")

    section("Disputes, side by side")
    for dispute in graph.disputes():
        print(dispute)

    section("The consensus and the grades")
    assessment = ct.assess(graph)
    for dispute in graph.disputes():
        estimate = assessment.estimates[dispute.quantity]
        unit = f" {estimate.unit}" if estimate.unit else ""
        span = f"range {estimate.low:,.0f} to {estimate.high:,.0f}"
        print(f"{dispute.quantity.label}: {estimate.best:,.0f}{unit} ({span}), from ", end="")
        print(", ".join(estimate.sources))
        for claim in graph.claims(dispute.quantity):
            grade = assessment.grade(claim)
            said = f"{claim.figure.format():>9}  {claim.source.name}"
            print(f"    {grade!s:>3}  {said}: {grade.reasons[0]}")

    section("Reading the report's own words")
    found = ct.extract(
        (SEEDS / "report.txt").read_text("utf-8"), published="2024-08-22", outlet="Seed Wire"
    )
    added = graph.add_all(found)
    graph.link()
    print(f"{len(found)} claims extracted; {added} new to the graph")
    agreeing = [c for c in found if graph.corroborating(c) or graph.verdicts("relays", c)]
    print(f"{len(agreeing)} of them agree with, or repeat, a claim already there")


if __name__ == "__main__":
    main()
