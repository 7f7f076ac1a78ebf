"""The web pages render from the real store: search, document, situations, recommendations."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path
from urllib.parse import unquote

from fastapi.testclient import TestClient

from graph.rdf.iris import undocs_url


def test_search_page_shows_hits_with_links(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and 'name="q"' in home.text
    page = client.get("/", params={"q": "Security Council decides"})
    assert page.status_code == 200
    assert 'class="hit"' in page.text and "Similar paragraphs" in page.text
    assert "<mark>" in page.text
    assert re.search(r"1–\d+ of the \d+ best-matching paragraphs for <strong>Security Council decides</strong> · "
                     r"ranked by meaning and words", page.text)
    assert re.search(r'href="/documents/S/RES/27(86|68)%20%282025%29#para-', page.text)
    # each hit names its document: title, then the line under it
    assert re.search(r'<span class="doc-title">Resolution 27(86|68) \(2025\) · <span class="doc-subtitle-line">'
                     r'Adopted by the Security Council at its 99\d\dth meeting, on', page.text)


def test_document_page_has_anchors_and_pdf(client: TestClient) -> None:
    page = client.get("/documents/S/RES/2786 (2025)")
    assert page.status_code == 200
    assert "S/RES/2786 (2025)" in page.text and 'id="para-1"' in page.text
    assert "/pdf" in page.text and "Cited by" in page.text
    assert "Content-Security-Policy" in page.headers
    assert '<p class="doc-subtitle">Adopted by the Security Council at its 9957th meeting, on 14 July 2025</p>' \
        in page.text
    assert client.get("/api/documents/S/RES/2786 (2025)").json()["subtitle"].startswith("Adopted by the Security")
    assert '<a href="https://undocs.org/S/RES/2786%20(2025)" rel="external noopener">undocs.org</a>' in page.text
    # a cited document that is not stored links to its official copy
    cites = client.get("/api/documents/S/RES/2786 (2025)").json()["cites"]
    unstored = [c["cited_symbol"] for c in cites if not c["cited_in_store"]]
    assert unstored
    assert f'<a href="{undocs_url(unstored[0])}" rel="external noopener" title="not in the store: its official copy ' \
           f'on undocs.org">{html.escape(unstored[0])}</a>' in page.text


def test_browse_pages(client: TestClient) -> None:
    for path in ("/documents", "/situations", "/recommendations"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "<h1>" in response.text
    listing = client.get("/documents").text
    assert "S/RES/2768 (2025)" in listing
    assert re.search(r'<td>Resolution 2768 \(2025\)<span class="list-subtitle">Adopted by the Security Council at its '
                     r'\d+th meeting, on', listing)


def test_facet_links_narrow_the_results(client: TestClient) -> None:
    page = client.get("/", params={"q": "Security Council decides"})
    link = re.search(r'href="(/\?[^"]*kind=operative[^"]*)"', page.text)
    assert link, "no facet link for operative paragraphs"
    narrowed = client.get(link.group(1).replace("&amp;", "&"))
    kinds = re.findall(r'<span class="tag">([a-z_]+)</span>', narrowed.text)
    assert kinds and set(kinds) == {"operative"}
    assert "Active filters" in narrowed.text


def test_timeline_scales_by_day() -> None:
    from api.routes.pages_browse import timeline

    mechs = [{"first_date": "2025-04-15", "last_date": "2025-05-08"},
             {"first_date": "2025-05-08", "last_date": "2025-05-08"},
             {"first_date": None, "last_date": None}]
    assert timeline(mechs) == {"start": "2025-04-15", "end": "2025-05-08"}
    assert (mechs[0]["left"], mechs[0]["width"]) == (0.0, 100.0)
    assert mechs[1]["left"] + mechs[1]["width"] == 100.0 and mechs[1]["width"] == 1.5
    assert timeline([{"first_date": None, "last_date": None}]) is None
    # a date of year precision (an Official Records volume dated by its imprint) stands at its year's start
    yearly = [{"first_date": "2024", "last_date": "2025"}, {"first_date": "2024-07-02", "last_date": "2024-07-02"}]
    assert timeline(yearly) == {"start": "2024-01-01", "end": "2025-01-01"}
    assert yearly[0]["left"] == 0.0 and yearly[1]["left"] == 50.0


def test_situation_page(client: TestClient) -> None:
    situations = client.get("/api/situations").json()["items"]
    assert situations, "the sample resolutions concern a situation"
    page = client.get(f"/situations/{situations[0]['id']}")
    assert page.status_code == 200 and "Timeline" in page.text and 'class="tl-bar"' in page.text
    link = re.search(r'<a class="download" href="([^"]+)" download>', page.text)
    assert link and link.group(1) == f"/api/situations/{situations[0]['id']}/trace?format=csv"
    response = client.get(link.group(1))
    assert response.headers["content-disposition"] == 'attachment; filename="r2p-trace.csv"'
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    trace = client.get(f"/api/situations/{situations[0]['id']}/trace").json()
    assert len(rows) == sum(len(m["evidence"]) for m in trace["mechanisms"]) > 0
    assert all(r["link"].startswith("http://testserver/documents/") for r in rows)
    # each evidence link names its paragraph: by number, or by page when it has none
    named = re.findall(r'<a href="/documents/[^"#]+#para-[^"]+" title="page (\d+)">([^<]+)</a>', page.text)
    assert named and all(name.startswith("para. ") or name == f"¶ on p. {pg}" for pg, name in named)


def test_head_on_pages_answers_like_get_without_a_body(client: TestClient) -> None:
    for path in ("/", "/?q=protection+of+civilians", "/documents", "/healthz"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"]
    assert client.head("/documents/NO/SUCH/1").status_code == client.get("/documents/NO/SUCH/1").status_code == 404
    assert client.head("/api/documents").status_code == 405  # the JSON API answers the methods it declares


def test_search_page_offers_the_results_as_csv(client: TestClient) -> None:
    page = client.get("/", params={"q": "Security Council decides", "kind": "operative"})
    link = re.search(r'<a class="download" href="([^"]+)" download>', page.text)
    assert link, "no download link on the results page"
    url = link.group(1).replace("&amp;", "&")
    assert url.startswith("/api/search?") and "format=csv" in url and "kind=operative" in url
    response = client.get(url)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    kinds = {row["kind"] for row in csv.DictReader(io.StringIO(response.text.lstrip("\ufeff")))}
    assert kinds == {"operative"}  # the page's filters carry over to the file
    assert 'class="download"' not in client.get("/", params={"q": "zzzqqq", "mode": "lexical"}).text  # no hits, no file


def test_recommendations_page_offers_them_as_csv(client: TestClient) -> None:
    record = client.get("/api/recommendations", params={"limit": 1}).json()["items"][0]
    page = client.get("/recommendations", params={"to": record["to"][0]})
    link = re.search(r'<a class="download" href="([^"]+)" download>', page.text)
    assert link and "format=csv" in link.group(1)
    rows = list(csv.DictReader(io.StringIO(client.get(link.group(1).replace("&amp;", "&")).text.lstrip("\ufeff"))))
    assert rows and all(record["to"][0] in r["to"].split("; ") for r in rows)


def test_document_pages_link_an_addendum_and_its_report(corpus: Path, tmp_path: Path) -> None:
    from api.app import create_app, open_settings_store
    from api.settings import Settings
    from ingest.link import link
    from ingest.pipeline import parse

    settings = Settings(store=tmp_path / "store")
    store = open_settings_store(settings)
    folder = corpus / "upr-slovenia" / "docs" / "4thcycleunoriginal"
    try:
        for name in ("g2505828.pdf", "g2502644.pdf"):  # A/HRC/59/15/Add.1 first: the order does not matter
            document = parse(folder / name)
            store.put_document(document, link(document))
        client = TestClient(create_app(settings, store=store))
        report = client.get("/documents/A/HRC/59/15").text
        assert re.search(r'<dt>Addendum</dt><dd><a class="related" href="/documents/A/HRC/59/15/Add.1">', report)
        addendum = client.get("/documents/A/HRC/59/15/Add.1").text
        assert re.search(r'<dt>Addendum to</dt><dd><a class="related" href="/documents/A/HRC/59/15">', addendum)
        assert client.get("/api/documents/A/HRC/59/15").json()["related"] == [
            {"relation": "addendum", "label": "Addendum", "symbol": "A/HRC/59/15/Add.1", "stored": True}]
        # the positions the addendum states, on the report's recommendations and where they are stated
        assert ('· supported (<a href="/documents/A/HRC/59/15/Add.1#para-3">A/HRC/59/15/Add.1, para. 3</a>)'
                in report.split('id="para-140.7"')[1].split("</div>")[0])
        assert client.get("/api/documents/A/HRC/59/15").json()["stated_responses"]["140.1"] == {
            "position": "noted", "symbol": "A/HRC/59/15/Add.1", "paragraph": "5", "page": 5, "key": "5"}
        assert "Position: noted on 37 recommendations of" in addendum
        store.remove_document("A/HRC/59/15")
        client = TestClient(create_app(settings, store=store))
        assert "A/HRC/59/15 <span class=\"muted\">(not stored)</span>" in client.get("/documents/A/HRC/59/15/Add.1").text
    finally:
        store.close()


def test_search_page_shows_a_note_above_its_hits(client: TestClient) -> None:
    page = client.get("/", params={"q": "S/RES/9999 (2099) civilians"})
    assert page.status_code == 200 and 'class="hit"' in page.text
    assert '<p class="notice">No stored document is S/RES/9999 (2099), and no stored paragraph cites it.</p>' in page.text
    assert 'class="notice"' not in client.get("/", params={"q": "protection of civilians"}).text


def test_search_offers_the_stored_spelling_of_a_misspelled_word(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "protection of civilans"}).json()
    assert found["suggestion"] == "protection of civilians" and found["hits"]
    assert found["note"] == 'no stored paragraph has the word "civilans"'
    page = client.get("/", params={"q": "protection of civilans", "mode": "lexical"})
    assert ('<p class="suggestion">Did you mean <a href="/?q=protection+of+civilians&amp;mode=lexical" '
            'rel="nofollow">protection of civilians</a>?</p>') in page.text
    assert 'class="suggestion"' not in client.get("/", params={"q": "protection of civilians"}).text


def test_recommendations_page_groups_them_by_mechanism_and_theme(corpus: Path, tmp_path: Path) -> None:
    from api.app import create_app, open_settings_store
    from api.settings import Settings
    from ingest.link import link
    from ingest.pipeline import parse

    settings = Settings(store=tmp_path / "store")
    store = open_settings_store(settings)
    try:
        for name in ("g2502644.pdf", "g2505828.pdf"):  # the UPR report on Slovenia and its addendum
            document = parse(corpus / "upr-slovenia" / "docs" / "4thcycleunoriginal" / name)
            store.put_document(document, link(document))
        client = TestClient(create_app(settings, store=store))
        page = client.get("/recommendations").text
        groups = {kind: re.findall(rf'<a href="/recommendations\?{kind}=([^"]+)">([^<]+)</a> <span class="count">(\d+)</span>',
                                   page) for kind in ("mechanism", "theme")}
        assert ("mech/upr", "Universal Periodic Review", "254") in groups["mechanism"], groups["mechanism"]
        assert len(groups["theme"]) > 3, groups["theme"]
        for kind, links in groups.items():
            for value, name, count in links:
                found = client.get("/api/recommendations", params={kind: unquote(value), "limit": 500}).json()["items"]
                assert len(found) == int(count), (kind, name)  # the count is what the filter finds
                if kind == "theme":
                    assert all(unquote(value) in r["themes"] for r in found)
        value, name, count = groups["theme"][0]
        listed = client.get(f"/recommendations?theme={value}").text
        assert f"Recommendations on {name}</h1>" in listed
        assert listed.count('<article class="rec">') == min(int(count), 50)
        noted = client.get("/recommendations?mechanism=mech/upr&response=noted").text
        assert "Recommendations under Universal Periodic Review, noted</h1>" in noted
        assert noted.count('<article class="rec">') == 37  # as the addendum states
    finally:
        store.close()


def test_similar_page_quotes_its_paragraph_and_orders_the_chain_by_closeness_or_time(client: TestClient) -> None:
    params = {"symbol": "S/RES/2786 (2025)", "paragraph": "1"}
    closest = client.get("/similar", params=params).text
    quoted = client.get("/api/documents/S/RES/2786 (2025)").json()["paragraphs"]
    text = next(p["text"] for p in quoted if p.get("label") == "1" or p.get("key") == "1")
    assert f'<blockquote class="source">{html.escape(text, quote=False)}</blockquote>' in closest
    assert '<strong aria-current="true">closest first</strong>' in closest
    oldest = client.get("/similar", params={**params, "order": "oldest"}).text
    assert '<strong aria-current="true">oldest first</strong>' in oldest
    dates = re.findall(r'<time datetime="([\d-]+)">', oldest)
    assert dates and dates == sorted(dates)
    assert sorted(re.findall(r'class="sym" href="([^"]+)"', oldest)) == sorted(
        re.findall(r'class="sym" href="([^"]+)"', closest))  # the same paragraphs, another order
    assert client.get("/similar", params={**params, "order": "newest"}).status_code == 422


def test_the_guessed_search_address_leads_to_the_search_page(client: TestClient) -> None:
    moved = client.get("/search", params={"q": "protection of civilians", "kind": "recommendation"},
                       follow_redirects=False)
    assert moved.status_code == 307
    assert moved.headers["location"] == "/?q=protection+of+civilians&kind=recommendation"
    page = client.get(moved.headers["location"])
    assert page.status_code == 200 and 'value="protection of civilians"' in page.text
    assert client.get("/search", follow_redirects=False).headers["location"] == "/"


def test_paragraph_names_in_lists() -> None:
    from api.templating import para_name

    assert para_name("12 (c)") == "para. 12 (c)" and para_name("12 (c)", 4) == "para. 12 (c)"
    assert para_name("p57", 14) == "¶ on p. 14"  # an unnumbered paragraph, told apart by its page
    assert para_name("p57") == "unnumbered ¶" and para_name(None) == ""


def test_facets_show_the_values_with_most_hits_and_years_newest_first() -> None:
    from api.routes.pages import FACET_VALUES, facet_groups

    years = {str(y): 1000 - 10 * abs(2015 - y) - (y > 2015) for y in range(2001, 2026)}  # most hits around 2015
    kinds = {"numbered": 5, "text": 9, "heading": 1}
    groups = {g["name"]: g["values"] for g in facet_groups({"year": dict(sorted(years.items(), key=lambda kv: -kv[1])),
                                                           "kind": dict(sorted(kinds.items(), key=lambda kv: -kv[1]))})}
    shown = [y for y, _ in groups["year"]]
    assert len(shown) == FACET_VALUES and shown == sorted(shown, reverse=True)
    assert shown == [str(y) for y in range(2020, 2008, -1)]
    assert groups["kind"] == [("text", 9), ("numbered", 5), ("heading", 1)]  # other facets by count


def test_a_table_is_shown_as_a_table(corpus: Path, tmp_path: Path) -> None:
    from api.app import create_app, open_settings_store
    from api.settings import Settings
    from ingest.link import link
    from ingest.pipeline import parse

    settings = Settings(store=tmp_path / "store")
    store = open_settings_store(settings)
    try:  # A/HRC/WG.6/7/SVN/2/Corr.1: a corrigendum that gives a table of treaty bodies anew
        document = parse(corpus / "upr-slovenia" / "docs" / "1stcyycleunoriginal" / "g0917825.pdf")
        store.put_document(document, link(document))
        client = TestClient(create_app(settings, store=store))
        page = client.get("/documents/A/HRC/WG.6/7/SVN/2/Corr.1").text
        table = page.split('<table class="doc-table">')[1].split("</table>")[0]
        rows = re.findall(r"<tr>(.*?)</tr>", table)
        assert len(rows) == 10
        assert re.findall(r"<td>(.*?)</td>", rows[1]) == [
            "CERD", "2001", "March 2003", "", "Sixth and Seventh reports due in 2005, submitted in 2008"]
        stored = client.get("/api/documents/A/HRC/WG.6/7/SVN/2/Corr.1").json()["paragraphs"]
        assert [p["kind"] for p in stored].count("table") == 1
    finally:
        store.close()
