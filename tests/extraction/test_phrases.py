"""claimtrack.extraction: What a figure counts: the measure phrase."""

from __future__ import annotations

import pytest

from claimtrack import extract

from .helpers import PUBLISHED, one

# -- measures ----------------------------------------------------------------------


def test_measures_are_normalised_and_carried_to_elliptical_figures() -> None:
    claims = extract(
        "The ministry said air defences brought down 23 drones over Bryansk, six over "
        "Belgorod and two over Kursk. Two more were intercepted over Kaluga.",
        PUBLISHED,
    )
    assert [c.measure for c in claims] == ["drones destroyed"] * 4
    assert [c.place for c in claims] == ["Bryansk", "Belgorod", "Kursk", "Kaluga"]


def test_a_measure_can_stand_before_its_figure() -> None:
    assert (
        one("Inflation fell to 3.2% in March, the statistics office said.").measure == "inflation"
    )
    assert one("The death toll rose to 40, officials said.").measure == "deaths"


def test_a_figure_with_nothing_to_measure_falls_back_on_its_unit() -> None:
    assert one("The town lies about 24 miles south of here.").measure == "distance"


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        # the verb after a list of things is each one's ("11" was measured "drones")
        ("Lysak said 11 drones and two missiles were downed overnight.",
         ["drones destroyed", "missiles destroyed"]),
        # a participle that only says which missiles is not the clause's verb
        ("Officials said only 43% of the missiles fired in the attack were intercepted.",
         ["missiles destroyed"]),
        # money "in" a thing ("amount" before)
        ("The flooding caused an estimated $2.3 billion in damage, officials said.", ["damage"]),
        # past an aside ("people" before); a second verb with its own object is its own
        ("Police said 7 people, among them a 9-year-old girl, were wounded.", ["injured"]),
        ("The typhoon left at least 21 people dead and forced nearly 300,000 from their homes.",
         ["deaths", "displaced"]),
        ("Officials said 12 people were killed or wounded in Kharkiv.",
         ["killed or wounded"]),
        ("Rescuers said they had recovered around 20 bodies.", ["deaths"]),
        # "an average of" is no thing ("average" before)
        ("Officials said aid trucks fell to an average of 69 a day.", ["aid trucks"]),
        # a part named after "including" shares the whole's event ("children" before)
        ("The strike wounded 17 people, including four children, the prosecutor said.",
         ["injured", "injured"]),
        # an owner between "of" and the thing is not the thing (was "gaza's")
        ("Fewer than 20 of Gaza's 36 hospitals are working, the WHO said.",
         ["hospitals", "hospitals"]),
    ],
)  # fmt: skip
def test_the_measure_of_lists_clauses_money_and_parts(text: str, measures: list[str]) -> None:
    assert [c.measure for c in extract(text, PUBLISHED)] == measures


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        # a participle before a noun describes it (was the measure "suspected")
        ("Health officials recorded 15,600 suspected mpox cases.", "suspected cases"),
        # but before a preposition, a comma or "or" it is what happened
        ("Some 300 killed in the attack were civilians, officials said.", "deaths"),
        ("Officials said 238 killed or wounded.", "killed or wounded"),
        # a state after the participle is read whole (were "migrants feared", "people forced")
        ("Between 30 and 40 migrants are feared dead, the UN said.", "deaths"),
        ("Floods forced roughly 300,000 into shelters.", "forced into shelters"),
        ("Some 12 fishermen were reported missing.", "missing"),
        # an owner inside the subject is passed over (was "landslide"), not one of it
        ("The toll from Monday's landslide in Wayanad rose to 187.", "deaths"),
        ("Russia's central bank's key rate rose to 18%.", "key rate"),
        # "the number of X" counts X (was "number of asylum applications")
        ("The number of asylum applications fell to about 513,000.", "asylum applications"),
        # the verb after an aside with "including" (was "people")
        ("Al Jazeera said 19 people, including a boy, died.", "deaths"),
        # an adverb of time ends the noun (was "missiles early")
        ("The capital was hit by more than 10 missiles early on Monday.", "missiles"),
    ],
)
def test_participles_and_states_in_measures(text: str, measure: str) -> None:
    (claim,) = extract(text, published="2024-08-22")
    assert claim.measure == measure
