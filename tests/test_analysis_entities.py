"""Mention finding: NER adapter, second pass, evidence gates, and the story-wide re-run."""
import re

import spacy

from analysis import entities
from analysis.mentions import resolve_mentions
from newsclaims import jobs, store
from newsclaims.config import StoryConfig


def blank_person_ruler():
    """A fast pipeline whose 'ner' tags one name, to test the adapter without the trained model."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "dale"}, {"LOWER": "cathcart"}]}])
    return nlp


def test_long_single_paragraph_is_chunked_with_exact_offsets():
    nlp = blank_person_ruler()
    filler = "the water rose over the road and the crews waited " * 21_000  # ~1 MB, one paragraph
    text = "Sheriff Dale Cathcart opened. " + filler + "Later Sheriff Dale Cathcart’s office closed."
    assert len(text) > 1_000_000
    [(key, found)] = list(entities.find_entities(nlp, [("k", text)]))
    people = [e for e in found if e["label"] == "PERSON"]
    assert [text[e["start"]:e["end"]] for e in people] == ["Sheriff Dale Cathcart", "Sheriff Dale Cathcart"]
    assert all(text[e["start"]:e["end"]] == e["surface"] for e in people)
    assert people[1]["start"] > 1_000_000


def test_chunks_cover_the_text_exactly():
    text = ("word " * 50 + "\n") * 100
    pieces = list(entities._chunks(text, size=700))
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)
    assert all(len(piece) <= 700 for _, piece in pieces)


def test_empty_and_control_character_texts_go_through(nlp):
    texts = [("empty", ""), ("controls", "Sheriff Dale\x00 Cathcart said\x07 the \x1b[31m bridge was fine.\u200b"
                                           " Mayor Thomas Brennan agreed.")]
    results = dict(entities.find_entities(nlp, texts))
    assert results["empty"] == []
    for e in results["controls"]:
        assert texts[1][1][e["start"]:e["end"]] == e["surface"]


def test_second_pass_finds_lower_case_and_typo_forms_with_titles():
    text = "Searches for harrow county bridge collapse kathcart spiked. Sheriff Dale Kathcart’s office said so."
    people = [{"surnames": ["cathcart"], "given": ["dale"]}]
    [(key, found)] = list(entities.find_more_mentions([("k", text)], people, {}))
    assert [f["surface"] for f in found] == ["kathcart", "Sheriff Dale Kathcart"]
    assert all(text[f["start"]:f["end"]] == f["surface"] for f in found)


def test_second_pass_leaves_ordinary_words_alone():
    text = "The county count rose. Officials hope the creek rose no further on Hope Street."
    people = [{"surnames": ["county", "delgado"], "given": ["rose"]}]
    found = dict(entities.find_more_mentions([("k", text)], [people[0]], {}))["k"]
    assert [f["surface"] for f in found] == ["county"]  # "count" is a letter away and sounds alike, but is short


def test_quoted_forms_are_talk_about_the_name():
    text = 'Some sites wrote “Kathcart”; Sheriff Cathcart said “we were lucky this did not happen at rush hour, Kathcart or not.”'
    assert entities.usage(text, text.index("Kathcart"), text.index("Kathcart") + 8) == "quoted"
    assert entities.usage(text, text.index("Cathcart said"), text.index("Cathcart said") + 8) == "uses"
    last = text.rindex("Kathcart")
    assert entities.usage(text, last, last + 8) == "uses"  # inside a long quotation: a use


def test_a_long_quotations_closing_mark_opens_no_short_quote():
    """A quotation in straight quotes longer than a short quote's reach, then a name in quotes: the long
    one's closing mark is no opening mark, so "Kathcart" is the quoted spelling and the words between the two are no quote."""
    speech = " ".join(["we were lucky this did not happen at rush hour"] * 3)
    text = f'Sheriff Cathcart said "{speech}." Later Cathcart wrote "Kathcart" by mistake.'
    assert entities.usage(text, text.index("Kathcart"), text.index("Kathcart") + 8) == "quoted"
    later = text.index("Cathcart wrote")
    assert entities.usage(text, later, later + 8) == "uses"


def test_a_name_in_short_single_quotes_is_talk_about_it_but_an_apostrophe_opens_no_quote():
    text = ("Lee dubbed him 'Vic DeVarnos' online; the ‘Kathcart’ spelling spread. Cathcart's plan, "
            "Cathcart's 'reform' and Cathcart said no.")
    for name in ("DeVarnos", "Kathcart"):
        assert entities.usage(text, text.index(name), text.index(name) + len(name)) == "quoted"
    for at in (text.index("Cathcart's plan"), text.index("Cathcart's 'reform'"), text.rindex("Cathcart")):
        assert entities.usage(text, at, at + 8) == "uses"


def test_scare_quotes_and_quoted_words_are_uses_of_a_name_unless_a_naming_word_presents_it():
    """Quotation marks alone do not make a name talk about the name: the labelled real coverage counts
    a garble in single quotes after "accusing" (as "accused 'Dale Kathcart' of" below) as a use of the
    garble. A word that presents the quoted stretch as a name, before or after it in its sentence,
    does; so does a list that such a word opens."""
    def usage_of(text, name):
        return entities.usage(text, text.index(name), text.index(name) + len(name))

    uses = ["The governor accused 'Dale Kathcart' of disloyalty.",
            "Critics accused “Dale Kathcart” of lying; he was called names.",
            "He said: “Kathcart lost.” Then he left.",
            "Nobody was named. “Kathcart is done,” he said."]
    for text in uses:
        assert usage_of(text, "Kathcart") == "uses", text
    talk = ["Critics called him “Kathcart” online.",
            "He referred to the sheriff as “Kathcart.” Later he left.",
            "Some pages used the ‘Kathcart’ spelling.",
            "Nicknames included “Dale the Sheriff” and “Kathcart” all week.",
            "Los críticos lo llamaron “Kathcart” en redes."]
    for text in talk:
        assert usage_of(text, "Kathcart") == "quoted", text


