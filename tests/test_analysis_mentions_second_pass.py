"""The second pass on invented text: near spellings, fused names, and the words it must leave alone."""
from dataclasses import replace

from analysis.entities import story_words
from analysis.lexicon import Lexicon
from analysis.second_pass import KnownWords, find_more_mentions, max_edits

PEOPLE = [{"surnames": ["cranston"], "given": ["ellen"]}]
#: A tiny stand-in for the model's lexicon: the English neighbours of the invented names below.
_NOUNS = frozenset({"change", "crayon", "hope", "mayor", "trunk"})
LEXICON = Lexicon(_NOUNS, (("s", "", _NOUNS),))
KNOWN = KnownWords(frozenset(), LEXICON)


def surfaces(text, people=PEOPLE, known_words=KNOWN, **kw):
    """The second pass over `text` as the whole story: the words it writes in lower case are the story's."""
    if known_words is not None:
        known_words = replace(known_words, written_lower=story_words([text])[1])
    [(_, found)] = list(find_more_mentions([("k", text)], people, {}, known_words=known_words, **kw))
    assert all(text[f["start"]:f["end"]] == f["surface"] for f in found)
    return [f["surface"] for f in found]


def test_a_middle_name_that_is_another_persons_surname_does_not_split_the_name():
    """Ana Lowe Sheldon's middle name is Tom Lowe's surname: the second pass finds "Ana Lowe" at "Lowe",
    then the whole name at "Sheldon", which replaces it."""
    people = [{"surnames": ["sheldon"], "given": ["ana", "lowe"]}, {"surnames": ["lowe"], "given": ["tom"]}]
    assert surfaces("The confirmation of Ana Lowe Sheldon, and Tom Lowe.", people=people) == ["Ana Lowe Sheldon", "Tom Lowe"]


def test_a_given_name_ner_took_with_the_surname_as_an_organisation_joins_the_surname():
    """NER tagged "Carolina Cranston" as an organisation: "Carolina", an English word and no listed given
    name, is a given name of some locale, so the name is found whole, not as a bare "Cranston" that would
    go to Ellen. Where NER tagged no such name, or tagged a longer one, the surname is found alone."""
    people = [{"surnames": ["cranston"], "given": ["ellen"]}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"carolina", "fortune"}, ()))
    text = "Carolina Cranston, a player, won. Carolina Cranston lost. Fortune Cranston Group paid."
    tagged = {"k": {0: 17, text.index("Fortune"): text.index(" paid")}}
    assert surfaces(text, people=people, known_words=known, tagged=tagged) == [
        "Carolina Cranston", "Cranston", "Cranston"]
    assert surfaces(text, people=people, known_words=known) == ["Cranston", "Cranston", "Cranston"]


def test_a_function_word_of_the_pages_language_is_no_misspelt_surname():
    """German "später" (later) is a letter from Jim Slater, folded: on a German page it is the word,
    never the name; the name written right there is still found."""
    from analysis.lexicon import function_words

    people = [{"surnames": ["slater"], "given": ["jim"]}]
    text = "Jim Slater kam. Später sagte Slater nichts."
    german = {"k": function_words("de")}
    assert surfaces(text, people=people, foreign={"k"}, function_words=german) == ["Jim Slater", "Slater"]
    assert surfaces(text, people=people, foreign={"k"}) == ["Jim Slater", "Später", "Slater"]


def test_a_short_given_name_written_as_heard_joins_the_persons_surname():
    """ "Cane" for "Kane" (one letter, one sound; too short to judge alone): before the person's surname it
    is their given name; before another surname, or far from the name, it is not."""
    people = [{"surnames": ["okafor"], "given": ["kane"]}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"cane", "cake"}, ()))
    text = "Cane Okafor spoke. Cake Okafor left. Cane Brennan paid."
    assert surfaces(text, people=people, known_words=known) == ["Cane Okafor", "Okafor"]


def test_a_name_whose_letters_an_encoding_lost_is_found_whole():
    """A page decoded in the wrong code page prints "?" for the letters it cannot show: "Marta
    Wi?niewska", "?wi?tek" for an Świątek (invented). The word with its lost letters is the name, found whole; a
    question mark after a name, or glued to the next sentence, is punctuation, and a word that differs
    in a letter it kept is no such name."""
    people = [{"surnames": ["wisniewska"], "given": ["marta"]}, {"surnames": ["swiatek"], "given": ["lukasz"]}]
    text = "Then Marta Wi?niewska spoke; Lukasz ?wi?tek agreed. Who is Swiatek?Nobody asked Wi?niewsko."
    assert surfaces(text, people=people) == ["Marta Wi?niewska", "Lukasz ?wi?tek", "Swiatek"]


def test_a_hyphenated_given_name_before_a_surname_is_taken_whole():
    """ "Anne-Sophie Daelmans" (invented) on a page the second pass reads: the given name taken before
    the surname is both parts the hyphen joins, not "Sophie Daelmans", a person nobody is."""
    people = [{"surnames": ["daelmans"], "given": ["sophie"]}]
    text = "Then Anne-Sophie Daelmans left; ex-Daelmans staff stayed."
    assert surfaces(text, people=people) == ["Anne-Sophie Daelmans", "Daelmans"]


def test_a_swapped_or_dropped_consonant_is_a_near_spelling():
    text = "Mayor Crantson spoke first. Later Cranton said the plan would hold, and Cranstonne agreed."
    assert surfaces(text) == ["Mayor Crantson", "Cranton", "Cranstonne"]


def test_a_given_name_before_another_persons_surname_is_no_near_spelling():
    # "Khalil" is a letter from a story's "Khalif", and a given name: before "Dorani", a word no lexicon
    # or story name has, it opens another player's name. Before a verb, or alone, it stays a near spelling.
    people = [{"surnames": ["khalif"], "given": ["nadia"]}]
    text = "The squad: Khalil Dorani and Omar Bessa. Nadia Khalif won; later Khalil said more."
    assert surfaces(text, people=people) == ["Nadia Khalif", "Khalil"]


