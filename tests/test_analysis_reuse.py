"""Text reuse on invented coverage: who copied whom is known from how each text was built.

Groups (no text is shared across groups):

- flood: FLOOD_A is the source; FLOOD_B copies all of it under its own lead; FLOOD_C copies it but
  rewords one paragraph, writing a new error ("Copinger") there. FLOOD_A's own error ("Koppinger")
  travels to both. Truth: A->B, A->C, never B-C.
- bridge: BRIDGE_1 is the source; BRIDGE_2 copies it and adds two paragraphs of its own (with the error
  "Brandvoll"); BRIDGE_3 copies BRIDGE_2 whole. Truth: 1->2, 2->3, never 1->3.
- wire: WIRE is a wire story; DALES republishes it with a canonical link to it (and a wrong, earlier
  date); HILLTOP republishes it with a credit line and no date. Truth: WIRE->DALES and WIRE->HILLTOP,
  direction "syndication"; never DALES-HILLTOP.
- twins: two outlets post the same text at the same instant. Truth: one uncertain edge.
- undated: a copy without a date. Truth: one uncertain edge.
- sameday: a day-precision original and an instant copy on the same day. Truth: one uncertain edge.
- unrelated: two texts sharing only a stock phrase, and nothing with anyone else. Truth: no edge.
"""
from __future__ import annotations

import re

import pytest

from analysis.reuse import (
    align,
    candidate_pairs,
    compare_published,
    copy_edges,
    direct_edges,
    find_copy_edges,
    mark_carried,
    orient,
    tokenize,
)
from analysis.reuse.candidates import MIN_RUN
from analysis.reuse.shingles import shingle_sequence, word_keys

# --- the flood group ----------------------------------------------------------------------------------
F1 = ("Floodwater broke through the earthen levee north of Marrowfield shortly before dawn on Tuesday, forcing "
      "about four hundred residents of the Lower Bend district to leave their homes with little more than what "
      "they could carry.")
F2 = ("Sheriff Dana Koppinger said deputies went door to door along Tanner Road and Willow Lane until the water "
      "reached the porch steps, and that a rowboat crew from the volunteer fire company pulled two elderly "
      "brothers from an attic window.")
F3 = ("The county opened the gymnasium of Marrowfield High School as a shelter, and the regional food bank sent "
      "a truck of bottled water, blankets and camp cots that arrived well before the first families did.")
F4 = ("Engineers had warned the drainage board in a written report last autumn that the levee's clay core was "
      "cracking in at least three places, according to the minutes of the board's regular November meeting.")
F4_REWORDED = ("Last autumn, the drainage board's November minutes show, engineers told its members in writing "
               "that the clay heart of the embankment had split in three or more spots, Sheriff Dana Copinger "
               "told reporters.")
F5 = ("Sheriff Dana Coppinger asked people to stay away from the riverbank until the water drops, because the "
      "current near the old mill bridge is still strong enough to sweep a pickup truck off the county road.")
FLOOD_LEAD = "MARROWFIELD — Families spent the night on cots and folding chairs after the river came over the bank."

# --- the bridge group ---------------------------------------------------------------------------------
B1 = ("The Ostervale city council voted six to one on Monday night to close the Harbour Street swing bridge to "
      "all motor traffic from the first of May, after inspectors found corroded pins in the turning mechanism.")
B2 = ("Mayor Ilse Brandvold told the meeting that ferries and a shuttle bus would carry commuters across the "
      "channel while the pins are replaced, and that cyclists and pedestrians may keep using the walkway.")
B3 = ("The bridge, opened in nineteen thirty-one, carries roughly eleven thousand vehicles on a weekday and is "
      "the only crossing between the old town and the container terminal on Kessel Island.")
B4 = ("Shop owners on Harbour Street asked the council to delay the closure until the autumn, saying the summer "
      "months bring most of their trade, but the motion to postpone failed for lack of a seconder.")
