"""Biography: names, life dates, posts, associations and where testimony sits in a life."""

import json

import pytest

from collingwood.analyse.biography import profile, profile_json, profile_markdown
from collingwood.errors import NotFound
from collingwood.resolve import resolve


@pytest.fixture
def cairncross(build):
    build.source("conf", "Confession", kind="confession", authors=["John Cairncross"],
                 written="16 February 1964")
    build.source("memoir", "The Enigma Spy", kind="memoir", authors=["John Cairncross"], written="1997")
    build.source("book", "History", written="1990")
    person = build.entity("John Cairncross", aliases=[("Liszt", "code_name", None, None)])
    return build.case([
        build.claim("John Cairncross", "born", "Lesmahagow", "25 July 1913", "book"),
        build.claim("John Cairncross", "died", "Herefordshire", "8 October 1995", "book"),
        build.claim("John Cairncross", "worked_at", "Foreign Office", "1936 to 1938", "book"),
        build.claim("John Cairncross", "worked_at", "Treasury", "1938 to 1940", "book"),
        build.claim("James Klugmann", "recruited", "Liszt", "1936", "book"),
        build.claim("MI5", "exposed", "John Cairncross", "1951", "book"),
        build.claim("John Cairncross", "confessed", "espionage", "16 February 1964", "conf"),
        build.claim("John Cairncross", "met", "Donald Maclean", "1937", "conf"),
        build.claim("John Cairncross", "knew", "Anthony Blunt", "1935", "memoir"),
    ], entities=[person])


def test_biography_profile_contents(cairncross):
    p = profile(cairncross, resolve(cairncross), "Cairncross")
    assert p.born["place"] == "Lesmahagow" and p.died["time"]["earliest"] == "1995-10-08"
    assert [x["organisation"] for x in p.posts] == ["Foreign Office", "Treasury"]
    assert {"Liszt"} <= {n["name"] for n in p.names}
    assoc = {a["name"]: a["relations"] for a in p.associations}
    assert assoc["James Klugmann"] == ["recruited by"]
    assert len(p.claims_about) == 9 and len(p.claims_by) == 3


def test_biography_testimony_position(cairncross):
    p = profile(cairncross, resolve(cairncross), "John Cairncross")
    positions = {t["title"]: t["position"] for t in p.testimony}
    assert positions["Confession"].startswith("confession made in 1964, 12.1 years after exposure (1951)")
    assert "after death (1995)" in positions["The Enigma Spy"]


def test_biography_unknown_name_suggests_close_names(cairncross):
    with pytest.raises(NotFound, match="John Cairncross"):
        profile(cairncross, resolve(cairncross), "John Cairncros")


def test_biography_renderers(cairncross):
    p = profile(cairncross, resolve(cairncross), "Cairncross")
    assert json.loads(profile_json(p))["name"] == "John Cairncross"
    text = profile_markdown(p)
    assert "## Posts" in text and "Liszt" in text
