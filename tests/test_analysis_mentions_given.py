"""Lone given names on invented text: "Ellen said ..." after the article names Ellen Cranston in full."""
import re

from analysis.lexicon import Lexicon
from analysis.mentions import resolve_mentions
from analysis.names import parse_name
from analysis.second_pass import KnownWords, find_given_mentions
from tests.test_analysis_mentions_second_pass import KNOWN, LEXICON


def given(text, full, known_words=KNOWN):
    names = {1: [parse_name(n) for n in full]}
    taken = {(1, "text"): [(m.start(), m.end()) for n in full for m in re.finditer(n, text)]}
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=known_words))
    assert all(text[f["start"]:f["end"]] == f["surface"] for f in found)
    return [(f["surface"], f["full_name"], f["part"], f["method"]) for f in found]


def test_a_given_name_alone_is_the_person_the_article_names_in_full():
    text = "Ellen Cranston won the vote. Ellen said she would serve. Later Elen’s office confirmed it."
    assert given(text, ["Ellen Cranston"]) == [("Ellen", "Ellen Cranston", "given", "given"),
                                               ("Elen", "Ellen Cranston", "given", "given")]


def test_a_given_name_with_its_letters_scrambled_is_the_persons():
    """ "Masirol" for "Marisol" (two letters apart, past a typo at 7 letters): the first letter kept, the
    others shuffled, as the surname search allows."""
    text = "Marisol Cranston won the vote. Later Masirol’s office confirmed it."
    assert given(text, ["Marisol Cranston"]) == [("Masirol", "Marisol Cranston", "given", "given")]


def test_a_word_near_a_given_name_after_a_definite_article_is_a_noun_not_the_name_misspelt():
    """A Spanish page: "la Marisal" (a noun of its language, two letters from Marisol) is no given name;
    the same word with no article before it is her given name misspelt, and her given name written
    right stays hers after an article too."""
    text = "Marisol Cranston habló por la Marisal. Luego Marisal dijo que la Marisol de siempre volvió."
    assert given(text, ["Marisol Cranston"], known_words=KnownWords()) == [
        ("Marisal", "Marisol Cranston", "given", "given"), ("Marisol", "Marisol Cranston", "given", "given")]


def test_a_function_word_of_the_pages_language_is_no_misspelt_given_name():
    """French "Cette" (this) is a letter from Mette: on a French page, after the article names Mette
    Cranston, it opens a sentence as the word it is; her given name alone is still hers."""
    from analysis.lexicon import function_words

    text = "Mette Cranston parle. Cette semaine, Mette a voté."
    names = {1: [parse_name("Mette Cranston")]}
    taken = {(1, "text"): [(0, 14)]}
    french = {(1, "text"): function_words("fr")}
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KnownWords(),
                                            function_words=french))
    assert [f["surface"] for f in found] == ["Mette"]
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KnownWords()))
    assert [f["surface"] for f in found] == ["Cette", "Mette"]


def test_two_people_with_that_given_name_make_it_ambiguous():
    text = "Ellen Cranston and Ellen Marsh spoke. Ellen said no."
    assert given(text, ["Ellen Cranston", "Ellen Marsh"]) == []


def test_one_person_spelt_two_ways_is_still_one_person():
    text = "Ellen Cranston spoke; a mirror wrote Ellen Kranston. Ellen said no."
    assert given(text, ["Ellen Cranston", "Ellen Kranston"]) == [("Ellen", "Ellen Cranston", "given", "given")]


def test_words_that_only_look_like_the_given_name_are_left_alone():
    text = "Marco Lindqvist arrived in March. Ellen Whitby, not Marco, spoke; we will see."
    # "March" is an English word a letter from Marco; "Ellen Whitby" is another two-word name.
    known = KnownWords(frozenset(), _with(LEXICON, "march"))
    assert given(text, ["Marco Lindqvist"], known) == [("Marco", "Marco Lindqvist", "given", "given")]


def test_a_word_ner_took_for_a_place_where_it_stands_is_no_given_name():
    """NER took a party for a person, "Moravian Union"; "Moravia", a letter from its first word, is the
    country wherever NER tagged a place there, and only a word NER left untagged is judged at all."""
    text = "Moravian Union won in Moravia. Moravia voted. Moravian Union said so."
    names = {1: [parse_name("Moravian Union")]}
    taken = {(1, "text"): [(m.start(), m.end()) for m in re.finditer("Moravian Union", text)]}
    places = {(1, "text"): {m.start(): m.end() for m in re.finditer(r"Moravia\b", text)}}
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KNOWN, places=places))
    assert found == []
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KNOWN))
    assert [f["surface"] for f in found] == ["Moravia", "Moravia"]


