"""A figure is drawn again only when what it shows changed: a rebuilt chapter with the same numbers
reuses the PNGs (same bytes), a changed number redraws that figure alone, and a PNG changed by hand
is drawn again."""

from __future__ import annotations

import hashlib
import json

import pytest

from report_fixtures import make_inputs
from reports import figures
from reports.chapter import build_chapter


@pytest.fixture
def drawn(monkeypatch):
    """The names of the figures actually drawn (saved through matplotlib)."""
    names: list[str] = []
    real = figures._save

    def counting(fig, out_dir, name):
        names.append(name)
        return real(fig, out_dir, name)

    monkeypatch.setattr(figures, "_save", counting)
    return names


def _pngs(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((folder / "figuren").glob("*.png"))}


def test_same_numbers_reuse_the_figures(tmp_path, drawn):
    first = build_chapter(make_inputs(), 2025, tmp_path)
    before = _pngs(tmp_path)
    assert sorted(drawn) == sorted(before) and len(before) >= 4
    drawn.clear()
    second = build_chapter(make_inputs(), 2025, tmp_path)
    assert drawn == []
    assert _pngs(tmp_path) == before
    assert second.figures == first.figures  # captions and alt texts as before
    record = (tmp_path / "figuren" / figures.SOURCES_FILE).read_text(encoding="utf-8")
    assert set(json.loads(record)) == set(before)  # hashes only, one entry per figure


def test_a_changed_share_redraws_only_the_figures_that_show_it(tmp_path, drawn):
    inputs = make_inputs()
    build_chapter(inputs, 2025, tmp_path)
    before = _pngs(tmp_path)
    drawn.clear()
    theme_year = inputs.theme_year.copy()
    row = (theme_year["year"] == 2025) & (theme_year["theme"] == "school") & (theme_year["lens"] == "")
    theme_year.loc[row, "share"] *= 0.9  # below the largest share: the common axis stays as it was
    build_chapter(make_inputs(theme_year=theme_year), 2025, tmp_path)
    assert "ontwikkeling.png" in drawn and "thema-2025.png" in drawn and "verloop-school.png" in drawn
    assert "verloop-grenzen.png" not in drawn and "dwarsverbanden-2025.png" not in drawn
    after = _pngs(tmp_path)
    assert after["thema-2025.png"] != before["thema-2025.png"]
    assert after["verloop-grenzen.png"] == before["verloop-grenzen.png"]


def test_a_png_changed_by_hand_is_drawn_again(tmp_path, drawn):
    build_chapter(make_inputs(), 2025, tmp_path)
    before = _pngs(tmp_path)
    (tmp_path / "figuren" / "thema-2025.png").write_bytes(b"niet meer de figuur")
    (tmp_path / "figuren" / "ontwikkeling.png").unlink()
    drawn.clear()
    build_chapter(make_inputs(), 2025, tmp_path)
    assert sorted(drawn) == ["ontwikkeling.png", "thema-2025.png"]
    assert _pngs(tmp_path) == before
