"""GiftHub serves the built cabinet at "/": the app's own router takes every page path, the API keeps its JSON."""

from __future__ import annotations

import re

import pytest
from litestar.testing import TestClient

from gifthub.entrypoints.http.app import create_app
from gifthub.entrypoints.http.web_cabinet import BUNDLE
from tests.support.components import missing


@pytest.fixture
def client(tmp_path):
    if not (BUNDLE / "index.html").is_file():
        missing("the web cabinet's bundle", "run `make web` first (make test does)")
    from gifthub.config import Settings

    settings = Settings.from_env({"GIFTHUB_DATABASE_URL": f"sqlite:///{tmp_path / 'serve.db'}"})
    with TestClient(create_app(settings)) as client:
        yield client


@pytest.mark.parametrize("path", ["/", "/sign-in", "/projects/4f1c/orders?status=draft", "/invitation"])
def test_every_page_path_answers_the_cabinet_which_is_never_cached(client, path):
    answer = client.get(path)
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert answer.headers["cache-control"] == "no-cache"
    assert '<div id="app">' in answer.text


def test_hashed_assets_are_cached_for_a_year(client):
    script = re.search(r'src="(/assets/[^"]+\.js)"', client.get("/").text).group(1)
    answer = client.get(script)
    assert answer.status_code == 200
    assert "max-age=31536000" in answer.headers["cache-control"]


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/sandbox/nothing", "/assets/missing.js", "/favicon.png"])
def test_api_and_tool_paths_keep_their_json_404(client, path):
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.headers["content-type"].startswith("application/problem+json")