def test_a_places_possessive_without_its_apostrophe_is_no_given_name():
    """A slug's headline drops the apostrophe ("Moravias Next Leader" for Moravia's): with Moravia a
    place of the story, "Moravias" is its possessive, not a given name a letter from Moravian's. A page
    naming a person of that very given name in full keeps it as theirs."""
    text = "Moravian Union won. Ally Named Moravias Next Leader."
    names = {1: [parse_name("Moravian Union")]}
    taken = {(1, "text"): [(0, len("Moravian Union"))]}
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KNOWN,
                                            place_words=frozenset({"moravia"})))
    assert found == []
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KNOWN))
    assert [f["surface"] for f in found] == ["Moravias"]
    names = {1: [parse_name("Moravias Union")]}
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KNOWN,
                                            place_words=frozenset({"moravia"})))
    assert [f["surface"] for f in found] == ["Moravias"]


def test_a_given_name_in_a_title_case_headline_is_the_persons():
    """A headline capitalises every word ("Speaking To Elen On The Phone"): the capital of a function
    word after the given name makes no two-word name of it; a word that may be a name does."""
    text = "Ellen Cranston: Speaking To Elen On The Phone. Ellen Park spoke too."
    assert given(text, ["Ellen Cranston"]) == [("Elen", "Ellen Cranston", "given", "given")]


def test_without_a_full_name_in_the_article_nothing_is_found():
    assert given("Ellen said she would serve.", []) == []


def _with(lexicon, word):
    return Lexicon(lexicon.words | {word}, lexicon.rules)


def _doc(text):
    return {"title": "", "description": "", "keywords": "", "url": "", "author": "", "text": text,
            "article_id": 1, "origin": "o", "outlet": "o", "authoritative": False, "published": None}


def test_resolution_marks_lone_given_names_from_ner_and_the_second_pass():
    text = ("Mayor Ellen Cranston opened the bridge. Ellen thanked the crews. "
            "Ellen Cranston said the bridge was safe. Elen waved.")
    spans = ["Mayor Ellen Cranston", "Ellen", "Ellen Cranston"]
    found, at = [], 0
    for n, surface in enumerate(spans):
        start = text.index(surface, at)
        at = start + len(surface)
        found.append({"id": f"n{n}", "version_id": 1, "field": "text", "start": start, "end": at,
                      "surface": surface, "label": "PERSON"})
    resolved = resolve_mentions({1: _doc(text)}, found)
    lone = sorted((m["surface"], m.get("method", "ner"), m.get("full_name"))
                  for m in resolved.persons if m.get("part") == "given")
    # NER's one-word "Ellen" is no evidence on its own (one article, no title); the given pass finds it.
    assert lone == [("Elen", "given", "Ellen Cranston"), ("Ellen", "given", "Ellen Cranston")]


