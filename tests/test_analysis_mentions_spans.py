"""PERSON span repairs and the evidence gate on invented text: titles, headlines, debris, cut names."""
import spacy

from analysis import entities
from analysis.lexicon import Lexicon
from analysis.name_rules import role_title
from analysis.names import parse_name
from analysis.person_spans import (
    clean_person_span,
    extend_left,
    extend_to_given_name,
    trailing_headline_verb,
)

LEXICON = Lexicon(frozenset({"police", "said", "meet", "downtown", "protests", "history", "plan"}),
                  verbs=frozenset({"make", "tap", "win", "debut", "power"}))


def parts(text):
    return [text[s:e] for s, e in clean_person_span(text, 0, len(text))]


def test_debris_around_a_name_is_trimmed():
    assert parts("• Ana Ruiz:") == ["Ana Ruiz"]
    assert parts("Ana Ruiz/AA") == ["Ana Ruiz"]  # "Photo: Ana Ruiz/AA", a credit line
    assert parts("Harbor Gazette’s Ana Ruiz") == ["Ana Ruiz"]
    assert parts("Ruiz\nAna Ruiz") == ["Ruiz", "Ana Ruiz"]
    assert parts("Ana B. Ruiz Jr.") == ["Ana B. Ruiz Jr."]


def test_a_photo_credits_agency_in_capitals_is_no_part_of_the_name_before_it():
    # "REUTERS/Ada Pell" credits a photo: the capitalised agency before the photographer's name is cut;
    # a surname in capitals before an agency ("Ana RUIZ/AP") is the name's.
    assert parts("Ana Ruiz REUTERS/Ada Pell") == ["Ana Ruiz"]
    text = "final against Ana Ruiz EPA/Ada Pell."
    assert [text[s:e] for s, e in clean_person_span(text, 14, 26)] == ["Ana Ruiz"]
    assert parts("Ana RUIZ/AP") == ["Ana RUIZ"]


def test_titles_attach_only_within_a_sentence_and_a_line():
    text = "Ana Ruiz thanked the coach. Ibsen added more. Dr. Ibsen agreed.\nSecretary\nIbsen left."
    starts = [text.index("Ibsen"), text.index("Ibsen agreed"), text.index("Ibsen left")]
    assert [text[extend_left(text, s, set()):s + 5] for s in starts] == ["Ibsen", "Dr. Ibsen", "Ibsen"]


def test_several_titles_stay_apart_from_the_name():
    text = "Chancellor Prof. Ana Ruiz spoke."
    start = extend_left(text, text.index("Ana"), set())
    name = parse_name(text[start:text.index(" spoke")])
    assert (name.title, name.display) == ("chancellor prof", "Ana Ruiz")


def test_a_clerical_rank_is_a_title_not_a_given_name():
    """ "Ayatollah Reza Tabrizi": the rank is written before the name like "Imam" or "Rabbi", and the
    canonical name is the person's, without it."""
    name = parse_name("Ayatollah Reza Tabrizi")
    assert (name.title, name.display, name.given_tokens) == ("ayatollah", "Reza Tabrizi", ("reza",))


def test_a_headline_verb_after_a_name_is_cut():
    assert trailing_headline_verb("Ana Ruiz Makes", LEXICON)
    assert trailing_headline_verb("Brandt Taps", LEXICON)  # a surname alone remains
    assert not trailing_headline_verb("Ana Powers", LEXICON)  # a given name alone would remain
    assert not trailing_headline_verb("Ana Ruiz Sanders", LEXICON)  # "Sanders" is no verb form


def test_a_name_ner_cut_short_gets_its_first_given_name_back():
    text = "Police said Selin Deniz Aksoy left. Meet Deniz Aksoy."
    first, second = text.index("Deniz"), text.rindex("Deniz")
    assert text[extend_to_given_name(text, first, first + 11, LEXICON):first + 11] == "Selin Deniz Aksoy"
    assert text[extend_to_given_name(text, second, second + 11, LEXICON):second + 11] == "Deniz Aksoy"


def test_find_entities_repairs_person_spans():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "ana"}, {"LOWER": "ruiz"}, {"ORTH": ":"}]},
                        {"label": "PERSON", "pattern": [{"LOWER": "coach"}, {"ORTH": "."}, {"LOWER": "ibsen"}]}])
    text = "Ana Ruiz: the plan. He thanked the coach. Ibsen added more."
    [(_, found)] = list(entities.find_entities(nlp, [("k", text)]))
    assert [f["surface"] for f in found] == ["Ana Ruiz", "Ibsen"]
    assert all(text[f["start"]:f["end"]] == f["surface"] for f in found)


def test_a_name_ner_cut_inside_its_particled_surname_gets_the_rest_back():
    """The model stops before a surname core it does not know ("Ilse van der" | "Broek"): a name never
    ends on a particle, and the cut one would be a person whose surname is "der"."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"LOWER": "ilse"}, {"LOWER": "van"}, {"LOWER": "der"}]},
                        {"label": "PERSON", "pattern": [{"LOWER": "mayor"}, {"LOWER": "ilse"}, {"LOWER": "van"}]},
                        {"label": "PERSON", "pattern": [{"LOWER": "tom"}, {"LOWER": "de"}]},
                        {"label": "PERSON", "pattern": [{"LOWER": "joost"}]}])
    text = ("Commission chief Ilse van der Broek spoke. Mayor Ilse van der Broek-Smit agreed. Tom de la mer left. "
            "Then Joost ter Hove saved it.")
    [(_, found)] = list(entities.find_entities(nlp, [("k", text)]))
    assert [f["surface"] for f in found] == ["chief Ilse van der Broek", "Mayor Ilse van der Broek-Smit", "Tom de",
                                             "Joost ter Hove"]


def test_an_abbreviated_or_respelt_title_is_a_title_not_a_given_name():
    """ "PM Ana Ruiz" in a headline is the prime minister, "Sayyed Hadi Tabrizi" the honorific sayyid
    spelt another way: neither word is a given name, and the canonical name is the person's."""
    for written, title in (("PM Ana Ruiz", "pm"), ("FM Ana Ruiz", "fm"), ("Sayyed Hadi Tabrizi", "sayyed"),
                           ("Seyyed Hadi Tabrizi", "seyyed")):
        name = parse_name(written)
        assert (name.title, name.display) == (title, written.split(None, 1)[1])
    # One office, however a language names a head of government: two titles never part one person.
    assert role_title("pm") == role_title("prime minister") == role_title("premier") == role_title("ministerprasident")
    assert role_title("seyyed") == role_title("sayyid")