def test_fused_given_name_and_surname_are_found_in_any_case():
    text = "Tags: ellencranston, EllenCranston, elencranston. Posted by admin."
    assert surfaces(text) == ["ellencranston", "EllenCranston", "elencranston"]


def test_lower_case_keyword_strings_are_searched():
    text = "kranston mayor ohio protests downtown update"
    assert surfaces(text) == ["kranston"]


def test_a_known_surname_with_an_s_is_its_possessive_or_plural_not_a_typo():
    # Slugs drop the apostrophe ("cranstons-plan"): the surname as written, ending before the "s".
    # "the Cranstons" is the family, no one of them: no mention. A misspelling with an "s" is still found.
    text = "/news/ellen-cranstons-plan-for-the-bridge the Cranstons and Kranstons."
    assert surfaces(text) == ["cranston", "Kranstons"]
    # A particled surname's core with an "s" after "the" is no family's plural ("the van der Meers"
    # would be): a translation's garble of the name, found.
    people = [{"surnames": ["meer", "vandermeer"], "given": ["pieter"]}]
    assert surfaces("Pieter van der Meer spoke. From the Meers Europa team.", people) == ["Pieter van der Meer", "Meer"]


def test_english_neighbours_of_a_name_are_left_alone():
    people = [{"surnames": ["chang", "tronk"], "given": ["mei", "ivo"]}]
    text = "Change came fast. Critics called Tronk a trunk; the Tronks changes nothing. Mei Chang spoke."
    assert surfaces(text, people) == ["Tronk", "Mei Chang"]  # "the Tronks": the family, no one of them


def test_ordinary_words_of_the_story_are_not_near_spellings():
    people = [{"surnames": ["marlowe"], "given": ["ines"]}]
    known = KnownWords(frozenset({"marlows"}), LEXICON)  # e.g. a local word two pages write in lower case
    assert surfaces("The marlows were full. Ines Marlowe and Marlowy spoke.", people, known) == ["Ines Marlowe", "Marlowy"]


def test_a_surname_that_is_a_word_is_a_name_only_when_capitalised():
    people = [{"surnames": ["hope"], "given": ["ellen"]}]
    assert surfaces("We hope for news. Ellen Hope said so; Hope left.", people) == ["Ellen Hope", "Hope"]


def test_without_known_words_only_sound_alikes_are_taken():
    """The topic filter sees one page and no model: nothing tells a garble from an English word."""
    text = "Kranston said so. Cranton said so."
    assert surfaces(text, known_words=None) == ["Kranston"]


def test_the_score_cutoff_still_applies_to_near_spellings():
    assert surfaces("Cranton said so.", score_cutoff=95) == []


def test_edits_scale_with_length():
    assert [max_edits(a, b) for a, b in [("abcd", "abce"), ("abcde", "abcdf"), ("abcdefg", "abcdefh"),
                                          ("abcdefgh", "abcdefg")]] == [0, 1, 1, 2]


def test_a_two_part_surname_is_found_whole_and_by_either_part():
    people = [{"surnames": ["lindahlberg", "lindahl", "berg"], "given": ["ana"]}]
    text = "Ana Lindahl-Berg spoke. Lindahl-Berg’s aide said Berg would stay; Lindahl left."
    assert surfaces(text, people) == ["Ana Lindahl-Berg", "Lindahl-Berg", "Berg", "Lindahl"]


def test_particles_join_a_surname_only_when_they_are_part_of_it():
    people = [{"surnames": ["vandermeer", "meer"], "given": ["pieter"]}, {"surnames": ["brandt"], "given": ["ivo"]}]
    text = "Pieter van der Meer spoke; later van der Meer left. El plan de Brandt."
    assert surfaces(text, people) == ["Pieter van der Meer", "van der Meer", "Brandt"]


def test_the_particles_of_a_surname_join_it_in_any_case_and_when_written_otherwise():
    """A sentence opens with "Von der Meer", a URL slug hyphenates the particles, an aggregator
    changes them: each is the surname as written, for the variants stage to judge, never its core
    alone (which reads as the particles dropped). A preposition before them stays out."""
    people = [{"surnames": ["vandermeer", "meer"], "given": ["pieter"]}]
    text = "Van der Meer spoke. la victoria de van der Meer; /news/pieter-van-der-meer-wins; Von del Meer left."
    assert surfaces(text, people) == ["Van der Meer", "van der Meer", "van-der-meer", "Von del Meer"]


def test_a_given_name_nobody_reported_joins_a_found_surname():
    """A photo credit NER never reads: the word before the surname may be a given name."""
    people = [{"surnames": ["aksoy"], "given": ["deniz"]}]
    text = "Photo: Selin Aksoy/AA\nLater Aksoy said it; Henrike Claire Aksoy agreed."
    assert surfaces(text, people) == ["Selin Aksoy", "Aksoy", "Henrike Claire Aksoy"]


def test_a_hyphenated_compound_is_whole_only_as_a_known_surname():
    """URL slugs and percent-encodings hyphenate anything ("%3E-kathcart"): no near spelling of a compound."""
    text = "/news/2026/ellen-cranston-wins-3E-crantson-e-cranston"
    assert surfaces(text) == ["cranston", "crantson", "cranston"]


def test_a_town_before_its_state_is_no_garble_of_a_surname():
    """NER tags "Cranstin, Vermont" a town and its state: the town is not a misspelt Cranston, though
    the same word elsewhere in the page is."""
    text = "The freight went to Cranstin, Vermont. Mayor Cranstin said so."
    town = text.index("Cranstin")

    def found(towns):
        (_, mentions), = find_more_mentions([(1, text)], PEOPLE, {}, known_words=KNOWN, towns=towns)
        return [m["surface"] for m in mentions]

    assert found(None) == ["Cranstin", "Mayor Cranstin"]
    assert found({1: {town}}) == ["Mayor Cranstin"]


