"""(b) A Security Council resolution establishing a panel of experts."""

from __future__ import annotations

from ingest.demo.model import Block, DemoDocument, Expected
from ingest.demo.model import BlockKind as K

BLOCKS = (
    Block(K.PLAIN, "*The Security Council*,"),
    Block(K.PREAMBULAR, "*Recalling* its resolutions 1674 (2006) and 2417 (2018), and paragraphs 138 and 139 of "
          "General Assembly resolution 60/1 on the responsibility to protect populations from genocide, war "
          "crimes, ethnic cleansing and crimes against humanity,"),
    Block(K.PREAMBULAR, "*Reaffirming* its strong commitment to the sovereignty, independence, unity and "
          "territorial integrity of Eastland,"),
    Block(K.PREAMBULAR, "*Deeply concerned* by reports of attacks against civilians and civilian objects in the "
          "border provinces of Eastland, and by the displacement of more than 150,000 people,"),
    Block(K.PREAMBULAR, "*Noting with concern* the flow of arms and related materiel to armed groups in the "
          "border provinces,"),
    Block(K.PREAMBULAR, "*Welcoming* the establishment by the Human Rights Council of the Independent Commission "
          "of Inquiry on Eastland,[fn: Human Rights Council resolution S-90/1.]"),
    Block(K.PREAMBULAR, "*Recognizing* that each State has the primary responsibility to protect its "
          "populations, and that the international community should encourage and help States to exercise "
          "this responsibility,"),
    Block(K.PREAMBULAR, "*Stressing* the importance of early warning of the risk of atrocity crimes, and of "
          "cooperation between the United Nations and regional organizations in this regard,"),
    Block(K.PREAMBULAR, "*Taking note* of the statements of the Special Rapporteur on the situation of human "
          "rights in Eastland on the arbitrary detention of members of the Lowland community,"),
    Block(K.PREAMBULAR, "*Bearing in mind* the regional dimension of the crisis, including the arrival of "
          "refugees from Eastland in neighbouring States,"),
    Block(K.PREAMBULAR, "*Determining* that the situation in Eastland constitutes a threat to international "
          "peace and security in the region,"),
    Block(K.PREAMBULAR, "*Acting* under Chapter VII of the Charter of the United Nations,"),
    Block(K.OPERATIVE, "*Demands* that all parties to the conflict in Eastland immediately cease attacks against "
          "civilians and comply with their obligations under international humanitarian law;", "1."),
    Block(K.OPERATIVE, "*Decides* that all Member States shall take the measures necessary to prevent the direct "
          "or indirect supply, sale or transfer of arms and related materiel to armed groups operating in the "
          "border provinces of Eastland;", "2."),
    Block(K.OPERATIVE, "*Decides* to establish a Committee of the Security Council consisting of all the members "
          "of the Council to oversee the measures imposed by paragraph 2 above;", "3."),
    Block(K.OPERATIVE, "*Decides* to establish, for an initial period of twelve months, a Panel of Experts on "
          "Eastland of up to five members, under the direction of the Committee, with the following mandate:",
          "4."),
    Block(K.SUBPARAGRAPH, "To gather, examine and analyse information on the implementation of the measures "
          "imposed by paragraph 2 above;", "(a)"),
    Block(K.SUBPARAGRAPH, "To identify individuals and entities responsible for attacks against civilians or for "
          "the obstruction of humanitarian assistance;", "(b)"),
    Block(K.SUBPARAGRAPH, "To submit a final report to the Council, after discussion with the Committee, no later "
          "than 30 days before the end of its mandate;", "(c)"),
    Block(K.OPERATIVE, "*Requests* the Secretary-General to report to the Council within 60 days on the protection "
          "of populations in Eastland, including on early warning of atrocity crimes;", "5."),
    Block(K.OPERATIVE, "*Urges* the Government of Eastland to grant humanitarian agencies safe, rapid and "
          "unhindered access to all people in need;", "6."),
    Block(K.OPERATIVE, "*Calls upon* all Member States and regional organizations to cooperate fully with the "
          "Panel of Experts on Eastland and to share relevant information with it;", "7."),
    Block(K.OPERATIVE, "*Encourages* the Government of Eastland to cooperate with the Independent Commission of "
          "Inquiry on Eastland and with the Special Rapporteur on the situation of human rights in Eastland;",
          "8."),
    Block(K.OPERATIVE, "*Requests* the Panel of Experts on Eastland to provide a mid-term update to the Council "
          "no later than six months after its appointment, and to submit its recommendations on measures that "
          "could reduce the risk of further violence against civilians;", "9."),
    Block(K.OPERATIVE, "*Strongly condemns* all incitement to violence against civilians on the basis of their "
          "ethnic or religious identity, and *calls upon* the Government of Eastland to hold accountable those "
          "responsible for such incitement;", "10."),
    Block(K.OPERATIVE, "*Stresses* that the protection of civilians must be a priority of the United Nations "
          "Stabilization Mission in Eastland, and *requests* the Mission to strengthen its early warning and "
          "rapid response capacities in the border provinces;", "11."),
    Block(K.OPERATIVE, "*Invites* regional organizations to share with the Committee any information on "
          "violations of the measures imposed by paragraph 2 above;", "12."),
    Block(K.OPERATIVE, "*Expresses its intention* to review the measures imposed by paragraph 2 above in the "
          "light of the reports of the Panel of Experts and of the Secretary-General;", "13."),
    Block(K.OPERATIVE, "*Requests* the Secretary-General to take the administrative measures necessary to "
          "establish the Panel of Experts on Eastland expeditiously, drawing on the expertise of the members of "
          "panels established under other sanctions regimes;", "14."),
    Block(K.OPERATIVE, "*Urges* all parties to facilitate the safe, voluntary and dignified return of displaced "
          "persons to their places of origin, and to respect the civilian character of camps for displaced "
          "persons;", "15."),
    Block(K.OPERATIVE, "*Encourages* Member States to provide support to the countries hosting refugees from "
          "Eastland, in coordination with the United Nations High Commissioner for Refugees;", "16."),
    Block(K.OPERATIVE, "*Requests* the Committee to report to the Council within 90 days on its work, and "
          "thereafter at least once a year, and to consider designating individuals and entities found by the "
          "Panel of Experts to have obstructed humanitarian assistance;", "17."),
    Block(K.OPERATIVE, "*Emphasizes* that those responsible for violations of international humanitarian law "
          "and violations and abuses of human rights in Eastland must be held accountable, and *encourages* "
          "the Government of Eastland to cooperate with international and regional accountability "
          "mechanisms;", "18."),
    Block(K.OPERATIVE, "*Decides* to remain seized of the matter.", "19."),
)

