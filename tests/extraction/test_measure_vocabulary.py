"""claimtrack.extraction: figures about one quantity, written differently, share a measure.

Each sentence here is invented; each case is a way news prose names the same
quantity twice, which extract and the measure vocabulary must read as one measure.
"""

from __future__ import annotations

import pytest

from claimtrack import MeasureLexicon, extract

from .helpers import PUBLISHED, by_text

LEXICON = MeasureLexicon.default()


def measures(text: str) -> dict[str, str]:
    return {c.figure.text: c.measure for c in extract(text, PUBLISHED) if c.stance == "asserts"}


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a figure with no noun, then an aside, then its verb
        ("At least nine, including three toddlers, drowned when the ferry sank.",
         "At least nine", "deaths"),
        ("About 40 more, among them two nurses, were hurt.", "About 40", "injured"),
        # "other" before the noun is more of the same thing
        ("Six other hikers reportedly also died on the ridge.", "Six", "deaths"),
        # a named measure in a long noun phrase is kept, whatever follows it
        ("The fire raised the death toll of the whole disaster from 12 people to 15.",
         "12", "deaths"),
        # an owner with a name of several words inside the phrase
        ("The death toll from North Borduria's worst flood tops 2,000.", "2,000", "deaths"),
        # a description after the head is no part of it
        ("The number of confirmed deaths linked to cholera infections passed 310.",
         "310", "deaths"),
        # a storm's category is a scale, not a count
        ("The cyclone was upgraded to a Category 4 storm.", "4", "category"),
    ],
)  # fmt: skip
def test_the_measure_of_a_figure_is_the_named_quantity(
    text: str, figure: str, measure: str
) -> None:
    assert measures(text)[figure] == measure


def test_a_figure_after_from_and_to_measures_what_the_first_did() -> None:
    found = measures("The flooding pushed the death toll of the valley from 12 people to 15.")
    assert found == {"12": "deaths", "15": "deaths"}


def test_the_people_a_toll_counts_are_part_of_it() -> None:
    found = measures(
        "The blast killed at least 40, including, officials said, 17 children. "
        "Searchers recovered 12 bodies, eight women and four men."
    )
    assert set(found.values()) == {"deaths"}


def test_a_unit_the_figure_does_not_hold_is_no_counted_thing() -> None:
    text = (
        "Last year the mill made a 31 million pounds operating loss. "
        "Her time was 52.18 seconds. "
        "The port handled three billion cubic meters of gas."
    )
    found = measures(text)
    assert found["31 million"] == "operating loss"
    assert found["52.18"] == "duration"  # a time in seconds is a duration
    assert LEXICON.key(found["three billion"]) == LEXICON.key("gas handled")
    assert measures("It took 52.18 seconds.")["52.18"] == "duration"
    assert measures("The bag weighed 82 pounds.")["82"] == "pounds weighed"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("previous death toll", "death toll"),
        ("aftershocks experienced", "aftershocks"),
        ("latest official tally of arrests", "arrests"),
        ("forced to evacuate", "evacuated"),
        ("pronounced dead", "killed"),
    ],
)
def test_words_that_do_not_change_the_quantity_are_dropped_when_comparing(a: str, b: str) -> None:
    assert LEXICON.key(LEXICON.measure(a)) == LEXICON.key(LEXICON.measure(b))


def test_different_events_stay_apart() -> None:
    assert LEXICON.key("homes destroyed") != LEXICON.key("homes damaged")
    assert LEXICON.key("countries signed") != LEXICON.key("countries ratified")


def test_forced_to_evacuate_is_an_evacuation() -> None:
    claims = extract("The blaze forced about 9,000 residents to evacuate.", PUBLISHED)
    assert by_text(claims, "about 9,000").measure == "evacuated"


def test_a_share_right_after_a_change_verb_is_the_change() -> None:
    found = measures(
        "The stock index fell 6 percent, and Borduria's 4 percent. Exports rose 12% to $3 billion."
    )
    assert found["6 percent"] == found["4 percent"] == "stock index change"
    assert found["12%"] == "exports change"