def test_a_pronunciation_in_phonetic_symbols_is_no_spelling_of_the_name():
    text = "Ellen Cranston (pronounced [ˈɛlən kranˈston]) spoke."
    assert surfaces(text) == ["Ellen Cranston"]


def test_an_e_mail_address_is_a_mailbox_not_a_use_of_the_name():
    text = "Write to ecranston@example.com or ellen.kranston@example.org; Ellen Cranston replies."
    assert surfaces(text) == ["Ellen Cranston"]


def test_a_photo_file_name_is_a_file_not_a_use_of_the_name():
    text = "Photo: https://example.gov/files/ecranston.jpg (page /mayor-kranston-speaks/); Ellen Cranston replies."
    assert surfaces(text) == ["kranston", "Ellen Cranston"]


def test_a_given_name_written_as_heard_joins_the_surname_even_when_it_is_an_english_word():
    # A translated page NER did not read: "Brinley" is in the lexicon (a common word of the web) and
    # in no given-name list, yet it sounds like the given name of the person whose surname follows,
    # so it is part of the mention; a lexicon word that does not sound like it ("Bueno") is not.
    people = [{"surnames": ["cranston"], "given": ["brynlee"]}]
    lexicon = Lexicon(_NOUNS | {"brinley", "bueno"}, ())
    text = "Los alcaldes Brinley Cranston y Bueno Cranston hablaron."
    found = surfaces(text, people=people, known_words=KnownWords(frozenset(), lexicon))
    assert found == ["Brinley Cranston", "Cranston"]


def test_the_same_letters_scrambled_are_a_near_spelling_of_a_long_surname():
    # Two consonants swapped across a vowel: two edits, one slip of the fingers.
    people = [{"surnames": ["nirmala"], "given": ["ana"]}]
    assert surfaces("Later Nimrala said no. Marlina was not there.", people=people) == ["Nimrala"]


def test_a_lower_case_near_spelling_on_a_page_in_another_language_needs_a_name_before_it():
    """No lexicon of the page's language tells one of its words ("marquardo" stands for one below) from a
    garbled "Marquardt"; a capitalised word before a lower-case one ("Hatce yalcinin") is what a name
    looks like in any language."""
    people = [{"surnames": ["marquardt", "yalcin"], "given": ["elena", "hatice"]}]
    text = "la marquardo republicana apoya a Hatce yalcinin; marquardt dijo"
    words = KnownWords(frozenset({"la", "republicana", "apoya", "dijo"}))

    def found(foreign):
        (_, mentions), = find_more_mentions([("es", text)], people, {}, known_words=words, foreign=foreign)
        return [m["surface"] for m in mentions]

    # Read as English, the garble "marquardo" is taken; on the Spanish page only the name after a
    # capitalised word and the known spelling are.
    assert found(frozenset()) == ["marquardo", "yalcinin", "marquardt"]
    assert found({"es"}) == ["yalcinin", "marquardt"]


def test_a_short_word_near_a_short_surname_on_a_page_in_another_language_is_a_word_of_it():
    """German capitalises every noun: "Leben" (life) is one letter from a Loben, and no English
    lexicon knows it. A known spelling is still the name there, and a longer garble still a garble."""
    people = [{"surnames": ["loben", "marquardt"], "given": ["greta", "elena"]}]
    text = "im politischen Leben ist Loben, sagte Marquadt"
    assert at_home_and_abroad(text, people) == (["Leben", "Loben", "Marquadt"], ["Loben", "Marquadt"])


def at_home_and_abroad(text, people):
    """The second pass's surfaces on a German page, read as an English page and as the German one."""
    def found(foreign):
        (_, mentions), = find_more_mentions([("de", text)], people, {}, known_words=KNOWN, foreign=foreign)
        return [m["surface"] for m in mentions]
    return found(frozenset()), found({"de"})


def test_a_word_with_its_languages_marked_letters_near_a_surname_abroad_is_a_word_of_it():
    """German "Länder" (states) is a letter from "Linder", a known misspelling of a Lindner, once
    folded: on a German page a near spelling with the language's own marked letters is its word, not a
    garble of the name, which keeps the name's letters ("Lindnr"). A known spelling is the name however
    it is marked."""
    people = [{"surnames": ["lindner", "linder"], "given": ["christian"]}]
    text = "die Schulden anderer Länder, sagte Lindnr, und Lindnér"
    assert at_home_and_abroad(text, people) == (["Länder", "Lindnr", "Lindnér"], ["Lindnr", "Lindnér"])


def test_a_name_run_together_in_a_tag_list_is_a_tag_not_a_garble():
    """A video's or blog's closing tag string ("elections, ellencranston, millbrooknews") writes names
    without spaces as hashtags do: the mention is marked a handle, which the report accepts."""
    from analysis.mentions import _variant_input
    text = "The governor signed the bill.\n, elections, ellencranston, millbrooknews"
    prose = "Ellen Cranston said ellencranston, twice."
    docs = {1: {"text": text, "article_id": 1, "origin": "o", "authoritative": False, "published": "2026-03-01"},
            2: {"text": prose, "article_id": 2, "origin": "o", "authoritative": False, "published": "2026-03-01"}}
    mentions = [{"id": 1, "version_id": 1, "field": "text", "start": text.index("ellen"), "end": text.index("ellen") + 13,
                 "surface": "ellencranston"},
                {"id": 2, "version_id": 2, "field": "text", "start": prose.index("ellenc"), "end": prose.index("ellenc") + 13,
                 "surface": "ellencranston"}]
    rows = _variant_input(mentions, docs)
    assert [row.get("handle", False) for row in rows] == [True, False]
    assert [row.get("foreign", False) for row in rows] == [False, False]
    docs[2]["language"] = "de"  # a page in another language: its spelling may be that language's
    assert [row.get("foreign", False) for row in _variant_input(mentions, docs)] == [False, "de"]