B5_OWN = ("Asked about the cost, Mayor Ilse Brandvoll said the repair budget of four point two million would "
          "come from the harbour reserve fund rather than from a rise in the property levy this year.")
B6_OWN = ("Council member Arne Tollefsen, the lone vote against, argued that a temporary steel deck should be "
          "built first so that delivery lorries could still reach the fish market on the island side.")
B_CLOSE = "The council meets again on the twelfth."

# --- the wire group -----------------------------------------------------------------------------------
W1 = ("Crews battling the Pellham Ridge wildfire gained ground overnight as humidity rose and winds eased, "
      "allowing firefighters to cut a containment line along the ridge above the Quarry Flats subdivision.")
W2 = ("Fire chief Orla Nyquist said the blaze had burned across roughly nine square miles of scrub and timber "
      "and was forty percent contained by six in the morning, up from fifteen percent on Saturday.")
W3 = ("Evacuation orders for the Quarry Flats and Birchmoor neighbourhoods were lowered to warnings, though "
      "residents were told to keep a bag packed because gusts are forecast to return on Wednesday afternoon.")

# --- twins, undated, same day, unrelated ----------------------------------------------------------------
TWIN = ("The Grayhaven library board approved a plan on Thursday to convert the empty upper floor of the old "
        "post office into a reading room with forty study desks, a map archive and a small lecture hall.\n\n"
        "Board chair Petra Holmqvist said the conversion would be paid for by a bequest left by a retired "
        "lighthouse keeper, and that the reading room should open to the public by the end of next winter.")
UNDATED = ("Volunteers pulled more than two tonnes of fishing net, rope and plastic crates from the tidal flats "
           "at Corran Sands over the weekend, the largest haul since the beach clean began eleven years ago.\n\n"
           "Organiser Mairi Lindqvist said the tangle of nets near the northern groyne took nine people most of "
           "Sunday to cut free, and that a seal pup found caught in one was released unharmed.")
SAMEDAY = ("A freight train carrying grain derailed near the Dunmore junction early on Friday, spilling wheat "
           "across both tracks and halting passenger services between Eastwick and Thornbury until the evening.\n\n"
           "The rail operator said no one was hurt, that eleven wagons left the line on a curve, and that "
           "investigators would examine a section of track that was replaced during repairs in the spring.")
UNRELATED_1 = ("The Fenwick chess club won the county league for a third year running on Saturday. Police said "
               "the investigation was continuing into the theft of the trophy cabinet last winter, which was "
               "later found in a hedge behind the community hall with the cups still inside.")
UNRELATED_2 = ("Tomato growers along the Selby valley report an early harvest after a warm, dry June, and "
               "several farm shops have cut prices. Police said the investigation was continuing into a "
               "string of greenhouse break-ins reported by growers near the reservoir road.")


def para(*parts: str) -> str:
    return "\n\n".join(parts)


def article(url, text, published=None, precision=None, outlet=None, **extra):
    outlet = outlet or re.match(r"https://[^/]+", url).group()
    return {"url": url, "version": 1, "outlet": outlet, "text": text, "published": published,
            "published_precision": precision, **extra}


FLOOD_A = article("https://valleycourier.example/flood", para(F1, F2, F3, F4, F5), "2024-03-05T08:00:00+00:00",
                  "instant")
FLOOD_B = article("https://riverpost.example/levee-breach", para(FLOOD_LEAD, F1, F2, F3, F4, F5),
                  "2024-03-05T10:30:00+00:00", "instant")
FLOOD_C = article("https://countyline.example/news/marrowfield", para(F1, F2, F3, F4_REWORDED, F5),
                  "2024-03-05T11:15:00+00:00", "instant")
BRIDGE_1 = article("https://ostervale-tidende.example/bridge", para(B1, B2, B3, B4), "2024-04-01T19:00:00+02:00",
                   "instant")
