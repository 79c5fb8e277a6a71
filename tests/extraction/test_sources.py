"""claimtrack.extraction: Who said it: attributions, denials, relays."""

from __future__ import annotations

import pytest

import claimtrack as ct
from claimtrack import Claim, extract

from .helpers import PUBLISHED, by_text, one


def test_relayed_claims_name_the_outlet_as_via(seed: list[Claim]) -> None:
    assert by_text(seed, "11").via == ("Seed Wire",)
    assert by_text(seed, "at least 13").via == ()


def test_a_number_in_the_speaker_is_no_figure() -> None:
    claim = one("Two officials said 40 people were detained.")
    assert claim.figure.value == 40 and claim.source.name == "officials"


# -- sources -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The health ministry said 40 people died.", "health ministry"),
        ("Police reported 12 arrests.", "Police"),
        ("The rebels claimed 30 tanks were destroyed.", "rebels"),
        ("A spokesman told reporters 200 homes were flooded.", "spokesman"),
        ("The agency estimated that 2 million people had fled.", "agency"),
        ("The governor warned that up to 5,000 homes could flood.", "governor"),
        ("More than 1,000 people died, according to Monitor A.", "Monitor A"),
        ("According to figures from the finance ministry, exports fell 4%.", "finance ministry"),
        ("Some 300 people were rescued, the coastguard said on Sunday.", "coastguard"),
        ("About 90% were intercepted, said the air force.", "air force"),
        ('"We shot down 31 drones," the spokesman said.', "spokesman"),
        ("Russia's defence ministry said 45 drones were destroyed.", "Russian defence ministry"),
        ("Health officials recorded 2,350 new cases.", "Health officials"),
        (
            "The Institute for the Study of War (ISW) said 1,200 troops moved.",
            "Institute for the Study of War",
        ),
        ("The company, which is based in Orsk, said sales fell by 6%.", "company"),
        ("Ukraine's air force said 76 drones were shot down.", "Ukrainian air force"),
    ],
)
def test_the_source_is_who_is_said_to_have_said_it(text: str, source: str) -> None:
    assert one(text).source.name == source


def test_the_ministry_named_earlier_is_the_source_of_a_later_claim() -> None:
    claims = extract(
        "Russia's defence ministry said 45 drones were destroyed on Wednesday. "
        "Officials in the region reported no damage. The ministry also claimed "
        "that 12 more were downed over Kursk. It said 3 fell near Oryol.",
        PUBLISHED,
    )
    assert [c.source.name for c in claims] == ["Russian defence ministry"] * 3


def test_a_quotation_running_on_keeps_its_speaker() -> None:
    text = '"We shot down 30 drones," the spokesman said. "Another 12 were jammed." Then 5 fell.'
    assert [c.source.name for c in extract(text, outlet="Wire")] == [
        "spokesman",
        "spokesman",
        "Wire",
    ]


def test_a_denied_figure_is_kept_with_the_denial() -> None:
    claims = extract("Rebels said they had shot down three helicopters, a claim the army denied.")
    assert [(c.source.name, c.stance) for c in claims] == [
        ("Rebels", "asserts"),
        ("army", "denies"),
    ]
    assert claims[0].figure == claims[1].figure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle after a comma goes on with the subject before it, in its own stance
        ("Moscow denied the figures, saying only 30 soldiers had died.", [("Moscow", "asserts")]),
        ("Moscow rejected the claim, saying 30 soldiers died.", [("Moscow", "asserts")]),
        (
            "Kyiv denied losing 40 tanks, saying it lost only 4.",
            [("Kyiv", "denies"), ("Kyiv", "asserts")],
        ),
        (
            "The governor said 12 people were hurt, adding that 3 were in hospital.",
            [("governor", "asserts"), ("governor", "asserts")],
        ),
        # "denied reports that": the reports are the object, the ministry denies
        ("The ministry denied reports that 45 drones were shot down.", [("ministry", "denies")]),
        ("Moscow denied that 300 soldiers had died.", [("Moscow", "denies")]),
        # a report a cue calls untrue is denied, whatever the verb before it
        (
            "Police said there was no truth to reports that 23 protesters had been shot dead.",
            [("Police", "denies")],
        ),
        (
            "There was no basis for claims that 300 soldiers had died, the army said.",
            [("army", "denies")],
        ),
        (
            "Police confirmed reports that 23 protesters had been shot dead.",
            [("Police", "asserts")],
        ),
        # a cue right before "that" denies too; with nobody named, the outlet denies
        (
            "The army said it was not true that 300 soldiers had died.",
            [("army", "denies")],
        ),
        ("It is false that 30 drones were downed.", [("unattributed", "denies")]),
        # "a false flag operation that killed 30": no cue before "that", no denial
        ("The army said it was a false flag operation that killed 30.", [("army", "asserts")]),
        # "false reports that": an adjective and a noun, not a speaker "false" reporting
        (
            "The ministry dismissed as false reports that 300 soldiers had died.",
            [("ministry", "denies")],
        ),
        (
            "The ministry rejected as baseless claims that 300 soldiers had died.",
            [("ministry", "denies")],
        ),
    ],
)
def test_who_denies_and_who_asserts(text: str, expected: list[tuple[str, str]]) -> None:
    # each was read with the denial's stance, or "ministry denied" as the source
    assert [(c.source.name, c.stance) for c in extract(text, PUBLISHED)] == expected