def test_a_hyphenated_given_name_is_one_name_not_syllables_to_search():
    """Korean given names join syllables with a hyphen: "Hwanf" in "Hwanf-jin" is a syllable, no near
    spelling of a known Hwang, and "hwang" in "Do-hwang" no family name. A name joined to a word
    ("Hwang-appointed") is still searched."""
    people = [{"surnames": ["hwang"], "given": ["minseo"]}]
    text = "Reporter Hwanf-jin Park wrote it. A Hwang-appointed panel met. Baek Do-hwang spoke."
    assert surfaces(text, people=people, known_words=KnownWords(frozenset(), Lexicon(_NOUNS | {"appointed"}, ()))) == ["Hwang"]


def test_a_surname_garbled_twice_under_its_persons_given_name_is_found():
    """ "Dmitri Brygoshin" in a transcript for a Dmitri Brigozhin: two letters changed in nine leave a
    ratio of 78, below the cutoff, but the person's own given name stands before it and the word keeps
    the name's length. After another given name, or far longer, it is no garble of his."""
    people = [{"surnames": ["brigozhin"], "given": ["dmitri"]}]
    text = "Dmitri Brygoshin was on board. Anton Brygoshin was not. Dmitri Brigozhinovich spoke."
    assert surfaces(text, people=people) == ["Dmitri Brygoshin"]


def test_the_storys_subject_is_searched_even_when_ner_never_tags_them():
    """The small model tags "Brook" of "Ada van der Brook" as a place: with no PERSON of hers, no
    cluster would ever search her. The story config names her, so the second pass does, particles and
    all, and the topic filter finds her by the word of her surname a text writes."""
    from analysis.mentions import resolve_mentions
    from analysis.records import Topic
    from analysis.topic import topic_match
    texts = ["Ada van der Brook was re-elected on Tuesday. Van der Brook thanked the assembly.",
             "The vote: Ada van der Brook won 401 votes, and van der Brook spoke."]
    docs = {n: {"text": text, "title": "", "article_id": n, "origin": f"o{n}", "outlet": f"o{n}", "authoritative": True,
                "published": "2026-03-01", "language": "en"} for n, text in enumerate(texts, 1)}
    topic = Topic(names=("Ada van der Brook",), articles=frozenset({1, 2}))
    result = resolve_mentions(docs, [], topic=topic).result
    assert [c["canonical"] for c in result.clusters] == ["Ada van der Brook"]
    assert topic_match(texts[:1], names=["Ada van der Brook"], keywords=[]) == "Ada van der Brook"


def test_a_name_found_by_its_surname_keeps_three_given_names_before_it():
    """Spanish names carry two given names and a first family name before the last: "Joaquín Manuel
    Ibáñez Orduna" found at "Orduna" is the whole name, not "Manuel Ibáñez Orduna" (a person of its own)."""
    people = [{"surnames": ["orduna"], "given": ["joaquin", "manuel", "ibanez"]}]
    assert surfaces("Incumbent Joaquín Manuel Ibáñez Orduna congratulated her.", people=people) == [
        "Joaquín Manuel Ibáñez Orduna"]


def test_a_surname_with_its_particle_run_in_split_at_the_particle_and_misspelt_is_found():
    """ "the De Varnos campaign" for a DeVarnis: the capitalised particle and the next word together are
    a near spelling of the surname, though neither alone is. A lower-case "de" before a capitalised
    word is a preposition ("la victoria de Varnos"), not part of a name."""
    people = [{"surnames": ["devarnis"], "given": ["vic"]}]
    assert surfaces("We have the De Varnos Campaign front and center.", people=people) == ["De Varnos"]
    assert surfaces("la victoria de Varnos en Brasil.", people=people) == []


def test_an_english_word_misspelling_a_surname_is_the_name_on_a_page_naming_the_person_in_full():
    """ "Stutter" for Stutzer, "Porter" for Portner: English words, which the lexicon alone refuses. On
    a page that names the person in full, a capitalised word a typo from their surname that the story
    never writes in lower case (in any form) and that no other capitalised word joins is the surname."""
    people = [{"surnames": ["stutzer"], "given": ["owen"]}, {"surnames": ["portner"], "given": ["neil"]}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"stutter", "porter"}, (("s", "", frozenset({"stutter"})),)))
    page = "Owen Stutzer leads the party. Stutter was born in Leeds. Neil Portner died; Porter's killing shocked."
    assert surfaces(page, people, known) == ["Owen Stutzer", "Stutter", "Neil Portner", "Porter"]
    # Not without the full name on the page, nor beside another capitalised word ("Porter Logistics").
    assert surfaces("Stutter was born in Leeds. Stutzer won.", people, known) == ["Stutzer"]
    assert surfaces("Neil Portner died, Porter Logistics said.", people, known) == ["Neil Portner"]
    # Nor when the story uses the word as a word, in any form.
    assert surfaces(page + " He stutters.", people, known) == ["Owen Stutzer", "Neil Portner", "Porter"]


def test_an_english_word_a_page_writes_as_the_surname_in_full_is_the_surname_alone_there_too():
    """A page that misspells Owen Stutzer as "Owen Stutter" throughout never names him right, but it
    writes the word as his surname after his given name: the word alone on that page ("Stutter's plan")
    is the same surname. A page writing the word only alone is left alone, as before."""
    people = [{"surnames": ["stutzer"], "given": ["owen"]}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"stutter"}, (("s", "", frozenset({"stutter"})),)))
    page = "This piece is about Owen Stutter, the economist. Stutter’s research changed the field."
    assert surfaces(page, people, known) == ["Owen Stutter", "Stutter"]
    assert surfaces("Stutter’s research changed the field.", people, known) == []


