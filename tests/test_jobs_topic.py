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