def test_citing_evidence_leaves_the_speaker_the_source() -> None:
    text = "Two officials, citing intelligence reports, said 40 drones were launched."
    # it was "intelligence reports" via the officials, and "Two" a figure of "intelligence"
    assert [(c.figure.text, c.source.name, c.via) for c in extract(text, PUBLISHED)] == [
        ("40", "officials", ())
    ]


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        ("Reuters, citing the health ministry, said 12 people were killed.", "health ministry",
         ("Reuters",)),
        ("According to Reuters, citing two security sources, 40 fighters were killed.",
         "security sources", ("Reuters",)),
        ("Interfax news agency, citing the defence ministry, said 30 drones were destroyed.",
         "defence ministry", ("Interfax news agency",)),
        # sources are speakers, not evidence (the Independent took the credit)
        ("The Kyiv Independent, citing two military sources, said 40 soldiers were killed.",
         "military sources", ("Kyiv Independent",)),
        # a fronted "citing", and an outlet told
        ("Citing hospital officials, Al Jazeera reported that 12 people were killed.",
         "hospital officials", ("Al Jazeera",)),
        ("A local official told Reuters that 30 people were killed.", "local official",
         ("Reuters",)),
        ("An official told the newspaper Ukrainska Pravda that 8 drones hit the city.",
         "official", ("Ukrainska Pravda",)),
        ("The governor told reporters that 30 people were killed.", "governor", ()),
        # a reason cited is no source: who acted cites it ("persistent inflation" was one)
        ("Russia's central bank raised its key rate to 18% on Friday, citing persistent "
         "inflation.", "Russian central bank", ()),
        ("Reuters, citing weak demand, said 300 jobs would go.", "Reuters", ()),
        ("The agency, citing an unnamed diplomat, said 40 drones were launched.",
         "unnamed diplomat", ("agency",)),
    ],
)  # fmt: skip
def test_citing_names_the_origin_and_the_relay(text: str, source: str, via: tuple[str]) -> None:
    # the source was "citing the health ministry", and the relay was lost
    (claim,) = extract(text, PUBLISHED)
    assert (claim.source.name, claim.via) == (source, via)
    (carried,) = extract(text, PUBLISHED, outlet="Seed Wire")
    assert carried.via == (*via, "Seed Wire")  # the chain, nearest the origin first


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a dateline set off by a spaced hyphen (the outlet took the credit)
        ("NORTHVALE - The Zembla Water Ministry said 1,200 houses had been flooded.",
         "Zembla Water Ministry"),
        # an aside between commas or dashes is not the speaker
        ("The Free Marsh Council, an opposition group, said 40 people were detained.",
         "Free Marsh Council"),
        ("Oleh Kiper, the regional governor, said 12 people were hurt.", "Oleh Kiper"),
        ("The company, which employs 14,000 people, said 300 jobs would go.", "company"),
        ("Officials - who declined to be named - said 40 were detained.", "Officials"),
        ("A senior U.S. official, speaking on condition of anonymity, said 300 troops were "
         "deployed.", "senior U.S. official"),
        # a clause of its own after "while"; "put ... at" with a figure
        ("Police said 100 protesters gathered, while organisers put the crowd at 5,000.",
         "organisers"),
        # but a name in apposition is
        ("A spokesman for the agency, Jane Doe, said 40 people were detained.", "Jane Doe"),
    ],
)  # fmt: skip
def test_the_speaker_is_found_around_asides(text: str, source: str) -> None:
    assert extract(text, PUBLISHED, outlet="Tin Wire")[-1].source.name == source


