"""Garbles past any typo rule, on invented text through the real model: a transcript that writes both
names of a person as heard, a page that garbles a given name under the person's surname and title.
Each is that person's error; a namesake without the person's title stays a person of their own."""
from __future__ import annotations

from analysis.entities import story_words
from analysis.mentions import resolve_mentions
from analysis.records import Topic
from analysis.second_pass import KnownWords, find_more_mentions
from tests.invented_story import owners as story_owners
from tests.invented_story import resolve as story_resolve

CAREFUL = [
    "Governor Genevieve Cranston signed the water bill in Millbrook on Tuesday. Cranston said it was overdue.",
    "Millbrook's Governor Genevieve Cranston defended the water bill. Cranston thanked the council.",
    "Genevieve Cranston, the governor, signed the bill. Cranston spoke briefly about the water supply.",
]


def owners(nlp, page: str) -> dict:
    return story_owners(nlp, CAREFUL, page, "Genevieve Cranston")


def test_a_given_name_garbled_under_the_persons_surname_and_title_is_the_persons_error(nlp):
    found = owners(nlp, "Water bill: Governor Genoveva Cranston signed it in Millbrook on Tuesday.")
    assert found["Governor Genoveva Cranston"] == ("Genevieve Cranston", "error")


def test_the_same_garble_without_the_persons_title_stays_a_person(nlp):
    found = owners(nlp, "Millbrook water bill: Genoveva Cranston, a baker on Main Street, said prices would rise.")
    assert found["Genoveva Cranston"][0] == "Genoveva Cranston"


def test_both_names_garbled_a_little_are_the_persons_error_without_a_title(nlp):
    # A given name keeping its first letter and most letters, and a surname a typo from theirs: two
    # resemblances at once, where a neighbour would share the family's surname as it is spelt.
    found = owners(nlp, "Millbrook water bill: Genevra Kranston, a baker on Main Street, said prices would rise.")
    assert found["Genevra Kranston"] == ("Genevieve Cranston", "error")


def test_both_names_of_another_person_of_the_story_garbled_a_little_are_that_persons_error(nlp):
    # Not only the subject's: a treasurer the careful pages name, both of whose names a rewrite garbles
    # a little, is that treasurer written carelessly, not a second person of the story.
    careful = [page + " Marisa Dellano, the treasurer, said the budget would hold." for page in CAREFUL]
    found = story_owners(nlp, careful, "Millbrook water bill: Marisela Dellana, a clerk, said the budget was tight.",
                         "Genevieve Cranston")
    assert found["Marisela Dellana"] == ("Marisa Dellano", "error")


def test_both_names_written_as_heard_are_the_persons_error(nlp):
    found = owners(nlp, "Water bill transcript: and then Jeneveeve Krenstone signed it. Krenstone said it was overdue.")
    assert found["Jeneveeve Krenstone"] == ("Genevieve Cranston", "error")


def test_a_surname_garbled_past_a_near_spelling_is_found_after_the_persons_given_name():
    people = [{"surnames": ["mcinany"], "given": ["ashleigh"]}]
    words = KnownWords(frozenset({"unlike", "former", "said"}))
    text = "unlike Ashlee mcaninny, former secretaries; unlike mcaninny; Bob mcaninny said"
    (_, found), = find_more_mentions([(1, text)], people, {}, known_words=words)
    # With the person's given name (as heard) before it, one more edit is allowed; alone, or after
    # another given name, the word is too far from the surname to be taken.
    assert [m["surface"] for m in found] == ["Ashlee mcaninny"]


