"""Every artifact table the stages declare, gathered for docs checks and tooling.

Each schema lives next to its writer (`analysis.tables.SCHEMAS`, `nlp.topics.SCHEMAS`,
`analysis.agreement.SCHEMA`, `codebook.coding.io.SCHEMA`, `codebook.reviewed`), as does each stage
class (`<package>/stage.py`); only this orchestration package
imports them all.
"""

from __future__ import annotations

from nlp.io import TableSchema


# The modules that declare the tables below (their files key the per-computer word list of
# `narratief.vocabulary.own_words`).
SCHEMA_MODULES = ("analysis.agreement", "analysis.tables", "codebook.coding.io", "codebook.reviewed", "nlp.topics")


def table_schemas() -> tuple[TableSchema, ...]:
    """The declared tables, in pipeline order (declared in `SCHEMA_MODULES`)."""
    from analysis.agreement import SCHEMA as AGREEMENT
    from analysis.tables import SCHEMAS as ANALYSIS
    from codebook.coding.io import RELIABILITY_SCHEMA
    from codebook.coding.io import SCHEMA as SEGMENTS
    from codebook.reviewed import ASKED, HUMAN_CODES, SHAREABLE
    from nlp.topics import SCHEMAS as TOPICS

    return (SEGMENTS, RELIABILITY_SCHEMA, HUMAN_CODES, SHAREABLE, ASKED, AGREEMENT, *TOPICS.values(),
            *ANALYSIS.values())


def stage_classes() -> tuple[type, ...]:
    """Every `nlp.stage.Stage` implementation, in pipeline order."""
    from analysis.stage import AgreementStage, CompareStage
    from codebook.coding.stage import CodingStage
    from interviews.stage import PseudonymiseStage
    from nlp.topic_stage import TopicStage
    from reports.stage import InterpretationStage, ReportStage, ShareStage

    return (PseudonymiseStage, CodingStage, AgreementStage, TopicStage, CompareStage, InterpretationStage,
            ReportStage, ShareStage)


def key(schema: TableSchema) -> str:
    """The table's place under output/, as docs/architecture.md names it: "topics/over_time"."""
    return f"{schema.folder}/{schema.name}" if schema.folder else schema.name