def test_adjectives_before_the_head_do_not_make_another_quantity() -> None:
    found = measures(
        "Women hold 31 legislative seats. They also won 12 congressional seats. "
        "The party has 40 elected delegates."
    )
    assert found == {"31": "seats", "12": "seats", "40": "delegates"}
    # a phrase of the vocabulary keeps its words
    assert measures("Biden won 306 electoral votes.")["306"] == "electoral votes"


def test_singular_and_plural_share_a_key() -> None:
    assert LEXICON.key("countries") == LEXICON.key("country")
    assert LEXICON.key("businesses closed") == LEXICON.key("business closed")


def test_the_people_a_toll_named_just_before_counts() -> None:
    assert measures("The blaze caused the death of all 14 residents.")["14"] == "deaths"


def test_a_name_after_and_starts_a_clause_of_its_own() -> None:
    found = measures("The Greens won 13 seats and Liberal Democrats lost 10.")
    assert found["13"] == "seats"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("death rate", "mortality rates"),
        ("jobless rate", "unemployment"),
        ("voter turnout", "turnout"),
        ("immunization rate", "vaccination coverage"),
    ],
)
def test_rates_are_measures_of_their_own(a: str, b: str) -> None:
    assert LEXICON.key(LEXICON.measure(a)) == LEXICON.key(LEXICON.measure(b))
    assert LEXICON.measure("death rate") != LEXICON.measure("deaths")


def test_a_score_is_one_measure_on_both_sides() -> None:
    found = measures("The visitors won with a 31 points to 17 victory.")
    assert found == {"31": "points", "17": "points"}


def test_a_noun_after_its_determiner_is_no_link() -> None:
    assert measures("The estimated cost is 4 billion euros.")["4 billion euros"] == "cost"


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a length is a distance, whatever thing the words around it name
        ("The storm was 75 miles from the islands on Friday.", "75 miles", "distance"),
        ("The quake struck at a depth of 10 km, officials said.", "10 km", "depth"),
        ("The statue stands about fourteen feet tall.", "about fourteen feet", "height"),
        # a duration is a duration, a prison term or an age by the word nearest it
        ("The voyage took three days.", "three days", "duration"),
        ("He was sentenced to 73 months in federal prison.", "73 months", "prison term"),
        ("The rocks are about 9.3 million years old.", "about 9.3 million years", "age"),
        # a speed is the wind's when the wind is named beside it
        ("It had sustained winds of 119 mph on Tuesday.", "119 mph", "wind speed"),
        ("The storm was moving at 20 mph.", "20 mph", "speed"),
        # an area burned, and a share contained
        ("The wildfire has scorched 100,000 hectares.", "100,000 hectares", "area burned"),
        ("The blaze was 30 percent contained by Sunday.", "30 percent", "containment"),
        ("Turnout was 67 percent, officials said.", "67 percent", "turnout"),
    ],
)  # fmt: skip
def test_a_figure_with_a_unit_measures_its_dimension(text: str, figure: str, measure: str) -> None:
    assert measures(text)[figure] == measure


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("index", "stock market index"),
        ("stocks change", "industrial average change"),
        ("oil prices", "Brent crude"),
        ("counts", "charges"),
        ("pledged delegates", "delegates"),
        ("visitors attended", "attendance"),
        ("Hongkongers marched", "protesters"),
        ("vaccination rate reached", "coverage"),
    ],
)
def test_one_quantity_in_other_words_is_one_measure(a: str, b: str) -> None:
    assert LEXICON.key(LEXICON.measure(a)) == LEXICON.key(LEXICON.measure(b))


def test_a_head_alone_is_the_fuller_measure_named_before_it() -> None:
    found = measures(
        "The measles vaccination rate fell to 31 percent. A year earlier the rate was 55 percent."
    )
    assert found["31 percent"] == found["55 percent"]


