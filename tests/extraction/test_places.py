"""claimtrack.extraction: Where a figure holds."""

from __future__ import annotations

import pytest

from claimtrack import extract

from .helpers import PUBLISHED

# -- places ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Police said 12 drones fell over Bryansk.", "Bryansk"),
        ("Officials said 40 attacks were repelled near Pokrovsk.", "Pokrovsk"),
        ("In the Kursk region, 14 villages lost power, officials said.", "Kursk"),
        ("The ministry said 45 drones were destroyed over Russian territory.", "Russia"),
        ("Drones approached Moscow. Officials said 5 fell on the capital.", "Moscow"),
        ("Troops reached Orsk. They said 238 soldiers were wounded there.", "Orsk"),
        ("Police said 23 people were held in central Tirelli.", "Tirelli"),
        ("Officials said 9 drones fell in Russia's Belgorod region.", "Belgorod"),
        ("Officials said 9 shells fell in Khartoum's Omdurman.", "Omdurman"),  # a capital's
        # an owner that is no known place is part of the name (was "Bazar")
        ("Some 250,000 refugees live in Cox's Bazar, the WFP said.", "Cox's Bazar"),
        # where they came from is the place only when no other is named (was Eritrea)
        (
            "Ninety-three migrants, most of them from Eritrea, drowned off the coast of Djibouti.",
            "Djibouti",
        ),
        ("Officials said 45 drones were launched from Ukraine.", "Ukraine"),
        ("Refugees from Sudan, 20,000 of them, crossed into Chad, the UNHCR said.", "Chad"),
        # "Republic" ends a name, and a capitalised adjective starts one (were "Dominican"
        # and "African Republic"); "eastern Ukraine" is still Ukraine
        (
            "Some 5,000 were deported from the Dominican Republic, officials said.",
            "Dominican Republic",
        ),
        ("Fighting in the Central African Republic killed 30 people.", "Central African Republic"),
        ("Riots in Northern Ireland injured 12 officers, police said.", "Northern Ireland"),
        # with no place named, the country a sentence opens with (each had none)
        ("Belarus pardoned 30 political prisoners on Monday.", "Belarus"),
        ("U.S. employers added 114,000 jobs in July.", "United States"),
        ("Police said 3 people died.", None),
        # "of Russian territory", "a residential area of Kharkiv", "parts of Vermont",
        # "crossed the English Channel" (each had no place)
        ("Troops control about 1,250 square kilometres of Russian territory.", "Russia"),
        ("Dozens were wounded after missiles hit a residential area of Kharkiv.", "Kharkiv"),
        ("Up to 8 inches of rain could fall on parts of Vermont.", "Vermont"),
        ("Nearly 22,000 migrants have crossed the English Channel this year.", "English Channel"),
        # a river, a sea or a lake keeps its type word (was "Niger", another country)
        ("Floods along the Niger River displaced 30,000 people.", "Niger River"),
        # a capitalised "The" within a sentence starts a title (was "Lancet"), unless the
        # name is a country's ("The Gambia")
        ("A study published in The Lancet found 40% of cases were missed.", None),
        ("In The Gambia, 12 people died.", "Gambia"),
        # a company after "shares in" is no place (was "Nvidia")
        ("Shares in Nvidia fell 6.4% on Tuesday.", None),
        # a month after an owner is a date (was the place "Federal Reserve's July")
        ("The euro rose 0.4% after minutes from the Federal Reserve's July meeting.", None),
        ("Officials said 9 drones fell in eastern Ukraine.", "Ukraine"),
        ("Officials said 58 died, according to the Velmoran health agency.", None),
        ("Officials said 3 people died near the Syrian border.", "Syria"),  # was "Syrian"
        ("The shelling of Donetsk killed 12 people, officials said.", "Donetsk"),  # was None
        ("Sudan's war has displaced more than 10 million people, the IOM said.", "Sudan"),
        ("Roughly 80% of Gaza's population has been displaced, according to UNRWA.", "Gaza"),
        # an owner in the speaker's words says whose the speaker is, so it is where only
        # when the sentence names no place (a national body's figures are its country's)
        ("Ukraine's military said Russia lost 1,230 troops in Kursk.", "Kursk"),
        ("Sudan's health ministry said cholera had killed 78 people.", "Sudan"),
        ("The Lebanese health ministry said 564 people had been killed.", "Lebanon"),
    ],
)
def test_the_place_is_where_the_text_says_the_figure_holds(text: str, place: str | None) -> None:
    assert extract(text, PUBLISHED)[-1].place == place


