"""The words narratief's outputs write themselves, whatever the transcripts say.

The leak check searches every output file for the key's originals. An original that is also one of
the product's own words - a nickname "Kappa" beside the report's "Cohens kappa", a surname "Alpha" -
would otherwise be found in every report and stop every run, although the transcripts are clean.
These words are read from the code that writes the outputs, so the list cannot fall behind it:
the string constants (not docstrings) of the report and analysis packages, the report templates,
and the column names of every declared table. The leak check masks them only where they stand
exactly as written here (same case, whole word): see `interviews.pseudonymise.leakcheck.LeakSearch`.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WRITING_PACKAGES = ("reports", "analysis")
TEMPLATE_SUFFIXES = (".qmd", ".typ", ".css", ".yaml", ".yml", ".md", ".html")
_WORD = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=1)
def own_words() -> frozenset[str]:
    """Every word (three letters or more, as written) the report, the shared edition and the tables
    write of their own accord.

    Read once per computer (`nlp.runtime.cached_table`, keyed by the paths, sizes and times of the
    files read): parsing the modules and importing the table declarations (which loads pandas) took
    about 0.6 s in every process that runs a leak check. A declaration outside the files listed can
    only make this set smaller than it should be: the leak check then finds more, never less.
    """
    from narratief.artifacts import SCHEMA_MODULES
    from nlp.runtime import cached_table

    files = [path for package in WRITING_PACKAGES for path in sorted((ROOT / package).rglob("*"))
             if path.suffix == ".py" or path.suffix in TEMPLATE_SUFFIXES]
    schemas = [ROOT / (module.replace(".", "/") + ".py") for module in SCHEMA_MODULES]
    sources = sorted({*files, *schemas, Path(__file__)})
    return cached_table("eigen-woorden", "1", sources, lambda: _read_own_words(files))


def _read_own_words(files: list[Path]) -> frozenset[str]:
    """The words of the writing packages' string constants and templates, and of the tables' names."""
    from narratief.artifacts import table_schemas

    texts: list[str] = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        texts += _string_constants(text) if path.suffix == ".py" else [text]
    for schema in table_schemas():
        texts += [schema.name, *schema.names]
    return frozenset(word for text in texts for word in _WORD.findall(text))


def _string_constants(source: str) -> list[str]:
    """The string literals of a module, without its docstrings (prose about the code, not output)."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