BRIDGE_2 = article("https://harbourdaily.example/swing-bridge", para(B1, B2, B3, B4, B5_OWN, B6_OWN),
                   "2024-04-02", "day")
BRIDGE_3 = article("https://aggregator.example/s/1234", para(B1, B2, B3, B4, B5_OWN, B6_OWN, B_CLOSE),
                   "2024-04-03T06:00:00+00:00", "instant")
WIRE = article("https://wire.example/2024/pellham-ridge", para(W1, W2, W3), "2024-03-06T12:00:00+00:00", "instant",
               outlet_name="Example Wire")
DALES = article("https://dalesgazette.example/wildfire", para(W1, W2, W3), "2024-03-06T09:00:00+00:00", "instant",
                canonical_url="https://wire.example/2024/pellham-ridge/")
HILLTOP = article("https://hilltopherald.example/fire", para("(Example Wire) — " + W1, W2, W3), credit="Example Wire")
TWIN_1 = article("https://northshore.example/library", TWIN, "2024-03-08T14:00:00+00:00", "instant")
TWIN_2 = article("https://baytimes.example/grayhaven-library", TWIN, "2024-03-08T14:00:00+00:00", "instant")
UNDATED_1 = article("https://coastnews.example/beach-clean", UNDATED, "2024-03-11", "day")
UNDATED_2 = article("https://blog.example/corran-sands", UNDATED.replace("Volunteers", "Local volunteers"))
SAMEDAY_1 = article("https://railwatch.example/derail", SAMEDAY, "2024-03-09", "day")
SAMEDAY_2 = article("https://eastwick-echo.example/train", SAMEDAY + "\n\nMore to follow.", "2024-03-09T15:00:00+00:00",
                    "instant")
UNRELATED_A = article("https://fenwick.example/chess", UNRELATED_1, "2024-03-02", "day")
UNRELATED_B = article("https://selby.example/tomatoes", UNRELATED_2, "2024-03-03", "day")

CORPUS = [FLOOD_A, FLOOD_B, FLOOD_C, BRIDGE_1, BRIDGE_2, BRIDGE_3, WIRE, DALES, HILLTOP, TWIN_1, TWIN_2,
          UNDATED_1, UNDATED_2, SAMEDAY_1, SAMEDAY_2, UNRELATED_A, UNRELATED_B]

DIRECT = {
    (FLOOD_A["url"], FLOOD_B["url"], "dated"),
    (FLOOD_A["url"], FLOOD_C["url"], "dated"),
    (BRIDGE_1["url"], BRIDGE_2["url"], "dated"),
    (BRIDGE_2["url"], BRIDGE_3["url"], "dated"),
    (WIRE["url"], DALES["url"], "syndication"),
    (WIRE["url"], HILLTOP["url"], "syndication"),
    # Uncertain: the smaller URL is named the source, as documented.
    (TWIN_2["url"], TWIN_1["url"], "uncertain"),
    (UNDATED_2["url"], UNDATED_1["url"], "uncertain"),
    (SAMEDAY_2["url"], SAMEDAY_1["url"], "uncertain"),
}
INDIRECT = {
    frozenset((FLOOD_B["url"], FLOOD_C["url"])),
    frozenset((BRIDGE_1["url"], BRIDGE_3["url"])),
    frozenset((DALES["url"], HILLTOP["url"])),
}
TEXT = {a["url"]: a["text"] for a in CORPUS}


def triples(edges):
    return {(e["source_url"], e["target_url"], e["direction"]) for e in edges}


@pytest.fixture(scope="module")
def all_edges():
    return find_copy_edges(CORPUS, direct=False)


@pytest.fixture(scope="module")
def edges():
    return find_copy_edges(CORPUS)


def test_direct_edges_are_exactly_the_planted_copies(edges):
    assert triples(edges) == DIRECT