@pytest.mark.parametrize(
    ("text", "figure", "measure", "place"),
    [
        # "September, 4" was taken for an age in apposition ("Jane Doe, 45,"): no claim
        ("By September, 4,000 people had fled, the UN said.", "4,000", "fled", None),
        # the place between the thing and what happened to it
        ("Some 300 residents of Vovchansk were evacuated, police said.", "Some 300",
         "evacuated", "Vovchansk"),
        ("Residents of Kharkiv said 30 shells hit the city overnight.", "30", "shells hit",
         "Kharkiv"),
    ],
)  # fmt: skip
def test_residents_of_a_place_and_a_date_before_a_comma(
    text: str, figure: str, measure: str, place: str | None
) -> None:
    (claim,) = extract(text, PUBLISHED)
    assert (claim.figure.text, claim.measure, claim.place) == (figure, measure, place)


def test_a_part_marker_belongs_to_the_figure_right_after_it() -> None:
    text = (
        "They downed 11 drones, several of them over Podolsk, a town about 24 miles south of "
        "the capital."
    )
    assert [c.measure for c in extract(text, PUBLISHED)][-1] == "distance"  # not "destroyed"


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # the place of a part is not the whole's: "45 Moscow" would contradict "11 Moscow"
        # (the whole is Russia's, the country the sentence opens with)
        (
            "Russia said it shot down 45 drones overnight, including 11 over Moscow.",
            ["Russia", "Moscow"],
        ),
        (
            "Officials said 45 drones were destroyed, 11 of them over the Moscow region.",
            [None, "Moscow"],
        ),
        # but figures side by side share the place after them
        ("Five people were killed and 12 wounded in Kharkiv, officials said.", ["Kharkiv"] * 2),
    ],
)
def test_a_part_s_place_is_not_the_whole_s(text: str, places: list[str | None]) -> None:
    assert [c.place for c in extract(text, PUBLISHED)] == places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fighting killed 40 people. It forced more than 4,000 from their homes.",
            ["deaths", "displaced"],
        ),
        (
            "Officials said 4,000 residents had been forced from their homes.",
            ["displaced"],
        ),
        (
            "The bank raised its key rate by 50 basis points to 5.25% on Thursday.",
            ["key rate change", "key rate"],
        ),
        ("Revenue dropped 9% to $610 million.", ["revenue change", "revenue"]),
        (
            "Inflation in Velmora slowed to 3.1% in June from 3.6% in May.",
            ["inflation", "inflation"],
        ),
        ("Burglaries fell to 1,046, a fall of 14%.", ["burglaries", "burglaries change"]),
        ("Air defences shot down 23 drones.", ["drones destroyed"]),  # "down" is no change
    ],
)
def test_measures_of_displacement_changes_and_levels(text: str, expected: list[str]) -> None:
    assert [c.measure for c in extract(text, published=PUBLISHED)] == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a place the gazetteer knows needs no cue (was None)
        ("Tokyo was down nearly seven percent, traders said.", "Tokyo"),
        ("Japan had more than 1,200 cases, the ministry said.", "Japan"),
        ("A Kabul car bombing killed five, police said.", "Kabul"),
        ("Aid agencies said 20,000 people were displaced in war-torn Sudan.", "Sudan"),
        # the place a place is in only says where it is (was the state or the country)
        ("A gunman killed 22 people in El Paso, Texas, officials said.", "El Paso"),
        ("Fires burned 890,000 hectares in the U.S. state of California.", "California"),
        ("A quake struck Van province in eastern Turkey, killing at least 35 people.", "Van"),
        ("Storms killed 12 people in the Philippine province of Albay.", "Albay"),
        # a source, a company or a currency is no place (was RealtyTrac, Walmart, US)
        ("Data from RealtyTrac says 750,000 homes received notices.", None),
        ("Prosecutors said he asked for US$15 million.", None),
    ],
)
def test_places_in_text_written_by_others(text: str, place: str | None) -> None:
    (claim,) = extract(text, PUBLISHED)
    assert claim.place == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a name joined by "del", "da", "do"
        ("The tremor injured 14 people in Davao del Sur.", "Davao del Sur"),
        # who holds a place is no part of its name
        ("Shelling in Pakistani-controlled Kashmir killed 6.", "Kashmir"),
        ("Fighting in Kurdish-held Hasakah displaced 900 families.", "Hasakah"),
        # a compass word before a country the gazetteer knows only whole
        ("Storms in Northern Portugal cut power to 8,000 homes.", "Portugal"),
        ("Floods in South Sudan displaced 3,000.", "South Sudan"),
        # a storm's category is no place
        ("The hurricane weakened to Category 2.", None),
    ],
)  # fmt: skip
def test_places_behind_modifiers_and_joined_names(text: str, place: str | None) -> None:
    assert extract(text, PUBLISHED)[0].place == place


