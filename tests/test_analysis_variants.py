"""The variant core on small literal inputs: expected values are written from the inputs."""
from analysis.names import parse_name
from analysis.dates import date_key, earliest
from analysis.variants import analyse_variants, surnames_fit


def mention(mid, surface, outlet, published, authoritative=False, article=None, usage="uses"):
    return {"mention_id": mid, "surface": surface, "article_id": article or mid, "origin": outlet,
            "outlet": outlet, "authoritative": authoritative, "published": published, "usage": usage}


def kinds(result):
    return {s["surface"]: s["kind"] for c in result.clusters for s in c["surfaces"]}


def test_parse_name_strips_title_possessive_and_case():
    name = parse_name("Sheriff Dale Cathcart’s")
    assert (name.title, name.given, name.surname, name.display) == ("sheriff", ("dale",), "cathcart", "Dale Cathcart")
    assert parse_name("Zoë Brennan").given == ("zoe",)


def test_metaphone_links_the_first_letter_typo_that_soundex_misses():
    assert surnames_fit("cathcart", "kathcart", 80)
    assert surnames_fit("coppinger", "koppinger", 80)
    assert not surnames_fit("brennan", "delgado", 80)


def test_frequent_error_loses_to_authoritative_earliest_spelling():
    mentions = [mention(1, "Dale Cathcart", "sheriff", "2026-03-03T10:00:00-05:00", authoritative=True),
                mention(2, "Sheriff Dale Cathcart", "gazette", "2026-03-03T12:00:00-05:00", authoritative=True)]
    mentions += [mention(10 + i, "Dale Kathcart", f"copier{i}", f"2026-03-0{4 + i % 3}") for i in range(6)]
    mentions += [mention(30, "kathcart", "copier1", "2026-03-05", article=11),
                 mention(31, "Sheriff Cathcart", "gazette", "2026-03-03", article=2)]
    result = analyse_variants(mentions)
    assert [c["canonical"] for c in result.clusters] == ["Dale Cathcart"]
    assert result.clusters[0]["rule"] == "authoritative outlets"
    assert kinds(result) == {"Dale Cathcart": "canonical", "Sheriff Dale Cathcart": "title", "Dale Kathcart": "error",
                             "kathcart": "error", "Sheriff Cathcart": "title"}
    flagged_articles = {f["article_id"] for f in result.flags if f["level"] == "article"}
    assert flagged_articles == {10, 11, 12, 13, 14, 15}
    assert {f["origin"] for f in result.flags if f["level"] == "outlet"} == {f"copier{i}" for i in range(6)}


def test_without_authority_the_earliest_form_wins():
    result = analyse_variants([mention(1, "Dale Cathcart", "a", "2026-03-03"),
                               mention(2, "Dale Kathcart", "b", "2026-03-04"),
                               mention(3, "Dale Kathcart", "c", "2026-03-05")])
    assert result.clusters[0]["canonical"] == "Dale Cathcart" and result.clusters[0]["rule"] == "earliest use"


def test_variant_used_by_an_authoritative_outlet_is_accepted_not_flagged():
    result = analyse_variants([mention(1, "Yuliya Marchenko", "hcso", "2026-03-03", authoritative=True),
                               mention(2, "Yuliya Marchenko", "gazette", "2026-03-03", authoritative=True),
                               mention(3, "Yulia Marchenko", "statedot", "2026-03-05", authoritative=True),
                               mention(4, "Yulia Marchenko", "radio", "2026-03-05")])
    assert len(result.clusters) == 1 and result.clusters[0]["canonical"] == "Yuliya Marchenko"
    assert kinds(result)["Yulia Marchenko"] == "accepted"
    assert result.flags == []


def test_same_surname_different_given_names_are_two_people_and_bare_surname_stays_unattached():
    result = analyse_variants([mention(1, "Mayor Thomas Brennan", "a", "2026-03-03"),
                               mention(2, "Patricia Brennan", "a", "2026-03-03"),
                               mention(3, "Brennan", "b", "2026-03-04"),
                               mention(4, "Mayor Brennan", "b", "2026-03-04")])
    assert sorted(c["canonical"] for c in result.clusters) == ["Patricia Brennan", "Thomas Brennan"]
    by_id = {a["mention_id"]: a for a in result.assignments}
    assert by_id[3]["kind"] == "unattached" and by_id[3]["cluster_id"] is None
    thomas = next(c["id"] for c in result.clusters if c["canonical"] == "Thomas Brennan")
    assert by_id[4]["cluster_id"] == thomas  # the title picks the one Brennan who is mayor
    assert result.flags == []


def test_quoted_error_is_flagged_but_counted_apart():
    result = analyse_variants([mention(1, "Dale Cathcart", "a", "2026-03-03", authoritative=True),
                               mention(2, "Kathcart", "b", "2026-03-04", usage="quoted"),
                               mention(3, "Dale Cathcart", "b", "2026-03-04", article=2)])
    article_flag = next(f for f in result.flags if f["level"] == "article")
    outlet_flag = next(f for f in result.flags if f["level"] == "outlet")
    assert article_flag["usage"] == "quoted" and article_flag["count"] == 0 and article_flag["quoted"] == 1
    assert (outlet_flag["count"], outlet_flag["quoted"], outlet_flag["total"]) == (0, 1, 1)


def test_dates_compare_in_utc():
    assert date_key("2026-03-03T23:30:00-05:00") > date_key("2026-03-04T03:00:00+00:00")
    assert date_key(None) > date_key("2030-01-01")


def test_a_day_only_date_ties_with_an_instant_on_the_same_day():
    uses = [{"id": "instant", "published": "2026-03-04T13:30:00+00:00"},
            {"id": "day", "published": "2026-03-04"},
            {"id": "later", "published": "2026-03-04T15:00:00+00:00"},
            {"id": "next-day", "published": "2026-03-05"}]
    assert {u["id"] for u in earliest(uses)} == {"instant", "day"}
    assert [u["id"] for u in earliest(uses[2:])] == ["later"]
    # An instant later than another instant is never tied, even with a day-only date beside it.
    assert {u["id"] for u in earliest(uses[:3])} == {"instant", "day"}