RESOLUTION = DemoDocument(
    filename="demo-S_RES_9901_2026.pdf",
    symbol="S/RES/9901 (2026)",
    organs=("Security Council",),
    date="15 January 2026",
    job="26-90002 (E)",
    job_date="150126",
    session=(),
    title=("Resolution 9901 (2026)",),
    subtitle="Adopted by the Security Council at its 9990th meeting, on 15 January 2026",
    blocks=BLOCKS,
    expected=Expected(
        labels=("1", "2", "3", "4", "4 (a)", "4 (b)", "4 (c)", *(str(n) for n in range(5, 20))),
        citations=("S/RES/1674 (2006)", "S/RES/2417 (2018)", "A/RES/60/1", "A/HRC/RES/S-90/1"),
        footnotes=1,
    ),
)

OPERATIVE_VERBS = ("Demands", "Decides", "Decides", "Decides", "Requests", "Urges", "Calls upon", "Encourages",
                   "Requests", "Strongly condemns", "Stresses", "Invites", "Expresses its intention", "Requests",
                   "Urges", "Encourages", "Requests", "Emphasizes", "Decides")
PREAMBULAR_VERBS = ("Recalling", "Reaffirming", "Deeply concerned", "Noting with concern", "Welcoming",
                    "Recognizing", "Stressing", "Taking note", "Bearing in mind", "Determining", "Acting")
