"""The web pages render from the real store: search, document, situations, recommendations."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient


def test_search_page_shows_hits_with_links(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and 'name="q"' in home.text
    page = client.get("/", params={"q": "Security Council decides"})
    assert page.status_code == 200
    assert 'class="hit"' in page.text and "Similar paragraphs" in page.text
    assert "<mark>" in page.text
    assert re.search(r'href="/documents/S/RES/27(86|68)%20%282025%29#para-', page.text)


def test_document_page_has_anchors_and_pdf(client: TestClient) -> None:
    page = client.get("/documents/S/RES/2786 (2025)")
    assert page.status_code == 200
    assert "S/RES/2786 (2025)" in page.text and 'id="para-1"' in page.text
    assert "/pdf" in page.text and "Cited by" in page.text
    assert "Content-Security-Policy" in page.headers


def test_browse_pages(client: TestClient) -> None:
    for path in ("/documents", "/situations", "/recommendations"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<h1>" in response.text
    assert "S/RES/2768 (2025)" in client.get("/documents").text


def test_facet_links_narrow_the_results(client: TestClient) -> None:
    page = client.get("/", params={"q": "Security Council decides"})
    link = re.search(r'href="(/\?[^"]*kind=operative[^"]*)"', page.text)
    assert link, "no facet link for operative paragraphs"
    narrowed = client.get(link.group(1).replace("&amp;", "&"))
    kinds = re.findall(r'<span class="tag">([a-z_]+)</span>', narrowed.text)
    assert kinds and set(kinds) == {"operative"}
    assert "Active filters" in narrowed.text
