"""(d) A report of the Working Group on the Universal Periodic Review, with numbered recommendations.

The State under review and the recommending States are fictional, so that no real State is said
to have made or received a recommendation.
"""

from __future__ import annotations

from ingest.demo.model import Block, DemoDocument, Expected
from ingest.demo.model import BlockKind as K

RECOMMENDATIONS = (
    "Ratify the Rome Statute of the International Criminal Court (Eastland, Westvale)",
    ("Ratify the International Convention for the Protection of All Persons from Enforced Disappearance "
    "(Southport)"),
    ("Establish a national human rights institution in full compliance with the Paris Principles (Lakeshire, "
    "Highmoor, Westvale)"),
    ("Adopt a national action plan for the prevention of atrocity crimes and appoint a national focal point "
    "for the responsibility to protect (Rivermark)"),
    ("Criminalize incitement to violence on ethnic or religious grounds, in line with international "
    "standards (Eastland)"),
    ("Ensure that all persons deprived of their liberty have prompt access to a lawyer and to a judge "
    "(Southport, Lakeshire)"),
    "Extend a standing invitation to the special procedures of the Human Rights Council (Highmoor)",
    ("Guarantee the safety of journalists and human rights defenders, and investigate all attacks against "
    "them (Westvale)"),
    "Strengthen cooperation with regional early warning mechanisms (Rivermark, Eastland)",
    "Provide human rights training to the police and the armed forces (Lakeshire)",
    "Adopt legislation to protect refugees and asylum seekers, including those arriving from Eastland (Westvale)",
    "Collect data on hate crimes, disaggregated by the grounds of discrimination (Southport)",
    "Ensure the independence of the judiciary, including in the appointment of judges (Highmoor)",
    ("Continue its cooperation with the Office of the United Nations High Commissioner for Human Rights "
    "(Rivermark)"),
)

BLOCKS = (
    Block(K.HEADING, "Introduction"),
    Block(K.PARAGRAPH, "The Working Group on the Universal Periodic Review, established in accordance with Human "
          "Rights Council resolution 5/1, held its ninety-ninth session from 2 to 13 November 2025. The review "
          "of Northmark was held at the 5th meeting, on 4 November 2025.", "1."),
    Block(K.PARAGRAPH, "On 15 January 2025, the Human Rights Council selected the following group of rapporteurs "
          "(troika) to facilitate the review of Northmark: Eastland, Lakeshire and Southport.", "2."),
    Block(K.PARAGRAPH, "The documents for the review of Northmark were a national report, a compilation prepared "
          "by the Office of the United Nations High Commissioner for Human Rights and a summary of the "
          "submissions of stakeholders. A list of questions prepared in advance by several States was "
          "transmitted to Northmark through the troika.", "3."),
    Block(K.PARAGRAPH, "The delegation of Northmark was headed by the Minister of Justice. At its 10th meeting, "
          "held on 7 November 2025, the Working Group adopted the report on Northmark.", "4."),
    Block(K.HEADING, "Summary of the proceedings of the review process", "I."),
    Block(K.SUBHEADING, "Presentation by the State under review", "A."),
    Block(K.PARAGRAPH, "The delegation stated that Northmark had adopted a new law on non-discrimination and had "
          "opened an office for the protection of minorities in each province.", "5."),
    Block(K.SUBHEADING, "Interactive dialogue and responses by the State under review", "B."),
    Block(K.PARAGRAPH, "During the interactive dialogue, 42 delegations made statements. Several delegations "
          "expressed concern about the effect of the conflict in neighbouring Eastland on refugees in "
          "Northmark.[fn: See A/80/9001-S/2026/9001.]", "6."),
    Block(K.PARAGRAPH, "Delegations welcomed the adoption of the law on non-discrimination and the cooperation "
          "of Northmark with the special procedures. Some delegations encouraged Northmark to ratify the "
          "remaining core international human rights instruments and the Rome Statute of the International "
          "Criminal Court.", "7."),
    Block(K.PARAGRAPH, "In response, the delegation stated that a bill on the ratification of the Rome Statute "
          "was before Parliament and that the Government had begun consultations on a national human rights "
          "institution. It also described measures taken to receive refugees from Eastland and to prevent "
          "hate speech against them.", "8."),
    Block(K.PARAGRAPH, "Several delegations asked about the situation of refugees from Eastland. The "
          "delegation explained that more than 20,000 refugees had been registered, that refugee children "
          "attended national schools and that a hotline had been set up to report hate speech and threats "
          "against them.", "9."),
    Block(K.PARAGRAPH, "Other delegations raised the independence of the judiciary, the conditions of "
          "detention in provincial prisons and the protection of journalists. The delegation stated that a "
          "new prison was under construction, that the pretrial detention rate had fallen by a third since "
          "the previous review, and that two cases of attacks against journalists had been brought to trial. "
          "It added that a national plan for the prevention of violence against minorities was being drafted "
          "with the support of the United Nations country team.", "10."),
    Block(K.PARAGRAPH, "Concluding the dialogue, the head of the delegation thanked the delegations for their "
          "recommendations and stated that Northmark would examine them in consultation with civil society "
          "and the national parliament.", "11."),
    Block(K.HEADING, "Conclusions and/or recommendations", "II."),
    Block(K.PARAGRAPH, "The following recommendations will be examined by Northmark, which will provide responses "
          "in due time, but no later than the sixty-first session of the Human Rights Council:", "12."),
    *(Block(K.RECOMMENDATION, text + (";" if i < len(RECOMMENDATIONS) else "."), f"12.{i}.")
      for i, text in enumerate(RECOMMENDATIONS, start=1)),
    Block(K.PARAGRAPH, "All conclusions and/or recommendations contained in the present report reflect the "
          "position of the submitting State(s) and/or the State under review. They should not be construed as "
          "endorsed by the Working Group as a whole.", "13."),
)

