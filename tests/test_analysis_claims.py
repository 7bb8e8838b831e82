"""Claims core (`analysis.claims`) on invented sentences: every kind, relative dates, number words,
quotes over sentences and paragraphs, speakers before and after, a misspelled subject grouped with
the right person, and page furniture that must never become a claim. No publisher text here; the real
pages are measured by bench/claims.py."""
from __future__ import annotations

import pytest

from analysis.claims import extract_claims, find_conflicts, group_claims
from analysis.claims.normalise import dates_compatible, normalise_date, parse_count
from analysis.claims.segment import add_line_sentences

RUIZ = {"cluster_id": "ruiz", "canonical": "Ana Ruiz"}
VALE = {"cluster_id": "vale", "canonical": "Tom Vale"}


@pytest.fixture(scope="module")
def claims_nlp():
    from newsclaims.nlp import load_model

    return add_line_sentences(load_model("en_core_web_sm"))


def people_in(text: str, names: dict) -> dict:
    """Mention spans for every occurrence of each surface (surface -> person)."""
    spans = {}
    for surface, person in names.items():
        start = text.find(surface)
        while start >= 0:
            spans[(start, start + len(surface))] = person
            start = text.find(surface, start + 1)
    return spans


def claims_of(nlp, text, names=None, published="2031-06-05", url="https://a.example/1", outlet="a.example"):
    return extract_claims(nlp(text), field="text", version=1, published=published, article_url=url, outlet=outlet,
                          people=people_in(text, names or {}))


def test_relative_weekday_resolves_against_the_published_day(claims_nlp):
    # 2031-06-05 is a Thursday: "on Tuesday" in a Thursday report is 2031-06-03.
    claims = claims_of(claims_nlp, "Port Vale police said Ana Ruiz was arrested on Tuesday near the harbour.",
                       {"Ana Ruiz": RUIZ})
    dates = [c for c in claims if c["kind"] == "date"]
    assert [(c["slot"], c["value"], c["subject"]["cluster_id"]) for c in dates] == [("detain", "2031-06-03", "ruiz")]
    assert dates[0]["as_written"].startswith("arrested on Tuesday") or "Tuesday" in dates[0]["as_written"]


def test_relative_dates_and_intervals():
    assert normalise_date("last week", "2031-06-05") == {"value": "2031-05-26/2031-06-01", "precision": "interval"}
    assert normalise_date("yesterday", "2031-06-05") == {"value": "2031-06-04", "precision": "day"}
    assert normalise_date("March 3-4", "2031-06-05") == {"value": "2031-03-03/2031-03-04", "precision": "interval"}
    assert normalise_date("Tuesday", None) == {"value": "Tuesday", "precision": "weekday"}
    assert dates_compatible("2031-06-03", "Tuesday") and not dates_compatible("2031-06-03", "Saturday")


def test_number_words():
    assert [parse_count(w) for w in ("five", "twenty-two", "a score of", "a dozen", "1,200")] == [5, 22, 20, 12, 1200]
    assert parse_count("several") is None


def test_count_with_number_words_and_its_subject(claims_nlp):
    claims = claims_of(claims_nlp, "Sheriff Tom Vale said his deputies evacuated twenty-two residents from the flats.",
                       {"Tom Vale": VALE})
    counts = [c for c in claims if c["kind"] == "count"]
    assert [(c["value"], c["slot"], c["subject"].get("cluster_id")) for c in counts] == [(22, "evacuate", "vale")]
    roles = [c for c in claims if c["kind"] == "role"]
    assert [c["value"] for c in roles] == ["sheriff"]


def test_quote_over_two_sentences_with_the_speaker_after(claims_nlp):
    text = "“We will rebuild the old bridge. It will take a whole year,” Ruiz said on Monday."
    quotes = [c for c in claims_of(claims_nlp, text, {"Ruiz": RUIZ}) if c["kind"] == "quote"]
    assert len(quotes) == 1
    assert quotes[0]["value"] == {"words": "we will rebuild the old bridge it will take a whole year",
                                  "speaker": "Ana Ruiz"}
    assert text[quotes[0]["start"]:quotes[0]["end"]] == quotes[0]["as_written"]


def test_quote_over_paragraphs_with_the_speaker_before(claims_nlp):
    text = ("Mayor Ana Ruiz told the council:\n"
            "“The harbour stays open all winter long for the fishing fleet.\n"
            "“Nobody will lose a mooring this year, whatever the storms bring.”")
    quotes = [c for c in claims_of(claims_nlp, text, {"Ana Ruiz": RUIZ}) if c["kind"] == "quote"]
    assert len(quotes) == 1
    assert quotes[0]["value"]["speaker"] == "Ana Ruiz"
    assert quotes[0]["value"]["words"].startswith("the harbour stays open")
    assert quotes[0]["value"]["words"].endswith("whatever the storms bring")


