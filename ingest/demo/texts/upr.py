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
)

BLOCKS = (
    Block(K.HEADING, "Introduction"),
    Block(K.PARAGRAPH, "The Working Group on the Universal Periodic Review, established in accordance with Human "
          "Rights Council resolution 5/1, held its ninety-ninth session from 2 to 13 November 2025. The review "
          "of Northmark was held at the 5th meeting, on 4 November 2025.", "1."),
    Block(K.PARAGRAPH, "The delegation of Northmark was headed by the Minister of Justice. At its 10th meeting, "
          "held on 7 November 2025, the Working Group adopted the report on Northmark.", "2."),
    Block(K.HEADING, "Summary of the proceedings of the review process", "I."),
    Block(K.SUBHEADING, "Presentation by the State under review", "A."),
    Block(K.PARAGRAPH, "The delegation stated that Northmark had adopted a new law on non-discrimination and had "
          "opened an office for the protection of minorities in each province.", "3."),
    Block(K.SUBHEADING, "Interactive dialogue and responses by the State under review", "B."),
    Block(K.PARAGRAPH, "During the interactive dialogue, 42 delegations made statements. Several delegations "
          "expressed concern about the effect of the conflict in neighbouring Eastland on refugees in "
          "Northmark.[fn: See A/80/9001-S/2026/9001.]", "4."),
    Block(K.HEADING, "Conclusions and/or recommendations", "II."),
    Block(K.PARAGRAPH, "The following recommendations will be examined by Northmark, which will provide responses "
          "in due time, but no later than the sixty-first session of the Human Rights Council:", "5."),
    *(Block(K.RECOMMENDATION, text + (";" if i < len(RECOMMENDATIONS) else "."), f"5.{i}.")
      for i, text in enumerate(RECOMMENDATIONS, start=1)),
    Block(K.PARAGRAPH, "All conclusions and/or recommendations contained in the present report reflect the "
          "position of the submitting State(s) and/or the State under review. They should not be construed as "
          "endorsed by the Working Group as a whole.", "6."),
)

UPR = DemoDocument(
    filename="demo-A_HRC_61_9003.pdf",
    symbol="A/HRC/61/9003",
    organs=("General Assembly",),
    date="1 December 2025",
    job="GE.25-90004(E)",
    job_date="",
    session=(("Human Rights Council", "Sixty-first session", "23 February-2 April 2026", "Agenda item 6",
              "Universal periodic review"),),
    title=("Report of the Working Group on the Universal", "Periodic Review"),
    subtitle="Northmark",
    blocks=BLOCKS,
    expected=Expected(
        labels=("1", "2", "3", "4", "5", *(f"5.{i}" for i in range(1, len(RECOMMENDATIONS) + 1)), "6"),
        citations=("A/HRC/RES/5/1", "A/80/9001", "S/2026/9001"),
        footnotes=1,
    ),
)
