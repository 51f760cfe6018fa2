"""Settings of automatic coding: one typed record, its defaults declared once, read from the
`[codering]` section of narratief.toml by `CodingSettings.from_section` (the workspace passes the
section in; no stage reads narratief.toml itself).

None of the defaults is fitted to labelled data. They are stated in units of the corpus being
coded: scores are z-scores within that corpus, so "1.25" means "1.25 standard deviations above
what is usual for this code in these transcripts".
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Mapping

from codebook.errors import CodebookError

COVERED_ELSEWHERE = ("taalmodel", "embeddings")  # read by the workspace/pipeline, not by the coder

# narratief.toml key (Dutch) -> field name. One place; every key here reaches the coder.
TOML_KEYS: dict[str, str] = {
    "trefwoordgewicht": "keyword_weight",
    "semantisch": "semantic",
    "vraagcontext": "question_context",
    "buurcontext": "neighbour_context",
    "themacontrast": "theme_contrast",
    "zelftraining": "self_training",
    "drempel_themas": "theme_threshold",
    "drempel_lenzen": "lens_threshold",
    "max_themas": "top_k_themes",
    "max_lenzen": "top_k_lenses",
    "min_woorden": "min_words",
    "max_woorden": "max_words",
    "prototypen_top": "prototype_top_k",
    "geleerd": "learned",
    "model": "model",
    "min_positief": "min_positives",
    "zeroshot_gewicht": "learned_prior",
    "cv_delen": "cv_folds",
    "prioraanpassing": "prior_shift",
    "use_embeddings": "use_embeddings",
    "seed": "random_state",
    "subcodes": "subcode_scores",
    "interviewer": "interviewer_labels",
    "rol_uit_gesprek": "roles_from_conversation",
}


@dataclass(frozen=True)
class CodingSettings:
    """Settings of automatic coding.

    Attributes:
        keyword_weight: z-units added per unit of keyword score (one keyword gives 0.5, two 0.75).
        semantic: compare segments with code prototypes by embeddings (False = keywords only).
        question_context: share of the interviewer's preceding question's score added to a
            participant's answer (the question sets the topic).
        neighbour_context: weight of the mean zero-shot score of the neighbouring participant
            segments (previous and next codable segment of the same document) added to a
            segment's own (themes persist over consecutive turns); 0 = off (the default: on the
            evaluation corpus through the whole pipeline it lost, docs/benchmarks.md). Used only
            while nobody has reviewed: after a review every coder works from the segment's own score.
        theme_contrast: score a theme by how much closer a segment is to it than to the other
            themes (semantic z-score minus the segment's mean over themes).
        self_training: weight of a model trained per code on the corpus's own clearest and least
            likely segments (pseudo-labels from the zero-shot scores, no reviewed labels); 0 = off.
        theme_threshold: lowest combined z-score that assigns a theme (zero-shot).
        lens_threshold: same for lenses.
        top_k_themes: most themes per segment.
        top_k_lenses: most lenses per segment.
        min_words: shorter segments ("ja, klopt") get no codes.
        max_words: longest segment before a turn is split.
        prototype_top_k: a code's semantic score is the mean cosine of its k nearest prototypes.
        learned: "auto" (per code, when reviewed codes exist and its grouped CV beats zero-shot)
            or "nooit" (zero-shot only).
        model: per-code classifier of the learned coder: "logreg" or "svm".
        min_positives: fewest reviewed positives before a code gets a learned model.
        learned_prior: weight of the zero-shot margin added to a learned model's score (the
            manual as a prior; 0 = the model alone).
        cv_folds: folds of the cross-validation grouped by interview.
        prior_shift: after a review, move the threshold of each code the zero-shot coder keeps
            (it beat the learned model in cross-validation) to the code's share in each year
            nobody reviewed, estimated from the calibrated scores (`shift.py`).
        use_embeddings: also use multilingual USE vectors as features of the learned coder.
        random_state: seed of every random choice (CV folds, classifiers, review selection).
        subcode_scores: also write score columns for subcodes.
        interviewer_labels: extra speaker labels (or names) that mean "interviewer".
        roles_from_conversation: recognise the moderator of named-person exports from the talk.
    """

    keyword_weight: float = 2.0
    semantic: bool = True
    question_context: float = 0.5
    neighbour_context: float = 0.0
    theme_contrast: bool = True
    self_training: float = 0.5
    theme_threshold: float = 1.25
    lens_threshold: float = 1.25
    top_k_themes: int = 2
    top_k_lenses: int = 2
    min_words: int = 4
    max_words: int = 80
    prototype_top_k: int = 3
    learned: str = "auto"
    model: str = "logreg"
    min_positives: int = 5
    learned_prior: float = 1.0
    cv_folds: int = 5
    prior_shift: bool = True
    use_embeddings: bool = False
    random_state: int = 0
    subcode_scores: bool = True
    interviewer_labels: tuple[str, ...] = ()
    roles_from_conversation: bool = True

    def __post_init__(self) -> None:
        if self.keyword_weight < 0 or (not self.semantic and self.keyword_weight == 0):
            raise CodebookError("N350", "trefwoordgewicht moet >= 0 zijn, en > 0 als semantisch uit staat")
        if self.learned not in ("auto", "nooit"):
            raise CodebookError("N350", "geleerd moet 'auto' of 'nooit' zijn")
        if self.model not in ("logreg", "svm"):
            raise CodebookError("N350", "model moet 'logreg' of 'svm' zijn")
        for name in ("top_k_themes", "top_k_lenses", "max_words", "prototype_top_k", "min_positives"):
            if getattr(self, name) < 1:
                raise CodebookError("N350", f"{_toml_name(name)} moet minstens 1 zijn")
        if self.cv_folds < 2:
            raise CodebookError("N350", "cv_delen moet minstens 2 zijn")
        if self.self_training < 0:
            raise CodebookError("N350", "zelftraining moet >= 0 zijn")
        if not 0 <= self.question_context <= 1:
            raise CodebookError("N350", "vraagcontext moet tussen 0 en 1 liggen")
        if not 0 <= self.neighbour_context <= 1:
            raise CodebookError("N350", "buurcontext moet tussen 0 en 1 liggen")

    @classmethod
    def from_section(cls, section: Mapping[str, Any] | None) -> "CodingSettings":
        """Settings from the `[codering]` section; an unknown key or a wrong type is an error.

        Raises:
            CodebookError: N350 naming the key.
        """
        values: dict[str, Any] = {}
        types = {f.name: f.type for f in fields(cls)}
        for key, value in (section or {}).items():
            if key in COVERED_ELSEWHERE:
                continue
            name = TOML_KEYS.get(key)
            if name is None:
                known = ", ".join(sorted([*TOML_KEYS, *COVERED_ELSEWHERE]))
                raise CodebookError("N350", f"onbekende instelling '{key}' in [codering]; bekend: {known}")
            values[name] = _convert(key, value, str(types[name]))
        return cls(**values)


def _toml_name(field_name: str) -> str:
    return next((k for k, v in TOML_KEYS.items() if v == field_name), field_name)


def _convert(key: str, value: Any, kind: str) -> Any:
    wrong = CodebookError("N350", f"instelling '{key}' in [codering] heeft een verkeerd type ({value!r})")
    if kind.startswith("tuple"):
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise wrong
        return tuple(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise wrong
        return value
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong
        return value
    if kind == "float":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise wrong
        return float(value)
    if not isinstance(value, str):
        raise wrong
    return value