def test_a_name_ner_cut_short_before_a_misspelt_surname_is_found_whole():
    """NER tags the given names and stops before a surname it does not know ("Anna Louise" |
    "Kranston"); the second pass finds the whole name, which replaces NER's given names, so the page is
    the person's error instead of an "Anna Louise" of its own."""
    texts = ["Governor Anna Louise Cranston signed the water bill. Cranston said it was overdue.",
             "Millbrook's Governor Anna Louise Cranston defended the water bill.",
             "Anna Louise Cranston, the governor, signed the bill on Tuesday.",
             "The water bill was signed by Anna Louise Kranston in Millbrook."]
    docs = {i: {"title": "", "description": "", "keywords": "", "url": "", "author": "", "text": text,
                "article_id": i, "origin": f"o{i}", "outlet": f"o{i}", "authoritative": i < 3,
                "published": f"2026-03-0{i + 1}", "language": "en"} for i, text in enumerate(texts)}
    entities_found = []
    for i, text in enumerate(texts):
        # NER's spans: the whole name on the careful pages, the given names alone on the last one
        name = "Anna Louise" if i == 3 else "Anna Louise Cranston"
        start = text.index(name)
        entities_found.append({"id": f"n{i}", "version_id": i, "field": "text", "start": start,
                               "end": start + len(name), "surface": name, "label": "PERSON"})
    resolved = resolve_mentions(docs, entities_found, topic=Topic(names=("Anna Louise Cranston",), articles=frozenset(docs)))
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    kinds = {a["mention_id"]: (canonical.get(a["cluster_id"]), a["kind"]) for a in resolved.result.assignments}
    on_page = {m["surface"]: kinds.get(m["id"]) for m in resolved.persons if m["version_id"] == 3}
    assert on_page == {"Anna Louise Kranston": ("Anna Louise Cranston", "error")}


HEARD = ["Governor Ellen Braetz signed the water bill in Millbrook on Tuesday. Braetz said it was overdue.",
         "Millbrook's Governor Ellen Braetz defended the water bill. Braetz thanked the council.",
         "Ellen Braetz, the governor, signed the bill. Braetz spoke briefly about the water supply."]


def test_a_name_written_as_heard_by_several_aggregators_is_the_persons_error(nlp):
    """Three aggregators write the governor's surname the way it sounds ("Brates", one Metaphone key,
    too far for a typo): by count the form is established, but no careful outlet writes it and her own
    name has every careful outlet behind it, so it is her error, not a namesake."""
    copies = [f"Water bill news: Ellen Brates signed it in Millbrook. Brates said the supply {word}."
              for word in ("was overdue", "needed work", "comes first")]
    found = story_owners(nlp, HEARD, copies, "Ellen Braetz")
    assert found["Ellen Brates"] == ("Ellen Braetz", "error")
    # The same three pages outside the story's topic: a namesake's, who stays a person of her own.
    apart = story_owners(nlp, HEARD, copies, "Ellen Braetz", off_topic=3)
    assert apart["Ellen Brates"][0] == "Ellen Brates"


def test_a_garble_a_careful_outlet_only_quotes_is_not_vouched_for_by_it(nlp):
    """A senator's post calls the governor "Ellen Brainz"; a careful newsroom and two aggregators
    quote it. The newsroom reproduces his words, it does not write the name so: the form has no
    careful outlet behind it, and under her title and given name it is her error, not a namesake's."""
    post = '"Governor Ellen Brainz refused to sign the water bill and should resign," the senator wrote.'
    careful = [*HEARD, f"The water bill fight went on. {post} Braetz did not answer."]
    copies = [f"Water bill news: {post} It was {word}." for word in ("shared widely", "deleted later")]
    found = story_owners(nlp, careful, copies, "Ellen Braetz")
    assert found["Governor Ellen Brainz"] == ("Ellen Braetz", "error")


def test_a_name_written_twice_in_a_row_is_the_name_and_its_surname():
    """A breadcrumb glued to a headline ("Politics / Ana Ruiz" + "Ruiz Resigns") is not "Ana Ruiz Ruiz"."""
    people = [{"surnames": ["ruiz"], "given": ["ana"]}]
    text = "Politics / Ana Ruiz Ruiz Resigns as Mayor"
    (_, found), = find_more_mentions([(1, text)], people, {}, known_words=KnownWords(frozenset({"politics", "resigns"})))
    assert [m["surface"] for m in found] == ["Ana Ruiz", "Ruiz"]