def test_a_toll_with_no_place_is_where_the_sentence_before_put_the_event() -> None:
    claims = extract(
        "A minibus overturned in Karvina, Czech Republic, on Sunday. At least nine, "
        "including two drivers, died.",
        PUBLISHED,
    )
    assert [(c.figure.text, c.place) for c in claims] == [
        ("At least nine", "Karvina"),
        ("two", "Karvina"),
    ]


def test_a_figure_that_is_no_toll_does_not_take_the_place_before() -> None:
    claims = extract("The fair opened in Karvina on Sunday. Tickets cost 12 euros.", PUBLISHED)
    assert claims[0].place is None


# -- a place described by an adjective; names after "to" ---------------------------


@pytest.mark.parametrize(
    ("text", "figure", "place"),
    [
        # a toll in the next sentence takes the place an adjective described
        ("The rains are pummeling the northern Philippines. Seven people have died.",
         "Seven", "Philippines"),
        ("Fighting goes on in war-torn Syria. At least 20 people were killed on Monday.",
         "At least 20", "Syria"),
        # a person's name after "to" is no place
        ("The world record stands at 46.78 seconds and belongs to Kevin Young.",
         "46.78", None),
        # a sentence that opens with an office is not about the office's country
        ("United States Senator Bernie Sanders came second, with about 20% of the vote.",
         "about 20%", None),
        ("Belarus pardoned 30 prisoners on Friday.", "30", "Belarus"),
        # a country's adjective before a noun names the place when nothing else does
        ("Analysts said Chilean exports fell 12 percent in May.", "12 percent", "Chile"),
        # a town, a county the gazetteer does not know, and the country: the town
        ("In Reading, Berkshire, UK, a stabbing killed three people.", "three", "Reading"),
        # who holds a part of a place is no place; the part is of the place
        ("The deaths are in the Pakistani-controlled portion of Kashmir, where 12 died.",
         "12", "Kashmir"),
        # an aside in brackets with no figure in it places nothing
        ("The SDF said hundreds of ISIS (Islamic State of Iraq and Syria) fighters escaped.",
         "hundreds of", None),
        # but one unknown word after "to" still is ("exports to Doravia")
        ("Exports to Doravia fell by 12% in 2023, customs data showed.", "12%", "Doravia"),
    ],
)  # fmt: skip
def test_places_described_or_named_after_to(text: str, figure: str, place: str | None) -> None:
    found = {c.figure.text: c.place for c in extract(text, PUBLISHED)}
    assert found[figure] == place