def test_speaker_after_the_verb(claims_nlp):
    text = "“The ferry timetable will change in the spring,” said Mayor Ana Ruiz."
    quotes = [c for c in claims_of(claims_nlp, text, {"Ana Ruiz": RUIZ}) if c["kind"] == "quote"]
    assert [q["value"]["speaker"] for q in quotes] == ["Ana Ruiz"]


def test_misspelled_subject_lands_in_the_right_persons_group(claims_nlp):
    # "Ruyz" is a misspelling the clusters put with Ana Ruiz: the claims meet through the cluster.
    one = claims_of(claims_nlp, "Harbour Master Ana Ruiz, 41, reopened the port after the storm.",
                    {"Ana Ruiz": RUIZ}, url="https://a.example/1", outlet="a.example")
    two = claims_of(claims_nlp, "Harbour Master Ana Ruyz, 42, reopened the port after the storm.",
                    {"Ana Ruyz": RUIZ}, url="https://b.example/2", outlet="b.example", published="2031-06-06")
    groups = group_claims(one + two)
    ages = [g for g in groups if g["slot"] == "age"]
    assert len(ages) == 1 and ages[0]["subject"]["cluster_id"] == "ruiz"
    conflict = next(c for c in find_conflicts(groups, authoritative_outlets={"a.example"}) if c["slot"] == "age")
    assert conflict["conflict"] is True
    assert conflict["held_by"] == {"authoritative": 41, "earliest": 41, "majority": None}
    assert conflict["deviating_urls"] == ["https://b.example/2"]
    assert {a["as_written"] for v in conflict["values"] for a in v["articles"]} == {"Ana Ruiz, 41", "Ana Ruyz, 42"}


def test_a_different_role_conflicts_and_a_fuller_title_does_not(claims_nlp):
    one = claims_of(claims_nlp, "Senator Ana Ruiz opened the new ferry terminal on Friday.", {"Ana Ruiz": RUIZ},
                    url="https://a.example/1")
    two = claims_of(claims_nlp, "Harbour Commissioner Ana Ruiz opened the new ferry terminal on Friday.",
                    {"Ana Ruiz": RUIZ}, url="https://b.example/2", outlet="b.example")
    three = claims_of(claims_nlp, "Former Senator Ana Ruiz opened the new ferry terminal on Friday.",
                      {"Ana Ruiz": RUIZ}, url="https://c.example/3", outlet="c.example")
    found = find_conflicts(group_claims(one + two + three), authoritative_outlets=())
    titles = next(c for c in found if c["kind"] == "role" and c["slot"] == "title")
    assert titles["conflict"] and sorted(v["value"] for v in titles["values"]) == ["harbour commissioner", "senator"]
    found = find_conflicts(group_claims(one + three), authoritative_outlets=())
    assert not any(c["conflict"] for c in found)


def test_altered_quote_and_other_speaker_are_values_of_one_quote(claims_nlp):
    base = "“We will never close the harbour to the fishing fleet,” Ana Ruiz said."
    altered = "“We will never close the harbour to the whaling fleet,” Ana Ruiz said."
    other = "“We will never close the harbour to the fishing fleet,” Tom Vale said."
    excerpt = "Ruiz said the town would “never close the harbour to the fishing fleet”."
    claims = (claims_of(claims_nlp, base, {"Ana Ruiz": RUIZ}, url="https://a.example/1")
              + claims_of(claims_nlp, altered, {"Ana Ruiz": RUIZ}, url="https://b.example/2", outlet="b.example")
              + claims_of(claims_nlp, other, {"Tom Vale": VALE}, url="https://c.example/3", outlet="c.example")
              + claims_of(claims_nlp, excerpt, {"Ruiz": RUIZ}, url="https://d.example/4", outlet="d.example"))
    quotes = [c for c in find_conflicts(group_claims(claims), authoritative_outlets={"a.example"})
              if c["kind"] == "quote"]
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote["conflict"] and quote["subject"]["cluster_id"] == "ruiz"
    assert quote["deviating_urls"] == ["https://b.example/2", "https://c.example/3"]
    edits = [e for change in quote["changes"] for e in change["edits"]]
    assert {"from": "fishing", "to": "whaling"} in edits
    assert {"speaker_from": "Ana Ruiz", "speaker_to": "Tom Vale"} in edits


