"""Typed records of the codebook: themes with subcodes, lenses, and the national crosswalk."""

from __future__ import annotations

from dataclasses import dataclass, field

from interviews.profiles import default_profile

# The national PmG themes: declared once, in the national base profile (interviews/profiles/nederland.yaml).
NATIONAL_THEMES: tuple[str, ...] = default_profile().national_themes


@dataclass(frozen=True)
class Code:
    """One code: a theme (parent None), a subcode of a theme, or a lens.

    Attributes:
        id: stable identifier, e.g. "school" or "school.verzuim".
        kind: "theme", "subcode" or "lens".
        name: Dutch display name.
        definition: what the code means (non-empty).
        parent: id of the parent theme for a subcode, else None.
        include: inclusion criteria.
        exclude: exclusion criteria.
        examples: example utterances (own words, no personal data).
        keywords: words or phrases; matched on lemmas.
        national: national PmG themes this code maps to (subset of NATIONAL_THEMES).
    """

    id: str
    kind: str
    name: str
    definition: str
    parent: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    national: tuple[str, ...] = ()

    def prototype_text(self) -> str:
        """Name, definition and examples as one text: what an embedding of the code compares to."""
        return " ".join([f"{self.name}.", self.definition, *self.examples])


@dataclass(frozen=True)
class Codebook:
    """A validated codebook. Build it with `codebook.load_codebook`, not by hand."""

    name: str
    version: str
    codes: tuple[Code, ...] = field(default_factory=tuple)

    @property
    def themes(self) -> tuple[Code, ...]:
        return tuple(c for c in self.codes if c.kind == "theme")

    @property
    def lenses(self) -> tuple[Code, ...]:
        return tuple(c for c in self.codes if c.kind == "lens")

    def subcodes(self, theme_id: str) -> tuple[Code, ...]:
        return tuple(c for c in self.codes if c.parent == theme_id)

    def get(self, code_id: str) -> Code:
        for code in self.codes:
            if code.id == code_id:
                return code
        raise KeyError(code_id)

    def terms(self) -> set[str]:
        """Every keyword of every code: programme vocabulary that pseudonymisation must keep."""
        return {kw for c in self.codes for kw in c.keywords}
