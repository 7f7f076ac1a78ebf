"""Golden tests: a joint General Assembly/Security Council report and the files that hold another
document in another language (Russian CEDAW observations, a Spanish Security Council letter)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.pipeline import parse
from ontology.model import DocumentKind, ParagraphKind, ParsedDocument

FURNITURE = re.compile(r"\d{2}-\d{5}|\*\d{7}\*|\b\d{1,2}/14\b|A/79/947|S/2025/372|Please recycle")


@pytest.fixture(scope="module")
def joint_report(corpus: Path) -> ParsedDocument:
    return parse(corpus / "un-mixed-2025" / "A_79_947.en.pdf")


@pytest.fixture(scope="module")
def russian(corpus: Path) -> ParsedDocument:
    return parse(corpus / "un-mixed-2025" / "S_2024_145.en.pdf")


@pytest.fixture(scope="module")
def spanish(corpus: Path) -> ParsedDocument:
    return parse(corpus / "un-mixed-2025" / "A_78_354.en.pdf")


def test_joint_report_masthead(joint_report: ParsedDocument) -> None:
    doc = joint_report
    assert doc.symbols == ("A/79/947", "S/2025/372")
    assert doc.organs == ("General Assembly", "Security Council")
    assert doc.kind is DocumentKind.REPORT
    assert doc.title == "The situation in Afghanistan and its implications for international peace and security"
    assert doc.date == "2025-06-11"
    assert doc.session == "Seventy-ninth session; Eightieth year"
    assert doc.agenda == ("Agenda item 36", "The situation in Afghanistan")
    assert doc.original_language == "en" and doc.language == "en"
    assert doc.job_number == "25-08097 (E)"
    assert doc.pages == 14


def test_joint_report_paragraphs_whole_and_numbered(joint_report: ParsedDocument) -> None:
    numbered = [p for p in joint_report.paragraphs if p.kind is ParagraphKind.NUMBERED]
    assert [p.label for p in numbered] == [str(n) for n in range(1, 80)]
    by_label = {p.label: p for p in numbered}
    # paragraph 8 runs over the page break and the footnote block at the foot of page 2
    assert by_label["8"].page == 2
    assert by_label["8"].text.endswith("On 18 February, 14 heads of jihadi madrasas were also reshuffled in 14 provinces.")
    assert "three provincial-level heads of the de facto General Directorate of Intelligence" in by_label["8"].text
    # a hyphenated compound at a line end keeps its hyphen
    assert "after a two and a half-month absence" in by_label["6"].text
    for para in joint_report.paragraphs:
        assert not FURNITURE.search(para.text), para.text


def test_joint_report_sections(joint_report: ParsedDocument) -> None:
    headings = [p.text for p in joint_report.paragraphs if p.kind is ParagraphKind.HEADING]
    assert headings[:4] == ["I. Introduction", "II. Relevant developments", "A. Political developments", "B. Security"]
    assert headings[-1] == "VIII. Observations"
    by_label = {p.label: p for p in joint_report.paragraphs if p.label}
    assert by_label["4"].section == "A. Political developments"
    assert by_label["79"].section == "VIII. Observations"


def test_joint_report_footnotes(joint_report: ParsedDocument) -> None:
    notes = joint_report.footnotes
    assert [(f.label, f.page) for f in notes] == [("1", 2), ("2", 10), ("3", 11)]
    assert notes[0].text == "See https://unama.unmissions.org/report-implementation-enforcement-and-impact-pvpv-law-afghanistan."
    cited = {p.label: p.footnotes for p in joint_report.paragraphs if p.footnotes}
    assert cited == {"5": ("1",), "54": ("2",), "57": ("3",)}
    assert "Prevention of Vice. Six months" in next(p.text for p in joint_report.paragraphs if p.label == "5")


def test_joint_report_citations(joint_report: ParsedDocument) -> None:
    found = {(c.symbol, c.paragraph) for c in joint_report.citations}
    assert {("A/RES/74/9", "1"), ("S/RES/2777 (2025)", "1"), ("A/79/797", "2"), ("S/2025/109", "2"),
            ("S/RES/2679 (2023)", "18"), ("S/2023/856", "18"), ("S/RES/2721 (2023)", "70")} <= found


def test_russian_cedaw_observations_behind_an_english_file_name(russian: ParsedDocument) -> None:
    doc = russian
    assert doc.symbols == ("CEDAW/C/CAF/CO/6",)
    assert doc.language == "ru" and doc.original_language == "en"
    assert doc.kind is DocumentKind.REPORT
    assert doc.date == "2024-02-20"
    assert doc.title == "Заключительные замечания по шестому периодическому докладу Центральноафриканской Республики"
    assert doc.job_number == "24-03160 (R)"
    main = [p.label for p in doc.paragraphs if p.label and p.parent is None]
    assert main == [str(n) for n in range(1, len(main) + 1)] and len(main) == 66
    sub = next(p for p in doc.paragraphs if p.key == "4/a")
    assert sub.label == "4 (a)" and sub.parent == "4" and sub.text.startswith("новой Конституции")
    first = doc.paragraphs[0]
    assert "Центральноафриканской Республики (CEDAW/C/CAF/6)" in first.text  # syllable hyphen repaired
    assert {"CEDAW/C/CAF/6", "S/RES/1325 (2000)"} <= {c.symbol for c in doc.citations}


def test_spanish_letter_behind_another_symbol(spanish: ParsedDocument) -> None:
    doc = spanish
    assert doc.symbols == ("S/2023/664",)
    assert doc.language == "es" and doc.original_language == "en"
    assert doc.kind is DocumentKind.LETTER
    assert doc.date == "2023-09-13"
    assert doc.organs == ("Security Council",)
    assert doc.title.startswith("Carta de fecha 12 de septiembre de 2023 dirigida a la Presidencia")
    assert len(doc.paragraphs) == 12
    assert doc.paragraphs[0].text.startswith("Siguiendo instrucciones de mi Gobierno")
    # the signature closes page 1; the annex's heading opens page 2
    assert doc.paragraphs[2].text == "(Firmado) Osama Abdelkhalek Embajador y Representante Permanente"
    assert doc.paragraphs[3].kind is ParagraphKind.HEADING and doc.paragraphs[3].text.startswith("Anexo de la carta")
    assert {"S/PRST/2021/18", "S/2020/355", "S/2022/587"} <= {c.symbol for c in doc.citations}


def test_verbatim_record(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "A_79_PV.64.en.pdf")
    assert doc.symbols == ("A/79/PV.64",)
    assert doc.kind is DocumentKind.RECORD
    assert doc.title == "64th plenary meeting" and doc.date == "2025-04-16"
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "In the absence of the President, Mr. Kössler (Austria), Vice-President, took the Chair."
    assert "The Acting President: I now give the floor to the representative of the United States." not in texts
    assert "I now give the floor to the representative of the United States." in texts
    assert not any("Please recycle" in t or "Accessible document" in t for t in texts)
    assert "A/79/L.64" in {c.symbol for c in doc.citations}


def test_language_of_the_letter_not_of_its_arabic_annex(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "S_2025_354.en.pdf")
    assert doc.symbols == ("S/2025/354",)
    assert doc.kind is DocumentKind.LETTER
    assert doc.language == "en"
    assert doc.paragraphs[0].text.startswith("On behalf of the Government of the Sudan, I have the honour to transmit")


def test_symbol_from_the_running_header_when_the_masthead_is_garbled(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "A_47_435.en.pdf")  # 1992 scan; its masthead reads "A./47/435"
    assert doc.symbols == ("A/47/435",)
    assert "no symbol in the masthead; symbol read from the running header" in doc.warnings
    assert doc.date == "1992-09-11" and doc.session == "Forty-seventh session"
    assert [p.label for p in doc.paragraphs if p.label] == [str(n) for n in range(1, 10)]


def test_a_typewritten_title_in_capitals_is_the_title(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "A_47_435.en.pdf")  # typescript: nothing in bold or large type
    assert (doc.title, doc.subtitle) == ("QUESTION OF EAST TIMOR", "Progress report of the Secretary-General")
    assert doc.kind is DocumentKind.REPORT
    assert doc.paragraphs[0].label == "1"  # the title lines are not paragraphs
    doc = parse(corpus / "un-mixed-2025" / "A_48_653.en.pdf")  # two agenda items' titles, then the subtitle in two lines
    assert doc.title.startswith("ACTIVITIES OF THOSE FOREIGN ECONOMIC AND OTHER INTERESTS WHICH IMPEDE")
    assert doc.title.endswith("IMPLEMENTATION OF THE DECLARATION ON THE GRANTING OF INDEPENDENCE TO COLONIAL "
                              "COUNTRIES AND PEOPLES")
    assert doc.subtitle == "Report of the Special Political and Decolonization Committee (Fourth Committee)"
    assert doc.paragraphs[0].text == "Rapporteur: Mr. Anuson CHINVANNO (Thailand)"  # set a blank line apart: text
    doc = parse(corpus / "un-mixed-2025" / "A_51_595.en.pdf")  # "ARTICLE 73 e": a stray small letter in capitals
    assert doc.title == ("INFORMATION FROM NON-SELF-GOVERNING TERRITORIES TRANSMITTED UNDER ARTICLE 73 e OF THE "
                         "CHARTER OF THE UNITED NATIONS")


def test_a_typewritten_page_header_and_continuation_mark_are_furniture(corpus: Path) -> None:
    # A/52/687 (1997): "/..." closes each page; "A/52/687", "English", "Page 2" open the next
    doc = parse(corpus / "un-mixed-2025" / "A_52_687.en.pdf")
    assert not [p.text for p in doc.paragraphs if "/..." in p.text or re.search(r"\bPage \d", p.text)]
    across = next(p for p in doc.paragraphs if "designation of judicial officials" in p.text)  # pages 1 to 2
    assert (across.label, across.page) == ("2", 1)
    assert "establishment of the Permanent Electoral Council and the designation of judicial officials." in across.text
    assert all(p.label or p.page == 14 for p in doc.paragraphs if p.kind is ParagraphKind.TEXT)  # only the annex


def test_a_line_in_bold_that_runs_on_into_body_type_is_one_paragraph(corpus: Path) -> None:
    # S/2025/472, para. 13: "(a) providing operational support …, including" in bold, "building its capacity …" not
    doc = parse(corpus / "un-mixed-2025" / "S_2025_472.en.pdf")
    items = [p for p in doc.paragraphs if p.parent == "13"]
    assert [p.label for p in items] == ["13 (a)", "13 (b)", "13 (c)"]
    assert items[0].text.startswith("providing operational support to the Haitian National Police, including building")
    assert items[1].text.endswith("schools, hospitals and key intersections, and")
    assert not any(p.text.startswith(("building its capacity", "schools, hospitals")) for p in doc.paragraphs)


def test_items_lettered_a_b_with_a_full_stop_are_subparagraphs_with_theirs_numbered_i_ii(corpus: Path) -> None:
    # S/2025/472, annex, para. 62: "Achievements attained during the reporting period include;" then "a. Holding …"
    # to "l. Arrests, …"
    doc = parse(corpus / "un-mixed-2025" / "S_2025_472.en.pdf")
    items = [p for p in doc.paragraphs if p.parent == "62"]
    assert [p.label for p in items] == [f"62 ({c})" for c in "abcdefghijkl"]
    assert items[0].text.startswith("Holding the government together from being destabilized by gangs")
    assert items[3].text == "Re-opening of businesses."
    assert all(p.kind is ParagraphKind.NUMBERED for p in items)
    # para. 73: "a. Equipment: …" with "i." to "iii." under it, then "b. Logistic challenges" set in bold (no heading)
    # with its own "i." to "iii.", and "c. The medical contracts …" with "i." to "ix."
    under = {key: [p.label for p in doc.paragraphs if p.parent == key] for key in ("73", "73/a", "73/b", "73/c")}
    assert under["73"] == ["73 (a)", "73 (b)", "73 (c)", "73 (d)"]
    assert under["73/a"] == ["73 (a) (i)", "73 (a) (ii)", "73 (a) (iii)"]
    assert under["73/b"] == ["73 (b) (i)", "73 (b) (ii)", "73 (b) (iii)"]
    assert under["73/c"] == [f"73 (c) ({r})" for r in ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix")]
    assert next(p for p in doc.paragraphs if p.key == "73/b").text == "Logistic challenges"
    assert not any(p.section == "b. Logistic challenges" for p in doc.paragraphs)
    # para. 74 runs from "a." to "l.": its "i." is a letter, since "j." follows
    assert [p.label for p in doc.paragraphs if p.parent == "74"][8] == "74 (i)"


def test_items_numbered_i_ii_with_a_full_stop_are_subparagraphs(corpus: Path) -> None:
    # S/2025/453, Egypt's statement: "We, therefore, call for the following:" then "i. An urgent call …" to "iii."
    doc = parse(corpus / "un-mixed-2025" / "S_2025_453.en.pdf")
    call = next(p for p in doc.paragraphs if p.text == "We, therefore, call for the following:")
    items = [p for p in doc.paragraphs if p.parent == call.key]
    assert [p.label for p in items] == [f"{call.label} ({r})" for r in ("i", "ii", "iii")]
    assert items[0].text.startswith("An urgent call by the Security Council for an immediate ceasefire")


def test_a_numbered_paragraph_whose_first_line_ends_with_a_parenthesis_goes_on(corpus: Path) -> None:
    # S/2025/272, para. 11: "Adoption of laws by the Republika Srpska National Assembly (RSNA)" / "banning …"
    doc = parse(corpus / "un-mixed-2025" / "S_2025_272.en.pdf")
    eleven = next(p for p in doc.paragraphs if p.text.startswith("Adoption of laws by the Republika Srpska"))
    assert eleven.label == "11" and eleven.text.endswith("hint at de facto secession.")


def test_capitals_below_text_that_follows_the_session_line_are_no_title(corpus: Path) -> None:
    # E/CN.4/110 (1948): "Second Report of the Sub-Committee …" in body type, then "ARTICLE 8", the article's heading
    doc = parse(corpus / "un-mixed-2025" / "E_CN.4_110.en.pdf", ocr=False)
    assert doc.title is None
    assert any(p.text.startswith("Second Report of the Sub-Committee") for p in doc.paragraphs)


def test_a_photo_caption_in_bold_heads_no_section(corpus: Path) -> None:
    # S/2025/356, annex 2: a bold caption over its credit line ("Still from video shared on social media, …")
    doc = parse(corpus / "un-mixed-2025" / "S_2025_356.en.pdf")
    caption = next(p for p in doc.paragraphs if p.text.startswith("On 17 February 2025, 5 Segond gang seized"))
    assert (caption.page, caption.kind) == (28, ParagraphKind.TEXT)
    assert not any((p.section or "").startswith("On 17 February 2025") for p in doc.paragraphs)


def test_a_label_set_a_hair_lower_than_its_text_leads_it(corpus: Path) -> None:
    # S/2025/356, annex 3: "4." in bold sits 1 pt lower than "Food insecurity", so it came after the text
    doc = parse(corpus / "un-mixed-2025" / "S_2025_356.en.pdf")
    food = next(p for p in doc.paragraphs if p.text.startswith("Food insecurity"))
    assert food.text == "Food insecurity" and food.label is not None and food.label.endswith("4")
    assert not [p.text for p in doc.paragraphs if re.search(r"[a-z] [4-6]\.$", p.text)]


def test_a_modern_title_in_bold_keeps_its_subtitle(joint_report: ParsedDocument) -> None:
    assert joint_report.subtitle == "Report of the Secretary-General"


def test_old_scan_with_a_library_stamp_above_the_masthead(corpus: Path) -> None:
    doc = parse(corpus / "scans" / "1971-09-29_A_L.632-EN.pdf", ocr=False)  # its own text layer, from the scan
    assert doc.symbols == ("A/L.632",)
    assert doc.organs == ("General Assembly",)  # "GENERAL" above "ASSEMBLY" in display type
    assert (doc.distribution, doc.kind, doc.agenda) == ("Limited", DocumentKind.DRAFT, ("Agenda item 93",))
    assert doc.date is None  # the scan's text layer reads "~9 September 1971": no day can be trusted
    assert doc.title == "RESTORATION OF THE LAWFUL RIGHTS OF THE PEOPLE'S REPUBLIC OF CHINA IN THE UNITED NATIONS"
    assert doc.subtitle.startswith("Australia, Colombia, Costa Rica") and doc.subtitle.endswith(": draft resolution")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "The General Assembly," and texts[-1].endswith("under Article 18 of the Charter.")
    assert not any("UBRAR" in t or t.startswith("ocr") for t in texts)  # the stamp is page furniture


def test_a_symbol_line_a_scan_cut_apart_gives_no_symbol(corpus: Path) -> None:
    # E/CN.4/109 of 1948: the scan's text layer reads its symbol line "E/CN A/109"; A/109 is another document
    doc = parse(corpus / "un-mixed-2025" / "E_CN.4_109.en.pdf", ocr=False)
    assert doc.symbols == ()
    warning = "no symbol in the masthead: its symbol line reads 'E/CN A/109', a series cut from its number by the scan"
    assert doc.warnings == (warning,)


def test_letters_a_scan_read_for_digits_in_the_symbol_are_taken_as_digits(corpus: Path) -> None:
    doc = parse(corpus / "un-mixed-2025" / "A_39_361.en.pdf", ocr=False)  # the text layer reads "A/39/36I"
    assert doc.symbols == ("A/39/361",)
    assert "symbol read as 'A/39/36I' in the masthead, taken as 'A/39/361' (letters for digits, as scans misread " \
           "them)" in doc.warnings
    # the scan split its date line's year, and printed its digits smaller than the month: "25 July 19 84"
    assert doc.date == "1984-07-25"
    assert "date read as '25 July 19 84' in the masthead, taken as '25 July 1984' (a year the scan split)" \
        in doc.warnings


def test_an_official_records_volume_is_dated_by_the_year_of_its_imprint(corpus: Path) -> None:
    # the report on the work of the Organization prints no day: "United Nations • New York, 2025" on page 3
    doc = parse(corpus / "un-mixed-2025" / "A_80_1.en.pdf")
    assert (doc.symbols, doc.date) == (("A/80/1",), "2025")
    assert parse(corpus / "un-mixed-2025" / "S_2025_403.en.pdf").date == "2025-06-23"  # a day where one is printed


def test_a_date_is_read_only_from_a_whole_day_number() -> None:
    from ingest.masthead import iso_date

    assert iso_date("29 September 1971") == "1971-09-29"
    assert iso_date("~9 September 1971") is None and iso_date("219 September 1971") is None
    assert iso_date("1er juin 2025") == "2025-06-01"


def test_a_body_name_above_the_session_line_is_no_title(corpus: Path) -> None:
    # A/HRC/WG.6/7/SVN/2/Corr.1 (2009): text in 10 points, so the 12-point masthead lines all look like title type;
    # "Working Group on the Universal Periodic Review" / "Seventh session" / "Geneva, …" are its session block
    doc = parse(corpus / "upr-slovenia" / "docs" / "1stcyycleunoriginal" / "g0917825.pdf", ocr=False)
    assert doc.symbol == "A/HRC/WG.6/7/SVN/2/Corr.1"
    assert doc.title == ("COMPILATION PREPARED BY THE OFFICE OF THE HIGH COMMISSIONER FOR HUMAN RIGHTS, IN ACCORDANCE "
                         "WITH PARAGRAPH 15(B) OF THE ANNEX TO HUMAN RIGHTS COUNCIL RESOLUTION 5/1 Slovenia")
    assert doc.subtitle == "Corrigendum" and doc.session == "Seventh session"


def test_a_bold_line_atop_a_page_starts_a_block_after_body_text(corpus: Path) -> None:
    # the Secretary-General's signature ends page 1 of S/2025/85; page 2 opens with the heading "Annex"
    letter = parse(corpus / "un-mixed-2025" / "S_2025_85.en.pdf")
    assert any(p.text == "(Signed) António Guterres" for p in letter.paragraphs)
    assert next(p for p in letter.paragraphs if p.page == 2).kind is ParagraphKind.HEADING
    # S/2025/356: a photo's credit line ends page 28; "Annex 3: Other human rights violations" heads page 29
    panel = parse(corpus / "un-mixed-2025" / "S_2025_356.en.pdf")
    annex = next(p for p in panel.paragraphs if p.text == "Annex 3: Other human rights violations")
    assert (annex.page, annex.kind) == (29, ParagraphKind.HEADING)
    assert any(p.text == "Still from video shared on social media, February 2025" for p in panel.paragraphs)


def test_a_list_numbered_anew_after_a_heading_keeps_its_printed_numbers(corpus: Path) -> None:
    # S/2025/356 ends its body at paragraph 86; annex 3, under its heading, numbers its topics "1." to "10."
    panel = parse(corpus / "un-mixed-2025" / "S_2025_356.en.pdf")
    topics = [p for p in panel.paragraphs if p.section == "Annex 3: Other human rights violations" and p.label]
    assert [p.label for p in topics] == [str(n) for n in range(1, 11)]
    assert topics[0].text == "Recruitment of children" and topics[0].parent is None
    assert not any(p.label.startswith("86.") for p in panel.paragraphs if p.label)
    assert len({p.key for p in panel.paragraphs}) == len(panel.paragraphs)  # "1" again gets a key of its own


def test_items_of_a_paragraph_numbered_again_hang_under_it(corpus: Path) -> None:
    # S/RES/2776 (2025), annex, Part I: "1. Explosive materials …" then "(a) Nitrocellulose …", while the
    # resolution's own paragraph 1 is "Recalls its decisions …"
    doc = parse(corpus / "un-mixed-2025" / "S_RES_2776 (2025).en.pdf")
    by_key = {p.key: p for p in doc.paragraphs}
    item = next(p for p in doc.paragraphs if p.text.startswith("Nitrocellulose"))
    parent = by_key[item.parent or ""]
    assert (item.label, parent.label, parent.page) == ("1 (a)", "1", 14)
    assert parent.text.startswith("Explosive materials and precursors")
    assert by_key["1"].text.startswith("Recalls its decisions")


def test_a_ruled_table_is_one_paragraph_a_row_a_line_however_its_rows_are_numbered(corpus: Path) -> None:
    # S/2025/472, annex: the MSS's personnel by contributing country, rows numbered "1." to "6.", and the courses
    # it gave, a table of 27 numbered rows running over pages 20 to 22
    doc = parse(corpus / "un-mixed-2025" / "S_2025_472.en.pdf")
    tables = [p for p in doc.paragraphs if p.kind is ParagraphKind.TABLE]
    assert [t.page for t in tables] == [16, 20]
    staff = tables[0].text.split("\n")
    assert staff[0] == "S/NO | PCC | NO. OF PERSONNEL"
    assert staff[1] == "1. | Kenya | 734" and staff[-1] == "Total |  | 991"
    courses = tables[1].text.split("\n")
    assert courses[2].startswith("2. | Fire support weapon training (M240 & M249) (KENCON 3) | 30 Dec 24 - 4 Jan 25 |")
    assert courses[-1].startswith("27. | Induction Training on Ground on Air Evacuation | 26 - 27 Feb 25 |")
    assert sum(row.split(" | ")[0].rstrip(".").isdigit() for row in courses) == 27  # header not repeated
    assert all(t.label is None and t.parent is None for t in tables)
    # the rows are no paragraphs: "1" to "27" are the report's own paragraph numbers only, each once
    numbered = [p.label for p in doc.paragraphs if p.label and p.label.isdigit()]
    assert len(numbered) == len(set(numbered))
    assert [p.label for p in doc.paragraphs[tables[1].index + 1:tables[1].index + 3]] == [None, "62"]  # numbering goes on


def test_a_tables_figures_set_small_are_kept(corpus: Path) -> None:
    # S/2025/383, annex II: MINUSCA's military and police strength, figures set smaller than the country names
    doc = parse(corpus / "un-mixed-2025" / "S_2025_383.en.pdf")
    strength = next(p for p in doc.paragraphs if p.kind is ParagraphKind.TABLE)
    assert strength.page == 22 and strength.section.endswith("military and police strength as at 1 June 2025")
    rows = strength.text.split("\n")
    assert "Bangladesh | 13 | 35 | 1 373 | 1 421 | – | 7" in rows
    assert not any(p.text == "Argentina" for p in doc.paragraphs)


def test_a_table_with_rules_above_and_below_its_rows_only(corpus: Path) -> None:
    # A/80/44 (Committee against Torture): the reports considered, set between level rules with no upright ones
    doc = parse(corpus / "un-mixed-2025" / "A_80_44.en.pdf")
    tables = [p for p in doc.paragraphs if p.kind is ParagraphKind.TABLE]
    assert tables[0].text.split("\n")[:2] == [
        "Party | Country rapporteurs | Report | Concluding observations",
        "Côte d’Ivoire | Abderrazak Rouwane Todd Buchwald | Initial report (CAT/C/CIV/1) | CAT/C/CIV/CO/1"]
    assert any("Claude Heller (Chair) | Mexico | 2027" in t.text for t in tables)