def test_a_misspelt_bare_surname_goes_to_the_one_person_of_that_surname_its_article_names(nlp):
    """Two people share the surname, so "Brennen" alone fits both; its article names only one of them."""
    careful = ["Governor Ellen Brennan signed the water bill on Tuesday. Her son, Tom Brennan, was there.",
               "Governor Ellen Brennan defended the water bill. Tom Brennan, her son, spoke too.",
               "Ellen Brennan, the governor, and Tom Brennan, a lawyer, met the council in Millbrook."]
    found = story_owners(nlp, careful, "Water bill: Tom Brennan spoke in Millbrook. Later Brennen said it was fair.",
                         "Ellen Brennan")
    assert found["Brennen"] == ("Tom Brennan", "error")


def test_a_name_run_together_in_a_url_is_the_way_urls_are_written_not_a_garble():
    texts = ["Governor Ellen Cranston signed the water bill. Cranston said it was overdue.",
             "Millbrook's Governor Ellen Cranston defended the water bill.",
             "Ellen Cranston, the governor, signed the bill on Tuesday.",
             "The water bill: Ellencranston says the supply comes first."]
    urls = ["https://o0.example/water-bill", "https://o1.example/water", "https://o2.example/bill",
            "https://o3.example/tag/ellencranston"]
    docs = {i: {"title": "", "description": "", "keywords": "", "url": urls[i], "author": "", "text": text,
                "article_id": i, "origin": f"o{i}", "outlet": f"o{i}", "authoritative": i < 3,
                "published": f"2026-03-0{i + 1}", "language": "en"} for i, text in enumerate(texts)}
    entities_found = [{"id": f"n{i}", "version_id": i, "field": "text", "start": text.index("Ellen Cranston"),
                       "end": text.index("Ellen Cranston") + 14, "surface": "Ellen Cranston", "label": "PERSON"}
                      for i, text in enumerate(texts[:3])]
    resolved = resolve_mentions(docs, entities_found, topic=Topic(names=("Ellen Cranston",), articles=frozenset(docs)))
    kinds = {(m["field"], m["surface"]): a["kind"] for m in resolved.persons for a in resolved.result.assignments
             if a["mention_id"] == m["id"] and m["version_id"] == 3}
    assert kinds == {("url", "ellencranston"): "accepted", ("text", "Ellencranston"): "error"}


BAKER = [
    "Mayor Tomasz Baker opened the Millbrook library on Tuesday. Baker said it was overdue.",
    "Millbrook's Mayor Tomasz Baker cut the ribbon at the library.",
    "Tomasz Baker, the mayor, opened the library. Baker thanked the council.",
]


def test_a_surname_one_letter_short_of_an_english_word_is_the_persons_error_after_the_given_name(nlp):
    """A dropped letter that leaves an English word ("Bake" for Baker) is no name alone; the person's
    own given name written just before it, and the capital, make it that person's misspelling."""
    found = story_owners(nlp, BAKER, "Library news: Tomasz Bake, who opened it on Tuesday, thanked the council.",
                         "Tomasz Baker")
    assert found["Tomasz Bake"] == ("Tomasz Baker", "error")


def test_the_english_word_alone_or_after_another_given_name_is_no_mention():
    people = [{"surnames": ["baker"], "given": ["tomasz"]}]
    words = KnownWords(frozenset(), frozenset({"bake", "bakes", "who", "said"}))
    text = "Tomasz Bake, who spoke; we bake bread; Bake sales; Anna Bake said"
    (_, found), = find_more_mentions([(1, text)], people, {}, known_words=words)
    assert [m["surface"] for m in found] == ["Tomasz Bake"]


