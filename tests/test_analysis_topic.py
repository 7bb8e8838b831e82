"""The topic filter the crawl applies: a page that writes only a garble of the topic person's name is
coverage (catching such pages is the point of the tool); a garbled surname alone is not enough."""
from analysis.topic import topic_match


def test_a_page_writing_the_persons_given_name_with_a_garbled_surname_is_on_topic():
    names, keywords = ["Ines Belamot"], ["harbour strike"]
    assert topic_match(["the case of Ines Bellamourt, a French woman"], names=names, keywords=keywords) == "Ines Bellamourt"
    assert topic_match(["Inés Bellamott spoke"], names=names, keywords=keywords) == "Inés Bellamott"
    # Alone, or under another given name, the garble is too far from the surname to say anything.
    assert topic_match(["the bellamourt case", "Marta Bellamourt said"], names=names, keywords=keywords) is None


def test_a_page_writing_the_persons_surname_as_it_sounds_is_on_topic():
    """ "Ellen Brates" for Ellen Braetz (one Metaphone key, too far for a typo): her given name is the
    evidence; the surname alone, or under another given name, is not."""
    assert topic_match(["Ellen Brates resigns over the water bill"], names=["Ellen Braetz"], keywords=[]) == "Ellen Brates"
    assert topic_match(["Brates resigns; Tom Brates stays"], names=["Ellen Braetz"], keywords=[]) is None


def test_a_page_that_writes_a_short_surname_with_a_letter_added_after_the_given_name_is_coverage():
    # "Ines Kalt" is a four-letter surname: too short for a typo alone, but after her own given name a
    # letter added ("Kaltz", also an English-looking word) is her misspelling; another given name is not.
    assert topic_match(["Ines Kaltz was chosen as running mate"], names=["Ines Kalt"], keywords=[]) == "Ines Kaltz"
    assert topic_match(["Rob Kaltz was chosen as running mate"], names=["Ines Kalt"], keywords=[]) is None


def test_a_keyword_matches_its_plural_and_possessive_but_not_a_longer_word():
    # A story about a harbour strike is covered by headlines about "Harbour Strikes" and "the strike's
    # cost"; "strikeout" and "airstrike" are other words.
    for text in ("Harbour Strikes Spread", "the strike's cost", "Strikes’ toll"):
        assert topic_match([text], names=[], keywords=["strike"]) == "strike", text
    for text in ("a strikeout", "an airstrike", "striker"):
        assert topic_match([text], names=[], keywords=["strike"]) is None, text