def test_a_given_name_glued_to_a_label_by_a_lost_space_opens_the_name():
    """An infobox's "Accused" and its value lose the space between them ("AccusedEllen Mae Cranston"):
    the given name glued on is hers, and the name found is the whole, not "Mae Cranston" (her middle
    name taken for a given name, an error of nobody's). A glued word that is no given name of hers
    stays out."""
    people = [{"surnames": ["cranston"], "given": ["ellen", "mae"]}]
    assert surfaces("Injured 0\nAccusedEllen Mae Cranston\nCharges", people) == ["Ellen Mae Cranston"]
    assert surfaces("Injured 0\nAccusedHelen Mae Cranston\nCharges", people) == ["Mae Cranston"]


def test_a_surname_garbled_further_after_two_of_the_persons_given_names_is_found():
    """ "Dana Louise Cobberg" for Dana Louise Kohlberg: the surname keeps its first sound and most letters,
    too far for a near spelling even after one given name, but two of hers before it identify her.
    After one ("Dana Cobberg"), or after two that are not hers, the word is left alone."""
    people = [{"surnames": ["kohlberg"], "given": ["dana", "louise"]}]
    assert surfaces("The suspect Dana Louise Cobberg appeared in court.", people) == ["Dana Louise Cobberg"]
    assert surfaces("The suspect Dana Cobberg appeared in court.", people) == []
    assert surfaces("The suspect Dana Maria Cobberg appeared in court.", people) == []


def test_a_given_name_written_with_a_capital_inside_opens_the_name():
    """ "LaToya Cranston", a relative of Ellen Cranston: a given name written with a capital after two or
    three letters is a given name, not words glued by a lost space, and the name found is the whole, not
    the bare surname (which would go to Ellen). A longer part before the capital is a glued word
    ("OfficeEllen Cranston" is Cranston alone)."""
    assert surfaces("His mother LaToya Cranston spoke.") == ["mother LaToya Cranston"]
    assert surfaces("Press OfficeLaToya Cranston spoke.") == ["Cranston"]


def test_a_surname_written_as_heard_is_the_name_on_a_page_that_writes_it_right():
    """A hearing transcript: "Mr. Dagsen, you may continue" and later "Mr. Daxen, suspend your remarks".
    "Daxen" is two edits from Dagsen, too far for a typo, but one sound (a Metaphone key) with most
    letters kept; on a page writing the surname right, it is the surname as heard, titled or not
    ("Daxen said so"). On a page that never writes Dagsen, or before another capitalised word (another
    name's part), it is left alone."""
    people = [{"surnames": ["dagsen"], "given": ["piet"]}]
    page = "Mr. Dagsen, you may continue. Order! Mr. Daxen, suspend your remarks."
    assert surfaces(page, people) == ["Mr. Dagsen", "Mr. Daxen"]
    assert surfaces("Mr. Dagsen, you may continue. Daxen said so.", people) == ["Mr. Dagsen", "Daxen"]
    assert surfaces("Mr. Dagsen, you may continue. Daxen Group said so.", people) == ["Mr. Dagsen"]
    assert surfaces("Order! Mr. Daxen, suspend your remarks.", people) == []
    assert surfaces("Order! Daxen said so.", people) == []


def test_a_short_english_word_that_is_the_surname_with_a_doubled_letter_written_once_is_the_name():
    """ "Gala accepted defeat" a line after Marco Galla: four letters, too few for a near spelling, and an
    English word; the surname with its doubled letter written once, on a page naming him in full, it is
    his surname misspelt. Written in lower case anywhere in the story, it is the word."""
    people = [{"surnames": ["galla"], "given": ["marco"]}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"gala"}, ()))
    page = "Pereyra defeated Marco Galla of the ruling party. Gala accepted defeat."
    assert surfaces(page, people, known) == ["Marco Galla", "Gala"]
    assert surfaces(page + " The gala is sold out.", people, known) == ["Marco Galla"]


def test_a_whole_name_written_as_heard_is_found_on_a_page_that_names_the_person_in_full():
    """A reader's query as a headline: "Why did Christin sown sell the farm", answered by a page naming
    Gov. Kristin Soen. Given name heard ("Chr" sounds "Kr"), surname with Soen's sound though a short
    English word in lower case: her name misheard, in the headline too when another field of the page
    names her. On a page that never names her, it is left alone."""
    people = [{"surnames": ["soen"], "given": ["kristin"]}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"sown"}, ()))
    headline, body = "Why did Christin sown sell the farm", "Gov. Kristin Soen sold it in May."
    texts = [("title", headline), ("text", body)]
    found = dict(find_more_mentions(texts, people, {}, known_words=known, page_of=lambda key: (1, [headline, body])))
    assert [m["surface"] for m in found["title"]] == ["Christin sown"]
    assert [m["surface"] for m in found["text"]] == ["Gov. Kristin Soen"]
    assert surfaces(headline + ". She left.", people, known) == []


def test_a_short_surname_one_letter_off_is_the_name_on_a_page_that_writes_it_right():
    """Four letters are too few for a near spelling anywhere ("Vorn", "Voss", "Vors" are all names),
    but "as Vorst took office" on a page that names Anke Vors is her surname with a letter added:
    the page says who stands there. On a page that never writes Vors, or as part of another name
    ("Vorst Bank"), it is left alone."""
    people = [{"surnames": ["vors"], "given": ["anke"]}]
    page = "Anke Vors was elected. As soon as Vorst took office, Vorst Bank has grown."
    assert surfaces(page, people) == ["Anke Vors", "Vorst"]
    assert surfaces("As soon as Vorst took office, little changed.", people) == []


def test_a_garbled_surname_the_page_writes_under_the_given_name_is_the_name_alone_too():
    """A page writes "Anke Vorts" once, under her given name, then "Vorts" alone, as writers do: the
    garble alone is her surname as this page spells it, wherever it stands alone on the page."""
    people = [{"surnames": ["vors"], "given": ["anke"]}]
    page = "Anke Vorts won. Vorts said the party would govern; the Vorts plan, Vorts Bank."
    assert surfaces(page, people) == ["Anke Vorts", "Vorts", "Vorts"]


