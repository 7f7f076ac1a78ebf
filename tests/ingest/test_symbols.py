"""Document symbols in running text: grammar, joint symbols, glued marks, the seed report."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.symbols import find_symbols, is_symbol, mask_markup, normalize_symbol, split_joint
from ontology.model import symbol_key


def _symbols(text: str) -> list[str]:
    return [h.symbol for h in find_symbols(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("see A/HRC/61/41.", ["A/HRC/61/41"]),
        ("See A/HRC/61/41.\u00b2\u2074 Next", ["A/HRC/61/41"]),
        ("adopted S/RES/2417(2018) today", ["S/RES/2417 (2018)"]),
        ("adopted S/RES/2417 (2018).", ["S/RES/2417 (2018)"]),
        ("A/RES/377 (V) and A/RES/3314 (XXIX)", ["A/RES/377 (V)", "A/RES/3314 (XXIX)"]),
        ("reissued as A/80/1*.", ["A/80/1"]),
        ("drafts A/C.3/80/L.12/Rev.1 and A/HRC/59/L.17", ["A/C.3/80/L.12/Rev.1", "A/HRC/59/L.17"]),
        ("addendum S/2025/10/Add.31, corrigendum A/79/1/Corr.1", ["S/2025/10/Add.31", "A/79/1/Corr.1"]),
        ("CERD/C/MMR/CO/1 and E/C.12/COD/CO/6", ["CERD/C/MMR/CO/1", "E/C.12/COD/CO/6"]),
        ("CCPR/C/GC/36, CEDAW/C/CAF/CO/6, CRPD/C/1", ["CCPR/C/GC/36", "CEDAW/C/CAF/CO/6", "CRPD/C/1"]),
        ("E/CN.4/Sub.2/1998/13 and E/CN.4/2005/135", ["E/CN.4/Sub.2/1998/13", "E/CN.4/2005/135"]),
        ("UPR: A/HRC/WG.6/1/BHR/1.", ["A/HRC/WG.6/1/BHR/1"]),
        ("special session A/HRC/S-33/1 and A/RES/ES-11/1", ["A/HRC/S-33/1", "A/RES/ES-11/1"]),
        ("ST/SGB/2003/13 and HRI/GEN/1/Rev.9", ["ST/SGB/2003/13", "HRI/GEN/1/Rev.9"]),
        ("the record S/PV.9876 and A/79/PV.64", ["S/PV.9876", "A/79/PV.64"]),
        ("See [A/HRC/60/32](#); and [A/HRC/58/36](#).", ["A/HRC/60/32", "A/HRC/58/36"]),
        ("at https://undocs.org/en/A/80/1 online", ["A/80/1"]),
        # not symbols
        ("S/he said A/B testing and the N/A column", []),
        ("https://www.un.org/en/genocide-prevention/definition", []),
        ("in paras. 46\u201353 of the report", []),
        ("the year 2025/26 budget", []),
    ],
)
def test_find_symbols(text: str, expected: list[str]) -> None:
    assert _symbols(text) == expected


@pytest.mark.parametrize(
    "written, parts",
    [
        ("A/69/981-S/2015/500", ["A/69/981", "S/2015/500"]),
        ("A/80/81\u2013E/2025/62", ["A/80/81", "E/2025/62"]),
        ("A/70/741 \u2013 S/2016/71", ["A/70/741", "S/2016/71"]),
        ("A/79/947\u2014S/2025/372", ["A/79/947", "S/2025/372"]),
        ("A/79/947 - S/2025/372", ["A/79/947", "S/2025/372"]),
    ],
)
def test_joint_symbols_split_before_a_body(written: str, parts: list[str]) -> None:
    [hit] = find_symbols(f"See {written}, paras. 46\u201353.")
    assert hit.text == written
    assert hit.parts == parts
    assert hit.is_joint
    assert hit.symbol == "-".join(parts)
    assert split_joint(written) == parts


def test_split_never_cuts_special_sessions_or_single_symbols() -> None:
    assert split_joint("A/HRC/S-33/1") == ["A/HRC/S-33/1"]
    assert split_joint("A/RES/ES-11/1") == ["A/RES/ES-11/1"]
    assert split_joint("S/RES/2417 (2018)") == ["S/RES/2417 (2018)"]


def test_offsets_point_at_the_text_as_written() -> None:
    text = "Recalled in [A/HRC/60/32](#) and S/RES/2417(2018).\u00b9"
    for hit in find_symbols(text):
        assert text[hit.start : hit.end] == hit.text
    assert [h.text for h in find_symbols(text)] == ["A/HRC/60/32", "S/RES/2417(2018)"]


def test_mask_markup_keeps_length() -> None:
    text = "See [A/HRC/60/32](#) and https://undocs.org/A/80/1."
    assert len(mask_markup(text)) == len(text)


def test_a_year_after_a_report_symbol_is_not_part_of_it() -> None:
    [hit] = find_symbols("the report S/2025/271 (2025) said")
    assert hit.symbol == "S/2025/271"
    assert hit.text == "S/2025/271"


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("S/RES/2417(2018)", "S/RES/2417 (2018)"),
        ("S/RES/2417  (2018).", "S/RES/2417 (2018)"),
        ("A/RES/377(V)", "A/RES/377 (V)"),
        (" A/HRC/61/41.\u00b2\u2074", "A/HRC/61/41"),
        ("A/80/1*", "A/80/1"),
        ("A/69/981 \u2013 S/2015/500", "A/69/981-S/2015/500"),
        ("A/C.3/80/L.12/Rev.1", "A/C.3/80/L.12/Rev.1"),
    ],
)
def test_normalize_symbol(written: str, canonical: str) -> None:
    assert normalize_symbol(written) == canonical


def test_modifier_case_is_kept_and_keys_compare_without_case() -> None:
    assert normalize_symbol("A/HRC/37/37/Add.1") == "A/HRC/37/37/Add.1"
    assert symbol_key(normalize_symbol("S/RES/2417(2018)")) == symbol_key("s/res/2417 (2018)")
    [hit] = find_symbols("A/69/981-S/2015/500")
    assert hit.key == "A/69/981"


@pytest.mark.parametrize(
    "s, ok",
    [
        ("A/HRC/61/41", True), ("S/RES/2417 (2018)", True), ("A/69/981-S/2015/500", True),
        ("A/80/1.", True), ("CCPR/C/GC/36", True), ("A/B", False), ("hello", False),
        ("S/he", False), ("A/HRC/61/41 and more", False), ("", False),
    ],
)
def test_is_symbol(s: str, ok: bool) -> None:
    assert is_symbol(s) is ok


def test_seed_report_symbols(corpus: Path) -> None:
    text = (corpus / "seed" / "000_5b2e965885db0188.txt").read_text(encoding="utf-8")
    hits = find_symbols(text)
    assert len(hits) == 27
    assert sum(h.is_joint for h in hits) == 11
    symbols = {h.symbol for h in hits}
    assert {"A/69/981-S/2015/500", "A/80/81-E/2025/62", "A/HRC/60/32", "A/HRC/58/36", "A/63/677"} <= symbols
    for h in hits:
        assert text[h.start : h.end] == h.text
        assert all(is_symbol(p) for p in h.parts)


def test_joint_symbol_broken_after_the_dash() -> None:
    [hit] = find_symbols("see A/79/875-\nS/2025/248, paras. 46\u201353")
    assert hit.parts == ["A/79/875", "S/2025/248"]


_ALPHABET = "AS/ERC-\u2013 .()*0123456789[]#HRTV\n\u00b2"


@given(st.text(alphabet=_ALPHABET, max_size=80))
@settings(max_examples=300, deadline=None)
def test_any_text_gives_consistent_hits(text: str) -> None:
    for hit in find_symbols(text):
        assert text[hit.start : hit.end] == hit.text
        assert hit.parts and all(p == normalize_symbol(p) for p in hit.parts)
