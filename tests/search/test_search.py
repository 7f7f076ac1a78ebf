"""Search on a real store with real UN documents and the real model."""

from __future__ import annotations

import re

import pytest

from graph.store import ParagraphFilter
from search.catalog import catalog
from search.errors import SearchError
from search.hybrid import search, similar
from search.lexical import lexical_search
from search.text import parse_query


def test_symbol_query_finds_that_document_first(store, embedder, parsed):
    resolution = parsed[2][0]
    for query in (resolution.symbol, resolution.symbol.replace(" ", ""), "A/HRC/11/25"):
        result = search(store, embedder, query, limit=5)
        assert result.hits, query
        wanted = resolution.symbol if query != "A/HRC/11/25" else "A/HRC/11/25"
        assert result.hits[0].symbol == wanted, (query, [h.symbol for h in result.hits])


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_filter_to_never_leaks(store, embedder, mode):
    result = search(store, embedder, "ratify the convention against torture", mode=mode,
                    filters=ParagraphFilter(to="China"), limit=20)
    assert result.hits
    for hit in result.hits:
        assert hit.recommendation and "China" in hit.to, hit
    assert set(result.facets["addressee"]) == {"China"}



@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_a_paragraph_of_several_recommendations_carries_every_recommender(store, embedder, mode):
    """China 2009, 114.32 runs two recommendations together: one by Indonesia, one by the Netherlands.
    Both recommenders, and the themes of both, belong to the paragraph."""
    query = "implementation of the legislation related to the 60 judicial reform measures"
    for who in ("Indonesia", "Netherlands"):
        result = search(store, embedder, query, mode=mode, filters=ParagraphFilter(by=who, to="China"), limit=10)
        found = [h for h in result.hits if h.paragraph == "114.32"]
        assert found, (who, [(h.paragraph, h.by) for h in result.hits])
        assert {b.split(" (")[0] for b in found[0].by} == {"Indonesia", "Netherlands"}  # "Netherlands (Kingdom of the)"
        assert all(any(b.startswith(who) for b in h.by) for h in result.hits)
    cat = catalog(store)
    row = next(r for r in cat.rows if r.symbol == "A/HRC/11/25" and r.label == "27")
    assert len(row.themes) >= 4 and {"special-procedures", "nhri"} <= set(row.themes)

def test_filters_combine(store, embedder):
    f = ParagraphFilter(to="Albania", year_from=2010, year_to=2010, paragraph_kind="recommendation")
    result = search(store, embedder, "women", filters=f, limit=50)
    assert result.hits
    assert all("Albania" in h.to and h.date.startswith("2010") for h in result.hits)
    none = search(store, embedder, "women", filters=ParagraphFilter(to="China", year_to=2005))
    assert not none.hits and none.note


def test_paraphrase_finds_the_paragraph(store, embedder):
    result = search(store, embedder, "end capital punishment", limit=5)
    assert any("death penalty" in h.text.lower() for h in result.hits[:3]), [h.text[:80] for h in result.hits]
    dense = search(store, embedder, "end capital punishment", mode="dense", limit=5)
    assert "death penalty" in dense.hits[0].text.lower()


def test_phrase_in_quotes_is_matched_word_for_word(store, embedder):
    result = search(store, embedder, '"death penalty"', mode="hybrid", limit=20)
    assert result.hits
    assert all("death penalty" in " ".join(h.text.lower().split()) for h in result.hits)


@pytest.mark.parametrize(("query", "written"), [("criminalise", "criminalize"), ("criticise", "criticize"),
                                                ("labor", "labour"), ("programs", "programmes")])
def test_a_word_finds_its_other_english_spelling(store, embedder, query, written):
    # The China report writes "criminalize" and "labour"; a query in the other spelling finds and marks them.
    result = search(store, embedder, query, mode="lexical", limit=50)
    found = [h for h in result.hits if re.search(rf"\b{written}\b", h.text, re.IGNORECASE)]
    assert found, [h.text[:80] for h in result.hits[:5]]
    assert all(re.search(rf"\[{written}\]", h.marked, re.IGNORECASE) for h in found)