def test_put_attributes_only_a_figure_after_at() -> None:
    assert one("The storm put 300 homes at risk.").source.name == "unattributed"
    assert one("Officials put the death toll at nearly 1,000.").source.name == "Officials"


def test_dotted_abbreviations_name_a_source() -> None:
    claim = one("The U.N. humanitarian office said 12 trucks entered Gaza.")
    assert claim.source.name == "U.N. humanitarian office"  # was "unattributed"


def test_without_attribution_the_outlet_or_a_placeholder_is_the_source() -> None:
    text = "Floodwater covered 40 streets."
    assert one(text, outlet="Valley Times").source.name == "Valley Times"
    assert one(text, outlet="Valley Times").via == ()
    assert one(text).source.name == "unattributed"


def test_a_verb_that_reports_nothing_attributes_nothing() -> None:
    assert one("The economy added 200,000 jobs.").source.name == "unattributed"
    assert one("Drones were also reported near 3 airfields.").source.name == "unattributed"


def test_a_figure_the_commission_denied_is_a_denial_by_the_commission() -> None:
    text = (
        "Opposition monitors said as many as 200,000 ballots had been spoiled, a figure the "
        "commission denied. The commission put the number of invalid ballots at 41,300."
    )
    claims = [(c.figure.text, c.source.name, c.stance) for c in extract(text)]
    assert claims == [
        ("as many as 200,000", "Opposition monitors", "asserts"),
        ("as many as 200,000", "commission", "denies"),
        ("41,300", "commission", "asserts"),
    ]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Unemployment fell to 4.6%, according to figures released by the labour office.",
            "labour office",
        ),
        (
            "The party may win 212 seats, according to an exit poll released by the state "
            "broadcaster after voting closed.",
            "state broadcaster",
        ),
        ("Potholes reported by residents rose to 5,120.", "unattributed"),  # a participle
    ],
)
def test_sources_behind_documents_and_participles(text: str, source: str) -> None:
    assert one(text).source.name == source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month cut short is a date, not a place (was place "Sept" and "Aug"); a toll of
        # a dated event counts from that day on ("2023-09-21/")
        (
            "Some 40 people were killed on Sept. 21 in Kherson, officials said.",
            [("Some 40", "Kherson", "2023-09-21/")],
        ),
        ("The officers fled on Aug. 5 after 44 were killed.", [("44", None, "2024-08-05/")]),
        # a date the future verb follows is the coming one (was last year's)
        (
            "The election on Sept. 21 will feature 38 candidates, officials said.",
            [("38", None, "2024-09-21")],
        ),
        # "last year" after a month or a date names the year (was this year's April)
        (
            "Nearly 10 million have fled since the war erupted in April last year.",
            [("Nearly 10 million", None, "2023-04/")],
        ),
        ("Some 12 people died on March 3 last year.", [("Some 12", None, "2023-03-03/")]),
        ("Exports fell 3% in March this year.", [("3%", None, "2024-03")]),
    ],
)
def test_month_abbreviations_future_dates_and_last_year(
    text: str, expected: list[tuple[str, str | None, str]]
) -> None:
    found = extract(text, published="2024-08-22")
    assert [(c.figure.text, c.place, str(c.period)) for c in found] == expected


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        # "..., X said, citing Y": Y's claim relayed by X, as "X, citing Y, said" is
        (
            "At least 60 migrants drowned off Libya, the UN refugee agency said, citing survivors.",
            "survivors",
            ("UN refugee agency",),
        ),
        (
            "The army lost 300 tanks, Reuters reported, citing two Western officials.",
            "Western officials",
            ("Reuters",),
        ),
        (
            "Reserves rose by $5 billion, Bloomberg reported, citing central bank data.",
            "central bank data",
            ("Bloomberg",),
        ),
        # a reason cited is no source, and "Officials said ..., citing" has no outlet
        ("The central bank raised its key rate to 18%, citing inflation.", "central bank", ()),
        ("Officials said 12 people died, citing hospital records.", "Officials", ()),
    ],
)
def test_a_source_cited_after_the_outlet_is_relayed_by_it(
    text: str, source: str, via: tuple[str, ...]
) -> None:
    (claim,) = extract(text, published="2024-08-22")
    assert (claim.source.name, claim.via) == (source, via)


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        # "..., said X": X must name who speaks; "an Israeli drone strike on a car" does
        # not (it was the source, and the relay lost)
        (
            "NNA, citing a security source, said an Israeli drone strike on a car near Tyre "
            "killed three people.",
            "security source",
            ("NNA",),
        ),
        ("Three people were killed, said the ministry on Tuesday.", "ministry", ()),
        ("Three people were killed, said the watchdog in a statement.", "watchdog", ()),
        ("Twelve were hurt, said a spokesman for the hospital.", "spokesman for the hospital", ()),
    ],
)
def test_an_inverted_source_names_a_speaker(text: str, source: str, via: tuple[str, ...]) -> None:
    (claim,) = extract(text, published="2024-08-22")
    assert (claim.source.name, claim.via) == (source, via)


