"""Session fixtures for the coding tests: pipeline, embedder (with a persistent embedding cache in
pytest's cache folder, so a re-run does not embed again), codebook and the demo corpus."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from codebook.coding import CodingSettings, code_segments, make_segments
from codebook.model import Code, Codebook
from interviews.records import PseudonymisedTranscript, Transcript, TranscriptMeta, Turn
from nlp.embeddings import CachedEmbedder, load_embedder
from nlp.language import MissingModelWarning, load_language

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "narratief" / "demo"


@pytest.fixture(scope="session")
def language():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", MissingModelWarning)
        return load_language()


@pytest.fixture(scope="session")
def embedder(request):
    cache = Path(request.config.cache.mkdir("narratief-embeddings"))
    return CachedEmbedder(load_embedder("auto"), cache)


@pytest.fixture(scope="session")
def small_codebook() -> Codebook:
    return Codebook(
        name="test",
        version="1",
        codes=(
            Code("school", "theme", "School", "De school als centrale plek: onderwijs, leerplicht en verzuim.",
                 examples=("De leerplichtambtenaar belt meteen als een leerling niet op school is.",),
                 keywords=("school", "leerling")),
            Code("school.verzuim", "subcode", "Verzuim", "Schoolverzuim en thuiszitten.", parent="school",
                 keywords=("verzuim", "spijbelen")),
            Code("gezin", "theme", "Gezin", "Het hele gezin en de familie van de jongere.",
                 examples=("We werken met het hele gezin, niet alleen met de jongen.",),
                 keywords=("gezin", "ouder", "veilig thuis")),
            Code("resultaat", "lens", "Resultaat", "Er is een resultaat of effect te zien.",
                 examples=("Het werkt, we zien echt minder incidenten.",), keywords=("werken goed", "resultaat")),
            Code("bijsturen", "lens", "Bijsturen", "Er moet iets veranderen; een knelpunt of aanbeveling.",
                 examples=("Dit moet anders, de wachtlijst is veel te lang.",), keywords=("knelpunt", "moet anders")),
        ),
    )


@pytest.fixture(scope="session")
def codebook():
    load = pytest.importorskip("codebook.load")
    return load.load_codebook(load.default_codebook_path())


@pytest.fixture(scope="session")
def pseudo():
    """Build a small PseudonymisedTranscript from turn texts."""
    return _pseudo


def _pseudo(doc: str, year: int, texts: list[str], type_: str = "wijk", wijk: str = "Helmond-West") -> PseudonymisedTranscript:
    turns = tuple(Turn(i, f"Spreker {i % 2 + 1}", t) for i, t in enumerate(texts))
    return PseudonymisedTranscript(doc, f"{doc}.txt", TranscriptMeta(year, type_, wijk), turns, "0" * 64, "txt")


@pytest.fixture(scope="session")
def demo_transcripts() -> list[PseudonymisedTranscript]:
    corpus = pytest.importorskip("interviews.corpus")
    raw: list[Transcript] = list(corpus.read_corpus(DEMO / "interviews").transcripts)
    # TEST ONLY: the demo corpus is synthetic, so raw fields are wrapped as a PseudonymisedTranscript
    # without running the pseudonymisation stage. Never do this outside tests.
    return [PseudonymisedTranscript(t.doc, t.source, t.meta, t.turns, t.sha256, t.format) for t in raw]


@pytest.fixture(scope="session")
def gold() -> pd.DataFrame:
    return pd.read_csv(DEMO / "gold" / "codes.csv", dtype={"doc": str})


@pytest.fixture(scope="session")
def demo_segments(demo_transcripts, language) -> pd.DataFrame:
    return make_segments(demo_transcripts, language, max_words=CodingSettings().max_words)


@pytest.fixture(scope="session")
def demo_coded(demo_segments, codebook, language, embedder):
    return code_segments(demo_segments, codebook, language, embedder, CodingSettings())
