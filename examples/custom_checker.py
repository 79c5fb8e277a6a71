"""A custom checker: when opposing sides agree, that agreement counts double.

Analysts weigh an *admission against interest* heavily. A ministry confirming
the other side's figure for its own losses, or two belligerents giving the same
count of villages changing hands, is stronger evidence than two outlets of one
side agreeing. The built-in ``agreement`` checker cannot know that; this one,
registered with ``@claimtrack.checker``, records it as a strong corroboration
with its own reason. A second checker notes the opposite case: a party's figure
that only sources of its own side repeat, a weak corroboration.

The sources below are fictional (Northland and Southland) and every figure is
invented for the example.

Run it: ``python examples/custom_checker.py``.
"""

from __future__ import annotations

import claimtrack as ct
from claimtrack.checkers import Context

ADMISSION = 1.0  # strength of a corroboration across opposing sides
ECHO = 0.3  # strength of one side's sources agreeing with each other


@ct.checker("opposing_sides", enabled=False)
def opposing_sides(a: ct.Claim, b: ct.Claim, context: Context) -> ct.Verdict | None:
    """Claims by sources on opposing sides that agree within the graph's tolerance."""
    side_a, side_b = a.source.side, b.source.side
    if not side_a or not side_b or side_a == side_b:
        return None
    if a.figure.distance(b.figure) > context.tolerance:
        return None  # they disagree; the agreement checker records the contradiction
    reason = (
        f"{a.source.name} ({side_a}) and {b.source.name} ({side_b}) are on opposing sides "
        f"and agree: {a.figure.format()} and {b.figure.format()}. An admission against "
        "interest: strong corroboration"
    )
    return ct.Verdict("corroborates", a, b, strength=ADMISSION, reason=reason)


@ct.checker("same_side_echo", enabled=False)
def same_side_echo(a: ct.Claim, b: ct.Claim, context: Context) -> ct.Verdict | None:
    """Different sources of one side agreeing: worth noting, but weak."""
    side = a.source.side
    if not side or side != b.source.side or context.origin(a) == context.origin(b):
        return None
    if a.figure.distance(b.figure) > context.tolerance:
        return None
    reason = (
        f"{a.source.name} and {b.source.name} agree ({a.figure.format()}, "
        f"{b.figure.format()}) but both speak for {side}: weak corroboration"
    )
    return ct.Verdict("corroborates", a, b, strength=ECHO, reason=reason)


def claims() -> list[ct.Claim]:
    north = ct.Source("Northland defence ministry", kind="government", side="Northland")
    south = ct.Source("Southland general staff", kind="military", side="Southland")
    wire = ct.Source("Wire North", kind="media", side="Northland")
    night = {"period": "2024-03-02", "published": "2024-03-03"}
    return [
        # both belligerents: two villages changed hands at the river
        ct.Claim(source=north, measure="villages changed hands", figure="2",
                 place="Riverbend", **night),
        ct.Claim(source=south, measure="villages changed hands", figure="two",
                 place="Riverbend", **night),
        # Northland's count of Southland's losses, repeated only by a Northland outlet
        ct.Claim(source=north, measure="enemy tanks destroyed", figure="40", place="Riverbend",
                 **night),
        ct.Claim(source=wire, measure="enemy tanks destroyed", figure="about 40",
                 place="Riverbend", **night),
        # Southland admits fewer of its tanks lost
        ct.Claim(source=south, measure="enemy tanks destroyed", figure="12", place="Riverbend",
                 **night),
    ]  # fmt: skip


def main() -> None:
    for with_checker in (False, True):
        graph = ct.ClaimGraph(claims())
        if with_checker:
            graph.checkers.enable("opposing_sides")
            graph.checkers.enable("same_side_echo")
        graph.link()
        print(f"\n## checkers: {', '.join(graph.checkers.names())}\n")
        for verdict in graph.verdicts():
            print(f"{verdict.relation.value:>12} [{verdict.checker}] {verdict.reason}")
        villages = graph.claims()[0]
        admissions = [
            v for v in graph.verdicts("corroborates", villages) if v.checker == "opposing_sides"
        ]
        print(f"\ncross-side corroborations of the villages figure: {len(admissions)}")
        print("disputes:", [str(d) for d in graph.disputes()])
    print("\nWithout the checker the village count is an ordinary agreement;")
    print("with it, the graph records why it weighs more: both sides said it.")
    print("The tank figures stay a dispute: 40 (Northland and its wire) against 12")
    print("(Southland), and Northland's 40 is backed only by its own side's echo.")


if __name__ == "__main__":
    main()