def test_a_thing_that_recorded_yields_to_the_speaker_who_said_so() -> None:
    text = "Congo has recorded 537 mpox deaths this year, the health minister said."
    # the country was the source; "Dunmere police recorded" stays the police's
    assert [c.source.name for c in extract(text, published="2024-08-22")] == ["health minister"]
    police = "Dunmere police recorded 1,046 burglaries, the force said on Thursday."
    assert [c.source.name for c in extract(police, published="2024-08-22")] == ["Dunmere police"]


def test_a_capitalised_evidence_word_is_part_of_the_name() -> None:
    text = "Payrolls rose by 24,000, the Office for National Statistics said."
    # it was cut to "Office for National"; "health service figures" is still the service
    assert [c.source.name for c in extract(text)] == ["Office for National Statistics"]
    assert [c.source.name for c in extract("Health service figures show 300 were hurt.")] == [
        "Health service"
    ]


@pytest.mark.parametrize(
    ("text", "source", "via"),
    [
        # an outlet named after the speaker relays it (each had no via)
        (
            "At least 12 people were killed, the civil defence agency said, according to AFP.",
            "civil defence agency",
            ("AFP",),
        ),
        (
            "Some 40 people died, according to the state governor, cited by the Efe news agency.",
            "state governor",
            ("Efe",),
        ),
        (
            "A spokesman told the state news agency IRNA that 12 people had died.",
            "spokesman",
            ("IRNA",),
        ),
        # the outlet is the name at the end of its description (was "Kenyan", and none)
        (
            "According to the agency UNHCR, cited by the Kenyan newspaper Daily Nation, "
            "as many as 30,000 people fled.",
            "agency UNHCR",
            ("Daily Nation",),
        ),
        (
            "At least 20 people died, the ministry said, according to the state news agency SUNA.",
            "ministry",
            ("SUNA",),
        ),
        # a statement is no outlet
        ("Some 40 people died, the ministry said, according to a statement.", "ministry", ()),
    ],
)
def test_outlets_named_after_the_speaker_relay_it(
    text: str, source: str, via: tuple[str, ...]
) -> None:
    (claim,) = extract(text)
    assert (claim.source.name, claim.via) == (source, via)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a thing that "registered" yields to a named speaker; a span of two dates is one
        # period (they were the authorities' claim, dated January 1 and August 20)
        (
            "Italian authorities registered 38,000 sea arrivals between January 1 and "
            "August 20, the interior ministry said.",
            [("interior ministry", "asserts", "2024-01-01/2024-08-20")],
        ),
        # a denial cue anywhere in the words before "claims that" makes them the object
        (
            "A police spokesman dismissed as completely false social media claims that 50 "
            "protesters had died.",
            [("police spokesman", "denies", "None")],
        ),
        # "attributed" attributes (the deaths were unattributed)
        (
            "The health ministry attributed 1,180 deaths to the heatwave.",
            [("health ministry", "asserts", "None")],
        ),
    ],
)
def test_sources_and_spans_from_a_fifth_probe(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    claims = extract(text, published="2024-08-22")
    assert [(c.source.name, c.stance, str(c.period)) for c in claims] == expected


def test_relays_and_hedges_from_a_seventh_probe() -> None:
    # ", X said, cited by Reuters" had no via; "economists' forecasts" was a source
    (cited,) = extract("At least 12 were killed, the Civil Defence agency said, cited by Reuters.")
    assert (cited.source.name, cited.via) == ("Civil Defence agency", ("Reuters",))
    text = (
        "US employers added 114,000 jobs in July, well below economists' forecasts of "
        "175,000, the Labor Department said."
    )
    assert {c.source.name for c in extract(text)} == {"Labor Department"}
    # "as much as" is "up to", as "as many as" was (it was exact)
    (much,) = extract("Shares rose as much as 4.1% on Monday.")
    assert (much.figure.hedge, much.figure.low, much.figure.high) == ("up_to", 0, 4.1)


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # text written by others (issue 17): each was the outlet or the wrong speaker
        ("The ministry, however, said 40 people had died.", ["ministry"]),
        (
            "Five people were killed in the blast in Herat, local officials said.",
            ["local officials"],
        ),
        (
            "The interior ministry said 12 officers died. The foreign ministry said 300 left.",
            ["interior ministry", "foreign ministry"],
        ),
        (
            "Police said 14 were hurt. According to the World Health Organization, 2,000 "
            "cases were recorded.",
            ["Police", "World Health Organization"],
        ),
        (
            "Police put the crowd at 150,000, while organisers put the figure at half a million.",
            ["Police", "organisers"],
        ),
        (
            "The Ministry of Labour and Social Policy said 12,000 people lost their jobs.",
            ["Ministry of Labour and Social Policy"],
        ),
        ("The agency tracked 537 cases in the region.", ["agency"]),
        (
            "According to results released by the electoral commission, turnout was 61%.",
            ["electoral commission"],
        ),
        ("An opposition lawmaker said 300 protesters were detained.", ["opposition lawmaker"]),
        (
            "Abdurrahman Mangal, spokesperson for the provincial governor, said the attack "
            "killed twelve.",
            ["Abdurrahman Mangal"],
        ),
        ("Turkey's disaster agency AFAD said 112 people had died.", ["AFAD"]),
        ("Other reports say that the magnitude was 5.7.", ["Other reports"]),
    ],
)
def test_sources_in_text_written_by_others(text: str, sources: list[str]) -> None:
    claims = extract(text, PUBLISHED, outlet="Wire")
    assert [c.source.name for c in claims] == sources


