"""Citations resolved to symbols: written symbols, resolution phrases in four languages, pinpoints."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.citations import find_citations, organ_from_symbol


def _symbols(text: str, **kw: str) -> list[str]:
    return [h.symbol for h in find_citations(text, **kw)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Security Council resolution 2417 (2018)", ["S/RES/2417 (2018)"]),
        ("Security Council resolution 2417(2018)", ["S/RES/2417 (2018)"]),
        ("General Assembly resolution 60/1.", ["A/RES/60/1"]),
        ("the resolution 377 (V), entitled", ["A/RES/377 (V)"]),
        ("General Assembly resolution 377 (V)", ["A/RES/377 (V)"]),
        ("General Assembly resolution 2200 A (XXI)", ["A/RES/2200 (XXI)"]),
        ("General Assembly resolution ES-11/1", ["A/RES/ES-11/1"]),
        ("resolution ES\u201111/1 adopted at the emergency session", ["A/RES/ES-11/1"]),
        ("Human Rights Council decision 1/102", ["A/HRC/DEC/1/102"]),
        ("Human Rights Council resolution S-33/1", ["A/HRC/RES/S-33/1"]),
        ("In its resolution S-33/1, the Council", []),
        ("the Council, in Council resolution S-33/1,", ["A/HRC/RES/S-33/1"]),
        ("Economic and Social Council resolution 1996/31", ["E/RES/1996/31"]),
        ("Council resolution 1996/31", ["E/RES/1996/31"]),
        ("Commission on Human Rights resolution 2004/76", ["E/CN.4/RES/2004/76"]),
        (
            "Human Rights Council resolutions 7/25, 22/22 and 55/13",
            ["A/HRC/RES/7/25", "A/HRC/RES/22/22", "A/HRC/RES/55/13"],
        ),
        (
            "Security Council resolutions 1674 (2006), 1894 (2009) and 2150 (2014)",
            ["S/RES/1674 (2006)", "S/RES/1894 (2009)", "S/RES/2150 (2014)"],
        ),
        ("resolutions 7/25 and 22/22 of the Human Rights Council", ["A/HRC/RES/7/25", "A/HRC/RES/22/22"]),
        ("resolution 60/1 of the General Assembly", ["A/RES/60/1"]),
        ("the Human Rights Council in its resolution S-90/1", ["A/HRC/RES/S-90/1"]),
        ("paragraph 1 (a) of HRC resolution 9/12", ["A/HRC/RES/9/12"]),
        ("the Durban Review Conference and Human RightsCouncil resolution 9/12", ["A/HRC/RES/9/12"]),
        ("the General Assembly, in its resolution 60/251,", ["A/RES/60/251"]),
        # organ omitted: the form decides, or nothing is claimed
        ("resolution 1591 (2005)", ["S/RES/1591 (2005)"]),
        ("its resolution 60/251", []),
        ("resolution 1996/31", []),
        # French, Spanish, Russian
        ("résolution 2417 (2018) du Conseil de sécurité", ["S/RES/2417 (2018)"]),
        ("la résolution 60/1 de l'Assemblée générale", ["A/RES/60/1"]),
        ("les résolutions 7/25 et 22/22 du Conseil des droits de l’homme", ["A/HRC/RES/7/25", "A/HRC/RES/22/22"]),
        ("resolución 2417 (2018) del Consejo de Seguridad", ["S/RES/2417 (2018)"]),
        ("resolución 60/1 de la Asamblea General", ["A/RES/60/1"]),
        ("resoluciones 7/25 y 22/22 del Consejo de Derechos Humanos", ["A/HRC/RES/7/25", "A/HRC/RES/22/22"]),
        ("резолюция 2417 (2018) Совета Безопасности", ["S/RES/2417 (2018)"]),
        ("в резолюции 60/1 Генеральной Ассамблеи", ["A/RES/60/1"]),
        ("резолюциях 7/25 и 22/22 Совета по правам человека", ["A/HRC/RES/7/25", "A/HRC/RES/22/22"]),
        ("decisión 1/102 del Consejo de Derechos Humanos", ["A/HRC/DEC/1/102"]),
        ("решение 1/102 Совета по правам человека", ["A/HRC/DEC/1/102"]),
        # not citations
        ("the resolution of the conflict in 2018", []),
        ("Security Council resolution 2417 (2018) and General Assembly decision 60/551", ["S/RES/2417 (2018)"]),
    ],
)
def test_phrases_resolve_to_symbols(text: str, expected: list[str]) -> None:
    assert _symbols(text) == expected


@pytest.mark.parametrize(
    "text, organ, expected",
    [
        ("its resolution 60/251", "GA", ["A/RES/60/251"]),
        ("its resolution 60/251", "General Assembly", ["A/RES/60/251"]),
        ("its resolution 60/251", "HRC", []),  # the HRC never numbers a resolution above 99
        ("its resolution 7/25", "A/HRC/61/41", ["A/HRC/RES/7/25"]),
        ("In its resolution S-33/1, the Council", "HRC", ["A/HRC/RES/S-33/1"]),
        ("resolution 1996/31", "ECOSOC", ["E/RES/1996/31"]),
        ("resolution 1996/31", "GA", []),
        ("resolution 1591 (2005)", "HRC", ["S/RES/1591 (2005)"]),
    ],
)
def test_context_organ_resolves_organless_phrases(text: str, organ: str, expected: list[str]) -> None:
    assert _symbols(text, context_organ=organ) == expected


@pytest.mark.parametrize(
    "text, organ, expected",
    [
        # General Assembly and ECOSOC decisions have no symbol the documents write out: none claimed
        ("in pursuance of paragraph 14 of General Assembly decision 47/409 of 16 November 1992", None, []),
        ("The General Assembly, through its decision 80/506, endorsed the New York Declaration", "GA", []),
        ("Draft decision A/79/L.72, as amended, was adopted (decision 79/548 B).", "GA", ["A/79/L.72"]),
        ("General Assembly decision 65/530", None, []),
        ("Economic and Social Council decision 2005/217", None, []),
        ("Council decision 2005/217", None, []),  # "Council" with a year number is ECOSOC
        ("decision 2005/217", "ECOSOC", []),
        ("decision 65/530", None, []),  # organ unknown
        ("decision 65/530", "SC", []),  # an organ that numbers no decisions a/b
        # Human Rights Council decisions still resolve, as printed in the Council's reports
        ("Human Rights Council decision 17/119", None, ["A/HRC/DEC/17/119"]),
        ("the Council in its decision 17/119", "HRC", ["A/HRC/DEC/17/119"]),
    ],
)
def test_decisions_resolve_only_for_the_human_rights_council(
    text: str, organ: str | None, expected: list[str]
) -> None:
    assert _symbols(text, **({"context_organ": organ} if organ else {})) == expected


@pytest.mark.parametrize(
    "text, organ, expected",
    [
        ("General Assembly resolution 75/252 A", None, [("A/RES/75/252", "General Assembly resolution 75/252 A")]),
        ("resolutions 75/252 A and B", "GA", [("A/RES/75/252", "resolutions 75/252 A and B")]),
        ("resolution 72/199 A\u2013C", "GA", [("A/RES/72/199", "resolution 72/199 A\u2013C")]),
        (
            "Recalling General Assembly resolutions 75/252 A and B and 72/199 A\u2013C,",
            None,
            [("A/RES/75/252", "General Assembly resolutions 75/252 A and B"), ("A/RES/72/199", "72/199 A\u2013C")],
        ),
        (
            "General Assembly resolutions 34/93 A, B and C, 35/1 and 36/2 A to D",
            None,
            [("A/RES/34/93", "General Assembly resolutions 34/93 A, B and C"), ("A/RES/35/1", "35/1"),
             ("A/RES/36/2", "36/2 A to D")],
        ),
        (
            "General Assembly resolutions 3411 A and B (XXX) and 3419 A to D (XXX)",
            None,
            [("A/RES/3411 (XXX)", "General Assembly resolutions 3411 A and B (XXX)"),
             ("A/RES/3419 (XXX)", "3419 A to D (XXX)")],
        ),
        (
            "les résolutions 75/252 A et B de l'Assemblée générale",
            None,
            [("A/RES/75/252", "résolutions 75/252 A et B de l'Assemblée générale")],
        ),
        # real sentences: a single lettered part, with a pinpoint and a date
        (
            "pursuant to paragraph 4 of General Assembly resolution 51/196 B of 31 July 1997, in which",
            None,
            [("A/RES/51/196", "General Assembly resolution 51/196 B")],
        ),
        ("and, more recently, resolution 72/262 C, in which the Assembly", "GA",
         [("A/RES/72/262", "resolution 72/262 C")]),
        # letters that are not parts of a number
        (
            "General Assembly resolution 75/252 and A/75/100",
            None,
            [("A/RES/75/252", "General Assembly resolution 75/252"), ("A/75/100", "A/75/100")],
        ),
        (
            "General Assembly resolutions 75/252 A, A/75/100",
            None,
            [("A/RES/75/252", "General Assembly resolutions 75/252 A"), ("A/75/100", "A/75/100")],
        ),
        (
            "follow-up to Human Rights Council resolution 4/1 A/HRC/14/L.18",
            None,
            [("A/HRC/RES/4/1", "Human Rights Council resolution 4/1"), ("A/HRC/14/L.18", "A/HRC/14/L.18")],
        ),
        (
            "under General Assembly resolution 75/252 A, I would recall",
            None,
            [("A/RES/75/252", "General Assembly resolution 75/252 A")],
        ),
        (
            "General Assembly resolution 75/252 A and Human Rights Council resolution 7/25",
            None,
            [("A/RES/75/252", "General Assembly resolution 75/252 A"),
             ("A/HRC/RES/7/25", "Human Rights Council resolution 7/25")],
        ),
    ],
)
def test_lettered_parts_cite_their_number_once(
    text: str, organ: str | None, expected: list[tuple[str, str]]
) -> None:
    hits = find_citations(text, **({"context_organ": organ} if organ else {}))
    assert [(h.symbol, h.text) for h in hits] == expected
    for h in hits:
        assert text[h.start : h.end] == h.text


@pytest.mark.parametrize(
    "text, pins",
    [
        ("paragraph 4 of General Assembly resolutions 72/199 A to C and 73/1",
         [("A/RES/72/199", ("4",)), ("A/RES/73/1", ())]),
        ("General Assembly resolutions 72/199 A-C and 73/1, paragraph 3",
         [("A/RES/72/199", ()), ("A/RES/73/1", ("3",))]),
        ("General Assembly resolution 72/199 A\u2013C, paras. 5 and 6", [("A/RES/72/199", ("5", "6"))]),
        ("pursuant to paragraph 4 of General Assembly resolution 51/196 B of 31 July 1997",
         [("A/RES/51/196", ("4",))]),
    ],
)
def test_lettered_parts_keep_pinpoints(text: str, pins: list[tuple[str, tuple[str, ...]]]) -> None:
    assert [(h.symbol, h.pinpoints) for h in find_citations(text)] == pins


@pytest.mark.parametrize(
    "text, organ, expected",
    [
        (
            "Noting General Assembly resolutions 48/159 A of 20 December 1993 and 48/230 of 23 December 1993,",
            None,
            [("A/RES/48/159", "General Assembly resolutions 48/159 A"), ("A/RES/48/230", "48/230")],
        ),
        (
            ("Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90 of 10 December 1982, "
             "54/68 of 6 December 1999, 59/2 of 20 October 2004 and 72/79 of 7 December 2017,"),
            "GA",
            [("A/RES/2453 (XXIII)", "resolutions 2453 A (XXIII)"), ("A/RES/37/90", "37/90"),
             ("A/RES/54/68", "54/68"), ("A/RES/59/2", "59/2"), ("A/RES/72/79", "72/79")],
        ),
        (
            "and Security Council resolutions 1325 (2000) of 31 October 2000 and 1820 (2008) of 19 June 2008,",
            None,
            [("S/RES/1325 (2000)", "Security Council resolutions 1325 (2000)"),
             ("S/RES/1820 (2008)", "1820 (2008)")],
        ),
        (
            "and Commission on Human Rights resolutions 2002/68 of 25 April 2002 and 2003/30 of 23 April 2003,",
            None,
            [("E/CN.4/RES/2002/68", "Commission on Human Rights resolutions 2002/68"),
             ("E/CN.4/RES/2003/30", "2003/30")],
        ),
        # the organ named once still decides: an HRC number after a dated GA resolution is not the GA's
        (
            "the General Assembly in its resolution 60/251 of 15 March 2006, and 5/1 of 18 June 2007",
            None,
            [("A/RES/60/251", "General Assembly in its resolution 60/251")],
        ),
        ("Security Council resolution 2417 (2018) of 24 May 2018 and 60/1", None,
         [("S/RES/2417 (2018)", "Security Council resolution 2417 (2018)")]),
    ],
)
def test_dates_of_adoption_inside_a_list(text: str, organ: str | None, expected: list[tuple[str, str]]) -> None:
    hits = find_citations(text, **({"context_organ": organ} if organ else {}))
    assert [(h.symbol, h.text) for h in hits] == expected


def test_text_and_offsets_as_written() -> None:
    text = "See Human Rights Council resolutions 7/25, 22/22 and 55/13; and résolution 2417 (2018) du Conseil de sécurité."
    hits = find_citations(text)
    assert [h.text for h in hits] == [
        "Human Rights Council resolutions 7/25", "22/22", "55/13",
        "résolution 2417 (2018) du Conseil de sécurité",
    ]
    for h in hits:
        assert text[h.start : h.end] == h.text


@pytest.mark.parametrize(
    "text, symbol, pins",
    [
        ("in paragraphs 138 and 139 of General Assembly resolution 60/1", "A/RES/60/1", ("138", "139")),
        ("paragraphs 138 and 139 of resolution 60/1", None, ()),
        ("para. 16 (a) of Security Council resolution 2417 (2018)", "S/RES/2417 (2018)", ("16 (a)",)),
        ("S/2025/271, para. 3.", "S/2025/271", ("3",)),
        ("A/HRC/30/42, paras. 77\u201391.", "A/HRC/30/42", tuple(str(n) for n in range(77, 92))),
        ("A/79/875-S/2025/248, paras. 37 and 40.", "A/79/875", ("37", "40")),
        ("Security Council resolution 2417 (2018), paragraph 4", "S/RES/2417 (2018)", ("4",)),
        ("paragraphes 138 et 139 de la résolution 60/1 de l'Assemblée générale", "A/RES/60/1", ("138", "139")),
        ("párrafos 138 y 139 de la resolución 60/1 de la Asamblea General", "A/RES/60/1", ("138", "139")),
        ("пункты 138 и 139 резолюции 60/1 Генеральной Ассамблеи", "A/RES/60/1", ("138", "139")),
    ],
)
def test_pinpoints(text: str, symbol: str | None, pins: tuple[str, ...]) -> None:
    hits = find_citations(text)
    if symbol is None:  # organ-less "60/1" is skipped without a context
        assert hits == []
        return
    assert hits[0].symbol == symbol
    assert hits[0].pinpoints == pins
    assert hits[0].pinpoint == pins[0]


def test_joint_symbols_cite_both_halves() -> None:
    hits = find_citations("See A/69/981-S/2015/500, para. 63.")
    assert [h.symbol for h in hits] == ["A/69/981", "S/2015/500"]
    assert {h.joint for h in hits} == {"A/69/981-S/2015/500"}
    assert {h.text for h in hits} == {"A/69/981-S/2015/500"}
    assert all(h.pinpoints == ("63",) for h in hits)


def test_a_symbol_and_a_phrase_are_both_kept() -> None:
    hits = find_citations("Security Council resolution 2417 (2018) (S/RES/2417(2018))")
    assert [h.symbol for h in hits] == ["S/RES/2417 (2018)", "S/RES/2417 (2018)"]
    assert hits[0].start < hits[1].start


@pytest.mark.parametrize(
    "symbol, organ",
    [("A/HRC/61/41", "HRC"), ("A/80/1", "GA"), ("S/2025/271", "SC"), ("E/CN.4/2005/1", "CHR"),
     ("E/2025/62", "ECOSOC"), ("CCPR/C/GC/36", None)],
)
def test_organ_from_symbol(symbol: str, organ: str | None) -> None:
    assert organ_from_symbol(symbol) == organ


def test_seed_report_citations(corpus: Path) -> None:
    """The seed report: 8 organ-named phrases citing 17 resolutions, one organ-less "resolution
    377 (V)" resolved by its form, and 27 written symbols (11 joint) giving 38 cited symbols."""
    text = (corpus / "seed" / "000_5b2e965885db0188.txt").read_text(encoding="utf-8")
    hits = find_citations(text)
    phrase_hits = [h for h in hits if "/RES/" in h.symbol]
    named = [h for h in phrase_hits if h.text[0].isupper() and "resolution" in h.text]
    assert len(named) == 8
    assert len(phrase_hits) == 18
    assert [h.symbol for h in phrase_hits if h.text.startswith("resolution ")] == ["A/RES/377 (V)"]
    hrc = [h.symbol for h in phrase_hits if h.symbol.startswith("A/HRC/RES/")]
    assert hrc == [f"A/HRC/RES/{n}" for n in
                   ("7/25", "22/22", "28/34", "37/26", "43/29", "44/14", "49/9", "55/13", "51/23")]
    assert {"S/RES/1674 (2006)", "S/RES/1894 (2009)", "S/RES/2417 (2018)", "S/RES/2558 (2020)",
            "A/RES/60/1", "A/RES/63/308", "A/RES/75/277"} <= {h.symbol for h in phrase_hits}
    written = [h for h in hits if "/RES/" not in h.symbol]
    assert len(written) == 27 + 11
    for h in hits:
        assert text[h.start : h.end] == h.text