def test_both_spellings_of_a_word_weigh_as_one_term(store):
    # "organisations" and "organizations" both occur in the China report: one term, whichever is asked.
    cat = catalog(store)
    british = lexical_search(cat, parse_query("non-governmental organisations"), k=500, allowed=None)
    american = lexical_search(cat, parse_query("non-governmental organizations"), k=500, allowed=None)
    assert british == american
    spelled = {w for p, _ in british for w in re.findall(r"organi[sz]ations", cat.rows[p].text.lower())}
    assert spelled == {"organisations", "organizations"}

def test_hits_carry_provenance_and_marks(store, embedder):
    hit = search(store, embedder, "death penalty", filters=ParagraphFilter(to="China"), limit=1).hits[0]
    assert hit.symbol == "A/HRC/11/25" and hit.title and hit.date and hit.page >= 1 and hit.paragraph
    assert hit.by and hit.to == ("China",) and hit.response
    assert "<mark>" in hit.highlighted and "[" in hit.marked
    assert "<" not in hit.highlighted.replace("<mark>", "").replace("</mark>", "")
    assert set(hit.to_json()) >= {"symbol", "paragraph", "page", "text", "score", "title", "date", "by", "to"}


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000])
def test_empty_or_huge_query_is_a_clear_error(store, embedder, query):
    with pytest.raises(SearchError) as err:
        search(store, embedder, query)
    assert "query" in err.value.message


@pytest.mark.parametrize("query", ["!!! ??? ...", "—", '""'])
def test_punctuation_only_query_answers_a_note(store, embedder, query):
    result = search(store, embedder, query)
    assert result.hits == () and "nothing to search for" in result.note


def test_facet_counts_sum_over_the_pool(store, embedder):
    result = search(store, embedder, "human rights defenders", limit=5)
    assert result.total >= len(result.hits)
    assert sum(result.facets["document_kind"].values()) == result.total
    assert set(result.facets) >= {"kind", "document_kind", "body", "year", "situation", "mechanism",
                                  "recommender", "addressee", "response", "language"}


@pytest.mark.parametrize("mode", ["hybrid", "dense", "lexical"])
def test_filter_by_response_never_leaks(store, embedder, mode):
    """"supported" also finds cycle 1's "accepted": the reports changed the word in 2012, not the meaning."""
    supported = search(store, embedder, "women", mode=mode, filters=ParagraphFilter(response="supported"), limit=30)
    assert supported.hits and {h.response for h in supported.hits} == {"accepted"}
    assert set(supported.facets["response"]) == {"accepted"}
    noted = search(store, embedder, "corporal punishment of children", mode=mode,
                   filters=ParagraphFilter(response="Noted"), limit=30)
    assert noted.hits and all(h.recommendation and h.response == "noted" for h in noted.hits)
    assert set(noted.facets["response"]) == {"noted"}
    pending = search(store, embedder, "death penalty", mode=mode,
                     filters=ParagraphFilter(response="pending", to="China"), limit=30)
    assert pending.hits and all(h.response == "pending" and "China" in h.to for h in pending.hits)


def test_similar_finds_other_documents(store, embedder):
    result = search(store, embedder, "death penalty", filters=ParagraphFilter(to="China"), limit=1)
    hit = result.hits[0]
    more = similar(store, embedder, hit.symbol, hit.key, 5)
    assert more.hits and all(h.symbol != hit.symbol for h in more.hits)
    with pytest.raises(SearchError):
        similar(store, embedder, hit.symbol, "no-such-paragraph", 5)