def test_a_function_word_of_the_pages_language_is_no_given_name_before_a_surname():
    """A Spanish title from a slug, "Reunión De Ibarra Con Vorst Termina": "Con" is a listed (English)
    given name, but on a Spanish page it is the preposition, and "Con Vorst" no person."""
    from analysis.lexicon import function_words

    people = [{"surnames": ["vorst"], "given": ["anke"]}]
    text = "Reunión De Ibarra Con Vorst Termina A Los Gritos"
    def found(text, spanish):
        (_, mentions), = find_more_mentions([("k", text)], people, {}, known_words=KNOWN, foreign={"k"},
                                            function_words={"k": function_words("es" if spanish else "de")})
        return [m["surface"] for m in mentions]

    assert found(text, spanish=True) == ["Vorst"]
    assert found(text, spanish=False) == ["Con Vorst"]  # in German it may be a name


def test_a_preposition_of_the_pages_language_before_a_particled_surname_is_no_particle_of_it():
    """The story writes "Omar al-Karoubi": French "la mort de Karoubi" is "of" him, no particle of his
    changed, and the mention is "Karoubi". A particle his name does open with ("el-Karoubi") is taken,
    and so is "de" on an English page, where it is no word of the page's language."""
    from analysis.lexicon import function_words

    people = [{"surnames": ["karoubi", "alkaroubi"], "given": ["omar"]}]
    text = "Après la mort de Karoubi, el-Karoubi et al-Karoubi."

    def found(language):
        (_, mentions), = find_more_mentions([("k", text)], people, {}, known_words=KNOWN, foreign={"k"},
                                            function_words={"k": function_words(language)})
        return [m["surface"] for m in mentions]

    assert found("fr") == ["Karoubi", "el-Karoubi", "al-Karoubi"]
    (_, mentions), = find_more_mentions([("k", text)], people, {}, known_words=KNOWN)
    assert [m["surface"] for m in mentions] == ["de Karoubi", "el-Karoubi", "al-Karoubi"]


def test_a_wifes_de_before_her_husbands_surname_makes_no_de_of_his_name_on_a_spanish_page():
    """The story names President Tomás Varela and his mother "Olga Ortez de Varela" (a wife's "de" and
    her husband's surname after her own). On a Spanish page "el triunfo de Varela" is "of" him: the
    mention is "Varela", not a "de Varela" that would be his name with a particle added. Her name
    written whole keeps its "de"; a name that opens its surname with the particle right after a given
    name ("Ana de Varela") makes the particle the name's there too."""
    from analysis.lexicon import function_words
    from analysis.mentions import _opens_surname
    from analysis.names import parse_name

    def person(*names):
        parsed = [parse_name(n) for n in names]
        return {"surnames": sorted({n.surname_key for n in parsed}), "given": sorted({g for n in parsed for g in n.given}),
                "follow_given": sorted({n.surname_key for n in parsed if _opens_surname(n)})}

    text = "Celebran el triunfo de Varela. Su madre, Olga Ortez de Varela, votó."

    def found(*people):
        (_, mentions), = find_more_mentions([("k", text)], list(people), {}, known_words=KNOWN, foreign={"k"},
                                            function_words={"k": function_words("es")})
        return [m["surface"] for m in mentions]

    assert found(person("Tomás Varela"), person("Olga Ortez de Varela")) == ["Varela", "Olga Ortez de Varela"]
    assert found(person("Tomás Varela"), person("Ana de Varela"))[0] == "de Varela"


def test_a_garbled_middle_name_between_the_persons_given_name_and_surname_joins_the_name():
    """ "Präsident Halil Tewfiq Sarigul" for Halil Tevfik Sarıgül on a German page: the middle name two
    letters off, which alone is no evidence; his first given name before it and his surname after it
    are. Another first given name before the same garble is not his."""
    people = [{"surnames": ["sarigul"], "given": ["halil", "tevfik"]}]
    text = "Präsident Halil Tewfiq Sarigul sprach. Meral Tewfiq Sarigul schwieg."
    (_, mentions), = find_more_mentions([("de", text)], people, {}, known_words=KNOWN, foreign={"de"})
    assert [m["surface"] for m in mentions] == ["Präsident Halil Tewfiq Sarigul", "Sarigul"]


def test_a_one_letter_function_word_glued_to_a_name_before_a_lower_case_word_is_glue():
    """ "Ellen Cranstona récidivé" on a French page is "Cranston a récidivé" with the space lost: the
    name as written is Cranston's own. Before a full stop the letter stays part of the word, a garble
    for the variants stage to judge; so it does in Polish, where "Ellen Cranstona" is her name
    declined (the given name with it, "Elleny Cranstona"), and on an English page."""
    from analysis.lexicon import function_words, glue_letters
    text = "Ellen Cranstona récidivé. Ellen Cranstona."

    def found(language):
        (_, mentions), = find_more_mentions([("p", text)], PEOPLE, {}, known_words=KNOWN, foreign={"p"},
                                            function_words={"p": function_words(language)},
                                            glue_letters={"p": glue_letters(language)})
        return [m["surface"] for m in mentions]

    assert found("fr") == ["Ellen Cranston", "Ellen Cranstona"]
    assert found("pl") == found("en") == ["Ellen Cranstona", "Ellen Cranstona"]


def test_a_preposition_glued_to_a_name_by_a_lost_space_is_not_part_of_it():
    """ "Ellen Cranstonunder a thick fog": a translated page lost the space before a preposition. The
    name is Cranston's as written, not a garble of it."""
    assert surfaces("In front of the house Ellen Cranstonunder a thick fog, cars wait.") == ["Ellen Cranston"]


