from crawler.urls import clean_url


def test_tracking_parameters_are_stripped_and_the_rest_kept_sorted():
    url = "http://127.0.0.1:8000/news/a.html?utm_source=twitter&b=2&utm_medium=social&a=1&fbclid=x#frag"
    assert clean_url(url) == "http://127.0.0.1:8000/news/a.html?a=1&b=2"


def test_clean_url_is_idempotent():
    url = "http://127.0.0.1:8000/news/caf%C3%A9.html?utm_campaign=y"
    assert clean_url(clean_url(url)) == clean_url(url) == "http://127.0.0.1:8000/news/caf%C3%A9.html"
