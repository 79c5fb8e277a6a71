"""The default gazetteer: the places a new user names resolve, and parts meet their whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import claimtrack as ct
from claimtrack import Gazetteer

from .factories import make_claim

PLACES = Gazetteer.default()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Turkey", "TR"),
        ("Türkiye", "TR"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Burma", "MM"),
        ("Kosovo", "XK"),
        ("Palestine", "PS"),
        ("Bavaria", "DE-BY"),
        ("Sichuan", "CN-SC"),
        ("Tigray", "ET-TI"),
    ],
)
def test_countries_and_provinces_resolve_under_their_common_names(name: str, key: str) -> None:
    assert PLACES.resolve(name) == key  # Turkey, Ivory Coast, Burma... were unknown


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Gaza", "Palestine"),
        ("Gaza Strip", "Palestine"),
        ("Aleppo", "Syria"),
        ("Antakya", "Turkey"),
        ("Beirut", "Lebanon"),
        ("Mumbai", "India"),
    ],
)
def test_cities_and_territories_resolve_within_their_country(name: str, country: str) -> None:
    assert PLACES.resolve(name) is not None
    assert PLACES.contains(country, name)
    assert not PLACES.contains(name, country)


def test_cities_lie_in_their_province_where_geonames_and_iso_agree() -> None:
    assert PLACES.contains("Texas", "El Paso") and PLACES.contains("Ohio", "Dayton")
    assert PLACES.contains("Hatay", "Antakya")  # Antakya is named Hatay among its names
    assert "SY" in PLACES.ancestors(PLACES.resolve("Aleppo") or "")


@pytest.mark.parametrize(
    ("city", "province"),
    [
        ("Balasore", "Odisha"),  # GeoNames' IN.21, named Odisha in its admin1 table
        ("Mumbai", "Maharashtra"),
        ("Chennai", "Tamil Nadu"),
        ("Kazan", "Tatarstan"),
        ("Ibadan", "Oyo"),
        ("Karachi", "Sindh"),
    ],
)
def test_cities_lie_in_the_province_geonames_names_for_their_code(city: str, province: str) -> None:
    assert PLACES.contains(province, city)
    assert not PLACES.contains(city, province)


def test_without_the_places_extra_countries_still_resolve_and_cities_do_not() -> None:
    countries_only = Gazetteer(cities=False)
    assert countries_only.resolve("Turkey") == "TR" and countries_only.resolve("Gaza") is not None
    assert countries_only.resolve("Aleppo") is None
    assert not countries_only.has_cities and PLACES.has_cities


def test_a_shared_name_is_the_larger_place_or_the_one_in_context() -> None:
    assert PLACES.resolve("Georgia") == "GE"  # the country before the US state
    assert PLACES.resolve("Georgia", context=["Atlanta"]) == "US-GA"
    assert PLACES.contains("France", "Paris")
    assert PLACES.contains("United States", PLACES.resolve("Paris", context=["Texas"]) or "")


def test_a_hyphenated_spelling_is_the_larger_place_its_plain_spelling_names() -> None:
    # "Kao-hsiung" is also an alternate name of the city; the province comes first
    assert PLACES.resolve("Kao-hsiung") == PLACES.resolve("Kaohsiung") == "TW-KHH"
    assert PLACES.resolve("Guinea-Bissau") == "GW"  # a hyphenated name itself still resolves


def test_containment_may_overlap_and_a_union_contains_its_members() -> None:
    # a Gaza governorate lies in Palestine and in the Gaza Strip
    assert PLACES.contains("Gaza Strip", "Khan Yunis") and PLACES.contains(
        "Palestine", "Khan Yunis"
    )
    assert PLACES.contains("Turkey and Syria", "Syria")
    assert PLACES.contains("Turkey and Syria", "Aleppo")
    assert not PLACES.contains("Turkey and Syria", "Lebanon")
    places = Gazetteer.default()
    key = places.add("Northern front", within=["Aleppo", "Idlib"])
    assert places.ancestors(key)[:2] == (places.resolve("Aleppo"), places.resolve("Idlib"))


def test_what_a_gazetteer_has_worked_out_follows_the_places_added_since() -> None:
    places = Gazetteer.default()
    turkey = places.key("Turkey")
    assert (places.key("Zone 9"), places.ancestors(turkey)) == ("~zone 9", ())
    union = places.key("Turkey and Syria")  # a union contains its members from now on
    assert places.ancestors(turkey) == (union,)
    zone = places.add("Zone 9", within="Turkey")
    assert places.key("Zone 9") == zone and places.ancestors(zone) == (turkey, union)
    places.add("Zone 9", within="Syria")  # a second parent for a place known already
    assert places.ancestors(zone) == (turkey, places.key("Syria"), union)


def test_the_parts_of_a_country_link_to_its_total() -> None:
    day = "2023-02-08"
    claims = [
        make_claim("1,200", "ministry", measure="deaths", place="Syria", period=day),
        make_claim("700", "monitor", measure="people killed", place="Aleppo", period=day),
        make_claim("9,000", "agency", measure="death toll", place="Turkey", period=day),
        make_claim("3,500", "governor", measure="deaths", place="Antakya", period=day),
    ]
    graph = ct.ClaimGraph(claims)
    graph.link()
    parts = {(v.a.place, v.b.place) for v in graph.verdicts("part_of")}
    assert {("Aleppo", "Syria"), ("Antakya", "Turkey")} <= parts


def test_a_user_extends_the_gazetteer_in_code_and_in_a_file(tmp_path: Path) -> None:
    places = Gazetteer.default()
    assert places.add("Moshchun", within="Kyiv oblast", aliases=["Moschun"]) == "Moshchun"
    assert places.contains("Ukraine", "Moschun")
    path = tmp_path / "places.json"
    path.write_text(
        json.dumps({"places": [{"name": "Zone B", "within": ["Aleppo", "Idlib"]}]}), "utf-8"
    )
    from_file = Gazetteer.from_file(str(path))
    assert from_file.contains("Idlib", "Zone B") and from_file.contains("Aleppo", "Zone B")


@given(st.sampled_from(["Turkey", "Ivory Coast", "Gaza Strip", "Aleppo", "Bavaria", "Kosovo"]))
def test_case_accents_and_the_article_make_no_other_place(name: str) -> None:
    key = PLACES.resolve(name)
    assert PLACES.resolve(name.upper()) == key == PLACES.resolve("the " + name.lower())


def test_a_union_is_the_whole_of_its_members_in_a_graph() -> None:
    day = "2023-02-08"
    claims = [
        make_claim("9,000", "AFAD", measure="deaths", place="Turkey", period=day),
        make_claim("2,500", "SANA", measure="deaths", place="Syria", period=day),
        make_claim("12,000", "UN", measure="deaths", place="Turkey and Syria", period=day),
    ]
    places = Gazetteer.default()
    places.resolve("Turkey and Syria")  # learnt before the parts are added, in any order
    graph = ct.ClaimGraph(claims, places=places)
    graph.link()
    parts = {(v.a.place, v.b.place) for v in graph.verdicts("part_of")}
    assert parts == {("Turkey", "Turkey and Syria"), ("Syria", "Turkey and Syria")}
