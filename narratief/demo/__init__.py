"""Synthetic demo corpus shipped with narratief (data only; importing this package does nothing).

Layout (all invented people, addresses and numbers):
    interviews/<year>/...      twelve transcripts, 2024-2026, every supported format
    interviews/metadata.csv    metadata for the .srt and .vtt files
    gold/pii.csv               planted personal data per document (category, exact text)
    gold/keep.csv              programme terms per document that must survive pseudonymisation
    gold/codes.csv             a human coder's themes and lenses per turn
    gold/README.md             the design: trend, emergent subject, recurring people
    interpretatie/<theme>.md   an evaluator's interpretation for three of the five themes
`narratief init --demo` copies `interviews/` and `interpretatie/` into a workspace.
"""

from pathlib import Path

DEMO_DIR: Path = Path(__file__).resolve().parent
"""Folder holding the demo corpus, its gold files and the interpretations."""