def test_similar_puts_paragraphs_that_state_something_before_headings(store, embedder, parsed):
    from search.catalog import catalog
    from search.hybrid import formula_lines

    china = parsed[0][0]
    seed = next(p for p in china.paragraphs if p.text.startswith("During the interactive dialogue, statements"))
    cat = catalog(store)
    flags = formula_lines(cat)
    hits = similar(store, embedder, china.symbol, seed.key, 10).hits
    # the other report's "B. Interactive dialogue and responses by the State under review" is close in meaning,
    # but the paragraphs reporting its dialogue are what a reader cites
    assert hits and not any(flags[cat.by_uid[h.uid]] for h in hits), [h.text for h in hits]
    assert all(h.symbol != china.symbol for h in hits)


def test_similar_as_a_chain_in_time_keeps_the_same_paragraphs(store, embedder, parsed):
    china = parsed[0][0]
    label = next(p.label for p in china.paragraphs if p.label and "death penalty" in p.text)
    closest = similar(store, embedder, china.symbol, label, 300)  # reaches both other documents
    oldest = similar(store, embedder, china.symbol, label, 300, order="oldest")
    assert sorted(h.uid for h in oldest.hits) == sorted(h.uid for h in closest.hits)
    dates = [h.date for h in oldest.hits]
    assert None not in dates and dates == sorted(dates) and len(set(dates)) == 2
    assert [h.uid for h in oldest.hits] != [h.uid for h in closest.hits]
    with pytest.raises(SearchError, match="unknown order 'newest'"):
        similar(store, embedder, china.symbol, label, 10, order="newest")


def test_words_joined_by_a_slash_are_words_not_a_symbol(store, embedder):
    from search.text import parse_query

    q = parse_query("people living with HIV/AIDS")
    assert q.symbols == () and {"hiv", "aid"} <= set(q.terms) and q.free_text.endswith("HIV/AIDS")
    for symbol in ("S/RES/2417 (2018)", "A/HRC/61/41", "CEDAW/C/CAF/CO/6", "E/CN.4/2005/L.10", "A/79/947-S/2025/372"):
        assert parse_query(f"{symbol} children").symbols == (symbol,)
    result = search(store, embedder, "OHCHR/UPR", mode="lexical", limit=5)  # no number: not a document symbol
    assert result.hits and all("OHCHR" in h.text or "UPR" in h.text or "Universal Periodic" in h.text
                               for h in result.hits), [h.text[:80] for h in result.hits]


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
@pytest.mark.parametrize("query", ["S/RES/1591 (2005)", "s/res/1591(2005)", "resolution 1591 (2005)",
                                   "UNSCR 1591 (2005)"])
def test_a_symbol_finds_the_paragraphs_citing_it_however_written(store, embedder, parsed, mode, query):
    # S/RES/2772 (2025) writes "resolution 1591 (2005)", never the symbol; 1591 itself is not stored
    resolution = parsed[2][0]
    citing = {c.paragraph for c in resolution.citations if c.symbol == "S/RES/1591 (2005)"}
    assert citing and "S/RES/1591" not in " ".join(p.text for p in resolution.paragraphs)
    result = search(store, embedder, query, mode=mode, limit=5)
    top = result.hits[: len(citing)]
    assert {(h.symbol, h.paragraph) for h in top} == {(resolution.symbol, label) for label in citing}, [
        (h.symbol, h.paragraph, h.text[:60]) for h in result.hits]
    assert all("[resolution 1591 (2005)]" in h.marked for h in top)


def test_a_symbol_and_words_put_the_citing_paragraphs_with_the_words_first(store, embedder, parsed):
    resolution = parsed[2][0]
    result = search(store, embedder, "resolution 1591 (2005) sanctions Sudan", limit=5)
    assert result.hits[0].symbol == resolution.symbol and "1591" in result.hits[0].text


def test_a_symbol_nothing_stored_names_or_cites_gets_a_note(store, embedder):
    result = search(store, embedder, "S/RES/9999 (2099)", mode="lexical")
    assert not result.hits and result.note.startswith("no stored document is S/RES/9999 (2099)")
    assert search(store, embedder, "resolution 1591 (2005)", mode="lexical").note is None


