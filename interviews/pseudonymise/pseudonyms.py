"""Consistent pseudonyms: the same person gets the same pseudonym in every transcript and year.

Persons are numbered (`[Persoon 07]`); other categories get a visible label (`[Adres]`), or a
numbered one when `PseudonymStyle.number_all` is set. Variants of one name (case, possessive,
diminutive, first name alone vs full name) map to the same person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from interviews.errors import PseudonymisationError
from interviews.profiles import default_profile

from .findings import CATEGORIES, normalise
from .ages import render_age
from .birthdates import render_birthdate
from .keystore import PseudonymKey
from .numbers import is_year
from .recognizers import diminutive_stem, strip_possessive

DEFAULT_LABELS: dict[str, str] = {
    "persoon": "Persoon",
    "adres": "Adres",
    "telefoon": "Telefoon",
    "email": "E-mail",
    "postcode": "Postcode",
    "bsn": "BSN",
    "geboortedatum": "Geboortedatum",
    "handle": "Handle",
    "kenteken": "Kenteken",
    "leeftijd": "Leeftijd",
    "url": "Link",
    "nummer": "Nummer",
    "iban": "Rekeningnummer",
}
_INTERFIX = frozenset(default_profile().name_particles)


@dataclass(frozen=True)
class PseudonymStyle:
    """How pseudonyms look.

    Attributes:
        person: template for persons; `{label}` and `{n}` (the person number) are filled in.
        other: template for other categories (un-numbered by default).
        numbered_other: template for other categories when `number_all` is True.
        number_all: number every category (`[Adres 03]`), so `herleid` can resolve them too.
        labels: category -> visible label (must cover every category).
        age_bands: replace an age by its band ("[15-17 jaar]") instead of the label.
        birth_year_band: 0 (default): a date of birth becomes "[Geboortedatum]"; n > 0: the
            n-year band of the birth year ("[geboren 2005-2009]") when the date has a year.
    """

    person: str = "[{label} {n:02d}]"
    other: str = "[{label}]"
    numbered_other: str = "[{label} {n:02d}]"
    number_all: bool = False
    labels: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    age_bands: bool = True
    birth_year_band: int = 0

    def __post_init__(self) -> None:
        missing = [c for c in CATEGORIES if c not in self.labels]
        if missing:
            raise PseudonymisationError("N210", f"pseudoniemstijl mist een label voor: {', '.join(missing)}")

    def render(self, category: str, n: int | None) -> str:
        label = self.labels[category]
        if category == "persoon":
            return self.person.format(label=label, n=n)
        if self.number_all:
            return self.numbered_other.format(label=label, n=n)
        return self.other.format(label=label, n=n)

    def parse(self, pseudonym: str) -> tuple[str, int | None] | None:
        """`"[Persoon 07]"` -> ("persoon", 7); None when it is no pseudonym of this style."""
        for category in CATEGORIES:
            template = self.person if category == "persoon" else (
                self.numbered_other if self.number_all else self.other
            )
            pattern = re.escape(template).replace(re.escape("{label}"), re.escape(self.labels[category]))
            pattern = re.sub(r"\\\{n[^}]*\\\}", r"(?P<n>\\d+)", pattern)
            m = re.fullmatch(pattern, pseudonym.strip())
            if m:
                return category, int(m.group("n")) if "n" in m.groupdict() else None
        return None


DEFAULT_STYLE = PseudonymStyle()


def person_forms(text: str) -> set[str]:
    """Normalised forms under which a person name is recognised ("Fatima's" -> {"fatima"})."""
    bare = " ".join(strip_possessive(w) for w in text.split())
    forms = {normalise(bare)}
    if " " not in bare:
        stem = diminutive_stem(bare)
        if stem:
            forms.add(stem)
    return {f for f in forms if f}


def _name_tokens(form: str) -> list[str]:
    return [t for t in form.split() if t not in _INTERFIX and len(t) > 1]


class PseudonymAssigner:
    """Assigns pseudonyms against a key, adding new people and originals to it.

    Args:
        key: the opened key (changed in place: new persons and originals are added).
        style: how pseudonyms look.
    """

    def __init__(self, key: PseudonymKey, style: PseudonymStyle = DEFAULT_STYLE):
        self.key = key
        self.style = style
        self._index: dict[str, int] = {}
        for pid, names in key.persons.items():
            for name in names:
                for form in person_forms(name):
                    self._index.setdefault(form, pid)

    def person_id(self, text: str) -> int:
        """The person number for a name, linking variants; a new number for a new person."""
        forms = person_forms(text)
        pid = next((self._index[f] for f in sorted(forms) if f in self._index), None)
        if pid is None:
            pid = self._link(forms)
        if pid is None:
            pid = max(self.key.persons, default=0) + 1
            self.key.persons[pid] = []
        if text not in self.key.persons[pid]:
            self.key.persons[pid].append(text)
        for form in forms:
            self._index.setdefault(form, pid)
        return pid

    def _link(self, forms: set[str]) -> int | None:
        """A single name links to the one known full name that contains it, and vice versa."""
        for form in forms:
            tokens = _name_tokens(form)
            if not tokens:
                continue
            if len(tokens) == 1:
                owners = {pid for known, pid in self._index.items() if " " in known and tokens[0] in _name_tokens(known)}
            else:
                owners = {self._index[t] for t in (tokens[0], tokens[-1]) if t in self._index}
                owners = {o for o in owners if not any(
                    " " in normalise(n) and normalise(n) not in forms for n in self.key.persons[o])}
            if len(owners) == 1:
                return owners.pop()
        return None

    def _record(self, category: str, text: str) -> None:
        values = self.key.others.setdefault(category, [])
        if text not in values:
            values.append(text)

    def pseudonym(self, category: str, text: str) -> str:
        """The pseudonym for one finding text; records the original in the key."""
        if category not in self.style.labels:
            raise PseudonymisationError("N211", f"geen pseudoniem ingesteld voor categorie '{category}'")
        if category == "persoon":
            return self.style.render("persoon", self.person_id(text))
        if category == "leeftijd" and self.style.age_bands:
            return render_age(text)  # a band identifies nobody: not recorded in the key
        if category == "geboortedatum" and not self.style.number_all:
            if not is_year(text):  # a bare year is text the product writes itself: never a key entry
                self._record(category, text)
            return render_birthdate(text, self.style.labels[category], self.style.birth_year_band)
        values = self.key.others.setdefault(category, [])
        if text not in values:
            values.append(text)
        return self.style.render(category, values.index(text) + 1)


def reidentify(key: PseudonymKey, pseudonym: str, style: PseudonymStyle = DEFAULT_STYLE) -> str:
    """The original(s) behind a pseudonym, for an authorised user (`narratief herleid`).

    Args:
        key: the opened key.
        pseudonym: e.g. "[Persoon 07]".
        style: the style the pseudonyms were made with.

    Returns:
        The original spellings, joined with " / ".

    Raises:
        PseudonymisationError: N207 not a pseudonym / unknown; N208 an un-numbered label.

    Example:
        >>> reidentify(key, "[Persoon 07]")  # doctest: +SKIP
        'Fatima de Vries / Fatima'
    """
    parsed = style.parse(pseudonym)
    if parsed is None:
        raise PseudonymisationError("N207", "dit is geen pseudoniem in de ingestelde stijl")
    category, n = parsed
    if n is None:
        raise PseudonymisationError(
            "N208", "dit pseudoniem is niet genummerd en dus niet eenduidig herleidbaar (zet nummering aan)"
        )
    if category == "persoon":
        names = key.persons.get(n)
    else:
        values = key.others.get(category, [])
        names = [values[n - 1]] if 0 < n <= len(values) else None
    if not names:
        raise PseudonymisationError("N207", "dit pseudoniem komt niet voor in de sleutel")
    return " / ".join(names)