def test_a_person_ner_made_of_a_name_and_a_glued_word_is_no_surname_to_search_for():
    """ "Ellen Cranstonhead of the council": a lost comma and space, which NER tags as a person the first
    decision keeps (its surname "Cranstonhead", under Ellen Cranston's own given name). The word run on is
    cut off, and the name is hers; a person under another given name whose surname merely begins with
    hers ("Tom Cranstonville") keeps it."""
    people = [{"surnames": ["cranston"], "given": ["ellen"]},
              {"surnames": ["cranstonhead"], "given": ["ellen"], "canonical": "cranstonhead"}]
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"head", "ville"}, ()))
    assert surfaces("Ellen Cranstonhead of the council said no.", people, known) == ["Ellen Cranston"]
    people += [{"surnames": ["cranstonville"], "given": ["tom"], "canonical": "cranstonville"}]
    assert surfaces("Tom Cranstonville said no.", people, known) == ["Tom Cranstonville"]


def test_an_english_word_glued_to_a_name_by_a_lost_space_is_not_part_of_it():
    """ "President Ellen Cranstontrails in the polls": extraction lost the space before a headline's
    verb. An English word of four letters or more glued on is cut off; a short one may end a surname
    ("Cranstonson", another name), and the name stays whole there."""
    known = KnownWords(frozenset(), Lexicon(_NOUNS | {"trails", "son"}, ()))
    assert surfaces("President Ellen Cranstontrails in the polls.", known_words=known) == ["President Ellen Cranston"]
    assert surfaces("Ellen Cranstonson spoke.", known_words=known) != ["Ellen Cranston"]


def test_a_given_name_a_page_repeats_before_a_near_spelling_joins_the_exact_surname_too():
    """An Italian page about a footballer writes "Aldo Marchessi" twice, then "Aldo Marchesi": the
    page's own Aldo, once spelt right, not a bare "Marchesi" of the story's Lucia Marchesi."""
    people = [{"surnames": ["marchesi"], "given": ["lucia"]}]
    text = "Aldo Marchessi\nAldo Marchessi\nUn bomber. Aldo Marchesi è il capocannoniere."
    (_, mentions), = find_more_mentions([("it", text)], people, {}, known_words=KNOWN, foreign={"it"})
    assert [m["surface"] for m in mentions] == ["Aldo Marchessi", "Aldo Marchessi", "Aldo Marchesi"]


def test_a_near_spelling_before_a_middle_initial_and_a_surname_is_a_given_name():
    # A photo credit "(Cransten M. Ebbert / AP)": the word opens the photographer's full name, a given
    # name, however near Cranston it is; the same word in a sentence is the misspelling it looks like.
    text = "Ellen Cranston won. (Cransten M. Ebbert / AP)\nCransten thanked the crews."
    found = list(find_more_mentions([("k", text)], PEOPLE, {}, known_words=KNOWN))[0][1]
    assert [(f["surface"], f["start"]) for f in found if f["surface"] != "Ellen Cranston"] == [
        ("Cransten", text.rindex("Cransten"))]


def test_a_table_running_two_names_together_gives_each_its_own():
    """A results table extracted as text runs two candidates together ("Candidate Tim Varga Pete
    Lagseth"), and Varga is also a given name in the story (a Varga Hollo): the words before Lagseth
    stop at Varga, another known person's surname after one of his given names, so Lagseth's name is
    "Pete Lagseth", not "Tim Varga Pete Lagseth". A middle name that is a known surname, under the
    person's own given name, stays in the name ("Ana Lowe Sheldon")."""
    people = [{"surnames": ["varga"], "given": ["tim"]}, {"surnames": ["lagseth"], "given": ["pete"]},
              {"surnames": ["hollo"], "given": ["varga"]}]
    assert surfaces("Candidate Tim Varga Pete Lagseth\nParty Left Right", people=people) == ["Tim Varga", "Pete Lagseth"]
    people = [{"surnames": ["sheldon"], "given": ["ana", "lowe"]}, {"surnames": ["lowe"], "given": ["tom"]}]
    assert surfaces("Candidate Ana Lowe Sheldon won.", people=people) == ["Ana Lowe Sheldon"]


def test_a_url_slug_running_two_names_together_gives_each_its_own():
    """A slug writes every word small ("who-is-tim-varga-lagseths-rival"): Varga, a known person's
    surname after his given name (and a given name in the story too, of a Varga Hollo), ends his
    name there, so Lagseth's name is his surname alone, not "tim varga lagseth"."""
    people = [{"surnames": ["varga"], "given": ["tim"]}, {"surnames": ["lagseth"], "given": ["pete"]},
              {"surnames": ["hollo"], "given": ["varga"]}]
    assert surfaces("who is tim varga lagseths rival", people=people) == ["tim varga", "lagseth"]


def test_a_particle_read_into_a_given_name_extends_no_surname():
    """ "Ana de Paula Ruiz" read with given names ana, de, paula: "de" is a particle, no given name, and
    "el triunfo de Vorsano" on a Spanish page names Vorsano, not a "de Vorsano"."""
    people = [{"surnames": ["vorsano"], "given": ["jairo"]}, {"surnames": ["ruiz"], "given": ["ana", "de", "paula"]}]
    assert surfaces("el triunfo de Vorsano en 2018", people=people) == ["Vorsano"]


def test_a_short_surname_in_a_slug_still_ends_its_persons_name():
    """ "kenji-ota-pete-lagseth-trial": Ota, a known person's surname too short to be searched for, after
    his given name ends his name there (Ota is also a given name of the story, of an Ota Hollo), so
    Lagseth's given names are "pete" alone, never "kenji ota pete"."""
    people = [{"surnames": ["ota"], "given": ["kenji"]}, {"surnames": ["lagseth"], "given": ["pete"]},
              {"surnames": ["hollo"], "given": ["ota"]}]
    assert surfaces("kenji ota pete lagseth trial", people=people) == ["pete lagseth"]