def test_indirect_pairs_are_found_then_removed(all_edges, edges):
    found = {frozenset((e["source_url"], e["target_url"])) for e in all_edges}
    assert INDIRECT <= found
    assert not INDIRECT & {frozenset((e["source_url"], e["target_url"])) for e in edges}


def test_every_passage_is_the_same_text_in_both_articles(all_edges):
    for edge in all_edges:
        source, target = TEXT[edge["source_url"]], TEXT[edge["target_url"]]
        assert edge["passages"]
        for p in edge["passages"]:
            assert source[p["source_start"]:p["source_end"]] == target[p["target_start"]:p["target_end"]]
            assert any(r["source_start"] <= p["source_start"] and p["source_end"] <= r["source_end"]
                       and r["target_start"] <= p["target_start"] and p["target_end"] <= r["target_end"]
                       for r in edge["runs"])
        assert edge["shared_chars"] == sum(p["target_end"] - p["target_start"] for p in edge["passages"])
        assert edge["target_share"] == round(edge["shared_chars"] / len(target), 4)


def test_passages_cover_what_was_copied_and_not_the_reworded_paragraph(edges):
    edge = next(e for e in edges if e["target_url"] == FLOOD_C["url"])
    target = FLOOD_C["text"]
    copied = [target[p["target_start"]:p["target_end"]] for p in edge["passages"]]
    assert copied == [para(F1, F2, F3).rstrip("."), F5.rstrip(".")]
    assert edge["shared_chars"] == len(para(F1, F2, F3)) - 1 + len(F5) - 1


def test_a_verbatim_copy_under_a_new_lead_is_one_passage(edges):
    edge = next(e for e in edges if e["target_url"] == FLOOD_B["url"])
    assert len(edge["passages"]) == 1
    p = edge["passages"][0]
    assert (p["source_start"], p["target_start"]) == (0, len(FLOOD_LEAD) + 2)
    assert p["source_end"] == len(FLOOD_A["text"]) - 1  # the final full stop is not a word


def test_syndication_wins_over_an_earlier_date_and_names_its_basis(edges):
    by_target = {e["target_url"]: e for e in edges}
    assert (by_target[DALES["url"]]["source_url"], by_target[DALES["url"]]["basis"]) == (WIRE["url"], "canonical_url")
    assert (by_target[HILLTOP["url"]]["source_url"], by_target[HILLTOP["url"]]["basis"]) == (WIRE["url"], "credit")


def test_uncertain_edges_say_why(edges):
    basis = {e["target_url"]: e["basis"] for e in edges if e["direction"] == "uncertain"}
    assert basis == {TWIN_1["url"]: "same instant", UNDATED_1["url"]: "undated", SAMEDAY_1["url"]: "same day"}


def test_identical_texts_at_the_same_time_make_one_edge_whatever_the_input_order():
    forward = find_copy_edges([TWIN_1, TWIN_2])
    backward = find_copy_edges([TWIN_2, TWIN_1])
    assert forward == backward
    assert len(forward) == 1 and forward[0]["direction"] == "uncertain"
    assert forward[0]["target_share"] == round((len(TWIN) - 1) / len(TWIN), 4)


def test_input_order_never_decides_direction(edges):
    assert find_copy_edges(list(reversed(CORPUS))) == edges


def test_carried_errors_follow_the_copied_passages(edges):
    forms = ("Koppinger", "Copinger", "Brandvoll")
    occurrences = {(a["url"], a["version"]): [{"form": form, "start": m.start(), "end": m.end()}
                                              for form in forms for m in re.finditer(rf"\b{form}\b", a["text"])]
                   for a in CORPUS}
    carries = {(e["source_url"], e["target_url"]): e["carries"] for e in mark_carried(edges, occurrences)}
    assert carries[(FLOOD_A["url"], FLOOD_B["url"])] == ["Koppinger"]
    # C wrote "Copinger" in its own words: that error was not carried, A's "Koppinger" was.
    assert carries[(FLOOD_A["url"], FLOOD_C["url"])] == ["Koppinger"]
    assert carries[(BRIDGE_1["url"], BRIDGE_2["url"])] == []
    assert carries[(BRIDGE_2["url"], BRIDGE_3["url"])] == ["Brandvoll"]
    assert all(not forms for pair, forms in carries.items() if pair[0] not in (FLOOD_A["url"], BRIDGE_2["url"]))


