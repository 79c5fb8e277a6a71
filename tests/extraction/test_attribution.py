"""Attribution mechanisms that generalise beyond the texts they were written from: each
case is a sentence written for the purpose, not taken from either corpus."""

from __future__ import annotations

import datetime as dt

import pytest

from claimtrack import extract

DAY = dt.date(2020, 1, 1)


def sources(text: str) -> dict[str, str]:
    return {c.figure.text: c.source.name for c in extract(text, DAY, "Outlet")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trailing speaker after the verb, then more of the sentence
        (
            "The toll rose to 22 on Monday, reported officials, with 25 others injured.",
            {"22": "officials", "25": "officials"},
        ),
        # a verb joined by "and" goes on with the subject the sentence opened with
        (
            "The health minister visited the hospital and said 40 people had died.",
            {"40": "health minister"},
        ),
        (
            "At the time, the prime minister called for calm, and stated 92% had voted.",
            {"92%": "prime minister"},
        ),
        # a passive agent after a participle of giving or estimating
        ("Some estimates, provided by officials, exceeded 100.", {"100": "officials"}),
        ("The crowd, estimated by police at 5,000, marched.", {"5,000": "police"}),
        (
            "Estimates by the Red Cross and local officials ranging from 45% to 60% were given.",
            {"from 45% to 60%": "Red Cross and local officials"},
        ),
        # whose count it is
        ("By the ministry's own count, 45 people died.", {"45": "ministry"}),
        ("By the organisers' count, 300 marched.", {"300": "organisers"}),
        # an organisation's name with "and", longer than most
        (
            "According to the University of Oslo's Institute for Health Metrics and "
            "Evaluation, the virus may cause 32,000 more deaths.",
            {"32,000": "University of Oslo's Institute for Health Metrics and Evaluation"},
        ),
        # where a named office is is no part of its name
        (
            "The Health Minister for the Maule Region in Chile reported 21 cases.",
            {"21": "Health Minister for the Maule Region"},
        ),
        # a speaker after the verb, named by a lowercase office and a name
        (
            '"We have found 23 bodies," said rescue chief Ali Demir.',
            {"23": "rescue chief Ali Demir"},
        ),
        # "which" or "who" stands for the body before the comma
        (
            "The figure was confirmed by the health ministry, which said 45 people had died.",
            {"45": "health ministry"},
        ),
        ("The rise was driven by exports, which said 45 people had died.", {"45": "Outlet"}),
        # the data's source, not the data
        (
            "Data from Johns Hopkins University showed 2.5 million cases worldwide.",
            {"2.5 million": "Johns Hopkins University"},
        ),
        # a lowercase name with "and" after "of", and "so far" before the verb
        (
            "The ministry of internal affairs and communications said 300 were evacuated.",
            {"300": "ministry of internal affairs and communications"},
        ),
        (
            "Authorities have so far confirmed 1,234 infections, the ministry said.",
            {"1,234": "Authorities"},
        ),
        # "it" with no source named before is the body the sentence opened with
        (
            "The central bank raised rates by 50 basis points, it said in a statement.",
            {"50 basis points": "central bank"},
        ),
        ("The storm hit 30 towns, it said.", {"30": "Outlet"}),
        # a name longer than ten words, before its verb
        (
            "Nearly 400 people have died, the United Nations Office for the Coordination "
            "of Humanitarian Affairs said.",
            {"Nearly 400": "United Nations Office for the Coordination of Humanitarian Affairs"},
        ),
        ("Investigators believe the plane was carrying 132 people.", {"132": "Investigators"}),
        (
            "The coast guard rescued 45 people, said spokeswoman Anna Berg.",
            {"45": "spokeswoman Anna Berg"},
        ),
        # who is close to or familiar with something speaks, not the thing
        (
            "Sources close to the investigation said 12 suspects were held.",
            {"12": "Sources"},
        ),
        (
            "Two people familiar with the talks said 30 hostages would be freed.",
            {"30": "people"},
        ),
        # a title's full stop ends no name
        (
            "Hospital director Dr. Ahmed Salem said 40 wounded were being treated.",
            {"40": "Hospital director Dr. Ahmed Salem"},
        ),
        (
            "Twelve rockets were fired, said Lt. Col. Peter Lerner.",
            {"Twelve": "Lt. Col. Peter Lerner"},
        ),
        # a body that measured or estimated something
        ("The USGS measured the quake at magnitude 6.4.", {"6.4": "USGS"}),
        (
            "The police estimate is 20,000; the organisers estimate 100,000.",
            {"100,000": "organisers"},
        ),
        (
            "A UN report published on Tuesday said 2 million people face hunger.",
            {"2 million": "UN"},
        ),
        # "according to X" after a semicolon speaks for what follows it only
        (
            "Four people were on board; according to investigators, one died at the scene.",
            {"Four": "Outlet", "one": "investigators"},
        ),
    ],
)
def test_attribution_mechanisms(text: str, expected: dict[str, str]) -> None:
    assert {k: v for k, v in sources(text).items() if k in expected} == expected


def test_bare_plural_is_not_the_authority_named_before() -> None:
    text = (
        "On Sunday, military authorities reported 36 infections at the base. "
        "On Thursday officials reported the number of cases rose to 58."
    )
    got = sources(text)
    assert got["36"] == "military authorities"
    assert got["58"] == "officials"


def test_the_definite_description_still_points_back() -> None:
    text = "Russia's defence ministry said 45 drones fell. The ministry said 23 fell over Bryansk."
    assert set(sources(text).values()) == {"Russian defence ministry"}


def test_a_subject_that_cannot_speak_gets_no_coordinated_report() -> None:
    assert sources("Floods hit the town and said 40 died.") == {"40": "Outlet"}