def test_a_surname_glued_to_the_next_word_is_the_surname():
    """Extraction drops the space after a link that ends in a name ("Cranstonwho worked"), or the break
    before the next sentence ("CranstonThe governor's"); a known surname followed by the next word is
    that surname, not a garble of it three letters longer. A longer name that merely begins with it
    ("Cranstonville", a place) is not."""
    people = [{"surnames": ["cranston"], "given": ["genevieve"]}]
    text = ("as Genevieve Cranstonwho signed it; Cranstonville residents; Cranstonsaid nothing; "
            "Genevieve CranstonThe governor's office")
    (_, found), = find_more_mentions([(1, text)], people, {}, known_words=KnownWords(frozenset({"residents"})))
    assert [m["surface"] for m in found] == ["Genevieve Cranston", "Cranston", "Genevieve Cranston"]
    # A pronoun opening the next clause is glue too ("Cranstonhe said"); "Cranstonshe" as much.
    text = "Genevieve Cranstonhe said, and later Cranstonshe added."
    (_, found), = find_more_mentions([(1, text)], people, {}, known_words=KnownWords(frozenset()))
    assert [m["surface"] for m in found] == ["Genevieve Cranston", "Cranston"]


def test_a_surname_glued_to_a_function_word_of_the_pages_language_is_the_surname_but_not_to_a_case_ending():
    """A French page loses the space before "le" ("Genevieve Cranstonle gouverneur"): a French function
    word, so the surname as written. A Polish page's "Genevieve Cranstona" declines the name (the
    genitive's "a", also a Polish word): a one-letter word is no glue, and the name stays as written.
    The surname of the person's canonical name is never taken for another with glue on: where a page
    misspells a "Cranstla" as "Cranst", "Cranstla" is no "Cranst" with the Spanish "la" glued on."""
    from analysis.lexicon import function_words

    people = [{"surnames": ["cranston", "cranstonle"], "given": ["genevieve"]}]

    def found(text, language):
        (_, mentions), = find_more_mentions([("k", text)], people, {}, foreign={"k"},
                                            function_words={"k": function_words(language)})
        return [m["surface"] for m in mentions]

    assert found("Selon Genevieve Cranstonle gouverneur a signé.", "fr") == ["Genevieve Cranston"]
    assert found("Według Genevieve Cranstona ustawa jest zła.", "pl") == ["Genevieve Cranstona"]
    people[:] = [{"surnames": ["cranst", "cranstla"], "given": ["genevieve"], "canonical": "cranstla"}]
    assert found("Según Genevieve Cranstla, la ley pasó.", "es") == ["Genevieve Cranstla"]


def test_an_elided_article_before_a_name_is_a_word_of_its_own():
    """French and Italian join an elided article or preposition to the next word ("d’Cranston", "l'",
    "dell’"): the name starts after the apostrophe, not a misspelling a letter longer. A capital
    before the apostrophe opens a name (the story's own "D'Avella"), and a surname known with its
    particle run in ("d’Ormesan") stays whole."""
    people = [{"surnames": ["cranston"], "given": ["genevieve"]}, {"surnames": ["davella"], "given": ["lucia"]},
              {"surnames": ["dormesan"], "given": ["paul"]}]
    text = ("Le plan d’Cranston est passé. Le mandat dell’Cranston finit. D'Avella a voté. "
            "Lucia D'Avella aussi, et Paul d’Ormesan.")
    (_, found), = find_more_mentions([("k", text)], people, {}, foreign={"k"})
    assert [m["surface"] for m in found] == ["Cranston", "Cranston", "D'Avella", "Lucia D'Avella", "Paul d’Ormesan"]