def test_an_error_the_source_does_not_have_is_not_carried():
    edge = {"source_url": "a", "source_version": 1, "target_url": "b", "target_version": 1,
            "passages": [{"source_start": 0, "source_end": 100, "target_start": 10, "target_end": 110}]}
    occurrences = {("a", 1): [{"form": "Koppinger", "start": 30, "end": 39}],
                   ("b", 1): [{"form": "Koppinger", "start": 60, "end": 69}]}  # a different place
    assert mark_carried([edge], occurrences)[0]["carries"] == []


def test_a_copied_error_makes_siblings_a_chain():
    """C copies B's text including the one word B changed: B->C is direct (A cannot explain that word)."""
    source = article("https://first.example/a", para(F1, F2, F3, F4, F5), "2024-03-05T08:00:00+00:00", "instant")
    changed = para(F1, F2.replace("Tanner Road", "Tanners Road"), F3, F4, F5)
    middle = article("https://second.example/b", changed, "2024-03-05T09:00:00+00:00", "instant")
    last = article("https://third.example/c", changed, "2024-03-05T10:00:00+00:00", "instant")
    assert triples(find_copy_edges([source, middle, last])) == {
        (source["url"], middle["url"], "dated"), (middle["url"], last["url"], "dated")}


def test_siblings_with_the_same_house_style_stay_siblings():
    """B and C both lower-case a title A capitalised: the same change, but A has the word, so no B-C edge."""
    a = article("https://a.example/1", para(F1, F2, F3), "2024-03-05T08:00:00+00:00", "instant")
    restyled = para(F1, F2.replace("Sheriff", "sheriff"), F3)
    b = article("https://b.example/1", para(FLOOD_LEAD, restyled), "2024-03-05T09:00:00+00:00", "instant")
    c = article("https://c.example/1", para(restyled, "The river is expected to crest tonight."),
                "2024-03-05T10:00:00+00:00", "instant")
    assert triples(find_copy_edges([a, b, c])) == {(a["url"], b["url"], "dated"), (a["url"], c["url"], "dated")}


def test_words_shared_in_runs_too_short_to_count_are_still_the_sources():
    """B changes a word seven words before the end of F2 and drops F3, as C does: B and C then share a
    long run across the paragraph break that A lacks, but its words are all A's."""
    a = article("https://a.example/1", para(F1, F2, F3, F4, F5), "2024-03-05T08:00:00+00:00", "instant")
    b = article("https://b.example/1", para(F1, F2.replace("pulled", "hauled"), F4, F5), "2024-03-05T09:00:00+00:00",
                "instant")
    c = article("https://c.example/1", para(F1, F2, F4, F5), "2024-03-05T10:00:00+00:00", "instant")
    assert triples(find_copy_edges([a, b, c])) == {(a["url"], b["url"], "dated"), (a["url"], c["url"], "dated")}
    b_to_c = next(e for e in find_copy_edges([a, b, c], direct=False) if e["source_url"] == b["url"])
    assert any(c["text"][p["target_start"]:p["target_end"]].startswith("two elderly brothers from an attic window")
               for p in b_to_c["passages"])


def test_a_verbatim_chain_reads_as_siblings():
    """Text alone cannot tell A->B->C from A->B, A->C when B and C are verbatim: the original keeps both."""
    text = para(F1, F2, F3)
    copies = [article(f"https://o{n}.example/x", text, f"2024-03-05T0{n}:00:00+00:00", "instant") for n in (1, 2, 3)]
    assert triples(find_copy_edges(copies)) == {(copies[0]["url"], copies[1]["url"], "dated"),
                                                (copies[0]["url"], copies[2]["url"], "dated")}