def _doc(text, article_id=1):
    return {"title": "", "description": "", "keywords": "", "url": "", "author": "", "text": text,
            "article_id": article_id, "origin": "o", "outlet": "o", "authoritative": False, "published": None}


def _entities(texts, spans):
    """NER's entities over `texts` (version id -> text): every occurrence of each (surface, label) of
    `spans`, in that order, outside the ones already taken."""
    found = []
    for n, text in texts.items():
        for surface, label in spans:
            for start in [m.start() for m in re.finditer(re.escape(surface), text)]:
                if not any(f["version_id"] == n and f["start"] <= start < f["end"] for f in found):
                    found.append({"id": f"{n}:{start}", "version_id": n, "field": "text", "start": start,
                                  "end": start + len(surface), "surface": surface, "label": label})
    return found


def test_heading_only_places_and_organisations_are_not_people():
    text = "Local Bystanders\nThe crowd gathered.\nPublic Outcry Grows\nThe outcry grew.\n" \
           "The Fire Department said Sheriff Dale Cathcart arrived. The fire department agreed on fire safety."
    surfaces = ["Local Bystanders", "Public Outcry", "Fire Department", "Sheriff Dale Cathcart"]
    found = [{"id": n, "version_id": 1, "field": "text", "start": text.index(surface),
              "end": text.index(surface) + len(surface), "surface": surface, "label": "PERSON"}
             for n, surface in enumerate(surfaces)]
    resolved = resolve_mentions({1: _doc(text)}, found)
    assert [c["canonical"] for c in resolved.result.clusters] == ["Dale Cathcart"]


def test_a_town_ner_tags_before_its_state_is_no_garble_of_a_surname_even_from_a_stream():
    """The store yields NER's entities once: the towns ("Cathcert, Vermont") are noted while the
    people are read, and the second pass takes the town for no misspelt Cathcart."""
    text = ("Sheriff Dale Cathcart said the bridge was closed. Sheriff Dale Cathcart agreed. The freight went "
            "to Cathcert, Vermont, on Monday. Later Cathcert said more.")
    entities_found = [("Sheriff Dale Cathcart", "PERSON", text.index("Sheriff")),
                      ("Sheriff Dale Cathcart", "PERSON", text.rindex("Sheriff")),
                      ("Cathcert", "GPE", text.index("Cathcert")), ("Vermont", "GPE", text.index("Vermont"))]
    stream = ({"id": n, "version_id": 1, "field": "text", "start": start, "end": start + len(surface),
               "surface": surface, "label": label} for n, (surface, label, start) in enumerate(entities_found))
    resolved = resolve_mentions({1: _doc(text)}, stream)
    assert [(m["surface"], m["start"]) for m in resolved.found if "Cathcert" in m["surface"]] == [
        ("Cathcert", text.rindex("Cathcert"))]


def test_a_place_ner_tags_a_place_all_over_the_story_is_no_garble_of_a_name_it_resembles():
    """NER took a radio station for a person ("Radio Moravia") and tags the region "Moravio" a place on
    page after page: its near spelling "Moravio" is the place, even where NER calls it a person, and so
    is its people's "Moravian", no misspelt station; the station's own word, written as NER took it, is
    still found. A word NER tags a place on one page only may be a misspelt name the small model did
    not know."""
    texts = {1: "Radio Moravia said the vote was calm. Radio Moravia reported turnout. Moravia aired it.",
             2: "Voters in Moravio queued.", 3: "Moravio counted all night.", 4: "Results from Moravio came in.",
             5: "Later Moravio celebrated. A Moravian choir sang."}
    entities_found = [(1, "Radio Moravia", "PERSON", 0), (1, "Radio Moravia", "PERSON", texts[1].index("Radio Moravia rep")),
                      *[(key, "Moravio", "GPE", texts[key].index("Moravio")) for key in (2, 3, 4)],
                      (5, "Moravio", "PERSON", texts[5].index("Moravio"))]
    found = [{"id": n, "version_id": key, "field": "text", "start": start, "end": start + len(surface),
              "surface": surface, "label": label} for n, (key, surface, label, start) in enumerate(entities_found)]
    docs = {key: _doc(text, key) for key, text in texts.items()}
    assert [m["surface"] for m in resolve_mentions(docs, found).found] == ["Moravia"]
    one_page = [e for e in found if e["version_id"] in (1, 2, 5)]
    assert sorted(m["surface"] for m in resolve_mentions(docs, one_page).found) == [
        "Moravia", "Moravian", "Moravio", "Moravio", "Moravio", "Moravio"]


