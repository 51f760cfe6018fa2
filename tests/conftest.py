"""Suite-wide: the per-user embedding cache of the coding manual's texts (`nlp.embeddings.
shared_cache_dir`) lives in a folder of this test session, never in the user's own cache; the CLI
subprocesses of the tests inherit it."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def _shared_cache_of_this_session(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gedeelde-cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("NARRATIEF_CACHE_DIR", str(folder))
    yield folder
    mp.undo()
