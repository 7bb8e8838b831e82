"""Class 13 of the judgement issue on invented text through the real model: an SEO page dresses a
misspelt surname up as a made-up person; the made-up person is the real one's error, while a real
resident with a similar name stays a person of their own."""
from __future__ import annotations

from tests.invented_story import owners as story_owners

CAREFUL = [
    "Mayor Ellen Cranston opened the new bridge in Millbrook on Tuesday. Cranston said repairs cost $2 million.",
    "Millbrook Mayor Ellen Cranston said the bridge would reopen. Cranston thanked the crews.",
    "Ellen Cranston, the mayor of Millbrook, cut the ribbon. Cranston spoke briefly.",
]


def owners(nlp, seo_text):
    return story_owners(nlp, CAREFUL, seo_text, "Ellen Cranston")


def test_a_name_invented_around_a_misspelt_surname_is_the_persons_error(nlp):
    seo = ("Millbrook bridge news: Mayor Kranston opened the bridge. Marco Kranston, a local fan, cheered. "
           "kranston mayor bridge millbrook")
    found = owners(nlp, seo)
    assert found["Marco Kranston"] == ("Ellen Cranston", "error")
    assert found["Mayor Kranston"] == ("Ellen Cranston", "error")
    assert found["kranston"] == ("Ellen Cranston", "error")


def test_a_resident_with_a_similar_name_and_no_title_of_hers_stays_a_person(nlp):
    found = owners(nlp, "Millbrook bridge reopened on Tuesday. Tom Cranson, a resident, said traffic was light.")
    assert found["Tom Cranson"][0] == "Tom Cranson"