def test_mojibake_glued_to_a_name_is_no_letter_of_it():
    """A page decoded in the wrong code page writes the curly apostrophe and quotes as Thai letters
    ("Cranstonโ€™s", "โ€œI"): the surname is what comes before them, not a misspelling a letter
    longer; and a word mixing two scripts names nobody."""
    from analysis.entities import is_name_like

    people = [{"surnames": ["cranston"], "given": ["genevieve"]}]
    text = "Genevieve Cranstonโ€™s water bill passed. โ€œI am glad,โ€ Cranston said."
    (_, found), = find_more_mentions([(1, text)], people, {})
    assert [m["surface"] for m in found] == ["Genevieve Cranston", "Cranston"]
    assert not is_name_like("โ€œI") and not is_name_like("Genevieve Cranstonโ") and is_name_like("Zoë Özdurak")


def test_a_name_ner_took_with_a_glued_word_is_the_name_as_written(nlp):
    """NER reads a lost space as one word ("Genevieve Cranstonwho"); the first decision then keeps it as a
    form of the person, whose surnames the second pass searches. The run-on word is no surname of hers:
    the mention is the name as written, right, not an error three letters longer."""
    found = owners(nlp, "Millbrook water bill. Governor Genevieve Cranstonwho signed it on Tuesday, praised the council.")
    assert found["Governor Genevieve Cranston"] == ("Genevieve Cranston", "title")
    assert not any("Cranstonwho" in surface for surface in found)


def test_an_english_word_near_a_surname_is_the_name_misspelt_on_a_page_in_another_language():
    """"Merchant" a letter from Marchant is the English word on an English page, but the lexicon is
    English: capitalised on a Spanish page, it is the surname misspelt. In lower case it stays a word."""
    people = [{"surnames": ["marchant"], "given": ["ellen"]}]
    text = "La senadora Ellen Marchant habló ayer en Madrid. Merchant dijo que el merchant no vino."
    words = KnownWords(frozenset(), frozenset({"merchant", "dijo", "que"}), written_lower=story_words([text])[1])
    pages = [("es", text), ("en", text)]
    found = dict(find_more_mentions(pages, people, {}, known_words=words, foreign={"es"}))
    assert [m["surface"] for m in found["es"]] == ["senadora Ellen Marchant", "Merchant"]
    assert [m["surface"] for m in found["en"]] == ["senadora Ellen Marchant"]


def test_a_known_persons_given_name_before_their_surname_is_not_anothers_misspelt_surname():
    """"Merle" is a known misspelling of Ana Merlo's surname and the given name of Merle Haskins: in a
    slug "merle-haskins" it names Haskins, not Merlo misspelt. Alone it is still the misspelling."""
    people = [{"surnames": ["merlo", "merle"], "given": ["ana"]}, {"surnames": ["haskins"], "given": ["merle"]}]
    text = "www.example.test/news/merle-haskins-sings-again and Merle said the vote was close"
    (_, found), = find_more_mentions([(1, text)], people, {}, known_words=KnownWords(frozenset({"said"})))
    surfaces = [m["surface"] for m in found]
    assert "merle" not in surfaces and "Merle" in surfaces


def test_a_capitalised_noun_before_a_name_on_a_page_in_another_language_is_no_given_name():
    """German capitalises every noun ("Tennisprofi Ada Merlo"); the lexicon is English, so on a page in
    another language only a listed given name joins a name from the left. So it does anywhere before a
    given name of the story's people: "Tennisprofi" before Ada is no second given name on an English
    page either."""
    people = [{"surnames": ["merlo"], "given": ["ada"]}]
    text = "Der Tennisprofi Ada Merlo gewann. Auch Maria Merlo kam."
    words = KnownWords(frozenset(), frozenset({"der", "auch"}))
    found = dict(find_more_mentions([("de", text), ("en", text)], people, {}, known_words=words, foreign={"de"}))
    assert [m["surface"] for m in found["de"]] == ["Ada Merlo", "Maria Merlo"]
    assert [m["surface"] for m in found["en"]] == ["Ada Merlo", "Maria Merlo"]