def test_a_slip_ner_tags_a_place_on_every_page_naming_the_person_is_still_their_name():
    """An explainer writes "Shorf, who is 67" for its own Dirk Schorf (invented) and two rewrites copy
    it; NER tags the unknown word a place each time, on three pages. Every one of them names Dirk
    Schorf in full, a letter from it: the word is his surname misspelt, found by the second pass. A
    word a letter from his surname that NER tags a place on pages that never name him is a place."""
    texts = {key: "Dirk Schorf was named prime minister. Shorf, who is 67, led the spy agency." for key in (1, 2, 3)}
    texts[4] = "Dirk Schorf spoke. Later Schorf left."
    entities_found = [(key, "Dirk Schorf", "PERSON", 0) for key in (1, 2, 3, 4)]
    entities_found += [(key, "Shorf", "GPE", texts[key].index("Shorf")) for key in (1, 2, 3)]
    found = [{"id": n, "version_id": key, "field": "text", "start": start, "end": start + len(surface),
              "surface": surface, "label": label} for n, (key, surface, label, start) in enumerate(entities_found)]
    docs = {key: _doc(text, key) for key, text in texts.items()}
    assert [m["surface"] for m in resolve_mentions(docs, found).found].count("Shorf") == 3
    elsewhere = {key: "Voters in Shorf queued at dawn." for key in (5, 6, 7)}
    found += [{"id": 100 + key, "version_id": key, "field": "text", "start": 10, "end": 15, "surface": "Shorf",
               "label": "GPE"} for key in elsewhere]
    docs.update({key: _doc(text, key) for key, text in elsewhere.items()})
    assert "Shorf" not in [m["surface"] for m in resolve_mentions(docs, found).found]


def test_a_persons_surname_ner_tags_a_place_is_no_place_for_a_garble_of_it():
    """NER tags the mayor's bare surname a place on three pages and a person on none: it is still her
    surname, so "Cranstoni", a letter from it, is her name garbled, not the people of a place."""
    texts = {1: "Mayor Ellen Cranston spoke. Ellen Cranston agreed.", 2: "In Cranston, rain.", 3: "Cranston agreed.",
             4: "Cranston left.", 5: "Later Cranstoni said more."}
    entities_found = [(1, "Mayor Ellen Cranston", "PERSON", 0), (1, "Ellen Cranston", "PERSON", texts[1].rindex("Ellen")),
                      *[(key, "Cranston", "GPE", texts[key].index("Cranston")) for key in (2, 3, 4)]]
    found = [{"id": n, "version_id": key, "field": "text", "start": start, "end": start + len(surface),
              "surface": surface, "label": label} for n, (key, surface, label, start) in enumerate(entities_found)]
    docs = {key: _doc(text, key) for key, text in texts.items()}
    assert "Cranstoni" in [m["surface"] for m in resolve_mentions(docs, found).found]


def test_the_people_of_a_place_ner_tags_a_place_are_no_person():
    """NER tags "San Moravo" a place and, now and then, its people's word "San Moravans" a person named
    Moravans: that is the place's word with an ending, not a name; the mayor stays a person."""
    text = ("Voters in San Moravo queued. San Moravo counted all night. Results from San Moravo came in. "
            "San Moravans celebrated. Many San Moravans danced. Mayor Ana Ruiz spoke. Ana Ruiz thanked them.")
    entities_found = [*[("San Moravo", "GPE", at) for at in (text.index("San Moravo"), text.index("San Moravo counted"),
                                                              text.index("San Moravo came"))],
                      ("San Moravans", "PERSON", text.index("San Moravans")),
                      ("San Moravans", "PERSON", text.rindex("San Moravans")),
                      ("Mayor Ana Ruiz", "PERSON", text.index("Mayor")), ("Ana Ruiz", "PERSON", text.rindex("Ana Ruiz"))]
    found = [{"id": n, "version_id": 1, "field": "text", "start": start, "end": start + len(surface),
              "surface": surface, "label": label} for n, (surface, label, start) in enumerate(entities_found)]
    resolved = resolve_mentions({1: _doc(text)}, found)
    assert [c["canonical"] for c in resolved.result.clusters] == ["Ana Ruiz"]


def test_a_new_person_is_found_in_older_articles(nlp, tmp_path):
    story = StoryConfig.model_validate({"slug": "s", "title": "t", "outlets": [
        {"slug": "a", "name": "A", "origin": "http://127.0.0.1:1", "seeds": ["/"]}]})
    db = store.open_store(tmp_path / "s.db")
    store.save_story(db, **story.as_record())
    older = "Readers kept searching for fernhollow bridge voss updates after the storm passed through town."
    store.save_article(db, "s", {"url": "http://127.0.0.1:1/a", "origin": "http://127.0.0.1:1", "content_hash": "a",
                                 "title": "Storm", "text": older})
    jobs.analyse(db, story, nlp)
    assert db.execute("select count(*) from mentions where method = 'matcher'").fetchone()[0] == 0
    store.save_article(db, "s", {"url": "http://127.0.0.1:1/b", "origin": "http://127.0.0.1:1", "content_hash": "b",
                                 "title": "Bridge", "text": "Sheriff Ingrid Voss said the bridge would reopen soon."})
    counts = jobs.analyse(db, story, nlp)
    assert counts["versions_analysed"] == 1  # the older article does not meet the model again
    found = [r["surface"] for r in db.query(
        "select m.surface from mentions m join article_versions v on v.id = m.version_id "
        "join articles a on a.id = v.article_id where a.url = 'http://127.0.0.1:1/a' and m.story = 's'")]
    assert found == ["voss"]