def test_a_letter_changed_in_a_four_letter_surname_under_the_persons_given_name_is_found():
    """ "Sinan Ogun" for a Sinan Ogan keeps three letters of four, below any ratio cutoff; the person's
    own given name before it is the evidence, and the page's later "Ogun" is the same garble. Under
    another given name, or alone on a page, the word is left alone."""
    people = [{"surnames": ["ogan"], "given": ["sinan"]}]
    assert surfaces("Sinan Ogun backed the president. Ogun said so.", people=people) == ["Sinan Ogun", "Ogun"]
    assert surfaces("Kenan Ogun backed the president. Ogun said so.", people=people) == []


def test_a_surnames_letters_scrambled_under_the_persons_given_name_is_found():
    """ "Judge Roger Atara" for Roger Arata: two letters swapped across a third are two edits in five,
    which no ratio keeps, but the letters are his and his given name stands before them. Alone, or
    under another given name, five scrambled letters are left alone."""
    people = [{"surnames": ["arata"], "given": ["roger"]}]
    assert surfaces("Presiding judge Roger Atara read the verdicts.", people=people) == ["Roger Atara"]
    assert surfaces("Presiding judge Peter Atara read the verdicts. Atara left.", people=people) == []


def test_a_two_part_surname_written_as_two_words_is_one_mention():
    """ "Minister Ana Lindahl Berg" for Ana Lindahl-Berg: the two parts written apart are her one
    surname, so the mention is the whole name, not "Ana Lindahl" and a "Berg" of its own; either part
    alone is still found."""
    people = [{"surnames": ["lindahlberg", "lindahl", "berg"], "given": ["ana"]}]
    assert surfaces("Minister Ana Lindahl Berg spoke. Lindahl Berg left.", people=people) == [
        "Minister Ana Lindahl Berg", "Lindahl Berg"]
    assert surfaces("Lindahl spoke. Berg left.", people=people) == ["Lindahl", "Berg"]


def test_a_given_name_garbled_past_a_typo_before_the_persons_surname_abroad_is_their_given_name():
    """On a German page "Tarosz Wolniak" names Tomasz Wolniak with his given name garbled: no list has
    "Tarosz" and abroad only a listed given name is taken, but it keeps his given name's first letter and
    most of its letters, right before his surname. A German noun there ("Polizist") is not his name."""
    people = [{"surnames": ["wolniak"], "given": ["tomasz"]}]
    text = "Sein Name ist Tarosz Wolniak, sagte Polizist Wolniak."
    assert surfaces(text, people=people, foreign={"k"}) == ["Tarosz Wolniak", "Wolniak"]
    assert surfaces(text, people=[{"surnames": ["wolniak"], "given": ["jerzy"]}], foreign={"k"}) == ["Wolniak", "Wolniak"]


def test_a_five_letter_surname_with_a_letter_dropped_is_found_where_the_page_writes_it_right():
    """ "Tras's request" on a page that names Ada Trass: four letters, too few for a near spelling, one
    letter dropped from her surname; where the page writes Trass right it stands for her. On a page
    that never writes Trass it is left alone."""
    people = [{"surnames": ["trass"], "given": ["ada"]}]
    page = "Prime Minister Ada Trass spoke. He agreed to Tras’s request. Trass will speak."
    assert surfaces(page, people) == ["Prime Minister Ada Trass", "Tras", "Trass"]
    assert surfaces("He agreed to Tras’s request.", people) == []


def test_a_given_name_garbled_in_a_headline_in_capitals_joins_the_surname():
    """A headline in capitals throughout writes "ELLAN CRANSTON": the word a letter from the person's
    given name is theirs garbled, as "Ellan Cranston" is in running text; a word in capitals that is no
    near spelling of it ("NEW") stays out."""
    assert surfaces("WATER BILL: ELLAN CRANSTON SIGNS IT") == ["ELLAN CRANSTON"]
    assert surfaces("WATER BILL: NEW CRANSTON PLAN SIGNED") == ["CRANSTON"]


def test_a_surname_heard_with_its_ff_written_ough_is_the_persons_under_their_given_name():
    """A transcript writes "Mara Hough" for the Mara Hauff it heard (invented): a final "-ough" sounds
    "f" as in "tough", so under her own given name it is her surname written as heard. Under another
    given name it is somebody else's."""
    people = [{"surnames": ["hauff"], "given": ["mara"]}]
    assert surfaces("Then Mara Hough won the final, and Tom Hough watched.", people=people) == ["Mara Hough"]


def test_a_case_ending_of_icelandic_finnish_or_slovene_leaves_the_name_as_written():
    """Icelandic writes a feminine "-a" as "-u" outside the nominative, Finnish joins a name ending in a
    consonant to its case ending with an "i", Slovene writes "-o" for "-a": grammar, not a misspelling
    (`names.inflected`)."""
    from analysis.names import inflected

    assert inflected("Lenu", "Lena", "is") and inflected("Holzar", "Holz", "is")
    assert inflected("Holzille", "Holz", "fi") and inflected("Okaforista", "Okafor", "fi")
    assert not inflected("Lenu", "Lena", "en") and not inflected("Holzelle", "Holz", "fi")
    # Slovene declines a name in "-a" as a feminine noun: "-o" in the accusative ("Moto" for Mota).
    assert inflected("Moto", "Mota", "sl") and not inflected("Moto", "Mota", "hr")


def test_a_double_surname_with_a_case_ending_of_the_pages_language_is_found_whole():
    """A Croatian page writes "Lindahl-Bergu" (invented) for Ana Lindahl-Berg, a case ending on the
    surname's last part: the whole compound is her surname declined, not "Lindahl" alone, half her
    surname, and a word "Bergu". Without the page's case endings the compound is no known surname."""
    people = [{"surnames": ["lindahlberg"], "given": ["ana"]}]
    text = "Trofej je pripao Ana Lindahl-Berg. Čestitke Lindahl-Bergu od kluba."
    croatian = {"k": ("a", "u", "om")}
    assert surfaces(text, people=people, foreign={"k"}, case_endings=croatian) == ["Ana Lindahl-Berg", "Lindahl-Bergu"]
    assert "Lindahl-Bergu" not in surfaces(text, people=people, foreign={"k"})
