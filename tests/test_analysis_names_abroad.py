"""People named only on pages in other languages, where no NER is run (`analysis.names_abroad`)."""
from analysis.mentions import resolve_mentions
from analysis.names_abroad import full_names_abroad


def _resolve(texts: dict[int, tuple[str, str]], ner: list[dict]) -> dict[tuple[int, str], str]:
    """(version, surface) -> canonical of its cluster, for an invented story of one page per version."""
    docs = {n: {"text": text, "title": "", "article_id": n, "origin": f"o{n}", "outlet": f"o{n}",
                "authoritative": n == 1, "published": "2026-03-01", "language": language}
            for n, (language, text) in texts.items()}
    resolved = resolve_mentions(docs, ner)
    cluster_of = {a["mention_id"]: a["cluster_id"] for a in resolved.result.assignments}
    canonical = {c["id"]: c["canonical"] for c in resolved.result.clusters}
    return {(m["version_id"], m["surface"]): canonical.get(cluster_of.get(m["id"])) for m in resolved.persons}


def test_a_person_named_only_in_other_languages_is_a_person_of_the_story():
    """A councillor the Spanish press names twice, never the English, is found and searched for (her
    bare surname on the other page is hers); a German page's namesake of the mayor ("Igor Cranston",
    a dancer) is a person of his own, and so is the bare surname his page writes."""
    texts = {1: ("en", "Mayor Ellen Cranston opened the bridge on Monday. Cranston said it was overdue."),
             2: ("es", "La alcaldesa Ellen Cranston y la concejal Amparo Quesadilla inauguraron el puente."),
             3: ("es", "Amparo Quesadilla criticó el coste del puente. Quesadilla pidió una auditoría."),
             4: ("de", "Der Tänzer Igor Cranston tanzt in München. Igor Cranston wurde 1970 geboren. "
                       "Cranston lebt in Berlin.")}
    ner = [{"id": "e1", "version_id": 1, "field": "text", "start": 6, "end": 20, "surface": "Ellen Cranston",
            "label": "PERSON"}]
    found = _resolve(texts, ner)
    assert found[3, "Amparo Quesadilla"] == found[3, "Quesadilla"] == "Amparo Quesadilla"
    assert found[4, "Igor Cranston"] == found[4, "Cranston"] == "Igor Cranston"
    assert found[1, "Cranston"] == found[2, "alcaldesa Ellen Cranston"] == "Ellen Cranston"


def test_a_full_name_abroad_is_one_the_story_repeats_and_no_words_of_its_grammar_or_english():
    """One given name and capitalised word alone may be a club or a headline's words; a language's
    function words ("Con") are no given names, English words no surnames ("Phoenix Mercury"), and a
    particle belongs to the name ("Francesco De Varnis")."""
    grammar = {"con", "la", "de"}
    pages = [("a", "Con Amparo Soto. Francesco De Varnis habló con Phoenix Mercury."),
             ("b", "Francesco De Varnis y Phoenix Mercury. Con Varela."), ("c", "Con Varela, sí.")]
    found = full_names_abroad(pages, lambda key: grammar, lexicon={"mercury"})
    assert [(key, [m["surface"] for m in names]) for key, names in found] == [
        ("a", ["Francesco De Varnis"]), ("b", ["Francesco De Varnis"])]
    assert {m["method"] for _, names in found for m in names} == {"abroad"}


def test_a_name_abroad_starts_at_its_first_given_name_and_a_known_persons_is_left_to_the_second_pass():
    """ "Robert Francis Prevost" is no "Francis Prevost"; a known person's name (the surname and one of
    the given names of someone the story has) is the second pass's to find, garbles and all."""
    pages = [("a", "Ana Lucía Ferrer y Robert Francis Prevost."), ("b", "Ana Lucía Ferrer, Robert Francis Prevost.")]
    found = full_names_abroad(pages, lambda key: {"y"}, known=["Robert Prevost"])
    assert [(key, [m["surface"] for m in names]) for key, names in found] == [
        ("a", ["Ana Lucía Ferrer"]), ("b", ["Ana Lucía Ferrer"])]
    unknown = full_names_abroad(pages, lambda key: {"y"})
    assert [m["surface"] for m in unknown[0][1]] == ["Ana Lucía Ferrer", "Robert Francis Prevost"]


def test_a_known_persons_longer_name_abroad_makes_no_name_of_its_first_words():
    """ "Rosa Darvina Kellner" of a known Rosa Kellner, with a second given name no list knows, is hers:
    the first two words ("Rosa Darvina") are no person of their own, however often the pages write it."""
    pages = [("a", "Die Studentin Rosa Darvina Kellner starb."), ("b", "Rosa Darvina Kellner, 22, starb.")]
    assert full_names_abroad(pages, lambda key: {"die"}, known=["Rosa Kellner"]) == []
    unknown = full_names_abroad(pages, lambda key: {"die"})
    assert [m["surface"] for m in unknown[0][1]] == ["Rosa Darvina Kellner"]


def test_the_rest_of_a_known_persons_name_after_a_given_name_no_list_knows_is_no_name_of_its_own():
    """ "Zhargal Rose Ferrer" for a known Zhargal Rosa Ferrer, her middle name garbled: no list knows
    "Zhargal", so a name seems to start at "Rose"; but the word before it is her given name, and the
    whole is hers, left to the second pass. Without her known, "Rose Ferrer" is read as before."""
    pages = [("a", "La jueza Zhargal Rose Ferrer habló."), ("b", "Según Zhargal Rose Ferrer, no.")]
    assert full_names_abroad(pages, lambda key: {"la", "según"}, known=["Zhargal Rosa Ferrer"]) == []
    unknown = full_names_abroad(pages, lambda key: {"la", "según"})
    assert [m["surface"] for m in unknown[0][1]] == ["Rose Ferrer"]


def test_the_rest_of_a_known_persons_name_after_their_given_name_written_as_heard_is_no_name_of_its_own():
    """ "Zhargol Rosa Ferrer" for a known Zhargal Rosa Ferrer, her given name a letter away as heard: the
    word before "Rosa Ferrer" is still hers, and the whole name is left to the second pass, which
    knows her garbles; "Rosa Ferrer" is no person of its own."""
    pages = [("a", "La jueza Zhargol Rosa Ferrer habló."), ("b", "Según Zhargol Rosa Ferrer, no.")]
    assert full_names_abroad(pages, lambda key: {"la", "según"}, known=["Zhargal Ferrer"]) == []
    unknown = full_names_abroad(pages, lambda key: {"la", "según"}, known=["Tomas Ferrer"])
    assert [m["surface"] for m in unknown[0][1]] == ["Rosa Ferrer"]


def test_a_league_written_like_a_given_name_and_a_country_is_no_name():
    # An Indonesian page writes "Liga Inggris" (the English league) twice: "Liga" is a given name of some
    # locale, "Inggris" a capitalised word, but "liga" is the league of Spanish, Portuguese and
    # Indonesian coverage (`name_rules.COMPETITION_WORDS`), no person's name; a real name beside it stays.
    pages = [("a", "Dia melatih di Liga Inggris. Amparo Quesadilla juga."),
             ("b", "Musim lalu di Liga Inggris. Amparo Quesadilla datang.")]
    found = full_names_abroad(pages, lambda key: {"di", "dia"})
    assert [[m["surface"] for m in mentions] for _, mentions in found] == [["Amparo Quesadilla"], ["Amparo Quesadilla"]]