def test_non_english_versions_are_skipped_and_counted(nlp, tmp_path):
    story = StoryConfig.model_validate({"slug": "s", "title": "t", "outlets": [
        {"slug": "a", "name": "A", "origin": "http://127.0.0.1:1", "seeds": ["/"]}]})
    db = store.open_store(tmp_path / "s.db")
    store.save_story(db, **story.as_record())
    store.save_article(db, "s", {"url": "http://127.0.0.1:1/fr", "origin": "http://127.0.0.1:1", "content_hash": "f",
                                 "title": "Pont", "language": "fr",
                                 "text": "Le shérif Dale Cathcart a dit que le pont était fermé."})
    counts = jobs.analyse(db, story, nlp)
    assert counts["skipped_language"] == 1 and counts["mentions"] == 0
    assert db.execute("select model from version_analyses").fetchone()[0] == "skipped: language fr"


def test_known_people_are_searched_in_pages_ner_skips(nlp, tmp_path):
    """NER stays off a French page, but the second pass finds an English page's person in it."""
    story = StoryConfig.model_validate({"slug": "s", "title": "t", "outlets": [
        {"slug": "a", "name": "A", "origin": "http://127.0.0.1:1", "seeds": ["/"]}]})
    db = store.open_store(tmp_path / "s.db")
    store.save_story(db, **story.as_record())
    store.save_article(db, "s", {"url": "http://127.0.0.1:1/en", "origin": "http://127.0.0.1:1", "content_hash": "e",
                                 "title": "Bridge", "language": "en",
                                 "text": "Sheriff Dale Cathcart said the bridge would stay closed until Friday."})
    store.save_article(db, "s", {"url": "http://127.0.0.1:1/fr", "origin": "http://127.0.0.1:1", "content_hash": "f",
                                 "title": "Pont", "language": "fr",
                                 "text": "Le shérif Dale Kathcart a dit que le pont était fermé."})
    counts = jobs.analyse(db, story, nlp)
    assert counts["skipped_language"] == 1 and counts["documents"] == 2
    models = dict(db.execute("select a.url, va.model from version_analyses va join article_versions v "
                             "on v.id = va.version_id join articles a on a.id = v.article_id").fetchall())
    assert models["http://127.0.0.1:1/fr"] == "skipped: language fr"
    found = [r[0] for r in db.execute("select m.surface from mentions m join article_versions v on v.id = m.version_id "
                                      "join articles a on a.id = v.article_id where a.url like '%/fr' and m.story = 's'")]
    assert found == ["Dale Kathcart"]


def test_a_person_span_ending_at_an_opening_quote_resolves(nlp):
    """Found on a real page: NER tagged "Meghan Markle '" (up to the opening quote of a quotation)."""
    text = "Meghan Markle 'turned and hissed' at staff, reports said. Meghan Markle later denied it."
    [(key, found)] = list(entities.find_entities(nlp, [((1, "text"), text)]))
    assert all(text[e["start"]:e["end"]] == e["surface"] == e["surface"].strip() for e in found)
    resolved = resolve_mentions({1: _doc(text)}, [{**e, "id": n, "version_id": 1, "field": "text"}
                                                  for n, e in enumerate(found)])
    assert "Meghan Markle" in [c["canonical"] for c in resolved.result.clusters]


def test_a_misspelling_only_in_a_caption_is_found_in_the_captions_field(nlp):
    from crawler.extract import extract_page

    body = " ".join(["Sheriff Dale Cathcart said the Alder Creek bridge would stay closed while engineers worked."] * 6)
    html = (f"<html lang='en'><head><title>Bridge</title></head><body><article><h1>Bridge closed</h1><p>{body}</p>"
            "<figure><img src='x.jpg'><figcaption>Sheriff Dale Kathcart at the scene on Tuesday.</figcaption></figure>"
            "</article><aside><figure><figcaption>Unrelated Kathcart ad</figcaption></figure></aside></body></html>")
    page = extract_page(html, "http://127.0.0.1:1/news/a.html")
    assert page.captions == "Sheriff Dale Kathcart at the scene on Tuesday."
    assert "Kathcart" not in page.text
    rows = jobs.document_mentions(nlp, {"title": page.title, "text": page.text, "captions": page.captions})
    flagged = [r for r in rows if r["flagged"]]
    assert [(r["field"], r["surface"]) for r in flagged] == [("captions", "Sheriff Dale Kathcart")]
    assert page.captions[flagged[0]["start"]:flagged[0]["end"]] == flagged[0]["surface"]


def test_the_lower_case_part_of_a_hyphenated_name_is_no_ordinary_word():
    # Korean given names write their second syllable in lower case ("Min-jun"): the story writing
    # "Park Min-jun" forty times must not make "jun" an ordinary word, nor the name no name. A lower-
    # case compound ("anti-war") still counts its parts.
    from analysis.entities import credible_mentions, lower_case_words, ordinary_words

    text = "Opposition leader Park Min-jun was attacked. Park Min-jun is recovering. An anti-war rally, a war."
    assert "jun" not in ordinary_words([text]) and "war" in ordinary_words([text])
    assert "jun" not in lower_case_words([text])
    start = text.index("Park Min-jun")
    found = [{"key": ("d", "text"), "start": start, "end": start + 12, "surface": "Park Min-jun", "label": "PERSON"}]
    assert [m["surface"] for m in credible_mentions(found * 2, {("d", "text"): text}, ordinary_words([text]))] == ["Park Min-jun"] * 2


