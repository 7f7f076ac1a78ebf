"""(c) A report of a Special Rapporteur to the Human Rights Council, with recommendations."""

from __future__ import annotations

from ingest.demo.model import Block, DemoDocument, Expected
from ingest.demo.model import BlockKind as K

BLOCKS = (
    Block(K.HEADING, "Introduction", "I."),
    Block(K.PARAGRAPH, "The present report is submitted pursuant to Human Rights Council resolution S-90/1, by "
          "which the Council established the mandate of the Special Rapporteur on the situation of human "
          "rights in Eastland. It covers the first four months of the mandate.", "1."),
    Block(K.PARAGRAPH, "The Special Rapporteur requested access to Eastland on three occasions and has received "
          "no reply. The report therefore draws on 112 interviews with displaced persons and refugees in "
          "neighbouring States, on documents and on satellite imagery.", "2."),
    Block(K.PARAGRAPH, "The Special Rapporteur thanks the Governments of the neighbouring States that "
          "facilitated her visits to refugee settlements, and the organizations of civil society that shared "
          "information with the mandate. She regrets that the Government of Eastland did not comment on the "
          "draft of the present report.", "3."),
    Block(K.HEADING, "Human rights situation", "II."),
    Block(K.SUBHEADING, "Arbitrary detention", "A."),
    Block(K.PARAGRAPH, "Since the emergency regulations of October 2025 entered into force, members of the Lowland "
          "community have been detained without charge for periods of up to four months. Former detainees "
          "described interrogations without counsel and overcrowded cells.", "4."),
    Block(K.PARAGRAPH, "Deprivation of life that results from such detention would be arbitrary under "
          "international human rights law.[fn: Human Rights Committee, general comment No. 36 (2018), "
          "CCPR/C/GC/36.] The Special Rapporteur is particularly concerned about:", "5."),
    Block(K.SUBPARAGRAPH, "Deaths in custody that have not been investigated;", "(a)"),
    Block(K.SUBPARAGRAPH, "The detention of children together with adults;", "(b)"),
    Block(K.SUBPARAGRAPH, "The refusal of visits by family members and lawyers.", "(c)"),
    Block(K.PARAGRAPH, "Several former detainees told the Special Rapporteur that they had been questioned "
          "about their religious practice and their family ties with displaced persons across the border. "
          "Some were released only after relatives had paid officials.", "6."),
    Block(K.SUBHEADING, "Hate speech and incitement", "B."),
    Block(K.PARAGRAPH, "Local officials and media close to the authorities have described the Lowland minority "
          "as enemies of the nation. Such statements, repeated after each armed clash, have been followed by "
          "attacks on Lowland homes and places of worship.", "7."),
    Block(K.PARAGRAPH, "The Special Rapporteur received copies of leaflets distributed in two provincial "
          "capitals that call for the expulsion of the Lowland community. Schools run by the community were "
          "closed by decree in November 2025, and teachers were dismissed.", "8."),
    Block(K.SUBHEADING, "Humanitarian access", "C."),
    Block(K.PARAGRAPH, "Humanitarian organizations reported that convoys to the northern districts were "
          "refused authorization on 23 occasions during the period under review. The withholding of food "
          "and medical supplies has a disproportionate effect on children, older persons and persons with "
          "disabilities.", "9."),
    Block(K.SUBHEADING, "Accountability", "D."),
    Block(K.PARAGRAPH, "No member of the security forces has been prosecuted for the events described above. "
          "The Special Rapporteur welcomes the establishment by the Security Council of a Panel of Experts "
          "on Eastland,[fn: Security Council resolution 9901 (2026), para. 4.] which should help to identify "
          "those responsible.", "10."),
    Block(K.SUBHEADING, "Women and children", "E."),
    Block(K.PARAGRAPH, "Women from the Lowland community described threats of sexual violence at checkpoints "
          "and during house searches. Survivors rarely report such violence, for fear of reprisals and "
          "because no service is available to them in the border provinces.", "11."),
    Block(K.PARAGRAPH, "Children have been recruited by armed groups in camps for displaced persons, and at "
          "least 40 schools have been used for military purposes. The closure of community schools has left "
          "thousands of children without any education.", "12."),
    Block(K.PARAGRAPH, "Humanitarian partners estimate that one child in five in the camps for displaced "
          "persons suffers from acute malnutrition. The Special Rapporteur is alarmed that the authorities have "
          "restricted the delivery of nutritional supplies to the camps, and recalls that the obstruction of "
          "relief supplies may amount to a violation of international humanitarian law.", "13."),
    Block(K.HEADING, "Conclusions and recommendations", "III."),
    Block(K.PARAGRAPH, "The pattern of detention, incitement and impunity described in the present report shows "
          "a serious risk of atrocity crimes against the Lowland minority.", "14."),
    Block(K.PARAGRAPH, "The Special Rapporteur recommends that the Government of Eastland:", "15."),
    Block(K.SUBPARAGRAPH, "Release all persons detained under the emergency regulations without charge;", "(a)"),
    Block(K.SUBPARAGRAPH, "Investigate promptly and impartially all deaths in custody;", "(b)"),
    Block(K.SUBPARAGRAPH, "Cooperate fully with the mandate and grant it access to the country.", "(c)"),
    Block(K.PARAGRAPH, "The Special Rapporteur recommends that Member States support the documentation of "
          "violations and ensure that refugees from Eastland are not returned to face persecution.", "16."),
    Block(K.PARAGRAPH, "The Special Rapporteur recommends that the Human Rights Council extend the mandate for a "
          "further year.", "17."),
)

SPECIAL = DemoDocument(
    filename="demo-A_HRC_61_9002.pdf",
    symbol="A/HRC/61/9002",
    organs=("General Assembly",),
    date="20 January 2026",
    job="GE.26-90003(E)",
    job_date="",
    session=(("Human Rights Council", "Sixty-first session", "23 February-2 April 2026", "Agenda item 4",
              "Human rights situations that require", "the Council's attention"),),
    title=("Situation of human rights in Eastland",),
    subtitle="Report of the Special Rapporteur on the situation of human rights in Eastland",
    blocks=BLOCKS,
    expected=Expected(
        labels=("1", "2", "3", "4", "5", "5 (a)", "5 (b)", "5 (c)", "6", "7", "8", "9", "10", "11", "12", "13",
                "14", "15", "15 (a)", "15 (b)", "15 (c)", "16", "17"),
        citations=("A/HRC/RES/S-90/1", "CCPR/C/GC/36", "S/RES/9901 (2026)"),
        footnotes=2,
    ),
)