def test_a_name_a_page_in_another_language_repeats_keeps_its_unlisted_given_name():
    """An Italian page names the historian Alberto Garelli again and again; the story is about Flavia
    Gareli. "Alberto" is in no given-name list, so "Garelli" alone was a near spelling of her surname:
    her error, on a page that never names her. Written before the same word twice, it is that person's
    name, and the page's lone "Garelli" is his. Once only, or before her known surname, nothing changes."""
    people = [{"surnames": ["gareli"], "given": ["flavia"]}]
    words = KnownWords(frozenset(), frozenset({"ad", "abbiamo"}))
    page = "Ad Alberto Garelli abbiamo chiesto. Alberto Garelli è nato nel 1959. Sostiene Garelli."
    found = dict(find_more_mentions([("it", page)], people, {}, known_words=words, foreign={"it"}))
    assert [m["surface"] for m in found["it"]] == ["Alberto Garelli", "Alberto Garelli", "Garelli"]
    # A rendering of her own given name before it is hers, whatever the page repeats: left to be judged.
    rendered = "Flavina Garelli ha vinto. Flavina Garelli governa."
    found = dict(find_more_mentions([("it", rendered)], people, {}, known_words=words, foreign={"it"}))
    assert [m["surface"] for m in found["it"]] == ["Garelli", "Garelli"]
    once = "Ad Alberto Garelli abbiamo chiesto. Con la Lega Gareli vince; con la Lega Gareli governa."
    found = dict(find_more_mentions([("it", once)], people, {}, known_words=words, foreign={"it"}))
    assert [m["surface"] for m in found["it"]] == ["Garelli", "Gareli", "Gareli"]


def test_a_bare_surname_after_a_relative_is_introduced_is_still_the_person_the_article_is_about(nlp):
    """News style: the article names the governor, introduces her son by his relation to her, then
    goes on calling her by the surname. The relative named last is no referent of that surname."""
    page = ("Governor Genevieve Cranston signed the water bill on Tuesday. Cranston's son, Oliver Cranston, "
            "said the family was proud.\n\nCranston is expected to run again next year.")
    found = owners(nlp, page)
    assert found["Oliver Cranston"] == ("Oliver Cranston", "canonical")
    assert found["Cranston"][0] == "Genevieve Cranston"


def test_a_misspelling_in_a_long_quotation_of_someones_post_is_the_quoting_pages_use(nlp):
    """Two aggregators quote the same post word for word, and the post misspells the governor: each page
    carries the misspelling, as the labelled real coverage counts a quoted statement (a use)."""
    post = ('He posted: "Governor Genevieve Kranston is a total disaster and the water bill is a joke, '
            'believe me." The governor did not reply.')
    resolved = story_resolve(nlp, CAREFUL, ["Water bill fight. " + post, "Millbrook news. " + post], "Genevieve Cranston")
    articles = {f["article_id"] for f in resolved.result.flags if f["level"] == "article" and f["usage"] == "uses"}
    assert articles == {len(CAREFUL), len(CAREFUL) + 1}


def test_a_glue_word_run_onto_a_relatives_surname_in_a_model_span_is_cut_off(nlp):
    # A translated page lost the space before "under": the model takes "Tom Cranstonunder" whole, and
    # the story would have a person of that name. It is Tom Cranston, of the governor's family.
    found = owners(nlp, "The family gathered in Millbrook. In front of the house Tom Cranstonunder a thick fog, "
                        "a dozen cars are parked.")
    assert found == {"Tom Cranston": ("Tom Cranston", "canonical")}