def test_a_foreign_pages_lower_case_word_does_not_make_an_english_word_of_a_name():
    # "Han" opens a Korean name and is an English word (the lexicon has it); only English prose written
    # in lower case says the story uses it as a word. A Spanish page's "han" (have) is Spanish.
    english = "Party leader Han Ji-won resigned on Sunday. Han Ji-won said the vote was lost."
    spanish = "Los diputados han votado. Los ministros han dimitido."
    docs = {1: {**_doc(english), "language": "en"}, 2: {**_doc(spanish, article_id=2), "language": "es"}}
    start = english.index("Han Ji-won")
    found = [{"id": 1, "version_id": 1, "field": "text", "start": start, "end": start + 10,
              "surface": "Han Ji-won", "label": "PERSON"}]
    resolved = resolve_mentions(docs, found, lexicon=frozenset({"han"}))
    assert {m["surface"] for m in resolved.persons} == {"Han Ji-won"}
    docs[2]["language"] = "en"  # the same words in English prose: "han" is written as a word
    assert [m["surface"] for m in resolve_mentions(docs, found, lexicon=frozenset({"han"})).persons] == []


def test_a_proper_noun_the_story_writes_alone_is_no_given_name_before_a_founders_name():
    # An app the story is about ("Beacon", an English word no given-name list has) is written alone on
    # page after page ("on Beacon", "Beacon said"); NER tags "Beacon Ana Ruiz" as a person, the app
    # before its founder's name. The story writes it alone more than before a name: a word, not her
    # given name, and the mention is her name without it (a given name of any locale follows it). A
    # given name that is an English word ("Hope") the story writes before the surname.
    from analysis.entities import credible_mentions, ordinary_words

    pages = ["Users left Beacon this week. Beacon Ana Ruiz was arrested.", "Beacon said the servers are safe.",
             "Regulators fined Beacon on Monday.", "Ana Ruiz founded Beacon in 2013."]
    texts = {(n, "text"): text for n, text in enumerate(pages)}
    start = pages[0].index("Beacon Ana")
    found = [{"key": (0, "text"), "start": start, "end": start + 15, "surface": "Beacon Ana Ruiz", "label": "PERSON"}]
    lexicon = frozenset({"beacon", "hope", "users"})
    assert [m["surface"] for m in credible_mentions(found * 2, texts, ordinary_words(pages), lexicon=lexicon)] == [
        "Ana Ruiz"] * 2
    hope = ["Users left Hope this week. Hope Ana Ruiz was arrested.", "Hope Ruiz said so.", "Hope Ruiz left.",
            "Hope Ruiz won."]
    texts = {(n, "text"): text for n, text in enumerate(hope)}
    start = hope[0].index("Hope Ana")
    found = [{"key": (0, "text"), "start": start, "end": start + 13, "surface": "Hope Ana Ruiz", "label": "PERSON"}]
    assert len(credible_mentions(found * 2, texts, ordinary_words(hope), lexicon=lexicon)) == 2


def test_a_given_name_written_small_only_inside_a_tag_is_still_a_given_name():
    # "Dwayne", a given name the compact list lacks, is an English word to the lexicon; the story writes
    # it small only in a blog's keyword ("dwayne_kirby,#dwayne"), as tags write every name. That is the
    # tag's style: NER's "Dwayne Lee Kirbski" is still a person. Written small in prose, it is a word.
    from analysis.entities import credible_mentions, ordinary_words

    pages = ["Dwayne Lee Kirbski set the record.", "keywords: hockey,dwayne_kirby,record,#dwayne"]
    texts = {(n, "text"): text for n, text in enumerate(pages)}
    found = [{"key": (0, "text"), "start": 0, "end": 18, "surface": "Dwayne Lee Kirbski", "label": "PERSON"}]
    lexicon = frozenset({"dwayne", "hockey", "record"})
    assert len(credible_mentions(found, texts, ordinary_words(pages), lexicon=lexicon)) == 1
    pages[1] = "the dwayne of the river rose"
    texts = {(n, "text"): text for n, text in enumerate(pages)}
    assert credible_mentions(found, texts, ordinary_words(pages), lexicon=lexicon) == []


def test_a_person_span_cut_at_the_hyphen_of_a_given_name_takes_the_rest():
    # The model stops "Park Min-jun" at the hyphen ("Park Min"): the lower-case syllables that are no
    # English word are the rest of the name. "Ana Ruiz-backed" keeps its end: a name and a word.
    from analysis.entities import _person_spans
    from analysis.lexicon import Lexicon

    lexicon = Lexicon(frozenset({"backed", "said"}), ())
    text = "Prime Minister Park Min-jun said. A Ana Ruiz-backed plan."
    start = text.index("Park")
    assert [text[s:e] for s, e in _person_spans(text, start, start + len("Park Min"), lexicon)] == ["Prime Minister Park Min-jun"]
    start = text.index("Ana")
    assert [text[s:e] for s, e in _person_spans(text, start, start + len("Ana Ruiz"), lexicon)] == ["Ana Ruiz"]


def test_the_topic_person_ner_tags_as_an_organisation_is_searched_though_a_relative_shares_the_surname():
    """NER tags "Tara Velloso" ORG more often than PERSON, so no credible mention of her reaches the first
    decision; her father Dr Ines Velloso, tagged PERSON, makes "Velloso" a known surname. The story is
    about her (its topic name): she is searched with her own given name, and found whole."""
    from analysis.records import Topic

    text = ("Tara Velloso won the vote. Dr Ines Velloso, her father, watched. Tara Velloso thanked him. "
            "Dr Ines Velloso smiled. Later Tara Velloso left.")
    starts = [i for i in range(len(text)) if text.startswith("Tara Velloso", i)]
    fathers = [i for i in range(len(text)) if text.startswith("Dr Ines Velloso", i)]
    found = [{"id": n, "version_id": 1, "field": "text", "start": s, "end": s + 12, "surface": "Tara Velloso",
              "label": label} for n, (s, label) in enumerate(zip(starts, ["ORG", "ORG", "PERSON"]))]
    found += [{"id": 10 + n, "version_id": 1, "field": "text", "start": s, "end": s + 15, "surface": "Dr Ines Velloso",
               "label": "PERSON"} for n, s in enumerate(fathers)]
    resolved = resolve_mentions({1: _doc(text)}, found, topic=Topic(names=("Tara Velloso",), articles=frozenset({1})))
    assert sorted(m["surface"] for m in resolved.found if "Velloso" in m["surface"]) == ["Tara Velloso"] * 3