@pytest.mark.parametrize("query", ["Human Rights Council resolution 5/1", "HRC res. 5/1", "A/HRC/RES/5/1"])
def test_a_council_resolution_by_organ_and_number_finds_its_citers(store, embedder, parsed, query):
    citing = {(doc.symbol, c.paragraph) for doc, _ in parsed for c in doc.citations if c.symbol == "A/HRC/RES/5/1"}
    assert citing
    result = search(store, embedder, query, mode="hybrid", limit=len(citing))
    assert result.hits and {(h.symbol, h.paragraph) for h in result.hits} <= citing and result.note is None
    assert all("5/1" in h.marked and "[" in h.marked for h in result.hits)


def test_a_query_of_symbols_only_answers_the_documents_and_their_citers(store, embedder, parsed):
    resolution = parsed[2][0]
    citing = {c.paragraph for c in resolution.citations if c.symbol == "S/RES/1591 (2005)"}
    result = search(store, embedder, "S/RES/1591 (2005)", limit=50)
    assert result.total == len(citing) and {h.paragraph for h in result.hits} == citing
    named = search(store, embedder, resolution.symbol, limit=1000)
    own = [h for h in named.hits if h.symbol == resolution.symbol]
    citers = {(doc.symbol, c.paragraph) for doc, _ in parsed for c in doc.citations if c.symbol == resolution.symbol}
    assert len(own) == len(resolution.paragraphs) and list(named.hits[: len(own)]) == own
    assert all((h.symbol, h.paragraph) in citers for h in named.hits[len(own):])


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
def test_a_council_resolution_without_its_year_is_found_by_the_year_the_store_knows(store, embedder, parsed, mode):
    resolution = parsed[2][0]  # S/RES/2772 (2025), stored
    number = resolution.symbol.split()[0]  # "S/RES/2772"
    for query in (number, number.lower(), f"UNSCR {number.split('/')[-1]}"):
        result = search(store, embedder, query, mode=mode, limit=3)
        assert result.hits and result.hits[0].symbol == resolution.symbol and result.note is None, query
    citing = {c.paragraph for c in resolution.citations if c.symbol == "S/RES/1591 (2005)"}  # cited only
    for query in ("S/RES/1591", "UNSCR 1591", "Security Council resolution 1591"):
        result = search(store, embedder, query, mode=mode, limit=10)
        assert {h.paragraph for h in result.hits} == citing and result.note is None, query
        assert all("[resolution 1591 (2005)]" in h.marked for h in result.hits)
    unknown = search(store, embedder, "UNSCR 9999", mode=mode)
    assert not unknown.hits and unknown.note.startswith("no stored document is S/RES/9999")


@pytest.mark.parametrize("mode", ["hybrid", "lexical"])
def test_a_misspelled_word_gets_the_stored_spelling_offered(store, embedder, mode):
    result = search(store, embedder, "abolsh the Deth penalty", mode=mode, limit=10)
    assert result.suggestion == "abolish the Death penalty"
    assert result.note == 'no stored paragraph has the words "abolsh" or "deth"'
    respelled = search(store, embedder, result.suggestion, mode=mode, limit=10)
    assert respelled.suggestion is None and respelled.note is None
    assert "death penalty" in respelled.hits[0].text.lower()


def test_two_swapped_letters_count_as_one_edit(store, embedder):
    # "rigths" is two edits from "rights" letter by letter, and one from the stored "rights" as a swap
    result = search(store, embedder, "rigths of the chlid", mode="lexical")
    assert result.suggestion == "rights of the child"


@pytest.mark.parametrize("query", ["xyzzy plugh", "death penalty", "Xinjiang"])
def test_no_suggestion_without_a_close_stored_word_or_for_a_stored_one(store, embedder, query):
    result = search(store, embedder, query, mode="lexical")
    assert result.suggestion is None and not (result.note or "").startswith("no stored paragraph has")


def test_the_dense_mode_offers_no_suggestion(store, embedder):
    assert search(store, embedder, "abolsh the deth penalty", mode="dense").suggestion is None
