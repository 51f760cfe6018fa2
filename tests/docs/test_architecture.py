"""docs/architecture.md lists exactly the artifact tables the code declares, with their columns."""

from __future__ import annotations

import re
from pathlib import Path

from narratief.artifacts import key, stage_classes, table_schemas

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def documented_tables() -> dict[str, tuple[str, ...]]:
    """`- `name`: col, col (remark)` lines of the section on tables."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Tables (declared by the stage that writes them)", 1)[1].split("\n## ", 1)[0]
    tables = {}
    for match in re.finditer(r"^- `([\w/]+)`: (.+)$", section, re.MULTILINE):
        columns = re.sub(r"\([^)]*\)", "", match.group(2))
        tables[match.group(1)] = tuple(c.strip() for c in columns.split(",") if c.strip())
    return tables


def test_docs_list_exactly_the_declared_tables():
    declared = {key(s): s.names for s in table_schemas()}
    documented = documented_tables()
    assert sorted(documented) == sorted(declared)
    for name, columns in declared.items():
        assert documented[name] == columns, name


def test_every_schema_round_trips(tmp_path):
    import pandas as pd

    values = {"str": "a", "int": 1, "float": 0.5, "bool": True}
    for schema in table_schemas():
        frame = pd.DataFrame({c: [values[t.rstrip("?")]] for c, t in schema.columns})
        schema.save(frame, tmp_path / schema.folder)
        loaded = schema.load(tmp_path / schema.folder)
        assert loaded is not None and list(loaded.columns) == list(schema.names), schema.name


def documented_stages() -> dict[str, tuple[str, tuple[str, ...]]]:
    """manifest key -> (class path, artifacts) from the stage table of the docs."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## Stages", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].startswith("`"):
            rows[cells[0]] = (cells[1].strip("`"), tuple(a.strip() for a in cells[3].split(",")))
    return rows


def test_docs_list_exactly_the_stages_and_what_they_write():
    documented = documented_stages()
    declared = {}
    for cls in stage_classes():
        path = f"{cls.__module__}.{cls.__name__}"
        declared[cls.name] = (path, tuple(cls.artifacts))
    assert documented == declared
