# ruff: noqa: E501  (news paragraphs are single lines; gold text is generated from them)
"""English article texts (fiction written for this project). See README.md.

Body: paragraphs separated by blank lines; a line starting with "## " is an in-body
subheading (part of the gold text). ``captions`` maps a paragraph index to the
photo caption inserted after it (not part of the gold text).
"""

ARTICLES = [
    dict(
        n=1,
        slug="uzbek-copper-concession",
        lang="en",
        host="www.caspian-ledger.example",
        outlet="The Caspian Ledger",
        section="Business",
        path="business/2026/03/10/karatau-kyzyltepa-copper-concession",
        title="Karatau Resources wins Uzbek copper concession after two-year tender",
        author="Aigerim Nurlanova",
        date="2026-03-10T08:41:00+05:00",
        summary=(
            "A Kazakh-listed miner has secured a long-sought copper concession in Central Asia, "
            "ending a tender that dragged on for two years."
        ),
        key=(
            "The company signed a mining contract with the Uzbek company Zarafshan Polymetal Holding "
            "on Monday evening, according to a filing with the Astana exchange."
        ),
        layout=["nav", "related", "article", "byline", "share", "jsonld", "captions", "author-bio"],
        captions={1: "The Kyzyltepa site in Navoi region, photographed in 2023. Photo: Ledger archive"},
        body="""\
TASHKENT — Karatau Resources said on Tuesday it had won the right to develop the Kyzyltepa copper deposit in Uzbekistan's Navoi region, closing a tender that opened in the spring of 2024 and was twice postponed.

The company signed a mining contract with the Uzbek company Zarafshan Polymetal Holding on Monday evening, according to a filing with the Astana exchange. Under the agreement the two will form a joint venture with a 51 to 49 split in Karatau's favour, and the Uzbek partner will contribute the licence and existing infrastructure at the site.

Kyzyltepa holds an estimated 410 million tonnes of ore at an average grade of 0.38 per cent copper, with gold and molybdenum as by-products, according to a 2019 state survey that Karatau has not independently verified.

Chief executive Dana Seitkali told analysts that first production was expected in 2029 and that the company would fund its share of the roughly $1.2 billion development cost with a mix of debt and a planned equity raise.

"We have spent two years in this process and we are pleased with the terms," Seitkali said. "The water question is the one we have to get right, and we will publish the full environmental baseline before construction starts."

Water is a sensitive issue in the Navoi region, where farmers have complained that existing mines draw heavily on the Zarafshan river. Local officials said the new project would be required to recycle at least 80 per cent of its process water.

Shares in Karatau rose 6.4 per cent in Astana trading. Two rival bidders, one from China and one from the United Arab Emirates, withdrew from the tender last year without giving reasons.""",
    ),
    dict(
        n=2,
        slug="port-halden-strike",
        lang="en",
        host="www.northsea-courier.example",
        outlet="North Sea Courier",
        section="Economy",
        path="news/economy/dock-workers-port-halden-walk-out-automation-4481920",
        title="Dock workers at Port Halden walk out over automation plans",
        author="Jonas Aalberg",
        date="2026-02-20T11:05:00+01:00",
        summary=(
            "Thousands of dock workers stopped work at one of the region's busiest container ports "
            "on Friday in a dispute over automated cranes."
        ),
        key=(
            "The Danish carrier Norrline said two of its vessels bound for Halden would discharge in Rotterdam instead."
        ),
        layout=["nav", "comments", "no-article", "byline", "share", "cookie", "comment-articles"],
        body="""\
HALDEN — Around 3,200 dock workers walked off the job at Port Halden on Friday morning, halting container handling at the terminal for the first time since 2011 and leaving at least 14 ships waiting at anchor.

The Harbour and Transport Workers' Union called the 72-hour stoppage after talks with the terminal operator, Halden Gateway Terminals, broke down on Wednesday night over a plan to install 22 remotely operated cranes by 2028.

Union negotiator Petra Lund said the operator had refused to guarantee that no permanent jobs would be lost during the conversion. "They offered retraining, but retraining for what?" she told reporters outside the gate. "Nobody has shown us the roster for the new terminal."

Halden Gateway said in a statement that automation was necessary to compete with larger ports and that it had offered a no-compulsory-redundancy pledge until the end of 2027.

Shipping lines began diverting cargo on Friday afternoon. The Danish carrier Norrline said two of its vessels bound for Halden would discharge in Rotterdam instead. A spokesman for the regional chamber of commerce estimated the cost of the stoppage at 40 million euros a day.

The port authority said ferry traffic and the bulk grain terminal were not affected, and that it had asked both sides to return to mediation on Monday.""",
    ),
    dict(
        n=3,
        slug="valdoria-rates-hold",
        lang="en",
        host="www.meridian-times.example",
        outlet="Meridian Times",
        section="Markets",
        path="markets/central-banks/2026/03/12/bank-of-valdoria-holds-rates-signals-june-cut",
        title="Bank of Valdoria holds rates but signals a cut in June",
        author="Hugo Brennan and Selma Ortiz",
        date="2026-03-12T13:30:00+00:00",
        summary="The central bank left its main rate unchanged at 4.25 per cent on Thursday, as expected by most economists.",
        key=(
            "Two, including deputy governor Tomas Reiber, voted for a cut of a quarter of a percentage point, "
            "the first dissent in favour of lower rates since the tightening cycle began."
        ),
        layout=["nav", "cookie", "ads", "jsonld", "article", "byline", "related", "div-paragraphs"],
        body="""\
The Bank of Valdoria kept its benchmark rate at 4.25 per cent on Thursday for a fourth consecutive meeting, but governor Ilse Marten said the monetary policy committee had discussed a reduction and that "the case for easing is building".

Seven of the nine committee members voted to hold. Two, including deputy governor Tomas Reiber, voted for a cut of a quarter of a percentage point, the first dissent in favour of lower rates since the tightening cycle began.

Inflation fell to 2.6 per cent in February from 3.1 per cent in January, helped by lower energy prices, while core inflation, which strips out food and fuel, eased to 2.9 per cent.

Marten told a press conference that the bank expected inflation to reach its 2 per cent target in the first quarter of next year. "We are not on autopilot," she said. "But if the data in the next two months look like the data of the last two, June is a live meeting."

The valdor weakened 0.7 per cent against the euro after the decision, and two-year government bond yields fell nine basis points to 3.62 per cent, their lowest since August.

Economists at Hartwell Securities said they now expected cuts in June and September, bringing the rate to 3.75 per cent by the end of the year. Others were more cautious, pointing to wage settlements that are still running above 4 per cent.

The next policy decision is due on April 23.""",
    ),
    dict(
        n=4,
        slug="riverbend-water-contract",
        lang="en",
        host="www.riverbend-observer.example",
        outlet="The Riverbend Observer",
        section="Investigations",
        path="investigations/2026/01/inside-the-riverbend-water-contract",
        title="Inside the Riverbend water contract: how a £340m deal went wrong",
        author="Miriam Cole, Investigations Editor",
        date="2026-01-25T06:00:00+00:00",
        summary=(
            "A months-long investigation into the city's water contract finds missed targets, "
            "unpaid penalties and a regulator kept in the dark."
        ),
        key=(
            "An internal audit dated 3 November, seen by the Observer, found that Clearwell Utilities "
            "had billed the council for 11 kilometres of mains replacement that had not been carried out."
        ),
        layout=["nav", "two-column", "captions", "article", "byline", "related", "share", "long", "pullquote"],
        captions={
            2: "A burst main on Harrow Road in August flooded six homes. Photo: Observer",
            9: "Clearwell's depot on the Eastfield estate. Photo: Observer",
            17: "Residents at a public meeting in St Luke's church hall last month. Photo: Observer",
        },
        body="""\
When Riverbend city council signed a fifteen-year contract with Clearwell Utilities in 2019, councillors were told it would end the era of burst mains and brown water. The company promised to replace 140 kilometres of Victorian pipework, cut leakage by a third and answer every emergency call within an hour.

Six years and £340 million later, leakage is almost exactly where it was, the replacement programme is behind schedule and the council has quietly waived more than £9 million in penalties that the contract says it should have collected.

Over five months the Observer has examined more than 2,000 pages of contract documents, board minutes and correspondence obtained under freedom of information law, and spoken to 31 current and former staff at the council, at Clearwell and at the regional regulator. Most asked not to be named because they were not authorised to speak or feared for their jobs.

## The promise

The contract was the largest the council had ever let. It was negotiated over eleven months by a team of four officers and an outside consultancy, Fairway Advisory, which was paid £1.4 million for its work.

According to the final business case, Clearwell would be paid a fixed annual fee plus a bonus for every kilometre of main replaced and every percentage point of leakage reduction. Penalties would apply if it missed targets for response times, supply interruptions or water quality.

"On paper it was a good deal," said one former council officer who worked on the negotiation. "The problem was always going to be measurement. We were relying on the company to tell us how it was doing."

The contract gave Clearwell responsibility for reporting its own performance each quarter. The council had the right to audit those figures but, according to minutes of the contract management board, did not exercise it until 2024.

## The numbers

The first sign of trouble came in the second year. Quarterly reports showed the replacement programme running ahead of schedule, but complaints about low pressure and discoloured water in the eastern wards were rising.

An internal audit dated 3 November, seen by the Observer, found that Clearwell Utilities had billed the council for 11 kilometres of mains replacement that had not been carried out. In some streets, auditors found, old cast-iron pipes had been relined rather than replaced, a cheaper technique that the contract does not count towards the target.

Clearwell disputes the audit's findings. In a statement, the company said relining was "an accepted industry method that delivers the same outcomes for customers" and that it had "at all times acted in accordance with the contract as we understood it".

The audit also found that leakage figures had been calculated using a method that changed three times during the contract without the council's written approval. Applying the original method, auditors estimated that leakage had fallen by 6 per cent, not the 29 per cent Clearwell had reported.

## The penalties

Under the contract, missed targets should have triggered deductions from Clearwell's fee. The Observer has established that between 2021 and 2025 the council calculated penalties of £9.3 million but collected only £410,000.

Emails released under freedom of information law show that in at least two cases senior officers agreed to waive penalties after Clearwell warned that collecting them would "jeopardise the financial viability" of the contract.

One email from March 2023, from the council's then director of environment to the finance director, reads: "If we push this they walk, and we are left holding a network nobody else will touch."

The former director, who left the council in 2024, said through a lawyer that all decisions had been taken in consultation with the council's legal team and in what he believed to be the best interests of residents.

## The regulator

The regional water regulator, which sets quality standards and can fine operators, says it was never told about the audit.

"We would expect to be informed of any material concern about the accuracy of an operator's reported data," a spokeswoman said. "We are now making inquiries."

Two former members of the regulator's staff told the Observer that they had raised concerns about Clearwell's leakage figures internally in 2022 but were told the matter was one for the council as the contracting authority.

## What happens next

The council's cabinet will consider a report on the contract on 12 February. A leaked draft recommends commissioning an independent review and reopening negotiations on the penalty regime.

Opposition councillors have called for the contract to be terminated. "Residents have paid for pipes they did not get," said Councillor Ruth Akande, who chairs the scrutiny committee. "The least they deserve is their money back and an explanation."

Terminating the contract early would cost the council up to £60 million in compensation, according to the leaked draft, unless it can show that Clearwell was in material breach.

Clearwell said it welcomed "constructive dialogue" with the council and remained committed to the city. Its parent company, Ostwater Group, reported an operating profit of £212 million last year.

For residents of the eastern wards, the argument over contract clauses feels remote. On Harrow Road, where a burst main flooded six homes in August, Sandra Whitlock is still waiting for her kitchen to be repaired. "They keep telling us the pipes are new," she said. "Then why does the water still come out brown?"

If you have information about this story, you can contact the Observer's investigations team in confidence.""",
    ),
    dict(
        n=5,
        slug="port-alder-flights-suspended",
        lang="en",
        host="www.wire-desk.example",
        outlet="Wire Desk",
        section="World",
        path="world/2026/02/15/skyward-suspends-port-alder-flights",
        title="Airline suspends flights to Port Alder after runway damage",
        author="Wire Desk staff",
        date="2026-02-15T17:22:00+00:00",
        summary="An airline has suspended flights to a coastal airport after storm damage.",
        key=(
            "The airport operator said repairs would take at least five days and that cargo flights "
            "carrying medical supplies would be given priority once the runway reopens."
        ),
        layout=["nav", "two-column", "related", "short", "no-article", "newsletter", "cookie"],
        body="""\
PORT ALDER — Skyward Regional suspended all flights to Port Alder airport on Sunday after a storm damaged the runway lighting, the airline said.

The airport operator said repairs would take at least five days and that cargo flights carrying medical supplies would be given priority once the runway reopens.""",
    ),
    dict(
        n=6,
        slug="helios-4-orbit",
        lang="en",
        host="amp.orbital-news.example",
        outlet="Orbital News",
        section="Space",
        path="amp/2026/03/04/helios-4-weather-satellite-reaches-orbit",
        title="Helios-4 weather satellite reaches orbit on second attempt",
        author="Priya Raman",
        date="2026-03-04T22:15:00+00:00",
        summary="A European weather satellite reached orbit on Wednesday, three weeks after a scrubbed launch.",
        key=(
            "Mission controllers confirmed that the satellite's solar arrays had deployed 94 minutes after lift-off "
            "and that its main instrument, a microwave sounder built by Tessel Aerospace, would be switched on in May."
        ),
        layout=["amp", "article", "captions", "share", "byline", "jsonld"],
        captions={0: "Helios-4 lifts off from the Kourou launch complex on Wednesday evening. Photo: Orbital News"},
        body="""\
The Helios-4 weather satellite reached orbit on Wednesday evening after lifting off on a Vega-E rocket, three weeks after a first attempt was called off seconds before ignition because of a faulty pressure sensor.

Mission controllers confirmed that the satellite's solar arrays had deployed 94 minutes after lift-off and that its main instrument, a microwave sounder built by Tessel Aerospace, would be switched on in May.

The satellite will replace Helios-2, which has been operating for four years beyond its planned lifetime and has lost two of its six channels.

"Forecasters have been flying with one eye closed," said Karin Solberg, director of operations at the European weather satellite agency. "This restores the full picture over the Atlantic, which is where our storms come from."

The mission cost 480 million euros, including launch and five years of operations. A fifth satellite in the series is due to launch in 2029.""",
    ),
    dict(
        n=7,
        slug="blood-pressure-recall",
        lang="en",
        host="www.health-bulletin.example",
        outlet="Health Bulletin",
        section="Health",
        path="health/medicines/drugmaker-recalls-blood-pressure-tablets-contamination",
        title="Drugmaker recalls blood pressure tablets over contamination fears",
        author="Dr Helen Achterberg",
        date="2026-01-30T09:00:00+00:00",
        summary="A pharmaceutical company is recalling batches of a widely prescribed blood pressure medicine.",
        key=(
            "The regulator said the affected batches, numbered LV2231 to LV2247, were distributed to pharmacies "
            "in 11 countries between October and January."
        ),
        layout=["paywall", "nav", "article", "byline", "newsletter", "author-bio"],
        body="""\
Levant Pharma is recalling 17 batches of its losartan tablets after tests found traces of a nitrosamine impurity above the limit considered safe for long-term use, the company and the European medicines regulator said on Friday.

The regulator said the affected batches, numbered LV2231 to LV2247, were distributed to pharmacies in 11 countries between October and January. Patients should not stop taking their medicine without speaking to a doctor or pharmacist, it said, because the risk from stopping treatment is greater than the risk from the impurity.

Nitrosamines are classed as probable human carcinogens. The levels found in the Levant tablets were between two and four times the acceptable daily intake, which is set on the basis of a lifetime of exposure.

Levant said the impurity had been traced to a solvent supplied by a third-party manufacturer and that production at its plant in Larnaca had been suspended while the supply chain was reviewed.

"Patient safety is our first priority," the company said. "We are working with regulators and pharmacies to make sure replacement stock is available."

Pharmacists' associations in several countries said alternative brands were available and that patients would be switched at their next prescription.

The recall is the largest involving a blood pressure medicine since 2018, when a series of nitrosamine findings led to the withdrawal of several widely used products across Europe and North America.""",
    ),
    dict(
        n=8,
        slug="cardell-valley-wildfire",
        lang="en",
        host="www.highland-post.example",
        outlet="The Highland Post",
        section="News",
        path="news/cardell-valley-wildfire-evacuation-three-villages",
        title="Wildfire forces evacuation of three villages in Cardell Valley",
        author="Callum Reid",
        date="2026-07-18T19:40:00+01:00",
        summary="Hundreds of residents were moved out of their homes as a fast-moving fire spread through moorland.",
        key=(
            "Fire officials said the blaze had been started by sparks from a power line owned by Westmoor Grid, "
            "which has been ordered to preserve all maintenance records for the section."
        ),
        layout=["captions", "nav", "article", "share", "related", "ads"],
        captions={
            0: "Smoke rises over the ridge above Glenbrae on Friday afternoon. Photo: Callum Reid",
            2: "Firefighters from four stations tackle the blaze near the B872. Photo: Fire and Rescue Service",
            4: "Evacuated residents at the Kinross Road community centre. Photo: Callum Reid",
        },
        body="""\
About 600 people were evacuated from the villages of Glenbrae, Auchterlee and Drumcairn on Friday as a wildfire spread across more than 1,200 hectares of moorland in the Cardell Valley.

Fire officials said the blaze had been started by sparks from a power line owned by Westmoor Grid, which has been ordered to preserve all maintenance records for the section.

Crews from four stations and two helicopters were fighting the fire on Friday evening. Wind gusts of up to 40 miles an hour pushed the flames towards Glenbrae in the afternoon, and the B872 was closed in both directions.

"It came over the hill faster than anything I have seen," said Morag Fleming, a sheep farmer who moved her flock to a neighbour's land. "We had twenty minutes."

Residents were being housed at the Kinross Road community centre and in two hotels. The council said no homes had been destroyed but that two farm buildings had been lost.

Westmoor Grid said it was cooperating fully with the investigation and had de-energised the line as a precaution.""",
    ),
    dict(
        n=9,
        slug="ostmark-election-exit-poll",
        lang="en",
        host="www.provincial-gazette.example",
        outlet="The Provincial Gazette",
        section="Politics",
        path="politics/ostmark-election-green-list-exit-poll",
        title="Green list surges in Ostmark provincial election exit polls",
        author="Lena Vogt",
        date="2026-05-10T18:30:00+02:00",
        summary="Exit polls point to a strong result for the Green list and losses for the governing coalition.",
        key="Turnout reached 71.4 per cent, the highest in a provincial vote since 1994, according to the electoral commission.",
        layout=["newsletter", "share", "nav", "article", "comments", "byline", "comment-articles"],
        body="""\
The Green list is on course to become the second-largest party in the Ostmark provincial parliament, according to exit polls published when voting closed at 6pm on Sunday, in a result that would leave the governing coalition short of a majority.

The poll for the public broadcaster put the Greens on 24 per cent, up nine points on the last election, behind the centre-right People's Party on 29 per cent. The Social Democrats, the People's Party's coalition partner, fell to 17 per cent.

Turnout reached 71.4 per cent, the highest in a provincial vote since 1994, according to the electoral commission.

Green lead candidate Anja Berisha told supporters in the provincial capital that voters had sent "a clear message about rents, buses and clean rivers". Premier Wolfgang Esser said it was too early to talk about coalitions and that he would wait for the official count.

A three-party coalition of the People's Party, the Greens and the Liberals, who are projected to return to parliament with 6 per cent, would have a comfortable majority. Talks are expected to take several weeks.

Official results are due overnight.""",
    ),
    dict(
        n=10,
        slug="ashford-vale-bus-depot",
        lang="en",
        host="www.ashford-vale-news.example",
        outlet="Ashford Vale News",
        section="Local",
        path="cgi-bin/story.pl?id=88213&section=local",
        title="Council approves new bus depot despite objections",
        author="By our local government reporter",
        date="2026-04-02T21:10:00+01:00",
        summary="A new bus depot on the edge of town has been given the go-ahead after a four-hour meeting.",
        key=(
            "Councillors voted 23 to 17 to approve the depot after the developer, Vale Transit Properties, "
            "agreed to pay £1.8 million towards a new junction on Mill Lane."
        ),
        layout=["br-paragraphs", "table-layout", "no-article", "nav", "two-column", "cookie"],
        body="""\
Plans for a 120-bus depot on farmland off Mill Lane were approved by Ashford Vale district council on Wednesday night after a meeting that lasted more than four hours.

Councillors voted 23 to 17 to approve the depot after the developer, Vale Transit Properties, agreed to pay £1.8 million towards a new junction on Mill Lane.

More than 400 residents had objected, citing noise from early-morning departures, diesel fumes and the loss of a field used by the village football club.

Speaking at the meeting, Mill Lane resident Graham Pike said the junction payment was "a sweetener that does nothing for the people who will hear engines at five in the morning".

The developer said the site would be fully electric by 2030 and that the football club would be offered a new pitch on land next to the depot. The depot will replace the current garage in the town centre, which the bus operator says is too small.

Work is expected to begin in the autumn.""",
    ),
    dict(
        n=11,
        slug="telecom-breach",
        lang="en",
        host="www.signal-tech.example",
        outlet="Signal Tech",
        section="Security",
        path="security/2026/02/telecom-operator-confirms-breach-2-3-million-customers",
        title="Telecom operator confirms breach affecting 2.3 million customers",
        author="Noah Feldstein",
        date="2026-02-03T15:45:00+00:00",
        summary="A mobile operator says customer names, addresses and dates of birth were stolen in a cyberattack.",
        key=(
            "The company said the attackers had gained access through a contractor's account at Brightline "
            "Support Services, a call-centre firm in Manila."
        ),
        layout=["inline-related", "nav", "ads", "article", "jsonld", "comments", "share"],
        body="""\
Lumen Mobile said on Tuesday that personal data belonging to 2.3 million current and former customers had been stolen in a cyberattack discovered last month, making it the largest breach at a telecom operator in the country.

Names, postal addresses, dates of birth and phone numbers were taken, the company said. Bank details and passwords were not affected, because they are stored in a separate system.

The company said the attackers had gained access through a contractor's account at Brightline Support Services, a call-centre firm in Manila. The account had access to the customer records system and was not protected by two-factor authentication, according to two people familiar with the investigation.

Lumen said it had reported the breach to the data protection authority within 72 hours and that it would write to all affected customers this week. It is offering two years of free credit monitoring.

Security researchers warned that the stolen data could be used for SIM-swap fraud, in which criminals persuade an operator to move a victim's number to a new card. Lumen said it had added extra checks for SIM changes.

A group calling itself Harbour Spider posted a sample of the data on a criminal forum last week and demanded a ransom. Lumen did not say whether it had been in contact with the group.""",
    ),
]