def test_bylines_datelines_and_lists_give_no_claims(claims_nlp):
    text = ("By Jane Roe and Tom Vale\n"
            "Updated March 3, 2031, 4:15 p.m.\n"
            "PORT VALE, March 3, 2031 (Vale Wire) —\n"
            "- Location: Port Vale harbour\n"
            "- Dates: May 8-9, 2031\n"
            "- Arrested: 5\n"
            "Photo: Tom Vale / Vale Wire 2031\n")
    assert claims_of(claims_nlp, text, {"Tom Vale": VALE}) == []


@pytest.mark.parametrize("text", [
    "",
    "...",
    "Storm Ruiz: The Night The Harbour Froze",
    "Harbour, ferries, moorings, nets",
    "Name | Age | Town\nAna Ruiz | 41 | Port Vale\nTom Vale | 52 | Vale",
    "By Tom Vale, 52 | 3 min read | 1,204 shares",
    "“Unclosed quotation that runs off the end of an excerpt and never",
    "2031 2032 2033 - 5 - 6 - seven",
])
def test_nothing_raises_on_odd_text(claims_nlp, text):
    claims = claims_of(claims_nlp, text, {"Ana Ruiz": RUIZ, "Tom Vale": VALE})
    assert all(c["kind"] not in ("count", "detail", "role", "quote") for c in claims)


def test_a_writing_and_its_year_and_a_field_of_study(claims_nlp):
    text = ("Ana Ruiz, a doctoral student of marine biology, co-authored an op-ed in 2030. "
            "She was detained on March 4, 2031.")
    claims = claims_of(claims_nlp, text, {"Ana Ruiz": RUIZ})
    found = {(c["kind"], c["slot"], c["value"]) for c in claims}
    assert ("detail", "field of study", "marine biology") in found
    assert ("date", "write op-ed", "2030") in found
    assert ("date", "detain", "2031-03-04") in found


def test_claims_opening_at_one_offset_in_different_groups_get_different_ids():
    """One sentence gives a person two earlier roles, each claim written from the sentence's start, with
    qualifiers that share no word: two groups, whose first claims open at the same offset. Their ids
    differ (the store keys groups by id): the whole place of a group's first claim names it."""
    person = {"kind": "person", "cluster_id": "c1", "canonical": "Ana Ruiz"}
    first = {"kind": "role", "subject": person, "slot": "earlier role", "value": "colonel",
             "url": "u1", "version": 1, "field": "text", "start": 40, "end": 90, "context": ["army"],
             "id": "5:text:40-90:role:0"}
    second = dict(first, value="consul", end=160, context=["embassy"], id="5:text:40-160:role:0")
    groups = group_claims([first, second])
    assert len(groups) == 2 and len({g["id"] for g in groups}) == 2


def test_quote_groups_with_the_word_index_match_the_all_pairs_reference():
    """The word index only narrows which groups a quote is compared with: on edited, cut and unrelated
    quotes it groups exactly as comparing every quote with every group does."""
    import random

    from rapidfuzz import fuzz

    from analysis.claims import match

    rng = random.Random(7)
    vocab = [f"word{i}" for i in range(400)] + ["the", "we", "and", "to", "of"] * 40
    base = [[rng.choice(vocab) for _ in range(rng.randint(6, 30))] for _ in range(120)]
    texts = []
    for words in base:
        texts.append(" ".join(words))
        edited = list(words)
        edited[rng.randrange(len(edited))] = rng.choice(vocab)
        texts.append(" ".join(edited))  # a lightly edited quote
        cut = rng.randint(0, len(words) // 3)
        texts.append(" ".join(words[cut:cut + max(8, len(words) // 2)]))  # an excerpt
    quotes = [{"value": {"words": t}, "url": f"u{n}", "start": 0} for n, t in enumerate(texts)]

    def reference(quotes):
        order = sorted(range(len(quotes)), key=lambda i: (-len(quotes[i]["value"]["words"]), quotes[i]["url"], 0))
        groups = []
        for i in order:
            words = quotes[i]["value"]["words"]
            for anchor, members in groups:
                shorter = min(len(words.split()), len(anchor.split()))
                if fuzz.ratio(words, anchor) >= match.QUOTE_CUTOFF or (
                        shorter >= match.QUOTE_PART_MIN_WORDS
                        and fuzz.partial_ratio(words, anchor) >= match.QUOTE_PART_CUTOFF):
                    members.append(quotes[i])
                    break
            else:
                groups.append((words, [quotes[i]]))
        return [members for _, members in groups]

    def urls(groups):
        return sorted(sorted(q["url"] for q in g) for g in groups)

    assert urls(match._quote_groups(quotes)) == urls(reference(quotes))
    assert len(urls(reference(quotes))) < len(texts)  # the data has groups to find
