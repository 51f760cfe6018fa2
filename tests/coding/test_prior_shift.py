"""Prior shift: a zero-shot code's threshold follows the code's share in a year nobody reviewed."""

from __future__ import annotations

import numpy as np
import pandas as pd

from codebook.coding import CodingSettings, code_segments, make_segments
from codebook.coding.shift import MIN_NEW_SEGMENTS, estimate_prior_shift

# Sentences written for this test: about school, about the family, and about neither.
SCHOOL = [
    "De leerling zat weken thuis en de school belde pas veel te laat.",
    "Op school merken de leraren als een leerling vaak te laat komt.",
    "De mentor op school houdt bij welke leerling lessen mist.",
    "Een leerling die spijbelt krijgt op school eerst een gesprek met de mentor.",
    "De school en de leerplichtambtenaar praten elke week over elke leerling die verzuimt.",
    "Voor een leerling met problemen regelt de school extra begeleiding in de klas.",
    "De leerling ging weer naar school nadat de zorgcoördinator had ingegrepen.",
    "Op de middelbare school letten docenten nu beter op een leerling die wegblijft.",
    "Elke leerling die de school verlaat zonder diploma is er een te veel.",
    "De school heeft een vaste contactpersoon voor iedere leerling die dreigt uit te vallen.",
    "Als een leerling op school wordt geschorst, gaan we dezelfde dag langs.",
    "De school wil dat een leerling na een schorsing snel weer in de klas zit.",
    "Op school is er nu een plek waar een leerling even tot rust kan komen.",
    "De leerling kreeg op school huiswerkbegeleiding en haalde zijn cijfers op.",
]
FAMILY = [
    "Het hele gezin wordt erbij betrokken, ook de ouders en de broertjes.",
    "We gaan bij het gezin thuis langs en praten met beide ouders.",
    "De ouders in dat gezin hadden zelf ook hulp nodig.",
    "Met het gezin maken we afspraken over de avonden thuis.",
    "De ouder belde zelf omdat het in het gezin niet meer ging.",
    "In dat gezin kregen de ouders opvoedondersteuning aan huis.",
    "Een oudere broer in het gezin was een slecht voorbeeld voor de jongere.",
    "De ouders van het gezin kwamen naar elk overleg.",
]
OTHER = [
    "Op het plein bij de supermarkt staan 's avonds soms scooters.",
    "De gemeente heeft nieuwe lantaarnpalen in de straat gezet.",
    "In het buurthuis is op woensdag een kookavond voor iedereen.",
    "De bus naar het centrum rijdt in het weekend minder vaak.",
    "Bij het voetbalveld is een nieuw hek geplaatst.",
    "De winkels in de wijk gaan om zes uur dicht.",
    "Er komt een nieuwe speeltuin achter de flat.",
    "De wijkkrant verschijnt vier keer per jaar.",
    "In de zomer is er een braderie in de hoofdstraat.",
    "Het park wordt volgend jaar opnieuw ingericht.",
    "Op zaterdag is de markt op het plein.",
    "De bibliotheek in de wijk heeft ruimere openingstijden gekregen.",
]


def test_estimate_follows_the_share_of_new_segments():
    rng = np.random.default_rng(3)

    def margins(n, share):
        labels = (rng.random(n) < share).astype(int)
        return np.where(labels == 1, rng.normal(1.5, 1.0, n), rng.normal(-1.0, 1.0, n)), labels

    reviewed, labels = margins(300, 0.2)
    more = estimate_prior_shift(reviewed, labels, margins(300, 0.5)[0])
    fewer = estimate_prior_shift(reviewed, labels, margins(300, 0.05)[0])
    same = estimate_prior_shift(reviewed, labels, margins(300, 0.2)[0])
    assert abs(more.prior_reviewed - labels.mean()) < 1e-12
    assert more.shift > 0.3 and abs(more.prior_new - 0.5) < 0.1
    assert fewer.shift < -0.3 and fewer.prior_new < 0.1
    assert abs(same.shift) < 0.3 and abs(same.prior_new - 0.2) < 0.07
    # nothing to estimate from: no shift
    new = margins(300, 0.5)[0]
    assert estimate_prior_shift(reviewed, np.zeros_like(labels), new).shift == 0.0
    assert estimate_prior_shift(reviewed, labels, new[: MIN_NEW_SEGMENTS - 1]).shift == 0.0
    assert estimate_prior_shift(-reviewed, labels, new).shift == 0.0  # margins rank the wrong way


def _year(pseudo, year, school, family, other, language):
    texts = SCHOOL[:school] + FAMILY[:family] + OTHER[:other]
    order = np.random.default_rng(year).permutation(len(texts))
    texts = [texts[i] for i in order]
    docs = [pseudo(f"{year}_wijk_{i}", year, texts[i::3]) for i in range(3)]
    return make_segments(docs, language)


def _reviewed(segments, truth):
    rows = [{"doc": d, "turn": t, "part": p, "coder": "a", "code": code}
            for (d, t, p, text) in segments[["doc", "turn", "part", "text"]].itertuples(index=False)
            for code in (truth(text) or [""])]
    return pd.DataFrame(rows)


def test_zero_shot_code_follows_a_new_years_share_and_reviewed_years_keep_it(pseudo, small_codebook, language,
                                                                                embedder):
    def truth(text):
        return ["school"] * (text in SCHOOL) + ["gezin"] * (text in FAMILY)

    reviewed_year = _year(pseudo, 2024, 5, 5, 12, language)  # school rare in the reviewed year
    new_year = _year(pseudo, 2025, 14, 2, 6, language)  # and common in the next
    segments = pd.concat([reviewed_year, new_year], ignore_index=True)
    human = _reviewed(reviewed_year, truth)
    settings = CodingSettings(min_positives=3)
    result = code_segments(segments, small_codebook, language, embedder, settings, human_codes=human)
    assert result.backend["coders"]["school"] == "zero-shot"  # the manual already codes it well
    shifts = result.backend["prior_shift"]
    assert shifts["school"]["2025"] > 0 and "2024" not in shifts["school"]
    off = code_segments(segments, small_codebook, language, embedder, CodingSettings(min_positives=3, prior_shift=False),
                        human_codes=human)
    assert off.backend["prior_shift"] == {}
    new = (result.table["year"] == 2025).to_numpy()
    shifted = result.table.loc[new, "score_school"].to_numpy()
    unshifted = off.table.loc[new, "score_school"].to_numpy()
    assert (shifted >= unshifted).all() and (shifted > unshifted).any()
    # reviewed rows of the reviewed year: the same machine margins with or without the shift
    old = ~new
    assert result.table.loc[old, "machine_themes"].tolist() == off.table.loc[old, "machine_themes"].tolist()
    # once people reviewed part of 2025 too, its threshold is what they saw: no shift for 2025
    both = pd.concat([human, _reviewed(new_year.head(6), truth)], ignore_index=True)
    again = code_segments(segments, small_codebook, language, embedder, settings, human_codes=both)
    assert "2025" not in again.backend["prior_shift"].get("school", {})