def test_a_paragraph_taken_straight_from_the_original_keeps_the_long_edge():
    """C copies B (which dropped F4) and also takes F4 from A itself: A->C stays, beside A->B and B->C."""
    a = article("https://a.example/1", para(F1, F2, F3, F4), "2024-03-05T08:00:00+00:00", "instant")
    b = article("https://b.example/1", para(F1, F2, F3, FLOOD_LEAD), "2024-03-05T09:00:00+00:00", "instant")
    c = article("https://c.example/1", para(F1, F2, F3, FLOOD_LEAD, F4), "2024-03-05T10:00:00+00:00", "instant")
    assert {(s, t) for s, t, _ in triples(find_copy_edges([a, b, c]))} == {
        (a["url"], b["url"]), (b["url"], c["url"]), (a["url"], c["url"])}


def test_shared_stock_phrase_is_no_edge():
    pairs = [(0, 1)]
    assert copy_edges([UNRELATED_A, UNRELATED_B], pairs) == []


def test_alignment_follows_reordered_paragraphs():
    source, target = para(F1, F2, F3), para(F3, F1, F2)
    passages = align(source, target)
    assert sorted(source[p.source_start:p.source_end] for p in passages) == sorted(
        [para(F1, F2).rstrip("."), F3.rstrip(".")])
    for p in passages:
        assert source[p.source_start:p.source_end] == target[p.target_start:p.target_end]


def test_spacing_and_case_changes_split_a_passage_but_keep_it():
    target = F1.replace("Marrowfield shortly", "MARROWFIELD  shortly")
    passages = align(F1, target)
    texts = [F1[p.source_start:p.source_end] for p in passages]
    assert texts == ["Floodwater broke through the earthen levee north of",
                     "shortly before dawn on Tuesday, forcing about four hundred residents of the Lower Bend district "
                     "to leave their homes with little more than what they could carry"]
    for p in passages:
        assert F1[p.source_start:p.source_end] == target[p.target_start:p.target_end]


def test_min_chars_is_configurable():
    short = "Sheriff Dana Coppinger asked people to stay away from the riverbank until the water drops."
    other = "Yesterday " + short + " Nothing else."
    assert align(short, other) == []
    assert len(align(short, other, min_chars=50)) == 1


def test_tokens_keep_offsets_into_the_original_text():
    text = "Özdurak’s  CREW, said Koppinger."
    tokens = tokenize(text)
    assert tokens.keys == ("ozdurak's", "crew", "said", "koppinger")
    assert [text[s:e] for s, e in zip(tokens.starts, tokens.ends)] == ["Özdurak’s", "CREW", "said", "Koppinger"]


def _longest_run(sequence, other):
    best = run = 0
    for value in sequence:
        run = run + 1 if value in other else 0
        best = max(best, run)
    return best


def test_candidates_are_every_pair_with_a_run_of_shared_shingles_and_cover_every_aligned_pair():
    texts = [a["text"] for a in CORPUS]
    sequences = [shingle_sequence(word_keys(text)).tolist() for text in texts]
    pairs = [(i, j) for i in range(len(texts)) for j in range(i + 1, len(texts))]
    reference = {(i, j) for i, j in pairs if _longest_run(sequences[j], set(sequences[i])) >= MIN_RUN}
    aligned = {(i, j) for i, j in pairs if align(texts[i], texts[j]) or align(texts[j], texts[i])}
    assert aligned  # the corpus has copies
    assert set(candidate_pairs(texts)) == reference
    assert aligned <= reference