def test_a_given_name_ner_tags_a_place_alone_but_opens_names_with_is_no_place():
    """NER knows too few Italian names: it tags "Tancredi" alone a place, yet tags "Tancredi Volpe" a
    person more often still. A word opening more person names than it is tagged a place is a given name,
    and the full name is evidence of a person; "Ohio", tagged a place far more often than it opens the
    SEO phrase "Ohio Kranston", stays a place, and the phrase no person."""
    lines = ["Tancredi Volpe was arrested.", "Police said Tancredi Volpe hid.", "Tancredi Volpe, 60, is ill.",
             "In Tancredi the police waited.", "From Tancredi roads were shut.",
             "Ohio Kranston news.", "Ohio voted.", "In Ohio it rained.", "Ohio again."]
    texts = {(n, "text"): line for n, line in enumerate(lines)}
    found = [("Tancredi Volpe", "PERSON", 0), ("Tancredi Volpe", "PERSON", 1), ("Tancredi Volpe", "PERSON", 2),
             ("Tancredi", "GPE", 3), ("Tancredi", "GPE", 4),
             ("Ohio Kranston", "PERSON", 5), ("Ohio", "GPE", 6), ("Ohio", "GPE", 7), ("Ohio", "GPE", 8)]
    mentions = [{"key": (n, "text"), "start": lines[n].index(surface), "surface": surface, "label": label}
                for surface, label, n in found]
    kept = entities.credible_mentions(mentions, texts, frozenset())
    assert [m["surface"] for m in kept] == ["Tancredi Volpe"] * 3


def test_a_name_opening_with_a_word_ner_tags_a_nationality_alone_is_no_person():
    """NER takes a party, "Moravian Union", for a person in three places; it tags "Moravian" alone a
    nationality more often still: the phrase opens with no given name, and is no person. "Christian
    Varga" stays one: NER tags "Christian" a faith once, and it opens his name three times."""
    lines = ["Moravian Union won.", "Moravian Union said so.", "Moravian Union, the party, won.",
             "Moravian voters came.", "Moravian farmers came.", "The Moravian team won.", "Moravian wine.",
             "Christian Varga won.", "Christian Varga spoke.", "Christian Varga left.", "Christian groups met."]
    texts = {(n, "text"): line for n, line in enumerate(lines)}
    found = [("Moravian Union", "PERSON", n) for n in range(3)] + [("Moravian", "NORP", n) for n in range(3, 7)]
    found += [("Christian Varga", "PERSON", n) for n in range(7, 10)] + [("Christian", "NORP", 10)]
    mentions = [{"key": (n, "text"), "start": lines[n].index(surface), "surface": surface, "label": label}
                for surface, label, n in found]
    kept = entities.credible_mentions(mentions, texts, frozenset())
    assert [m["surface"] for m in kept] == ["Christian Varga"] * 3


def test_a_persons_possessive_ner_tags_an_organisation_is_no_vote_against_the_person():
    """A profile names "Ana Vasko" once as a person and once in a possessive NER tags an organisation,
    "Ana Vasko's profile has risen": the small model tags possessives so as often as not, so the
    organisation tag is no vote, and she is a person. The same name tagged an organisation without
    the possessive still outvotes one person tag."""
    lines = ["Ana Vasko's profile has risen fast.", "Ana Vasko, 36, is often seen at meetings."]
    texts = {(n, "text"): line for n, line in enumerate(lines)}
    mentions = [{"key": (0, "text"), "start": 0, "surface": "Ana Vasko's", "label": "ORG"},
                {"key": (1, "text"), "start": 0, "surface": "Ana Vasko", "label": "PERSON"}]
    assert [m["surface"] for m in entities.credible_mentions(mentions, texts, frozenset())] == ["Ana Vasko"]
    lines[0] = "Ana Vasko profile has risen fast."
    texts = {(n, "text"): line for n, line in enumerate(lines)}
    mentions[0] = {"key": (0, "text"), "start": 0, "surface": "Ana Vasko", "label": "ORG"}
    assert entities.credible_mentions(mentions, texts, frozenset()) == []


def test_a_nationality_ner_took_into_a_full_name_is_cut_off_and_the_name_is_the_persons():
    """NER tags "Moravian" a nationality once and takes it into a person's span more often, "Moravian
    Ana Ruiz" (an apposition). The name is Ana Ruiz's, written right: one person, no "Moravian" given
    name and no error; each new span is stored as the second pass's mentions are."""
    texts = {1: "Ana Ruiz won in Brno. The Moravian team cheered.", 2: "Moravian Ana Ruiz won the race.",
             3: "Ana Ruiz spoke to fans.", 4: "Ana Ruiz thanked the crowd.", 5: "Moravian Ana Ruiz won again."}
    found = _entities(texts, (("Moravian Ana Ruiz", "PERSON"), ("Ana Ruiz", "PERSON"), ("Moravian", "NORP")))
    resolved = resolve_mentions({n: _doc(t, n) for n, t in texts.items()}, found)
    trimmed = [m for m in resolved.persons if m["version_id"] in (2, 5)]
    assert [(m["surface"], texts[m["version_id"]][m["start"]:m["end"]]) for m in trimmed] == [("Ana Ruiz", "Ana Ruiz")] * 2
    assert all(m in resolved.found for m in trimmed)
    assert [c["canonical"] for c in resolved.result.clusters] == ["Ana Ruiz"] and not resolved.result.flags