def test_many_phrases_in_one_long_text() -> None:
    chunk = "Recalling Security Council resolution 2417 (2018) and General Assembly resolution 60/1. " * 200
    hits = find_citations(chunk)
    assert [h.symbol for h in hits] == ["S/RES/2417 (2018)", "A/RES/60/1"] * 200


def test_organ_names_broken_across_lines() -> None:
    text = "held pursuant to Human Rights \nCouncil resolution 56/8 and General\nAssembly resolution 76/300"
    assert _symbols(text) == ["A/HRC/RES/56/8", "A/RES/76/300"]


def test_real_resolutions_cite_their_predecessors(corpus: Path) -> None:
    """A Security Council resolution and an HRC draft from the corpus, read with PyMuPDF's plain text."""
    import pymupdf

    folder = corpus / "un-mixed-2025"
    with pymupdf.open(folder / "S_RES_2768 (2025).en.pdf") as doc:
        sc = {h.symbol for h in find_citations("".join(p.get_text() for p in doc))}
    assert {"S/RES/2216 (2015)", "S/RES/2722 (2024)", "S/RES/2739 (2024)", "S/RES/2768 (2025)"} <= sc
    with pymupdf.open(folder / "A_HRC_59_L.17.en.pdf") as doc:
        hrc = {h.symbol for h in find_citations("".join(p.get_text() for p in doc), context_organ="HRC")}
    assert {"A/RES/77/276", "A/RES/76/300", "A/HRC/RES/56/8", "A/HRC/RES/47/24", "A/HRC/59/L.17"} <= hrc


@given(st.text(alphabet="GeneralAssemblySecurityCouncil resolutions 0123456789/()-,and.VIXBD\u2013", max_size=120))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_consistent_citations(text: str) -> None:
    for hit in find_citations(text, context_organ="GA"):
        assert text[hit.start : hit.end] == hit.text
        assert hit.symbol.startswith(("A/", "S/", "E/"))


def test_a_parsed_resolution_cites_every_number_of_a_dated_list(corpus: Path) -> None:
    """A/RES/73/6 recalls five resolutions in one preambular paragraph, each with its date."""
    from ingest.pipeline import parse

    doc = parse(corpus / "ga-resolutions-2018" / "A_RES_73_6-EN.pdf")
    first = next(c for c in doc.citations if c.symbol == "A/RES/2453 (XXIII)")
    same = [c.symbol for c in doc.citations if c.paragraph_index == first.paragraph_index]
    assert same[:5] == ["A/RES/2453 (XXIII)", "A/RES/37/90", "A/RES/54/68", "A/RES/59/2", "A/RES/72/79"]
    assert doc.paragraphs[first.paragraph_index].text.startswith("Recalling its resolutions 2453 A (XXIII)")