def test_a_quotation_and_an_interview_answer_keep_their_speaker() -> None:
    text = (
        'Commerce Secretary Gutierrez says exports are rising. "Exports generated 45 percent '
        'of growth. Last year we had a record $1.4 trillion in exports."'
    )
    assert {c.source.name for c in extract(text, PUBLISHED, "Wire")} == {
        "Commerce Secretary Gutierrez"
    }
    answer = "((Anthony Boccaletti))  Let me check.  We are eleven people."
    assert one(answer, outlet="Wire").source.name == "Anthony Boccaletti"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a participle before the noun it describes reports nothing
        ("Some estimated casualty counts, passed privately to reporters, exceeded 400.",
         "Outlet"),
        ("The larger planet has an estimated mass of 3.1 Earth masses.", "Outlet"),
        # an indefinite noun after "has" is an object, not who estimated
        ("The virus has a basic rate estimated in the range of 2 to 4.", "Outlet"),
        # an adverb between the passive and the verb
        ("The comet was usually estimated at more than 40 kilometres wide.", "Outlet"),
        # a plural noun spelled like a verb
        ("The Baltic states of Latvia and Lithuania export 40% of the timber.", "Outlet"),
        # a time is nobody
        ("Another report from the Veldt government during the weekend said 12 died.",
         "Veldt government"),
        # "according to" an adjective and its noun
        ("The party lost 14 seats, according to preliminary reports.", "preliminary reports"),
        # a named body says what it did itself; a party that won seats reports nothing
        ("The Borduria Forest Service closed all nine parks in the north.",
         "Borduria Forest Service"),
        ("The Borduria Relief and Rehabilitation Council of Chile raised the toll to 31.",
         "Borduria Relief and Rehabilitation Council"),
        ("The Green Party gained 12 seats.", "Outlet"),
        # an acronym spelled like a stop word is a name
        ("The WHO said 14 cases were confirmed.", "WHO"),
    ],
)  # fmt: skip
def test_sources_from_words_that_only_look_like_reports(text: str, source: str) -> None:
    claims = extract(text, PUBLISHED, "Outlet")
    assert claims and claims[0].source.name == source