def test_a_name_ner_tagged_with_the_next_sentences_first_word_glued_on_is_the_name():
    """A lost line break glues the next sentence's first word to a surname, and NER tags the lot
    ("Mayor Ellen CranstonThe"); the name is "Mayor Ellen Cranston", no misspelling of hers, although
    NER's span made "Cranstonthe" a surname the story searches for."""
    texts = ["Mayor Ellen Cranston opened the bridge on Monday.",
             "Mayor Ellen Cranston spoke first.",
             "BRIDGEPORT Mayor Ellen CranstonThe bridge opened on Monday."]
    docs = {i: {"title": "", "description": "", "keywords": "", "url": "", "author": "", "text": text,
                "article_id": i, "origin": f"o{i}", "outlet": f"o{i}", "authoritative": i < 2,
                "published": f"2026-03-0{i + 1}", "language": "en"} for i, text in enumerate(texts)}
    spans = ["Ellen Cranston", "Ellen Cranston", "Mayor Ellen CranstonThe"]
    entities_found = [{"id": f"n{i}", "version_id": i, "field": "text", "start": text.index(span),
                       "end": text.index(span) + len(span), "surface": span, "label": "PERSON"}
                      for i, (text, span) in enumerate(zip(texts, spans))]
    resolved = resolve_mentions(docs, entities_found)
    kinds = {a["mention_id"]: a["kind"] for a in resolved.result.assignments}
    on_page = {m["surface"]: kinds.get(m["id"]) for m in resolved.persons if m["version_id"] == 2}
    assert on_page == {"Mayor Ellen Cranston": "title"}
    assert not [f for f in resolved.result.flags if f.get("level") == "mention"]


def test_brothers_sharing_a_first_given_name_spelt_two_ways_stay_two_people(nlp):
    # The careful pages name the party leader Ahmad Karim Vossal. A page names him and his brother, who
    # shares the family's first given name, spelt "Ahmed", and is known by his second: not a slip for
    # the leader's name, though the first given names are a letter apart.
    careful = ["Party leader Ahmad Karim Vossal opened the congress in Millbrook on Tuesday. Vossal spoke.",
               "Ahmad Karim Vossal, the party leader, addressed the congress. Vossal thanked delegates.",
               "The congress heard party leader Ahmad Karim Vossal. Vossal said the vote was near."]
    page = ("Party leader Ahmad Karim Vossal has nominated Ahmed Tarek Vossal for prime minister, "
            "the party said on Tuesday.")
    found = story_owners(nlp, careful, page, "Ahmad Karim Vossal")
    assert found["Ahmad Karim Vossal"] == ("Ahmad Karim Vossal", "canonical")
    assert found["Ahmed Tarek Vossal"][0] == "Ahmed Tarek Vossal"


def test_a_spouse_named_with_the_name_they_were_born_with_is_no_blend(nlp):
    # "Peter Cranston, born Peter Hallam": the governor's husband under the family's surname, the page
    # giving his birth name beside it; not the given name of a Peter Hallam put on her surname.
    page = ("Millbrook water bill: Governor Genevieve Cranston signed it on Tuesday. The couple married in 1990. "
            "Peter Cranston, born Peter Hallam, met her at university.")
    found = owners(nlp, page)
    assert found["Peter Cranston"][0] == "Peter Cranston"


def test_a_bare_surname_after_a_couple_is_the_one_the_article_named_before(nlp):
    # The page names the developer, then him and his wife as a couple, the surname written once for
    # both: a bare "Lisko" after it still means the developer, not the second of the couple.
    page = ("Millbrook water bill: developer Vern Lisko opposed it on Tuesday. Vern and Ada Lisko own the old "
            "mill on the river. Lisko said the bill was unfair.")
    found = owners(nlp, page)
    assert found["Lisko"][0] == "Vern Lisko"


def test_a_given_name_written_small_before_the_surname_ner_tagged_is_part_of_the_name(nlp):
    # The model tags the surname alone after a given name written in small letters; the page still
    # wrote the whole name, small letter and all, and that use is the page's error.
    found = owners(nlp, "Millbrook water bill signed by the governor, genevieve Cranston, on Tuesday.")
    assert found.get("genevieve Cranston") == ("Genevieve Cranston", "error")


