"""(a) A joint General Assembly and Security Council report of the Secretary-General."""

from __future__ import annotations

from ingest.demo.model import Block, DemoDocument, Expected
from ingest.demo.model import BlockKind as K

BLOCKS = (
    Block(K.HEADING, "Introduction", "I."),
    Block(K.PARAGRAPH, "The present report is submitted pursuant to Security Council resolution 9901 (2026), in "
          "which the Council requested me to report on the protection of populations in Eastland, and in "
          "response to the continued interest of the General Assembly in the prevention of atrocity crimes."
          "[fn: See also A/69/981-S/2015/500.] It covers the period from 1 July to 31 December 2025.", "1."),
    Block(K.PARAGRAPH, "In paragraphs 138 and 139 of the 2005 World Summit Outcome, Heads of State and Government "
          "affirmed the responsibility of each individual State to protect its populations from genocide, war "
          "crimes, ethnic cleansing and crimes against humanity.[fn: General Assembly resolution 60/1, paras. 138 "
          "and 139.] The present report assesses the situation in Eastland against that commitment and sets out "
          "what national, regional and international actors can still do to prevent the worst.", "2."),
    Block(K.HEADING, "Situation of populations in Eastland", "II."),
    Block(K.SUBHEADING, "Armed conflict and displacement", "A."),
    Block(K.PARAGRAPH, "Fighting between the armed forces of Eastland and the Northern Liberation Front intensified "
          "in the border provinces during the reporting period. The United Nations Stabilization Mission in "
          "Eastland (UNSME) recorded 214 incidents affecting civilians, including attacks on markets, schools "
          "and health facilities, and the destruction of water points on which whole villages depend.", "3."),
    Block(K.PARAGRAPH, "More than 180,000 people were displaced, most of them women and children. Humanitarian "
          "access to the northern districts was obstructed for weeks at a time, and relief convoys were "
          "turned back at checkpoints. Such obstruction, and the use of hunger against civilians, were "
          "condemned by the Security Council in its resolution 2417 (2018).[fn: Security Council resolution "
          "2417 (2018).]", "4."),
    Block(K.SUBHEADING, "Risk factors", "B."),
    Block(K.PARAGRAPH, "Several risk factors set out in the Framework of Analysis for Atrocity Crimes are present "
          "in Eastland:", "5."),
    Block(K.SUBPARAGRAPH, "Hate speech targeting the Lowland minority has spread on social media, including "
          "calls for violence by local officials, without any response from the authorities;", "(a)"),
    Block(K.SUBPARAGRAPH, "Emergency regulations adopted in October 2025 restrict the movement of journalists "
          "and humanitarian personnel and allow detention without judicial review;", "(b)"),
    Block(K.SUBPARAGRAPH, "Armed groups continue to recruit in the camps for displaced persons, and arms flow "
          "across the border in spite of the embargo.", "(c)"),
    Block(K.PARAGRAPH, "The Special Rapporteur on the situation of human rights in Eastland documented the "
          "arbitrary detention of members of the Lowland community and the closure of their schools and "
          "places of worship.[fn: See A/HRC/61/9002.] Patterns of this kind have preceded atrocity crimes "
          "elsewhere and call for early action.", "6."),
    Block(K.HEADING, "Action by the United Nations and regional organizations", "III."),
    Block(K.PARAGRAPH, "The Independent Commission of Inquiry on Eastland, established by the Human Rights "
          "Council in its resolution S-90/1, began its investigations in September 2025 and has been refused "
          "access to the country. It continues to gather evidence from displaced persons and refugees.", "7."),
    Block(K.PARAGRAPH, "The Security Council established a Panel of Experts on Eastland to monitor the arms "
          "embargo and to identify those responsible for violations.[fn: S/RES/9901 (2026), paras. 3 and 4.] "
          "The Panel is expected to submit its first report within six months.", "8."),
    Block(K.PARAGRAPH, "UNSME continued to protect civilians under threat of physical violence, as the Council "
          "has required of peace operations since its resolution 1674 (2006), and opened two temporary "
          "operating bases near the main sites of displacement.", "9."),
    Block(K.PARAGRAPH, "The Eastern Regional Community deployed human rights observers to the border provinces, "
          "and Northmark, a neighbouring State, accepted recommendations made during its universal periodic "
          "review to strengthen its national prevention mechanisms.[fn: See A/HRC/61/9003.]", "10."),
    Block(K.HEADING, "Conclusions and recommendations", "IV."),
    Block(K.PARAGRAPH, "The situation in Eastland shows a persistent and growing risk of atrocity crimes. Early "
          "action is still possible, and the responsibility to act lies first with the Government.", "11."),
    Block(K.PARAGRAPH, "I call upon the Government of Eastland:", "12."),
    Block(K.SUBPARAGRAPH, "To repeal the emergency regulations of October 2025 and to release all persons "
          "detained without charge;", "(a)"),
    Block(K.SUBPARAGRAPH, "To condemn publicly all incitement to violence against the Lowland minority and to "
          "hold its authors accountable;", "(b)"),
    Block(K.SUBPARAGRAPH, "To grant the Independent Commission of Inquiry on Eastland and the Special "
          "Rapporteur unhindered access to the country.", "(c)"),
    Block(K.PARAGRAPH, "I urge the Security Council to support the Panel of Experts on Eastland and to consider "
          "targeted measures against those who obstruct humanitarian access.", "13."),
    Block(K.PARAGRAPH, "Member States are encouraged to appoint national focal points for the responsibility to "
          "protect and to share early warning information with the United Nations.", "14."),
    Block(K.PARAGRAPH, "Regional organizations should expand their observer presence in the border provinces "
          "and support mediation between the parties.", "15."),
    Block(K.PARAGRAPH, "I recommend that the Human Rights Council remain seized of the situation in Eastland and "
          "that the Office of the United Nations High Commissioner for Human Rights strengthen its monitoring "
          "of hate speech in the country.", "16."),
)

LABELS = ("1", "2", "3", "4", "5", "5 (a)", "5 (b)", "5 (c)", "6", "7", "8", "9", "10", "11", "12",
          "12 (a)", "12 (b)", "12 (c)", "13", "14", "15", "16")

REPORT = DemoDocument(
    filename="demo-A_80_9001-S_2026_9001.pdf",
    symbol="A/80/9001-S/2026/9001",
    organs=("General Assembly", "Security Council"),
    date="12 March 2026",
    job="26-90001 (E)",
    job_date="120326",
    session=(
        ("General Assembly", "Eightieth session", "Agenda items 34 and 131", "Prevention of armed conflict",
         "The responsibility to protect"),
        ("Security Council", "Eighty-first year"),
    ),
    title=("Protection of populations in Eastland: early warning", "and the prevention of atrocity crimes"),
    subtitle="Report of the Secretary-General",
    blocks=BLOCKS,
    expected=Expected(
        labels=LABELS,
        citations=("A/69/981", "S/2015/500", "A/RES/60/1", "S/RES/2417 (2018)", "A/HRC/61/9002",
                   "S/RES/9901 (2026)", "S/RES/1674 (2006)", "A/HRC/61/9003", "A/HRC/RES/S-90/1"),
        footnotes=6,
    ),
)