def test_he_points_back_to_the_person_a_sentence_opened_with() -> None:
    claims = extract(
        "Mayor Ilse Vantongeren addressed the council on Monday. He said 120 families had "
        "been housed.",
        PUBLISHED,
        "Outlet",
    )
    assert claims[0].source.name == "Mayor Ilse Vantongeren"


def test_data_collected_by_a_body_is_the_body_s() -> None:
    claims = extract(
        "According to data collected by the Borduria Weather Service, winds reached 140 km/h.",
        PUBLISHED,
        "Outlet",
    )
    assert claims[0].source.name == "Borduria Weather Service"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a speaker after the verb, with a lowercase word before its head
        ("The toll rose to 22, said local officials.", "local officials"),
        # an adverb between a body and what it did
        ("The Ministry has successfully vaccinated 58,150 individuals.", "Ministry"),
        ("The agency also tracked 537 cases.", "agency"),
    ],
)
def test_a_speaker_is_read_past_a_modifier_or_an_adverb(text: str, source: str) -> None:
    (claim,) = extract(text, PUBLISHED, "Outlet")
    assert claim.source.name == source


def test_a_long_name_with_its_region_still_speaks() -> None:
    text = "The Health Minister for the Biobio Region in Chile reported on Tuesday, 21 cases."
    (claim,) = extract(text, PUBLISHED, "Outlet")
    assert claim.source.name.startswith("Health Minister for the Biobio Region")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the place of that kind named last before the speaker
        (
            "The toll of the derailment in Odisha rose to 88, the state's chief secretary said.",
            "Odisha's chief secretary",
        ),
        (
            "Cholera spread in Malawi. The country's health ministry said 48 people had died.",
            "Malawi's health ministry",
        ),
        # no place of that kind named before it: the words as they are
        ("The state's chief secretary said 88 people had died.", "state's chief secretary"),
        # a province is no country
        (
            "In Odisha, the country's railway minister said 88 people had died.",
            "country's railway minister",
        ),
    ],
)
def test_a_speaker_named_by_the_kind_of_place_it_serves_takes_that_place(
    text: str, source: str
) -> None:
    (claim,) = extract(text, PUBLISHED, "Outlet")
    assert claim.source.name == source


def test_a_countrys_body_is_known_also_by_its_name_alone() -> None:
    # "Zambia's electoral commission" one day, "the electoral commission" the next: one
    # origin, whose later tally updates its earlier one
    first = one(
        "Zambia's electoral commission said the opposition candidate had won 1,210,000 "
        "votes so far.",
        published="2031-11-03",
    )
    assert (first.source.name, first.source.aliases) == (
        "Zambian electoral commission",
        ("electoral commission",),
    )
    later = one(
        "The electoral commission said the opposition candidate's tally in Zambia had risen "
        "to 1,480,000 votes so far.",
        published="2031-11-04",
    )
    assert later.source.aliases == ()  # no country named: the name alone
    graph = ct.ClaimGraph([first, later])
    graph.link()
    (update,) = graph.verdicts()
    assert (update.relation.value, update.a.id, update.b.id) == ("supersedes", later.id, first.id)


def test_the_outlet_in_its_own_voice_is_media() -> None:
    # so that its repeat of an official's figure is an echo, not a second count
    own = one("The death toll in Kharkiv stood at 14.", outlet="Kyiv Courier")
    said = one("The toll in Kharkiv was 14, the governor said.", outlet="Kyiv Courier")
    assert (own.source.name, own.source.kind) == ("Kyiv Courier", "media")
    assert (said.source.name, said.source.kind) == ("governor", None)