def test_the_subjects_surname_with_its_consonants_unvoiced_under_their_given_name_is_their_error(nlp):
    # Machine translation through a script that does not tell d from t or g from k writes the governor's
    # surname back with its consonants in order but voiced otherwise and its vowels changed.
    found = owners(nlp, "Millbrook water bill: Genevieve Krenzdan signed it, her office said on Tuesday.")
    assert found["Genevieve Krenzdan"] == ("Genevieve Cranston", "error")


def _kinds(resolved, article_id: int) -> dict:
    """surface -> (canonical of its person, kind) for the person mentions of one article, every field."""
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    kinds = {a["mention_id"]: (canonical.get(a["cluster_id"]), a["kind"]) for a in resolved.result.assignments}
    return {m["surface"]: kinds.get(m["id"]) for m in resolved.persons if m["version_id"] == article_id}


CAREFUL_VOSS = [
    "Governor Lena Voss signed the water bill in Millbrook on Tuesday. Voss said it was overdue.",
    "Millbrook's Governor Lena Voss defended the water bill. Voss thanked the council.",
    "Lena Voss, the governor, signed the bill. Voss spoke briefly about the water supply.",
]
HEADLINE = "Lena Vost signs Millbrook water bill"


def test_a_careful_pages_headline_slip_read_again_at_the_top_of_its_text_is_the_persons_error(nlp):
    # The page's text opens with its headline, as an extractor keeps the heading: one writing of the
    # slip, not two, so it is the careful outlet's one slip beside the name it writes right below.
    page = f"{HEADLINE}\nGovernor Lena Voss signed the water bill on Tuesday. Voss said the bill was overdue."
    resolved = story_resolve(nlp, [*CAREFUL_VOSS, page], "Millbrook water notes, no names.", "Lena Voss",
                       titles={3: HEADLINE})
    assert _kinds(resolved, 3)["Lena Vost"] == ("Lena Voss", "error")


def test_a_careful_page_writing_the_near_name_again_in_its_text_means_another_person(nlp):
    page = (f"{HEADLINE}\nGovernor Lena Voss signed the water bill on Tuesday. Her aide Lena Vost, "
            "a lawyer, drafted it; Vost said the bill was overdue.")
    resolved = story_resolve(nlp, [*CAREFUL_VOSS, page], "Millbrook water notes, no names.", "Lena Voss",
                       titles={3: HEADLINE})
    assert _kinds(resolved, 3)["Lena Vost"][0] == "Lena Vost"


def test_a_long_name_garbled_word_by_word_is_the_persons_error(nlp):
    # Both given names garbled a little under the surname: a rewrite garbling a long name word by word.
    careful = [page.replace("Lena Voss", "Lena Maren Voss") for page in CAREFUL_VOSS]
    found = story_owners(nlp, careful, "The water bill was signed by Lina Marin Voss in Millbrook on Tuesday.",
                         "Lena Maren Voss")
    assert found["Lina Marin Voss"] == ("Lena Maren Voss", "error")


def test_a_relative_with_another_middle_name_stays_a_person(nlp):
    careful = [page.replace("Lena Voss", "Lena Maren Voss") for page in CAREFUL_VOSS]
    found = story_owners(nlp, careful, "The water bill was signed by Lina Karin Voss in Millbrook on Tuesday.",
                         "Lena Maren Voss")
    assert found["Lina Karin Voss"][0] == "Lina Karin Voss"


def test_a_spelling_a_biography_lists_in_brackets_is_talk_about_the_name_not_a_use(nlp):
    # "(also spelt ...)": the page names the other spelling, no quotation marks around it; in brackets
    # that open on no naming word, the same name is the page's use.
    def usages(page):
        flags = story_resolve(nlp, CAREFUL_VOSS, page, "Lena Voss").result.flags
        return {f["usage"] for f in flags if f["level"] == "article"}

    assert usages("Governor Lena Voss (also spelt Lena Vost in early reports) signed the water bill.") == {"quoted"}
    assert usages("Governor Lena Voss (Lena Vost to early reports) signed the water bill.") == {"uses"}