def test_a_place_in_the_genitive_or_its_peoples_word_ner_took_into_a_name_is_no_person():
    """NER tags "Moravia" a place and never tags "Moravias" (a German page's "Moravia's") or "Moravian"
    alone, yet takes both into people's spans: "Moravias Ana Ruiz" is Ana Ruiz, and "Moravias Ruiz" and
    "Moravian Ruiz" are no people whose surname would take Ana Ruiz's."""
    texts = {1: "Ana Ruiz won in Moravia. Moravia cheered.", 2: "Moravias Ana Ruiz gewann das Rennen.",
             3: "Ana Ruiz spoke to fans in Moravia.", 4: "Moravias Ruiz jubelte.", 5: "Moravian Ruiz won again."}
    found = _entities(texts, (("Moravias Ana Ruiz", "PERSON"), ("Moravias Ruiz", "PERSON"),
                              ("Moravian Ruiz", "PERSON"), ("Ana Ruiz", "PERSON"), ("Moravia", "GPE")))
    resolved = resolve_mentions({n: _doc(t, n) for n, t in texts.items()}, found)
    assert [(m["version_id"], m["surface"]) for m in resolved.persons if m["version_id"] == 2] == [(2, "Ana Ruiz")]
    assert [c["canonical"] for c in resolved.result.clusters] == ["Ana Ruiz"]


def test_an_english_word_ner_took_into_a_full_name_before_a_given_name_is_cut_off():
    """A headline's verb before a name, "Meet Ellen Cranstan, ...", that NER took into the span: "Meet"
    is an English word, no given name and no title, before a given name of any locale, so the name is
    "Ellen Cranstan", her misspelling of Ellen Cranston's name (no "Meet Ellen Cranstan" of her own). A
    title stays the name's ("Senator Ellen Cranston"); so does a given name that is also a word ("Will
    Ana ...")."""
    texts = {1: "Ellen Cranston won the race.", 2: "Meet Ellen Cranstan, the new champion.",
             3: "Ellen Cranston spoke to fans.", 4: "Ellen Cranston thanked the crowd.",
             5: "Senator Ellen Cranston cheered."}
    found = _entities(texts, [(s, "PERSON") for s in ("Meet Ellen Cranstan", "Senator Ellen Cranston", "Ellen Cranston")])
    resolved = resolve_mentions({n: _doc(t, n) for n, t in texts.items()}, found,
                                lexicon=frozenset({"meet", "senator", "the", "new", "champion"}))
    assert sorted(m["surface"] for m in resolved.persons if m["version_id"] in (2, 5)) == ["Ellen Cranstan", "Senator Ellen Cranston"]
    assert [c["canonical"] for c in resolved.result.clusters] == ["Ellen Cranston"]
    flags = resolved.result.flags
    assert [f["surface"] for f in flags if f["level"] == "mention"] == ["Ellen Cranstan"]
    assert [f["article_id"] for f in flags if f["level"] == "article"] == [2]


def test_an_organisation_ner_took_into_a_name_is_cut_off_and_makes_no_person_of_its_own():
    """A caption's "Ana Ruiz, Unity" lost its comma, and NER tags "Ana Ruiz Unity" a person; the party
    Unity is tagged an organisation alone on page after page, and Ana Ruiz a person. Kept whole, the
    span is a person whose surname "Unity" takes every bare "Unity" of the story; cut, it is Ana Ruiz.
    So is a country before a name ("Moravia Ana Ruiz"); a third name NER tags nothing else is kept."""
    texts = {1: "Ana Ruiz Unity leader at the rally.", 2: "Unity won the vote. Ana Ruiz spoke.",
             3: "Unity lost seats in Moravia. Ana Ruiz left.", 4: "Moravia Ana Ruiz won. Unity cheered in Moravia.",
             5: "Ana Ruiz Moreno, a cousin, was there."}
    found = _entities(texts, (("Ana Ruiz Unity", "PERSON"), ("Moravia Ana Ruiz", "PERSON"), ("Ana Ruiz Moreno", "PERSON"),
                              ("Ana Ruiz", "PERSON"), ("Unity", "ORG"), ("Moravia", "GPE")))
    resolved = resolve_mentions({n: _doc(t, n) for n, t in texts.items()}, found)
    assert sorted(m["surface"] for m in resolved.persons if m["version_id"] in (1, 4, 5)) == [
        "Ana Ruiz", "Ana Ruiz", "Ana Ruiz Moreno"]
    assert not any("Unity" in s["surface"] for c in resolved.result.clusters for s in c["surfaces"])