def test_one_paragraph_copied_into_a_long_article_is_a_candidate():
    # Containment, not similarity of whole texts: 40 words shared by a 40-word note and a 2,000-word
    # feature are 2% of the feature's shingles, and still a passage one took from the other.
    paragraph = ("The county engineer said the eastern span of the Marrow Creek bridge would stay closed until "
                 "inspectors had checked every bearing, and that the ferry would run twice an hour until then, "
                 "free of charge for residents and school buses alike.")
    feature = " ".join(f"word{k} alpha{k % 13} beta{k % 7}" for k in range(700))
    assert candidate_pairs([paragraph, feature[:9000] + " " + paragraph + " " + feature[9000:]]) == [(0, 1)]


def test_stock_phrases_scattered_through_two_texts_are_no_candidate():
    # Twelve shared frames ("Mayor Ellen Cranston said that ...") but never twelve words in a row:
    # the texts share phrases, not a passage.
    frames = [f"{role} Ellen Cranston said that" for role in ("Mayor", "Sheriff", "Judge", "Coach")]
    a = " ".join(f"{frames[k % 4]} alpha{k} beta{k} gamma{k}." for k in range(12))
    b = " ".join(f"{frames[k % 4]} delta{k} eps{k} zeta{k}." for k in range(12))
    assert candidate_pairs([a, b]) == []
    assert candidate_pairs([a, b + " " + a[:200]]) == [(0, 1)]


def test_only_pairs_with_a_new_text_are_searched_again():
    texts = [a["text"] for a in CORPUS]
    everything = candidate_pairs(texts)
    new = [1, len(texts) - 1]
    assert candidate_pairs(texts, new=new) == [(i, j) for i, j in everything if i in new or j in new]
    assert candidate_pairs(texts, new=[]) == []


def test_dates_compare_at_the_coarser_precision():
    assert compare_published({"published": "2024-03-05", "published_precision": "day"},
                             {"published": "2024-03-05T23:00:00+00:00"}) == (0, "same day")
    assert compare_published({"published": "2024-03", "published_precision": "month"},
                             {"published": "2024-03-20"}) == (0, "same month")
    assert compare_published({"published": "2024-02", "published_precision": "month"},
                             {"published": "2024-03-01"}) == (-1, "published")
    assert compare_published({"published": "2024-03-05T00:00:00", "published_precision": "day"},
                             {"published": "2024-03-05T09:00:00+00:00"}) == (0, "same day")
    assert compare_published({"published": None}, {"published": "2024-03-05"}) == (None, "undated")


def test_orient_is_symmetric():
    for a, b in ((FLOOD_A, FLOOD_B), (WIRE, DALES), (TWIN_1, TWIN_2), (UNDATED_1, UNDATED_2)):
        forward, backward = orient(a, b), orient(b, a)
        assert forward[0] is backward[0] and forward[2:] == backward[2:]


def test_direct_edges_without_texts_counts_every_character(all_edges):
    assert triples(direct_edges(all_edges)) == DIRECT


def test_text_in_very_many_articles_is_common_text_not_evidence_of_copying():
    # 150 articles each carry the same long house paragraph beside their own words; one pair also
    # shares a paragraph of its own. Only that pair is a candidate: the common paragraph is left out.
    from analysis.reuse.candidates import candidate_pairs

    house = ("This article is part of our community coverage and may be shared with partner newspapers "
             "across the region under our syndication terms, which readers can find on the about page. ")
    words = ["alder", "birch", "cedar", "delta", "ember", "fjord", "grove", "heath", "inlet", "juniper",
             "kestrel", "larch", "meadow", "nettle", "osprey", "poplar", "quarry", "rowan", "sorrel", "thistle"]

    def own(n):
        return " ".join(f"{words[(n * 7 + k * 3) % 20]}{n}x{k}" for k in range(60))

    texts = [house + own(n) for n in range(150)]
    shared = "the county engineer walked the span with the inspectors and found the bearing displaced " * 3
    texts[10] += " " + shared
    texts[99] += " " + shared
    assert candidate_pairs(texts) == [(10, 99)]
