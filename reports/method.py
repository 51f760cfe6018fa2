"""The chapter's method parts: interviews, participants, coding, agreement, pseudonymisation,
and the appendices (codebook, run manifest). Each function returns a Markdown block in Dutch."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Mapping

import pandas as pd

from codebook.model import Codebook
from reports.figures import pct
from reports.markdown import escape, table

# Speaker labels that are pseudonyms (not roles), e.g. "[Persoon 07]", "Persoon 7", "Spreker 2".
PSEUDONYM_LABEL = re.compile(r"^\[?\s*(persoon|spreker|deelnemer|naam)\b[^\]]*\]?$", re.IGNORECASE)
READINGS = {"betrouwbaar": "betrouwbaar (alpha ≥ 0,800)", "voorlopig": "voorlopig (alpha ≥ 0,667)",
            "onvoldoende": "onvoldoende (alpha < 0,667)"}


def num(value: float, digits: int = 3, sign: bool = False) -> str:
    """A number with a Dutch decimal comma (and a + sign if `sign`); NaN -> '–'."""
    if value is None or pd.isna(value):
        return "–"
    return f"{float(value):{'+' if sign else ''}.{digits}f}".replace(".", ",")


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
    for doc, speaker in data[["doc", "speaker"]].drop_duplicates().itertuples(index=False):
        label = str(speaker).strip()
        role = "deelnemer (gepseudonimiseerd)" if PSEUDONYM_LABEL.match(label) else label.lower()
        roles.setdefault(role, set()).add((str(doc), label))
    rows = [(role, len(pairs), len({d for d, _ in pairs}))
            for role, pairs in sorted(roles.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    return ("Deelnemers per rol in " + str(year) + ". Waar de sprekerslabels een rol noemen (bijvoorbeeld "
            "wijkagent of jongerenwerker) tellen we elke rol per gesprek één keer; sprekers met een "
            "pseudoniem tellen we samen als gepseudonimiseerde deelnemers.\n\n"
            + table(["Rol", "Deelnemers", "Gesprekken"], rows, "lrr", caption=f"Deelnemers per rol, {year}"))


def _find(manifest: Mapping[str, Any], key: str, stage_hint: str) -> str | None:
    stages = manifest.get("stages", manifest)
    if isinstance(stages, Mapping):
        for name, info in stages.items():
            if stage_hint in str(name) and isinstance(info, Mapping) and info.get(key):
                return str(info[key])
    return None


def coding_block(codebook: Codebook, agreement: pd.DataFrame | None, manifest: Mapping[str, Any]) -> str:
    """Codebook, automatic and human coding."""
    backend = _find(manifest, "backend", "cod")
    text = (f"De gesprekken zijn opgedeeld in segmenten (een spreekbeurt; lange beurten in delen van "
            f"enkele zinnen) en gecodeerd met het codeboek **{escape(codebook.name)}**, versie "
            f"{escape(codebook.version)}: {len(codebook.themes)} thema's, "
            f"{sum(len(codebook.subcodes(t.id)) for t in codebook.themes)} subcodes en de lenzen "
            + ", ".join(escape(lens.name) for lens in codebook.lenses) + ". "
            "Eerst kent narratief automatisch thema's en lenzen toe, met bij elk segment een korte "
            "reden; daarna controleren onderzoekers een steekproef en passen codes aan.")
    if backend:
        text += f" De automatische codering gebruikte: {escape(backend)}."
    if agreement is not None and not agreement.empty:
        coders = sorted({c for c in pd.concat([agreement["coder_a"], agreement["coder_b"]]).astype(str)
                         if c != "machine"})
        text += f" Aan de menselijke codering werkten {len(coders)} codeur(s) mee."
    else:
        text += " Er is (nog) niet door mensen gecodeerd; de cijfers berusten op de automatische codering."
    return text


def agreement_block(agreement: pd.DataFrame | None, codebook: Codebook) -> str:
    """Agreement figures with their reading."""
    if agreement is None or agreement.empty:
        return "Er zijn nog geen overeenstemmingscijfers: niemand heeft een steekproef met de hand gecodeerd."
    scale = 100.0 if agreement["percent"].max() <= 1.0 else 1.0
    names = {c.id: c.name for c in codebook.codes}

    def coder(c: str) -> str:
        return "automatisch" if c == "machine" else f"codeur {c}"

    ordered = agreement.assign(_o=agreement["code"] != "__overall__").sort_values(["_o", "code"])
    rows = [("Alle codes samen" if r.code == "__overall__" else names.get(r.code, r.code),
             f"{coder(str(r.coder_a))} – {coder(str(r.coder_b))}", int(r.n),
             num(r.percent * scale, 1) + "%", num(r.kappa), num(r.alpha), READINGS.get(r.reading, r.reading))
            for r in ordered.itertuples()]
    return ("Overeenstemming tussen codeurs (procent overeenstemming, Cohens kappa en Krippendorffs "
            "alpha). Het oordeel volgt Krippendorff: betrouwbaar vanaf alpha 0,800, voorlopig vanaf 0,667.\n\n"
            + table(["Code", "Codeurs", "n", "Overeenstemming", "Kappa", "Alpha", "Oordeel"], rows,
                    "llrrrrl", caption="Overeenstemming tussen codeurs"))


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
    """Appendix: the codebook as a table."""
    kinds = {"theme": "thema", "subcode": "subcode", "lens": "lens"}
    rows = [(c.id, kinds.get(c.kind, c.kind), c.name, c.definition, "; ".join(c.national) or "–")
            for c in codebook.codes]
    return (f"Codeboek **{escape(codebook.name)}**, versie {escape(codebook.version)}.\n\n"
            + table(["Code", "Soort", "Naam", "Definitie", "Nationale thema's"], rows,
                    caption="Codeboek"))


def _flatten(value: Any, prefix: str, out: list[tuple[str, str]]) -> None:
    if isinstance(value, Mapping):
        looks_like_files = any("/" in str(k) or re.search(r"\.\w{2,4}$", str(k)) for k in value)
        if (len(value) > 8 or looks_like_files) and all(isinstance(v, str) for v in value.values()):
            # per-file hashes: keys may be file names, so show a count and one combined hash
            digest = hashlib.sha256(json.dumps(sorted(value.items())).encode()).hexdigest()[:16]
            out.append((prefix, f"{len(value)} bestanden, gecombineerde hash {digest}"))
            return
        for key, sub in value.items():
            _flatten(sub, f"{prefix}.{key}" if prefix else str(key), out)
    elif isinstance(value, (list, tuple)):
        out.append((prefix, f"{len(value)} items"))
    else:
        text = str(value)
        out.append((prefix, text[:16] + "…" if re.fullmatch(r"[0-9a-f]{32,}", text) else text))


def manifest_block(manifest: Mapping[str, Any]) -> str:
    """Appendix: versions, seeds, input hashes and backends of the run."""
    if not manifest:
        return "Er is geen run-manifest gevonden (output/manifest.json)."
    rows: list[tuple[str, str]] = []
    for key, value in manifest.items():
        if "output" in str(key):
            continue
        _flatten(value, str(key), rows)
    rows = [(k, v) for k, v in rows if ".output" not in k and ".files" not in k]
    return ("Versies, toevalszaden (seeds), invoer-hashes en gebruikte technieken van de run die dit "
            "hoofdstuk maakte (uit output/manifest.json; hashes ingekort tot 16 tekens).\n\n"
            + table(["Onderdeel", "Waarde"], rows, caption="Run-manifest"))


def coding_limit_sentence(agreement: pd.DataFrame | None) -> str:
    """The limits paragraph's sentence on automatic coding: true to whether people reviewed it."""
    human = agreement is not None and not agreement.empty
    if human:
        return ("De automatische codering is een hulpmiddel: zij is steekproefsgewijs door mensen "
                "gecontroleerd (zie de overeenstemming hierboven), maar kan thema's missen of verkeerd "
                "toekennen.")
    return ("De automatische codering is een hulpmiddel en is dit jaar (nog) niet door mensen "
            "gecontroleerd: zij kan thema's missen of verkeerd toekennen, dus lees de cijfers als "
            "indicatie.")