def _mention(text, surface, n, label="PERSON"):
    start = text.index(surface)
    return {"id": n, "key": (n, "text"), "start": start, "end": start + len(surface), "surface": surface,
            "label": label}


def test_a_phrase_whose_first_word_is_no_given_name_is_no_person():
    """An SEO headline made "Downtown Kranston" a person; the story writes "downtown" in lower case."""
    texts = {(1, "text"): "Protests Downtown Kranston: what we know. Mayor Ellen Kranston spoke downtown.",
             (2, "text"): "Taylor Brandt, an aide, and Mayor Ellen Kranston walked downtown."}
    found = [_mention(texts[(1, "text")], "Downtown Kranston", 1), _mention(texts[(1, "text")], "Mayor Ellen Kranston", 1),
             _mention(texts[(2, "text")], "Taylor Brandt", 2)]
    lexicon = Lexicon(frozenset({"downtown", "taylor", "protests"}))
    credible = entities.credible_mentions(found, texts, frozenset(), lexicon=lexicon)
    assert [m["surface"] for m in credible] == ["Mayor Ellen Kranston", "Taylor Brandt"]


def test_a_place_of_the_story_is_no_given_name():
    texts = {(1, "text"): "Dunmore Kranston rallied. Dunmore is a town; in Dunmore, Ellen Kranston spoke."}
    text = texts[(1, "text")]
    found = [_mention(text, "Dunmore Kranston", 1), _mention(text, "Ellen Kranston", 1)]
    for n, at in enumerate([text.index("Dunmore is"), text.index("in Dunmore") + 3]):
        found.append({"id": 9 + n, "key": (1, "text"), "start": at, "end": at + 7, "surface": "Dunmore", "label": "GPE"})
    assert [m["surface"] for m in entities.credible_mentions(found, texts, frozenset())] == ["Ellen Kranston"]


def test_places_written_like_names_are_not_people():
    text = ("Glen Ridge, Ohio, voted. Officials in Glen Ridge agreed. Port Talbot and Fort Myers did too. "
            "Mayor Ellen Cranston spoke.")
    found = [_mention(text, "Glen Ridge", 1), _mention(text, "Port Talbot", 1), _mention(text, "Fort Myers", 1),
             _mention(text, "Mayor Ellen Cranston", 1)]
    second = text.index("Glen Ridge agreed")
    found.append({**found[0], "id": 5, "start": second, "end": second + 10})
    ohio = text.index("Ohio")
    found.append({"id": 6, "key": (1, "text"), "start": ohio, "end": ohio + 4, "surface": "Ohio", "label": "GPE"})
    texts = {(1, "text"): text}
    assert [m["surface"] for m in entities.credible_mentions(found, texts, frozenset())] == ["Mayor Ellen Cranston"]


def test_a_role_after_a_spaced_dash_is_no_part_of_the_name(nlp):
    """A transcript's guest list writes "Name - Role"; the model takes the role into the name, which then
    reads as a surname ("Ana Ruiz Attorney"). A hyphen inside a name has no spaces and stays."""
    assert parts("Ana Ruiz - Attorney") == ["Ana Ruiz"] and parts("Ana Ruiz-Bell") == ["Ana Ruiz-Bell"]
    text = "JOINING US TODAY: Theo Brandle - Attorney, Former District Attorney (Harrow Co.), on the case."
    (_, found), = entities.find_entities(nlp, [("k", text)])
    assert "Theo Brandle" in [e["surface"] for e in found if e["label"] == "PERSON"]


def test_a_lower_case_word_before_a_capitalised_name_is_no_part_of_it():
    """A page in another language puts its own word before a name ("giết" in Vietnamese) and the model
    takes it in: names are capitalised, so a lower-case lead goes; particles and all-lower-case SEO
    strings stay."""
    assert parts("giết Ana Ruiz") == ["Ana Ruiz"]
    assert parts("van der Ruiz") == ["van der Ruiz"] and parts("ana ruiz") == ["ana ruiz"]
    assert parts("Élodie Ruiz") == ["Élodie Ruiz"]


def test_a_participle_opening_a_person_span_is_the_clauses_verb_not_a_given_name(nlp):
    """The model tags "Castigating Okafor" a person: a name never opens with a verb, so only the surname
    is kept; a given name that ends so ("Sterling Okafor") stays whole."""
    from analysis.lexicon import lexicon_of

    text = "Castigating Okafor, the mayor said the deal was off. Blaming Okafor, the council voted."
    found = [m["surface"] for _, ms in entities.find_entities(nlp, [((1, "text"), text)]) for m in ms
             if m["label"] == "PERSON"]
    assert found and all(s == "Okafor" for s in found)
    assert lexicon_of(nlp).verbs and "castigate" in lexicon_of(nlp).verbs
