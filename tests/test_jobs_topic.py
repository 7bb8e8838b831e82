"""Which stored articles are coverage of the story (`newsclaims.jobs.story_topic`)."""
from newsclaims.config import StoryConfig
from newsclaims.jobs import story_topic


def test_keywords_say_what_is_on_topic_and_on_a_page_in_another_language_the_names_do_too():
    """The config's keywords are English words ("bridge vote"): a Spanish page cannot write them, so
    there the story's names say whether it is coverage. An English page naming the person without the
    keywords is not (a name alone also matches people who merely share it)."""
    story = StoryConfig.model_validate({
        "slug": "bridge", "title": "Bridge vote (invented)",
        "topic": {"names": ["Ellen Cranston"], "keywords": ["bridge vote"]},
        "outlets": [{"slug": "o", "name": "O", "origin": "http://127.0.0.1:1", "seeds": ["/"]}]})
    documents = [
        {"article_id": 1, "language": "en", "title": "The bridge vote", "text": "Mayor Ellen Cranston won it."},
        {"article_id": 2, "language": "en", "title": "Gala", "text": "Ellen Cranston, a dancer, bowed."},
        {"article_id": 3, "language": "es", "title": "El puente", "text": "La alcaldesa Ellen Cranston ganó."},
        {"article_id": 4, "language": "es", "title": "El puente", "text": "Votó el concejo."}]
    assert story_topic(story, documents).articles == frozenset({1, 3})


def test_a_page_off_the_keywords_that_writes_the_storys_own_words_is_related_and_a_namesakes_page_is_not():
    """A rewrite says "city council crossing" for the keyword "bridge vote" but writes the story's
    places and institutions (Harrow, Kettle River, Mercy Council): related to its matter. A dancer's page
    shares only the name."""
    story = StoryConfig.model_validate({
        "slug": "bridge", "title": "Bridge vote (invented)",
        "topic": {"names": ["Ellen Cranston"], "keywords": ["bridge vote"]},
        "outlets": [{"slug": "o", "name": "O", "origin": "http://127.0.0.1:1", "seeds": ["/"]}]})
    coverage = "In Harrow, the Mercy Council backed the bridge vote over the Kettle River, Mayor Ellen Cranston said."
    documents = [{"article_id": k, "language": "en", "title": "Bridge vote", "text": coverage} for k in range(1, 4)]
    documents += [
        {"article_id": 5, "language": "en", "title": "Crossing", "text": "Harrow's Mercy Council and Ellen Cranston "
                                                                          "agreed on a Kettle River crossing."},
        {"article_id": 6, "language": "en", "title": "Gala", "text": "Ellen Cranston, a dancer, bowed in Paris."}]
    topic = story_topic(story, documents)
    assert topic.articles == frozenset({1, 2, 3})
    assert topic.related == {5: frozenset({"harrow", "mercy", "council", "kettle", "river"})}