def test_a_credible_one_word_ner_mention_is_marked_as_a_given_name():
    docs, found = {}, []
    for n in (1, 2):  # one-word "Ellen" in two articles is credible NER evidence
        text = "Ellen Cranston spoke. Ellen left."
        docs[n] = {**_doc(text), "article_id": n}
        for surface, start in (("Ellen Cranston", 0), ("Ellen", text.rindex("Ellen"))):
            found.append({"id": f"{n}{start}", "version_id": n, "field": "text", "start": start,
                          "end": start + len(surface), "surface": surface, "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    lone = [(m["surface"], m.get("method"), m["full_name"]) for m in resolved.persons if m.get("part") == "given"]
    assert lone == [("Ellen", None, "Ellen Cranston")] * 2


def test_a_near_spelling_of_a_surname_that_is_the_articles_given_name_is_that_given_name():
    # "Clarke" is a letter from Helena Clark's surname, and exactly the given name of the partner the
    # article names in full: his given name, not her misspelt surname.
    docs = {1: {**_doc("Helena Clark spoke on Monday."), "article_id": 1},
            2: {**_doc("Helena Clark thanked her partner Clarke Hale. To Clarke, thank you."), "article_id": 2}}
    found = []
    for version_id, surface in ((1, "Helena Clark"), (2, "Helena Clark"), (2, "Clarke Hale")):
        start = docs[version_id]["text"].index(surface)
        found.append({"id": f"{version_id}{start}", "version_id": version_id, "field": "text", "start": start,
                      "end": start + len(surface), "surface": surface, "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    lone = [(m["surface"], m.get("part"), m.get("full_name")) for m in resolved.persons if m["surface"] == "Clarke"]
    assert lone == [("Clarke", "given", "Clarke Hale")]


def test_two_established_names_tagged_as_one_are_two_mentions_not_a_phantom_person():
    # Four outlets name both people in full; a fifth writes "Cranston Vikander talks" in a headline, which
    # NER tags as one PERSON. It is the two surnames side by side: each found as its own name.
    docs, found = {}, []
    for n in range(1, 5):
        text = "Mayor Ellen Cranston met Tomas Vikander on Monday. Cranston and Vikander agreed."
        docs[n] = {**_doc(text), "article_id": n, "origin": f"o{n}"}
        for surface in ("Ellen Cranston", "Tomas Vikander"):
            start = text.index(surface)
            found.append({"id": f"{n}{start}", "version_id": n, "field": "text", "start": start,
                          "end": start + len(surface), "surface": surface, "label": "PERSON"})
    text = "Cranston Vikander talks end without a deal, sources say."
    docs[5] = {**_doc(text), "article_id": 5, "origin": "o5"}
    found.append({"id": "50", "version_id": 5, "field": "text", "start": 0, "end": 17, "surface": "Cranston Vikander",
                  "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    on_page = sorted(m["surface"] for m in resolved.persons if m["version_id"] == 5)
    assert on_page == ["Cranston", "Vikander"]
    assert sorted(c["canonical"] for c in resolved.result.clusters) == ["Ellen Cranston", "Tomas Vikander"]


def test_a_garbled_title_ner_took_into_a_misspelt_name_leaves_the_name_to_be_judged():
    # Four outlets name Mayor Ellen Cranston; a machine-translated page writes "Gavor Ellen Cranstan" (a
    # garbled "Governor"), one PERSON to NER: no one's name, so her misspelling went unjudged. Dropped, the
    # second pass finds "Ellen Cranstan", her error, and takes no unknown word before her given name.
    docs, found = {}, []
    for n in range(1, 5):
        text = "Mayor Ellen Cranston spoke on Monday."
        docs[n] = {**_doc(text), "article_id": n, "origin": f"o{n}"}
        found.append({"id": f"{n}", "version_id": n, "field": "text", "start": 6, "end": 20,
                      "surface": "Ellen Cranston", "label": "PERSON"})
    text = "In the weeks after the fires, Gavor Ellen Cranstan moved quickly."
    docs[5] = {**_doc(text), "article_id": 5, "origin": "o5"}
    start = text.index("Gavor")
    found.append({"id": "50", "version_id": 5, "field": "text", "start": start, "end": start + 20,
                  "surface": "Gavor Ellen Cranstan", "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    assert [m["surface"] for m in resolved.persons if m["version_id"] == 5] == ["Ellen Cranstan"]
    owner = {s["surface"]: (c["canonical"], s["kind"]) for c in resolved.result.clusters for s in c["surfaces"]}
    assert owner["Ellen Cranstan"] == ("Ellen Cranston", "error")


def test_a_name_made_from_the_given_name_is_no_misspelling_of_it():
    """ "McRowland" (a surname made from the given name) and "Rowlands" are other names, not Rowland
    misspelt; "Rowlannd" is a slip."""
    text = "Rowland Cranston won. McRowland was at the diner, and Rowlands spoke. Later Rowlannd thanked them."
    assert given(text, ["Rowland Cranston"]) == [("Rowlannd", "Rowland Cranston", "given", "given")]


def test_a_relatives_given_name_after_a_family_word_is_theirs_though_the_page_never_names_them_in_full():
    """ "his wife Marizol": the page names only her husband in full; the story knows Marisol Cranston.
    Her Slavic-style family name in the other gender's form counts as the family too; without a family
    word before it the same word is nobody's."""
    text = "Ellen Cranston won. With his wife Marizol by his side, Cranston spoke. Marizol waved."
    names = {1: [parse_name("Ellen Cranston")]}
    taken = {(1, "text"): [(0, 14), (text.index("Cranston spoke"), text.index("Cranston spoke") + 8)]}
    relatives = {"cranston": [parse_name("Ellen Cranston"), parse_name("Marisol Cranston")]}

    def found(kin):
        [(_, mentions)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KNOWN,
                                                   relatives=kin))
        return [(m["surface"], m["start"], m["full_name"]) for m in mentions]

    assert found(None) == []
    assert found(relatives) == [("Marizol", text.index("Marizol"), "Marisol Cranston")]
    slavic = "Ivan Petrov won. His mother, Ludmilla, wept."
    [(_, mentions)] = list(find_given_mentions([((1, "text"), slavic)], {1: [parse_name("Ivan Petrov")]},
                                               {(1, "text"): [(0, 11)]}, known_words=KNOWN,
                                               relatives={"petrova": [parse_name("Ludmila Petrova")]}))
    assert [(m["surface"], m["full_name"]) for m in mentions] == [("Ludmilla", "Ludmila Petrova")]


def test_a_family_word_ner_took_into_a_relatives_given_name_does_not_make_a_person_of_it():
    """NER tags "wife Marizol" as one PERSON: a family word and the misspelt given name of the story's
    Marisol Cranston, whom this page never names in full. It is her given name, not a surname-only
    person "Marizol" whose misspelling nobody judges."""
    docs = {1: {**_doc("Marisol Cranston and Ellen Cranston spoke."), "article_id": 1},
            2: {**_doc("Ellen Cranston won. With his wife Marizol by his side, Cranston spoke."), "article_id": 2}}
    found = []
    for n, surfaces in ((1, ("Marisol Cranston", "Ellen Cranston")), (2, ("Ellen Cranston", "wife Marizol"))):
        for surface in surfaces:
            start = docs[n]["text"].index(surface)
            found.append({"id": f"{n}:{start}", "version_id": n, "field": "text", "start": start,
                          "end": start + len(surface), "surface": surface, "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    [wife] = [m for m in resolved.persons if "Marizol" in m["surface"]]
    assert (wife.get("part"), wife.get("full_name")) == ("given", "Marisol Cranston")
    owner = {s["surface"]: (c["canonical"], s["kind"]) for c in resolved.result.clusters for s in c["surfaces"]}
    assert owner["wife Marizol"] == ("Marisol Cranston", "error")  # as written, as a titled name is


def test_a_name_in_a_url_is_read_with_its_hyphens_as_spaces():
    # Two outlets write "Ana Lindahl Berg" in their text and "ana-lindahl-berg" in their URLs. Read as one
    # hyphenated word, the slug would give "berg" alone (her last family name alone, an error where
    # careful outlets call her by both); read as the words it stands for, it is her whole name.
    docs, found = {}, []
    for n in (1, 2):
        text = "Ana Lindahl Berg spoke on Monday."
        docs[n] = {**_doc(text), "article_id": n, "url": f"https://example.org/news/ana-lindahl-berg-speaks-{n}"}
        found.append({"id": f"n{n}", "version_id": n, "field": "text", "start": 0, "end": 16,
                      "surface": "Ana Lindahl Berg", "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    in_urls = sorted((m["surface"], docs[m["version_id"]]["url"][m["start"]:m["end"]])
                     for m in resolved.persons if m["field"] == "url")
    assert in_urls == [("ana lindahl berg", "ana-lindahl-berg")] * 2


def test_an_organisations_office_tagged_as_a_person_is_not_searched_for():
    # NER tags "Gallup Canada" as a PERSON once, and "Canada" as a place again and again. Searched for,
    # its "Canada" would be found in every sentence and glued to the name before it ("Ellen Cranston
    # Canada"). A surname NER takes for a place now and then but that ends many names stays searched.
    docs, found = {}, []
    texts = ["Gallup Canada polled voters. Ellen Cranston Canada's new premier spoke in Canada.",
             "Ellen Cranston won in Canada. Voters in Canada agreed.",
             "In Canada, Ellen Cranston thanked Canada."]
    for n, text in enumerate(texts, 1):
        docs[n] = {**_doc(text), "article_id": n}
        for surface, label in (("Gallup Canada", "PERSON"), ("Ellen Cranston", "PERSON"), ("Canada", "GPE")):
            at = 0
            while (start := text.find(surface, at)) >= 0:
                at = start + len(surface)
                if surface == "Canada" and text[start - 7:start] == "Gallup ":
                    continue
                found.append({"id": f"{n}{label}{start}", "version_id": n, "field": "text", "start": start,
                              "end": at, "surface": surface, "label": label})
    surfaces = sorted({m["surface"] for m in resolve_mentions(docs, found).persons})
    assert "Ellen Cranston" in surfaces and not {"Ellen Cranston Canada", "Canada"} & set(surfaces)


def _pages(texts: dict, entities: dict) -> tuple[dict, list]:
    """Documents of one outlet each, and NER's entities: the first place each page writes each one."""
    docs, found = {}, []
    for n, text in texts.items():
        docs[n] = {**_doc(text), "article_id": n, "origin": f"o{n}", "outlet": f"o{n}"}
        for surface, label in entities.items():
            if (start := text.find(surface)) >= 0:
                found.append({"id": f"{n}:{start}", "version_id": n, "field": "text", "start": start,
                              "end": start + len(surface), "surface": surface, "label": label})
    return docs, found


def _lowered_and_flagged(docs: dict, found: list) -> tuple[set, set]:
    """(article, surface) of the mentions written small, and the articles flagged for Ellen Cranston."""
    resolved = resolve_mentions(docs, found)
    [cluster] = [c for c in resolved.result.clusters if c["canonical"] == "Ellen Cranston"]
    lowered = {(docs[m["version_id"]]["article_id"], m["surface"]) for m in resolved.persons
               if m["surface"].islower()}
    flagged = {f["article_id"] for f in resolved.result.flags
               if f["level"] == "article" and f["cluster_id"] == cluster["id"]}
    return lowered, flagged


def test_a_name_lowered_in_a_sentence_that_capitalises_names_is_an_error_but_not_in_a_keyword_string():
    # Every page writes "Ellen Cranston" right. One machine rewrite lowers her surname in a sentence
    # that capitalises the other names ("as cranston speaks out in Harrow"): the letters are right, the
    # name is not written as a name. Another page's tag list writes every word small, names too: the
    # list's style, no error. Only the rewrite's article is flagged.
    texts = {1: "Ellen Cranston won the vote in Harrow. Cranston thanked the voters.",
             2: "Ellen Cranston won the vote. Later, Fraser admits defeat as cranston speaks out in Harrow.",
             3: "Ellen Cranston won the vote. Tags: harrow news, ellen cranston, cranston victory",
             4: "Ellen Cranston won the vote in Harrow, the count shows."}
    docs, found = _pages(texts, {"Ellen Cranston": "PERSON", "Fraser": "PERSON"})
    lowered, flagged = _lowered_and_flagged(docs, found)
    assert {(2, "cranston"), (3, "ellen cranston")} <= lowered  # both found, judged apart
    assert flagged == {2}


def test_a_name_lowered_in_a_clause_of_an_english_sentence_is_an_error_but_not_in_a_search_phrase():
    # A machine rewrite lowers the surname between commas, in a clause with no other capitalised word
    # ("On May 2, cranston he won the vote by a wide margin."): the clause is a sentence's, whose
    # function words say so. An SEO page's search phrase writes every word small, with words of a
    # question ("who is ellen cranston and what did she win"): no sentence, opened by no capital and
    # closed by no full stop, but the phrase's style. Only the rewrite's article is flagged.
    texts = {1: "Ellen Cranston won the vote in Harrow. Cranston thanked the voters.",
             2: "Ellen Cranston won the vote. On May 2, cranston he won it by a wide margin, the count shows.",
             3: "Ellen Cranston won the vote.\n\nwho is ellen cranston and what did she win\n\nThe count was slow.",
             4: "Ellen Cranston won the vote in Harrow, the count shows."}
    docs, found = _pages(texts, {"Ellen Cranston": "PERSON"})
    lowered, flagged = _lowered_and_flagged(docs, found)
    assert {(2, "cranston"), (3, "ellen cranston")} <= lowered  # both found, judged apart
    assert flagged == {2}


def test_a_name_lowered_as_a_tag_after_its_label_in_an_english_sentence_is_the_tags_style():
    # A tag page's line "See all articles tagged with ellen cranston and discover more topics!" reads as
    # an English sentence, but the name after "tagged with" is the tag, in the tag's small letters: no
    # error. The same words lowered in a news sentence are one.
    texts = {1: "Ellen Cranston won the vote in Harrow. Cranston thanked the voters.",
             2: "Ellen Cranston won the vote.\nSee all articles tagged with ellen cranston and discover more topics!",
             3: "Ellen Cranston won the vote. On May 2, ellen cranston he won it by a wide margin, the count shows.",
             4: "Ellen Cranston won the vote in Harrow, the count shows."}
    docs, found = _pages(texts, {"Ellen Cranston": "PERSON"})
    lowered, flagged = _lowered_and_flagged(docs, found)
    assert {(2, "ellen cranston"), (3, "ellen cranston")} <= lowered  # both found, judged apart
    assert flagged == {3}


def test_a_place_near_only_a_misspelling_of_a_surname_is_the_place():
    # Three pages write Ren Tamagari; one misspells him "Ren Tamaguri". "Tamaguchi", his home town, which
    # NER tags as a place, is two letters from the misspelling but three from his name: a garble of a
    # garble is weak evidence of him, the place tag strong evidence against. The misspelling itself is
    # still found wherever it is written again ("Tamaguri left").
    texts = {1: "Ren Tamagari spoke in Osaka.", 2: "Ren Tamagari won the seat.", 3: "Ren Tamagari thanked voters.",
             4: "Ren Tamaguri spoke on Monday. Later Tamaguri left for the airport.",
             5: "Ren Tamagari visited his office in Tamaguchi on Monday."}
    docs, found = _pages(texts, {"Ren Tamagari": "PERSON", "Ren Tamaguri": "PERSON", "Tamaguchi": "GPE"})
    surfaces = {(m["version_id"], m["surface"]) for m in resolve_mentions(docs, found).persons}
    assert (4, "Tamaguri") in surfaces
    assert not any("Tamaguchi" in surface for _, surface in surfaces)


def test_a_given_name_after_a_popes_or_a_monarchs_title_is_that_holders_name():
    # The article names Cardinal Francis Deleuze in full; "Pope Francis" and "King Francis" are a pope's
    # and a king's names of office, not the cardinal's given name alone. "Francis said" is his.
    text = "Cardinal Francis Deleuze spoke. Pope Francis chose him; King Francis sent word. Francis said yes."
    found = given(text, ["Francis Deleuze"])
    assert [surface for surface, *_ in found] == ["Francis"]
    assert len(re.findall("Francis", text)) == 4


def test_a_one_word_ner_name_after_a_popes_title_is_no_given_name_of_the_article():
    # NER tags "Francis" of "Pope Francis" alone, on every page; one page names Cardinal François
    # Deleuze in full. The pope's name is near the cardinal's given name, but a name of office is not
    # his given name; the page's "François said" is.
    texts = {1: "Cardinal François Deleuze will announce Pope Francis’ successor. François said so.",
             2: "Pope Francis died on Monday.", 3: "Mourners remembered Pope Francis."}
    docs, found = _pages(texts, {"François Deleuze": "PERSON", "Francis": "PERSON"})
    resolved = resolve_mentions(docs, found)
    parts = {(m["version_id"], m["surface"]): m.get("full_name") for m in resolved.persons
             if m["surface"] in ("Francis", "François")}
    assert parts[1, "François"] == "François Deleuze"
    assert (1, "Francis") in parts and parts[1, "Francis"] is None


def _story(texts, spans):
    """resolve_mentions over invented pages (the first three careful) and NER's spans on them: per
    person mention, (page, surface, part, full_name, canonical of its person, kind)."""
    docs, found = {}, []
    for n, text in texts.items():
        docs[n] = {**_doc(text), "article_id": n, "origin": f"o{n}", "outlet": f"o{n}", "authoritative": n <= 3}
    for n, surfaces in spans.items():
        at = 0
        for surface in surfaces:
            start = docs[n]["text"].index(surface, at)
            at = start + len(surface)
            found.append({"id": f"{n}-{start}", "version_id": n, "field": "text", "start": start, "end": at,
                          "surface": surface, "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    assigned = {a["mention_id"]: a for a in resolved.result.assignments}
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    return [(m["version_id"], m["surface"], m.get("part"), m.get("full_name"),
             canonical.get(assigned.get(m["id"], {}).get("cluster_id")), assigned.get(m["id"], {}).get("kind"))
            for m in resolved.persons]


#: Mayor Pavel Dorin, named by three careful outlets; two aggregators write "Mayor Darin", his surname a
#: letter off, which the first decision takes for his misspelt surname.
DORIN = ({1: "Mayor Pavel Dorin opened the bridge. Dorin spoke.", 2: "Mayor Pavel Dorin spoke on Monday.",
          3: "Pavel Dorin and the council met.", 4: "Mayor Darin spoke at length.", 5: "Mayor Darin left early."},
         {1: ["Mayor Pavel Dorin", "Dorin"], 2: ["Mayor Pavel Dorin"], 3: ["Pavel Dorin"], 4: ["Mayor Darin"],
          5: ["Mayor Darin"]})


def test_a_word_taken_for_a_misspelt_surname_is_still_the_given_name_of_a_person_the_page_names():
    # A page names the engineer Darin Kovalsky in full, then "Darin": his given name, though the story's
    # aggregators misspell the mayor's surname so. The word is no surname of its own for being an error's.
    texts, spans = DORIN
    page = "Darin Kovalsky, the engineer, arrived. Later Darin thanked the crews."
    found = _story({**texts, 6: page}, {**spans, 6: ["Darin Kovalsky"]})
    assert (6, "Darin", "given", "Darin Kovalsky", "Darin Kovalsky") in [row[:5] for row in found]
    assert [row for row in found if row[1] == "Mayor Darin"][0][4:] == ("Pavel Dorin", "error")


def test_a_given_name_two_people_of_the_page_share_is_judged_for_nobody():
    # Two engineers named Darin: the lone "Darin" is one of theirs, the page does not say whose. It is
    # judged for nobody, not taken for the mayor's surname misspelt.
    texts, spans = DORIN
    page = "Darin Kovalsky and Darin Mertens arrived. Later Darin thanked the crews."
    found = _story({**texts, 6: page}, {**spans, 6: ["Darin Kovalsky", "Darin Mertens"]})
    assert [row for row in found if row[:2] == (6, "Darin")] == [(6, "Darin", "given", None, None, None)]


def test_a_lone_word_that_is_a_relatives_given_name_is_theirs_without_a_family_word():
    # Two pages name only Lena Kovalsky in full, then "Darin": exactly the given name of Darin Kovalsky,
    # whom the story names in full elsewhere. A family's given name, not the mayor's surname misspelt.
    texts, spans = DORIN
    texts = {**{n: texts[n] for n in (1, 2, 3)}, 4: "Lena Kovalsky praised the bridge. Darin had built it.",
             5: "Lena Kovalsky spoke again. Darin was not there.", 6: "Darin Kovalsky and Lena Kovalsky run the firm."}
    spans = {**{n: spans[n] for n in (1, 2, 3)}, 4: ["Lena Kovalsky", "Darin"], 5: ["Lena Kovalsky", "Darin"],
             6: ["Darin Kovalsky", "Lena Kovalsky"]}
    lone = [row for row in _story(texts, spans) if row[1] == "Darin"]
    assert lone == [(n, "Darin", "given", "Darin Kovalsky", "Darin Kovalsky", "given") for n in (4, 5)]


def test_the_surname_of_a_person_the_page_names_in_full_is_theirs_though_a_slug_pairs_it_as_a_given_name():
    # Two rivals, Teodor Halvik and Marta Ronn (invented). One page runs their surnames together as NER
    # reads a name ("the Halvik Ronn debate"); the story's other pages name Halvik in full and then
    # "Halvik" alone. That word is the surname of the man the page names, not the given name of a
    # "Halvik Ronn" of the Ronn family.
    texts = {n: f"Teodor Halvik met Marta Ronn on day {n}. Halvik spoke first." for n in (1, 2, 3, 4)}
    texts[5] = "The Halvik Ronn debate was long."
    spans = {n: ["Teodor Halvik", "Marta Ronn", "Halvik"] for n in (1, 2, 3, 4)}
    spans[5] = ["Halvik Ronn"]
    lone = {(row[0], row[2], row[4]) for row in _story(texts, spans) if row[1] == "Halvik"}
    assert lone == {(n, None, "Teodor Halvik") for n in (1, 2, 3, 4)}


def test_a_name_ner_cut_one_given_name_short_is_the_whole_name_the_story_writes():
    # Three careful outlets write "Ada Ngozi Bello" in full. On a fourth page NER tags only "Ngozi Bello"
    # after "I, Ada", and on a fifth it gives "Ada" to a name of its own with the chieftaincy title before
    # it ("Chief Ada" | "Ngozi Bello"). Both are the whole name, which the story writes: no second person
    # "Ngozi Bello", and no lone "Ada" judged a misspelling of anyone.
    texts = {n: f"Ada Ngozi Bello spoke on day {n}." for n in (1, 2, 3)}
    texts[4] = "I, Ada Ngozi Bello, swear to serve."
    texts[5] = "The sworn-in Chief Ada Ngozi Bello waved."
    spans = {n: ["Ada Ngozi Bello"] for n in (1, 2, 3)}
    spans[4] = ["Ngozi Bello"]
    spans[5] = ["Chief Ada", "Ngozi Bello"]
    found = _story(texts, spans)
    on_pages = sorted((row[0], row[1], row[4]) for row in found if row[0] in (4, 5))
    assert on_pages == [(4, "Ada Ngozi Bello", "Ada Ngozi Bello"), (5, "Ada Ngozi Bello", "Ada Ngozi Bello")]


def test_a_persons_name_written_family_name_first_is_one_name_not_two_joined():
    # Three careful pages name Mayor Ellen Cranston (invented); an aggregator writes "Mayor Cranston
    # Ellen". NER's span is her name with its words swapped, not her surname joined to another name:
    # kept whole, it is her name written in an order no careful outlet uses, and the page is flagged.
    texts = {n: f"Mayor Ellen Cranston spoke on day {n}." for n in (1, 2, 3)}
    texts[4] = "Mayor Cranston Ellen spoke at length."
    spans = {n: ["Mayor Ellen Cranston"] for n in (1, 2, 3)}
    spans[4] = ["Mayor Cranston Ellen"]
    on_page = [(row[1], row[4], row[5]) for row in _story(texts, spans) if row[0] == 4]
    assert on_page == [("Mayor Cranston Ellen", "Ellen Cranston", "error")]


def test_a_lone_word_as_near_a_surname_the_page_writes_as_a_given_name_is_no_given_name():
    # The story calls Rami Qassem (invented) "Kassem" too, and names a General Qassem Darwish. A page
    # names Rami Qassem and Qassem Halabi, then writes "Kassem" three times: a typo away both from
    # Halabi's given name and from Qassem's surname. Articles call people by surname far more often:
    # the word is left to the surname, not taken for Halabi's given name.
    texts = {n: f"Rami Qassem spoke on day {n}. Kassem said more. General Qassem Darwish agreed." for n in (1, 2, 3)}
    texts[4] = "Rami Qassem met Qassem Halabi. Kassem said no. Kassem left. Kassem returned."
    spans = {n: ["Rami Qassem", "Kassem", "General Qassem Darwish"] for n in (1, 2, 3)}
    spans[4] = ["Rami Qassem", "Qassem Halabi", "Kassem", "Kassem", "Kassem"]
    lone = {(row[2], row[4]) for row in _story(texts, spans) if row[1] == "Kassem"}
    assert lone == {(None, "Rami Qassem")}


def test_a_near_spelling_under_a_title_that_is_the_articles_given_name_is_that_given_name():
    # Coverage of people who go by their given names writes titles before them: "Prime Minister Clarke"
    # on a page naming Clarke Hale in full is his given name, not Helena Clark's surname misspelt.
    docs, found = _pages({1: "Helena Clark spoke on Monday.",
                          2: "Helena Clark met Clarke Hale. Prime Minister Clarke thanked her."},
                         {"Helena Clark": "PERSON", "Clarke Hale": "PERSON"})
    resolved = resolve_mentions(docs, found)
    titled = [(m.get("part"), m.get("full_name")) for m in resolved.persons if m["surface"].endswith("Minister Clarke")]
    assert titled == [("given", "Clarke Hale")]


def test_the_surname_of_someone_in_the_story_is_no_near_spelling_of_anothers_given_name():
    """"Tomaz" is a letter from Tomas, whom the page names in full; but the story names a
    Luis Tomaz, whose surname it is (a page about him may name Tomas Ruiz too)."""
    text = "Tomas Ruiz was questioned. Tomaz, the minister, said nothing."
    names = {1: [parse_name("Tomas Ruiz")]}
    taken = {(1, "text"): [(0, 10)]}
    relatives = {"tomaz": [parse_name("Luis Tomaz")], "ruiz": [parse_name("Tomas Ruiz")]}
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KnownWords()))
    assert [f["surface"] for f in found] == ["Tomaz"]
    [(_, found)] = list(find_given_mentions([((1, "text"), text)], names, taken, known_words=KnownWords(),
                                            relatives=relatives))
    assert found == []


def test_a_ner_word_that_is_a_storys_surname_is_no_near_spelling_of_the_articles_given_name():
    # A page about the minister names the suspect Tomas Ruiz in full and the minister, Luis
    # Tomaz, by surname only; other pages name him in full. "Tomaz" is his surname, not
    # Tomas misspelt.
    texts = {1: "Luis Tomaz resigned.", 2: "Luis Tomaz spoke.",
             3: "Tomas Ruiz was questioned. Tomaz said nothing.", 4: "Tomas Ruiz was held. Tomaz left."}
    docs = {n: {**_doc(text), "article_id": n} for n, text in texts.items()}
    found = []
    for version_id, surface in ((1, "Luis Tomaz"), (2, "Luis Tomaz"), (3, "Tomas Ruiz"), (3, "Tomaz"),
                                (4, "Tomas Ruiz"), (4, "Tomaz")):
        for match in re.finditer(surface + r"\b", docs[version_id]["text"]):
            found.append({"id": f"{version_id}{match.start()}", "version_id": version_id, "field": "text",
                          "start": match.start(), "end": match.end(), "surface": surface, "label": "PERSON"})
    resolved = resolve_mentions(docs, found)
    assert [m for m in resolved.persons if m["surface"] == "Tomaz" and m.get("part") == "given"] == []


def test_a_name_run_together_after_a_tag_label_is_a_tag_not_an_error():
    # A tag page opens "Keyword: ellencranston" (invented): one tag after its label, written run together
    # as tags are, no writer's garble. The same words without the label are a sentence's run-together
    # name: an error, flagged.
    def flagged(third):
        texts = {1: "Ellen Cranston won the vote in Harrow. Cranston thanked the voters.",
                 2: "Ellen Cranston won the vote. Cranston spoke.", 3: third}
        docs, found = _pages(texts, {"Ellen Cranston": "PERSON"})
        resolved = resolve_mentions(docs, found)
        cluster = next(c for c in resolved.result.clusters if c["canonical"] == "Ellen Cranston")
        return {f["article_id"] for f in resolved.result.flags
                if f["level"] == "article" and f["cluster_id"] == cluster["id"]}

    assert flagged("Keyword: ellencranston\nThe vote in Harrow was counted overnight.") == set()
    assert flagged("Later ellencranston spoke.\nThe vote in Harrow was counted overnight.") == {3}