def test_a_count_gained_or_lost_is_a_change_in_it() -> None:
    found = measures(
        "The Conservatives gained 66 seats, while Labour lost 42. They now hold 365 seats."
    )
    assert found == {"66": "seats change", "42": "seats change", "365": "seats"}
    assert measures("The army lost 12 drones in the attack.")["12"] != "drones change"


def test_a_share_of_a_thing_is_its_share_and_a_name_holds_no_thing() -> None:
    found = measures("Biden won 52.3 percent of the vote, while Trump took 46.9%.")
    assert found == {"52.3 percent": "vote share", "46.9%": "vote share"}
    assert measures("Sanders received 5,000 votes.")["5,000"] == "votes"


def test_people_a_vehicle_carried_are_no_toll() -> None:
    found = measures("The bus, carrying 40 passengers, overturned, killing 12.")
    assert found == {"40": "passengers", "12": "deaths"}
    assert LEXICON.key(LEXICON.measure("crew members aboard")) == LEXICON.key("crew")


def test_the_economy_growing_is_a_change_in_gdp_and_a_level_takes_the_thing() -> None:
    assert measures("Gross domestic product expanded 2.1 percent.")["2.1 percent"] == "gdp change"
    assert measures("The economy grew by 1.9 percent.")["1.9 percent"] == "gdp change"
    found = measures("Oil prices rose 2 percent to $51.30 a barrel.")
    assert found == {"2 percent": "oil price change", "$51.30": "oil price"}


def test_a_distance_a_power_cut_and_a_quake_measured_are_their_own_measures() -> None:
    found = measures("The quake struck at a depth of 10 kilometres, 50 km south of the city.")
    assert (found["10 kilometres"], found["50 km"]) == ("depth", "distance")
    assert measures("The USGS measured the quake at 6.4.")["6.4"] == "magnitude"
    found = measures("More than 200,000 homes were left without power.")
    assert found["More than 200,000"] == "without power"


def test_a_games_score_is_points_on_both_sides() -> None:
    found = measures("In other results, Maroochydore defeated Caboolture 43–5.")
    assert found == {"43": "points", "5": "points"}
    assert measures("The party won 30-40 seats.") == {"30-40": "seats"}


# -- mechanisms that carry to text from any field ----------------------------------


@pytest.mark.parametrize(
    ("text", "figure", "measure"),
    [
        # a number inside the counted phrase is no part of what is counted
        ("By reports he secured five of the territory's six delegates.", "five", "delegates"),
        # the subject of a verb of getting got the figure; it is not what was counted
        ("The senator won 52 percent of the vote, while his rival took 45 percent.",
         "45 percent", "vote share"),
        # a reading of the thing named before "measuring"
        ("A second earthquake measuring 5.6 shook the area.", "5.6", "magnitude"),
        ("The quake, which measured 6.1, was followed by 40 aftershocks.", "6.1", "magnitude"),
        # those a vehicle held, however the people are named
        ("There were 190 people on board, six of them crew.", "190", "people on board"),
        ("At least 45 were aboard when the bus overturned.", "At least 45", "people on board"),
        ("Of the 200 people aboard, 180 survived.", "200", "people on board"),
        ("The plane, carrying 132 people, crashed after takeoff.", "132", "people on board"),
        # a share a candidate won is of the vote, as "N percent of the vote" is
        ("Jones got 48 percent and Brown 3 percent.", "48 percent", "vote share"),
        ("Jones got 48 percent and Brown 3 percent.", "3 percent", "vote share"),
    ],
)  # fmt: skip
def test_the_counted_thing_is_read_past_numbers_holders_and_readings(
    text: str, figure: str, measure: str
) -> None:
    assert LEXICON.key(measures(text)[figure]) == LEXICON.key(measure)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("homes destroyed", "homes damaged"),
        ("countries signed", "countries ratified"),
        ("missiles fired", "missiles intercepted"),
        ("wind speed", "wind gusts"),
    ],
)
def test_keys_keep_other_quantities_apart(a: str, b: str) -> None:
    assert LEXICON.key(a) != LEXICON.key(b)
