"""A small synthetic, pseudonymised segments table for topic tests (own sentences, no real data).

Three years; theme sentences are coded with their theme; the emergent subject (recruitment via
Telegram/Snapchat for explosions at front doors) is absent in 2024 and grows in 2025 -> 2026 and is
never coded with a theme.
"""

from __future__ import annotations

import random

import pandas as pd

SENTENCES = {
    "school": [
        "Het schoolverzuim op de praktijkschool is het afgelopen jaar flink gedaald.",
        "De leerplichtambtenaar belt nu meteen als een leerling een dag niet in de klas zit.",
        "Op school zien de docenten eerder wanneer een leerling afglijdt.",
        "Het Jeugd Team op school heeft korte lijnen met de mentoren en de zorgcoördinator.",
        "Leerlingen die vaak spijbelen krijgen nu een vast gesprek met de mentor.",
        "De coördinator veilige school heeft het schoolveiligheidsplan met de leraren besproken.",
        "Tijdens de Keep It Real dag praten leerlingen in de klas over groepsdruk.",
        "Thuiszitters worden sneller teruggeleid naar een passende opleiding op het ROC.",
        "De school is voor veel jongeren de plek waar ze dagelijks een volwassene zien.",
        "Docenten melden zorgen over een leerling nu direct bij het zorgteam van de school.",
    ],
    "grenzen": [
        "De jeugdagent spreekt jongeren direct aan op overlast bij het winkelcentrum.",
        "Er is een gebiedsverbod opgelegd aan twee jongeren die steeds dealden op het plein.",
        "De boa's schrijven vaker bekeuringen uit rond de hangplek achter de sporthal.",
        "Het OM en de reclassering maken samen afspraken over een taakstraf met begeleiding.",
        "Na een aanhouding volgt nu binnen een week een gesprek op het politiebureau met ouders.",
        "Handhaving en politie treden samen op als de overlast 's avonds uit de hand loopt.",
        "Een last onder dwangsom werkt beter als er meteen ook perspectief wordt geboden.",
        "De re-integratieofficier begeleidt jongeren na detentie terug naar de wijk.",
        "Bij HALT krijgen jongeren na een eerste vergrijp een leerstraf in plaats van een strafblad.",
        "De wijkagent kent de groep jongeren bij naam en spreekt ze aan op hun gedrag.",
    ],
    "werk": [
        "Veel jongeren hebben schulden door telefoonabonnementen en boetes.",
        "De IPTA-coach helpt jongeren aan een baan of een stageplek bij een werkgever.",
        "Met het Jongeren Perspectief Fonds kunnen schulden worden afgelost in ruil voor werk.",
        "Senzer zoekt samen met de jongere naar passend werk en een vast inkomen.",
        "Schuldhulpverlening heeft een saneringskrediet geregeld voor een jongvolwassene.",
        "Zonder inkomen is snel geld verdienen in de criminaliteit verleidelijk.",
        "Werkgevers in de regio bieden vaker een leerwerkplek aan jongeren met een achterstand.",
        "Een betaalde bijbaan geeft jongeren structuur en een eigen inkomen.",
        "De budgetcoach leert jongeren omgaan met geld en rekeningen op tijd te betalen.",
        "Het loket voor werk en inkomen is laagdrempeliger geworden voor jongeren.",
    ],
    "gezin": [
        "In sommige gezinnen zitten vader en oudere broers al jaren in de criminaliteit.",
        "De familieaanpak kijkt naar het hele gezin en niet alleen naar de jongere.",
        "Veilig Thuis is betrokken bij gezinnen waar huiselijk geweld speelt.",
        "Ouders voelen zich vaak machteloos als hun kind afglijdt.",
        "Casus Op Maat in het Zorg- en Veiligheidshuis brengt alle hulp rond een gezin samen.",
        "Jongere broertjes en zusjes kijken op tegen de oudste die snel geld verdient.",
        "De gezinscoach ondersteunt moeders bij de opvoeding van pubers.",
        "Het patroon van criminaliteit gaat in sommige families over van generatie op generatie.",
        "Met ouderavonden in de wijk proberen we ouders beter te betrekken.",
        "Een systeemgerichte aanpak betekent dat we ook de ouders en grootouders spreken.",
    ],
}
EMERGENT = [
    "Jongeren worden via Telegram benaderd om voor geld een explosief bij een voordeur te leggen.",
    "Op Snapchat verschijnen oproepjes waarin duizend euro wordt geboden voor een klus met vuurwerk.",
    "Er zijn dit jaar meerdere explosies bij voordeuren geweest, gepleegd door minderjarigen.",
    "De opdrachtgevers van de aanslagen op woningen zien de jongeren nooit in het echt.",
    "Een cobra of een zelfgemaakte bom wordt 's nachts tegen de voordeur van een woning gezet.",
    "Via een Telegramgroep worden jongens uit de wijk geronseld voor explosies.",
    "Na de explosie bij een voordeur in de straat waren bewoners dagen bang.",
    "Kinderen van veertien jaar nemen via Snapchat opdrachten aan voor aanslagen op huizen.",
    "De recrutering voor explosieven verloopt bijna helemaal via berichtenapps.",
    "Jongeren krijgen een foto van een adres en een voordeur en moeten daar een explosief plaatsen.",
]
FILLER = [
    "Dank u wel voor dit gesprek.",
    "Kunt u daar iets meer over vertellen?",
]
WIJKEN = ("Helmond-West", "Helmond-Oost", "Binnenstad")


def build(docs_per_year: int = 4, per_doc: int = 22, seed: int = 7) -> pd.DataFrame:
    """Segments table: theme mix per year with `school` growing and the emergent subject growing."""
    rng = random.Random(seed)
    emergent_share = {2024: 0.0, 2025: 0.12, 2026: 0.25}
    school_w = {2024: 1.0, 2025: 1.5, 2026: 2.2}
    rows = []
    for year in (2024, 2025, 2026):
        for d in range(docs_per_year):
            doc = f"{year}_gesprek_{d + 1:02d}"
            wijk = WIJKEN[d % 3]
            kind = "professional" if d % 2 == 0 else "wijk"
            for turn in range(per_doc):
                if rng.random() < emergent_share[year]:
                    a, b = rng.sample(EMERGENT, 2)
                    theme = ""
                else:
                    weights = [school_w[year] if t == "school" else 1.0 for t in SENTENCES]
                    theme = rng.choices(list(SENTENCES), weights=weights)[0]
                    a, b = rng.sample(SENTENCES[theme], 2)
                speaker = f"[PERSOON-{rng.randint(1, 3)}]"
                rows.append({"doc": doc, "turn": turn, "part": 0, "speaker": speaker, "year": year,
                             "type": kind, "wijk": wijk, "text": f"{a} {b}", "themes": theme,
                             "lenses": "resultaat" if rng.random() < 0.5 else "bijsturen"})
    return pd.DataFrame(rows)
