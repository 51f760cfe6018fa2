"""Small, realistic report inputs built in code with exactly the documented table columns.

Imported by the tests of tests/reports (a uniquely named module, so it never clashes with other areas)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from codebook.model import Code, Codebook
from reports.inputs import ReportInputs

THEMES = (
    ("aanwezig", "Gezamenlijke aandacht en aanwezigheid in de wijk en in de (online) leefwereld van de jongeren",
     ("sociale netwerk",)),
    ("school", "De school als centrale plek in onze aanpak", ("onderwijs",)),
    ("perspectief", "Sociaal-economisch perspectief door schuldenaanpak en arbeidsmarkt", ("werk en inkomen",)),
    ("grenzen", "Grenzen stellen: waar mogelijk direct samen met perspectief", ("criminaliteit en re-integratie",)),
    ("intergenerationeel", "Intergenerationele overdracht doorbreken door een systeemgerichte aanpak",
     ("sociale netwerk", "persoonlijke en psychologische ontwikkeling")),
)
LENSES = (("resultaat", "Resultaten"), ("opbrengst", "Opbrengst voor wijk en stad"), ("bijsturen", "Bijsturen"))
YEARS = (2024, 2025)
# quotes that must never reach the shared edition unless marked shareable
SECRET_QUOTE = "Sinds de jeugdagent in de Houtsdonk loopt, durven ouders weer te bellen over hun zoon."
SHAREABLE_QUOTE = ("[Persoon 07] vertelde dat de 15-jarige via Kindcentrum Westwijzer in Helmond-West "
                   "bij de Kerkstraat 12 weer naar school gaat; in ’t Haagje zien we dat ook.")


# Segment texts by turn (written for these tests): an interviewer question, an introduction, and two
# statements by participants. {d} and {y} make each conversation's text its own.
INTERVIEWER_TEXT = "Wat merken jullie sinds vorig jaar van de aanpak op school en in de buurt?"
SEGMENT_TEXTS = (
    INTERVIEWER_TEXT + " ({d}, {y})",
    "Ik ben [Persoon 05], wijkagent in deze wijk.",
    "Op school zien we de leerlingen vaker, de mentor belt meteen als iemand wegblijft en dat werkt ({d}, {y}).",
    "De leerplicht en het jongerenwerk zitten nu elke week samen, daardoor vallen minder jongeren uit ({d}, {y}).",
)


def _storylines() -> pd.DataFrame:
    """Two storylines whose members include the interviewer turn and the introduction (never quoted),
    and one segment that belongs to two themes (quoted once)."""
    members = [["gesprek-0", 0, 0], ["gesprek-0", 1, 0], ["gesprek-0", 2, 0], ["gesprek-1", 2, 0]]
    rows = []
    for theme in ("aanwezig", "school"):
        for lens in ("resultaat", "bijsturen"):
            rows.append(dict(year=2025, theme=theme, lens=lens, storyline=1, segments=4, interviews=2,
                             types="wijk", wijken="Helmond-West", terms="school mentor leerlingen",
                             heading="Op school zien we de leerlingen vaker", members=json.dumps(members)))
            members = members[2:] + members[:2]
    return pd.DataFrame(rows)


def make_codebook() -> Codebook:
    codes = [Code(id=tid, kind="theme", name=name, definition=f"Alles over {name.lower()}.", national=nat)
             for tid, name, nat in THEMES]
    codes.append(Code(id="school.verzuim", kind="subcode", name="Schoolverzuim", definition="Verzuim en leerplicht.",
                      parent="school", national=("onderwijs",)))
    codes += [Code(id=lid, kind="lens", name=name, definition=f"De lens {name.lower()}.") for lid, name in LENSES]
    return Codebook(name="Helmond PmG", version="1.2", codes=tuple(codes))


def _theme_year() -> pd.DataFrame:
    rows = []
    for y, year in enumerate(YEARS):
        for t, (tid, _, _) in enumerate(THEMES):
            base = 20 + 6 * t + 8 * y
            for lens, seg in (("", base), ("resultaat", base // 2), ("opbrengst", base // 3), ("bijsturen", 3)):
                interviews = 2 if lens == "bijsturen" else 4 + y
                rows.append(dict(year=year, theme=tid, lens=lens, segments=seg, share=seg / 300,
                                 interviews=interviews, speakers=interviews + 3))
    return pd.DataFrame(rows)


def _theme_split() -> pd.DataFrame:
    rows = []
    for year in YEARS:
        for tid, _, _ in THEMES:
            for split, value, seg, n in (("type", "partnergroep", 14, 3), ("type", "wijk", 9, 2),
                                         ("wijk", "Helmond-West", 12, 3), ("wijk", "Binnenstad", 2, 1)):
                rows.append(dict(year=year, theme=tid, lens="", split=split, value=value, segments=seg,
                                 share=seg / 150, interviews=n, speakers=n + 2))
    return pd.DataFrame(rows)


def _theme_change() -> pd.DataFrame:
    rows = []
    for t, (tid, _, _) in enumerate(THEMES):
        for lens in ("", "resultaat", "opbrengst", "bijsturen"):
            diff = 0.027 if t % 2 == 0 else -0.004
            rows.append(dict(year=2025, prev_year=2024, theme=tid, lens=lens, share=0.12 + diff, prev_share=0.12,
                             diff=diff, ci_low=diff - 0.02, ci_high=diff + 0.02, n_boot=1000,
                             verdict="toename" if diff - 0.02 > 0 else "geen duidelijke verandering"))
    return pd.DataFrame(rows)


def _quotes() -> pd.DataFrame:
    rows = []
    for year in YEARS:
        for t, (tid, _, _) in enumerate(THEMES):
            for l, (lens, _) in enumerate(LENSES):
                for rank in (1, 2):
                    text = SHAREABLE_QUOTE if (t, l, rank) == (1, 0, 1) else (
                        SECRET_QUOTE if (t, l, rank) == (0, 0, 1) else
                        f"Over {tid} en {lens} zeggen we: het gaat stap voor stap beter, maar het vraagt geduld ({rank}).")
                    rows.append(dict(year=year, theme=tid, lens=lens, rank=rank, doc=f"gesprek-{t}{l}",
                                     turn=rank, part=0, speaker="[Persoon 03]" if rank == 1 else "Wijkagent",
                                     type="wijk" if l else "partnergroep", wijk="Helmond-West",
                                     text=text, typicality=0.9 - 0.1 * rank))
    return pd.DataFrame(rows)


def make_inputs(**overrides) -> ReportInputs:
    overview = pd.DataFrame([dict(year=y, type=tp, wijk=w, interviews=n, segments=40 * n, speakers=4 * n, words=900 * n)
                             for y in YEARS for tp, w, n in (("partnergroep", "stad", 3), ("wijk", "Helmond-West", 2),
                                                             ("wijk", "Binnenstad", 1))])
    cooc = pd.DataFrame([dict(year=y, level=lvl, theme_a=a, theme_b=b, count=c, jaccard=j)
                         for y in YEARS for lvl in ("segment", "interview")
                         for a, b, c, j in (("school", "aanwezig", 11, 0.31), ("grenzen", "perspectief", 6, 0.18),
                                            ("intergenerationeel", "grenzen", 4, 0.09))])
    signals = pd.DataFrame([dict(year=2025, theme="school", doc="gesprek-10", turn=4, part=0, speaker="[Persoon 03]",
                                 type="wijk", wijk="Helmond-West",
                                 text="De wachttijd bij de leerplicht is te lang; dat moet anders."),
                            dict(year=2025, theme="grenzen", doc="gesprek-30", turn=2, part=1, speaker="Jeugdagent",
                                 type="partnergroep", wijk="stad",
                                 text="Handhaving en zorg moeten eerder samen aan tafel.")])
    topics = pd.DataFrame([
        dict(topic=0, size=23, words="fiets scooter overlast avond", label="Scooters en overlast",
             nearest_theme="grenzen", similarity=0.41, emergent=True, growing=True,
             representative=json.dumps(["’s Avonds rijden er scooters rond het plein, dat geeft onrust."])),
        dict(topic=1, size=40, words="school leerplicht verzuim", label="Verzuim", nearest_theme="school",
             similarity=0.83, emergent=False, growing=False, representative=json.dumps(["Verzuim daalt."])),
    ])
    over_time = pd.DataFrame([dict(topic=t, year=y, count=c, share=c / 300) for t in (0, 1)
                              for y, c in zip(YEARS, (8 + 7 * t, 15 + 10 * t))])
    agreement = pd.DataFrame([
        dict(code="__overall__", coder_a="machine", coder_b="A", n=60, percent=86.7, kappa=0.71, alpha=0.71, reading="voorlopig"),
        dict(code="school", coder_a="A", coder_b="B", n=60, percent=93.3, kappa=0.84, alpha=0.84, reading="betrouwbaar"),
    ])
    segments = pd.DataFrame([dict(doc=f"gesprek-{d}", turn=t, part=0, speaker=s, year=y, type="wijk", wijk="Helmond-West",
                                  themes="school;aanwezig", text=SEGMENT_TEXTS[t].format(d=d, y=y))
                             for y in YEARS for d in range(3) for t, s in enumerate(("Interviewer", "Wijkagent",
                                                                                     "[Persoon 03]", "[Persoon 07]"))])
    manifest = {"versions": {"narratief": "0.1.0", "python": "3.11.7", "spacy": "3.8.18", "pandas": "3.1.1"},
                "stages": {
                    "pseudonimiseren": {"input_hash": "a" * 64, "finished": "2026-01-02T03:04:05",
                                        "details": {"transcripts": 6, "persons": 12, "detector": "deduce 3.0.6"},
                                        "inputs": {"interviews/2025/gesprek-01.txt": "b" * 64}},
                    "coderen": {"input_hash": "c" * 64, "finished": "2026-01-02T03:04:06",
                                "details": {"backend": {"language": "spacy.blank('nl')", "embedder": "e5-small"},
                                            "codebook": {"name": "Helmond PmG", "version": "1.2", "sha256": "d" * 64}}},
                    "onderwerpen": {"input_hash": "e" * 64, "details": {"seed": 42, "embedder": "e5-small",
                                                                        "info": {"bertopic": "0.17.4", "segments": 80}}},
                    "vergelijken": {"input_hash": "f" * 64, "details": {"bootstrap": 1000, "seed": 7}},
                    "rapport": {"input_hash": "0" * 64, "finished": "2026-01-02T03:04:09", "details": {"year": 2025}}}}
    base = dict(codebook=make_codebook(), overview=overview, theme_year=_theme_year(), theme_split=_theme_split(),
                theme_change=_theme_change(), cooccurrence=cooc, quotes=_quotes(), signals=signals,
                notes=("Wijkgesprekken in Binnenstad zijn alleen in 2025 gehouden.",),
                topics=topics, topics_over_time=over_time, agreement=agreement, segments=segments,
                manifest=manifest, pseudonymisation={"persoon": 41, "adres": 3},
                interpretations={"school": "# Duiding\n\nDe school is **zichtbaar** de spil; ë en é kloppen."},
                shareable=frozenset({("gesprek-10", 1, 0)}), workspace="Helmond 2025",
                storylines=_storylines(), municipality="Helmond", programme="Preventie met Gezag")
    base.update(overrides)
    return ReportInputs(**base)