SESSION = (("Human Rights Council", "Sixty-first session", "23 February-2 April 2026", "Agenda item 6",
            "Universal periodic review"),)
TITLE = ("Report of the Working Group on the Universal", "Periodic Review")

UPR = DemoDocument(
    filename="demo-A_HRC_61_9003.pdf",
    symbol="A/HRC/61/9003",
    organs=("General Assembly",),
    date="1 December 2025",
    job="GE.25-90004(E)",
    job_date="",
    session=SESSION,
    title=TITLE,
    subtitle="Northmark",
    blocks=BLOCKS,
    expected=Expected(
        labels=("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
                *(f"12.{i}" for i in range(1, len(RECOMMENDATIONS) + 1)), "13"),
        citations=("A/HRC/RES/5/1", "A/80/9001", "S/2026/9001"),
        footnotes=1,
    ),
)

ADDENDUM_BLOCKS = (
    Block(K.HEADING, "Addendum"),
    Block(K.HEADING, "Views on conclusions and/or recommendations, voluntary commitments and replies presented by "
          "the State under review"),
    Block(K.PARAGRAPH, "This document sets out the responses of the Government of Northmark to the "
          f"{len(RECOMMENDATIONS)} recommendations it received during its review on 4 November 2025. The "
          "Government consulted civil society and the national parliament before deciding on each of them.", "1."),
    Block(K.HEADING, "Supported recommendations", "I."),
    Block(K.PARAGRAPH, "The Government supports the following recommendations: 12.1, 12.3-7, 12.9, 12.10 and "
          "12.12-14.", "2."),
    Block(K.PARAGRAPH, "A bill on the ratification of the Rome Statute of the International Criminal Court was "
          "adopted by Parliament in January 2026, and the national human rights institution will be "
          "established by the end of 2026.", "3."),
    Block(K.HEADING, "Noted recommendations", "II."),
    Block(K.PARAGRAPH, "The Government takes note of recommendations 12.2, 12.8 and 12.11.", "4."),
    Block(K.PARAGRAPH, "The Government is not yet in a position to ratify the Convention on enforced "
          "disappearance; legislation on refugees and on attacks against journalists is under review.", "5."),
)

UPR_ADDENDUM = DemoDocument(
    filename="demo-A_HRC_61_9003_Add.1.pdf",
    symbol="A/HRC/61/9003/Add.1",
    organs=("General Assembly",),
    date="2 March 2026",
    job="GE.26-90005(E)",
    job_date="",
    session=SESSION,
    title=TITLE,
    subtitle="Northmark",
    blocks=ADDENDUM_BLOCKS,
    expected=Expected(labels=("1", "2", "3", "4", "5"), citations=(), footnotes=0),
)
