"""Datasette on the database, for real: canned queries over HTTP, and search that follows new crawls."""
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from newsclaims import ROOT
from newsclaims import browse
from newsclaims.demo import DemoServer
from tests.conftest import StaticPage, crawl


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def test_datasette_answers_canned_queries_and_finds_newly_crawled_articles(real_article_crawl, tmp_path):
    db_path = tmp_path / "newsclaims.db"
    shutil.copy(real_article_crawl.db_path, db_path)
    metadata = browse.write_metadata(tmp_path / "metadata.json", db_path)
    port = free_port()
    process = subprocess.Popen(browse.serve_command(db_path, metadata, port=port), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/newsclaims"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                get_json(f"http://127.0.0.1:{port}/-/versions.json")
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()[-2000:]
                assert time.monotonic() < deadline, "Datasette did not start"
                time.sleep(0.2)
        rows = get_json(f"{base}/variants_of_name.json?name=Koppinger&_shape=array")
        assert {r["canonical"] for r in rows} == {"Kevin Coppinger"}
        assert {r["surface"] for r in rows if r["kind"] == "error"} == {"koppinger", "Koppinger"}
        assert get_json(f"{base}/search_articles.json?q=quenby&_shape=array") == []

        page = ("<html lang='en'><head><title>Quenby Mill reopens</title></head><body><article><h1>Quenby Mill reopens</h1>"
                "<p>" + "The Quenby mill on the river reopened on Monday after months of repairs to its wheel. " * 8 +
                "</p></article></body></html>")
        site = {"new": {"/": StaticPage("<a href='/news/quenby.html'>Quenby</a>"), "/news/quenby.html": StaticPage(page),
                        "/robots.txt": StaticPage("User-agent: *\nDisallow:\n", "text/plain")}}
        with DemoServer(site) as server:
            config = tmp_path / "new.toml"
            config.write_text(f'slug = "new"\ntitle = "New"\n\n[[outlets]]\nslug = "new"\nname = "New"\n'
                              f'origin = "{server.origins["new"]}"\nseeds = ["/"]\narticle_paths = ["^/news/"]\n')
            crawl(config, db_path)
        found = get_json(f"{base}/search_articles.json?q={urllib.parse.quote('quenby')}&_shape=array")
        assert [r["url"] for r in found] == [server.origins["new"] + "/news/quenby.html"]
        html = urllib.request.urlopen(f"{base}/flags", timeout=10).read().decode()
        assert "open, confirmed or dismissed" in html  # column descriptions from the metadata
    finally:
        process.terminate()
        process.wait(10)


def test_browse_command_serves_the_database(real_article_crawl, tmp_path):
    db_path = tmp_path / "copy.db"
    shutil.copy(real_article_crawl.db_path, db_path)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "newsclaims", "browse", "--db", str(db_path), "--port", str(port)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                tables = get_json(f"http://127.0.0.1:{port}/copy.json")
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "browse did not serve"
                time.sleep(0.2)
        assert "flags" in {t["name"] for t in tables["tables"]}
    finally:
        process.terminate()  # browse became Datasette: stopping its PID stops the server
        process.wait(10)
    assert (tmp_path / "copy.db.datasette.json").exists()