def test_a_word_glued_to_a_name_by_a_lost_space_is_cut_off_and_the_name_is_the_persons():
    """A page lost the space between a name and the next paragraph's first word, "Mayor Ana
    CranstonResidents voted", and NER took both into one span: the name is Ana Cranston's, written right,
    no error of the page's. "Ben McKay", whose capital inside is his name's own, stays whole."""
    texts = {1: "Ana Cranston won in Harrow.", 2: "Ana Cranston spoke.", 3: "Ana Cranston thanked Ben McKay.",
             4: "The vote was held by Mayor Ana CranstonResidents voted early."}
    found = _entities(texts, [(s, "PERSON") for s in ("Mayor Ana CranstonResidents", "Ana Cranston", "Ben McKay")])
    resolved = resolve_mentions({n: _doc(t, n) for n, t in texts.items()}, found)
    [cut] = [m for m in resolved.persons if m["version_id"] == 4]
    assert (cut["surface"], texts[4][cut["start"]:cut["end"]]) == ("Mayor Ana Cranston", "Mayor Ana Cranston")
    assert sorted(c["canonical"] for c in resolved.result.clusters) == ["Ana Cranston", "Ben McKay"]
    assert not resolved.result.flags


def test_a_name_ner_tags_an_organisation_is_a_person_where_lists_put_it_beside_people():
    """NER tags an unfamiliar hyphenated name an organisation every time; written in lists with people
    ("co-leaders Rawa Tuhoe and Ana Ngata-Hohaia"), it is one of them. A firm named after somebody
    ("Ana Ngata-Hohaia Trust", an ORG everywhere, never listed with people) stays no person."""
    lines = ["Party co-leaders Rawa Tuhoe and Ana Ngata-Hohaia walked out.",
             "Ana Ngata-Hohaia, Rawa Tuhoe and others were suspended.",
             "Rawa Tuhoe said the party would appeal.",
             "Grants from the Ana Ngata-Hohaia Trust went to 12 schools.",
             "The Ana Ngata-Hohaia Trust said so."]
    texts = {(n, "text"): line for n, line in enumerate(lines)}
    found = [("Rawa Tuhoe", "PERSON", 0), ("Ana Ngata-Hohaia", "ORG", 0), ("Ana Ngata-Hohaia", "ORG", 1),
             ("Rawa Tuhoe", "PERSON", 1), ("Rawa Tuhoe", "PERSON", 2),
             ("Ana Ngata-Hohaia Trust", "ORG", 3), ("Ana Ngata-Hohaia Trust", "ORG", 4)]
    mentions = [{"key": (n, "text"), "start": lines[n].index(surface), "surface": surface, "label": label}
                for surface, label, n in found]
    kept = entities.credible_mentions(mentions, texts, frozenset())
    assert sorted(m["surface"] for m in kept) == ["Ana Ngata-Hohaia"] * 2 + ["Rawa Tuhoe"] * 3
    assert {m["label"] for m in kept} == {"PERSON"}


def test_a_name_ner_tags_an_organisation_nearly_everywhere_is_a_person_where_pages_write_one():
    """The small model tags "Neven Vukotic" an organisation on every page, and "Vukotic" alone a person:
    "Neven" is in no given-name list. Two pages write him as people are written ("champion Neven
    Vukotic", "Neven Vukotic, 31,"), so he is a person, and the pages that only name him are no votes
    against it. "Vukotic Holdings", a firm NER tags an organisation every time, stays no person, and a
    name no page writes as a person's ("Neven Kovac", the ORG it is everywhere) stays one too."""
    lines = ["Defending champion Neven Vukotic won the final.", "Neven Vukotic, 31, lifted the trophy.",
             "Neven Vukotic beat his rival. Vukotic said he was tired.", "Neven Vukotic wins again.",
             "Neven Vukotic celebrated. Vukotic cried.", "Vukotic Holdings sponsored it. Vukotic smiled.",
             "Neven Kovac signed a deal. Neven Kovac agreed."]
    texts = {(n, "text"): line for n, line in enumerate(lines)}
    found = [("Neven Vukotic", "ORG", n) for n in range(5)] + [("Vukotic", "PERSON", n) for n in (2, 4, 5)]
    found += [("Vukotic Holdings", "ORG", 5), ("Neven Kovac", "ORG", 6)]
    mentions = [{"key": (n, "text"), "start": lines[n].index(surface) if surface != "Vukotic"
                 else lines[n].rindex(surface), "surface": surface, "label": label} for surface, label, n in found]
    mentions.append({"key": (6, "text"), "start": lines[6].rindex("Neven Kovac"), "surface": "Neven Kovac",
                     "label": "ORG"})
    kept = entities.credible_mentions(mentions, texts, frozenset())
    assert sorted(m["surface"] for m in kept) == ["Neven Vukotic"] * 2 + ["Vukotic"] * 3


def test_a_league_or_cup_in_another_language_is_no_person():
    """English coverage of a Portuguese coach writes "the Primeira Liga" and "the Taça de Portugal" (the
    league and the cup, as it would write "League" and "Cup"), and NER tags them people: no person is
    called "Liga" or "Taça", so neither is one, and no "Portugal" elsewhere becomes a surname. The coach
    stays a person."""
    text = ("Coach Tiago Ferraz won the Primeira Liga twice. Ferraz also won the Taça de Portugal. "
            "Under Ferraz, the Primeira Liga title came back. Portugal celebrated.")
    spans = [("Coach Tiago Ferraz", "PERSON"), ("Primeira Liga", "PERSON"), ("Taça de Portugal", "PERSON"),
             ("Portugal", "GPE")]
    resolved = resolve_mentions({1: _doc(text)}, _entities({1: text}, spans))
    assert [c["canonical"] for c in resolved.result.clusters] == ["Tiago Ferraz"]
