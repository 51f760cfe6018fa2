"""Build the demo corpus' Word transcript (interviews/2024/2024_wijk_helmond-west.docx).

Run: `python narratief/demo/make_docx.py`. The .docx is committed; this script documents how it
was made (python-docx, metadata paragraphs on top, bold speaker labels, fixed document dates so the
output is byte-for-byte reproducible).
All people, addresses and numbers in it are invented.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx import Document

from nlp.io import atomic_write

META = {
    'doc': '2024_wijk_helmond-west',
    'year': '2024',
    'type': 'wijk',
    'wijk': 'Helmond-West',
    'date': '2024-04-09',
    'title': 'Bewonersgesprek Oud-West en Houtsdonk',
}

TURNS = [
    (
        'Int.',
        'Goed, de opname loopt. Dank u wel dat we bij u thuis mogen zitten. Ik ben student en '
        'ik doe deze gesprekken voor de gemeente Helmond, over jongeren in de wijk. Mag ik u '
        'eerst vragen hoe lang u hier al woont?',
    ),
    (
        'R1',
        'Eh, wij wonen nu, wacht, negen jaar op de Lavendelstraat 9. Daarvoor in '
        'Helmond-Oost. Ik ben Hatice, Hatice Yildiz, maar dat schrijft u toch niet op hè?',
    ),
    (
        'Int.',
        'Nee, namen gaan er later allemaal uit. En u, meneer?',
    ),
    (
        'R2',
        "Ik woon hier al mijn hele leven. Oud-West, 't Haagje, hoe je het maar wilt noemen. "
        'Ik ben hier geboren, twee straten verder. Nou ja.',
    ),
    (
        'Int.',
        'Wat merkt u van jongeren in de buurt, het afgelopen jaar?',
    ),
    (
        'R2',
        "Nou, 's avonds bij het speeltuintje, daar staan ze. Een stuk of acht. Muziek hard, "
        "scooters, dat gedoe. En dan zo'n auto die steeds komt, een grijze Golf, kenteken "
        '87-KTB-4, ik heb het opgeschreven want die staat er elke avond. Daar wordt gedeald, '
        'dat weet iedereen.',
    ),
    (
        'R1',
        'Ja, maar ik heb dat ook gemeld hoor. En dan gebeurt er niks. Dan denk je, waarom bel '
        'ik eigenlijk nog.',
    ),
    (
        'Int.',
        'Heeft u contact gehad met de wijkagent?',
    ),
    (
        'R1',
        'Ja, met die nieuwe, Ruud. Die is wel aardig. Die kwam ook echt langs, dat moet ik '
        'zeggen. Hij gaf me zijn nummer, 06-29384756, en zei bel me maar direct.',
    ),
    (
        'R2',
        'Sinds hij er is, is het wel minder geworden bij het speeltuintje. Niet weg, maar '
        'minder. Die auto zie ik ook minder vaak.',
    ),
    (
        'Int.',
        'En het jongerenwerk, kent u dat?',
    ),
    (
        'R1',
        'Ja, Sanne. Mijn zoon Emre gaat soms naar het buurthuis. Die Sanne, die weet echt hoe '
        'ze met die jongens moet praten. Emre is 13 jaar, hij is nog jong, maar hij wil erbij '
        'horen bij de groten, snapt u.',
    ),
    (
        'R2',
        'Het jongerenwerk is er wel, maar niet als het nodig is. Om tien uur zijn ze weg en '
        'om elf uur begint de herrie.',
    ),
    (
        'Int.',
        'U zegt, hij wil erbij horen. Kunt u daar iets meer over vertellen?',
    ),
    (
        'R1',
        'Ja, nou. Mijn broer, die heeft vroeger ook in die groep gezeten. Die heeft ook '
        'gezeten, in de gevangenis bedoel ik. En ik zie Emre kijken naar die jongens met de '
        'mooie jassen en ik denk, nee, niet weer. Niet mijn kind.',
    ),
    (
        'Int.',
        'Dat klinkt zwaar.',
    ),
    (
        'R1',
        'Het is zwaar. De Familieaanpak is bij ons geweest, van het STH. Die mevrouw heeft '
        'met ons allemaal aan tafel gezeten, ook met mijn broer erbij. Dat was goed, echt. '
        'Maar het duurde lang voor die er was.',
    ),
    (
        'R2',
        'Dat heb je hier in de buurt veel. De familie Visser, twee straten verder, daar zat '
        'de vader al en nu de zoons. Iedereen weet het. De kleine van Jansen loopt er ook al '
        'achteraan, Daantje, die is pas elf.',
    ),
    (
        'Int.',
        'Hoe gaat het met Emre op school?',
    ),
    (
        'R1',
        'Op school gaat het, eh, wisselend. Hij zit op het Kindcentrum Westwijzer nog, groep '
        'acht. De juf, juf Roos, die belt me als hij te laat is. Dat is goed. Maar volgend '
        'jaar naar de middelbare, daar ben ik bang voor.',
    ),
    (
        'R2',
        'Mijn kleindochter zit op de Praktijkschool Helmond. Daar doen ze het goed hoor, '
        'streng maar eerlijk.',
    ),
    (
        'Int.',
        'En de politie en de gemeente, wat zouden die anders moeten doen?',
    ),
    (
        'R2',
        'Harder optreden. Sorry, maar het is zo. Die jongens lachen erom. Een HALT-straf, wat '
        'is dat nou.',
    ),
    (
        'R1',
        'Ik vind, niet alleen straffen. Ze moeten ook iets te doen hebben. Werk, sport. Bij '
        "Rood-Wit '62 is er nu voetbal op vrijdagavond, dat is goed, maar ze moeten ook geld "
        'kunnen verdienen op een eerlijke manier.',
    ),
    (
        'R2',
        'Ja, dat is ook zo. Ik heb vroeger op mijn vijftiende al bij Vlisco gewerkt. Nu wil '
        'niemand die jongens hebben.',
    ),
    (
        'Int.',
        'Merkt u iets van schulden in de buurt, bij gezinnen?',
    ),
    (
        'R1',
        'Overal. Iedereen heeft wel iets. Bij ons ook, de energierekening. En dan zeggen die '
        'jongens, mama ik regel het wel. Dat is gevaarlijk, dan weet je niet waar het geld '
        'vandaan komt.',
    ),
    (
        'Int.',
        'Wat levert de aanpak de buurt op, als u het zo hoort?',
    ),
    (
        'R2',
        'Het is veiliger dan twee jaar terug. Dat moet ik wel eerlijk zeggen. Je ziet meer '
        "mensen op straat, de wijkagent, die BOA's. Ik durf weer naar de supermarkt in de "
        'avond.',
    ),
    (
        'R1',
        'Ja, en we kennen elkaar beter. Er is nu een appgroep van de straat, moeders vooral. '
        'Als er iets is, dan weten we het snel.',
    ),
    (
        'Int.',
        'Mag ik u terugbellen als ik nog vragen heb?',
    ),
    (
        'R1',
        'Ja hoor. Bel maar naar het vaste nummer, 0492-531874. Of u komt gewoon langs, '
        'postcode 5701 AB, u weet het huis nu.',
    ),
    (
        'Int.',
        'Heel erg bedankt allebei.',
    ),
]


def build(target: Path) -> Path:
    """Write the transcript to `target` atomically and return the path."""
    document = Document()
    stamp = dt.datetime.fromisoformat(META["date"])
    properties = document.core_properties
    properties.author = "narratief demo"
    properties.last_modified_by = "narratief demo"
    properties.created = stamp
    properties.modified = stamp
    properties.title = META["title"]
    for key, value in (("Jaar", META["year"]), ("Type", META["type"]), ("Wijk", META["wijk"]),
                       ("Datum", META["date"]), ("Titel", META["title"])):
        document.add_paragraph(f"{key}: {value}")
    for label, text in TURNS:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}:").bold = True
        paragraph.add_run(f" {text}")
    buffer = io.BytesIO()
    document.save(buffer)

    def rewrite(tmp: Path) -> None:
        # Rewrite the zip with fixed entry dates so that the file is reproducible.
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source, \
                zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as result:
            for item in source.infolist():
                info = zipfile.ZipInfo(item.filename, date_time=stamp.timetuple()[:6])
                info.compress_type = zipfile.ZIP_DEFLATED
                result.writestr(info, source.read(item.filename))

    atomic_write(target, rewrite)
    return target


if __name__ == "__main__":
    here = Path(__file__).resolve().parent
    print(build(here / "interviews" / META["year"] / (META["doc"] + ".docx")))
