"""Render a chapter source to HTML, DOCX and PDF with Quarto, or without it with pandoc + Typst.

Engines:
    "quarto"  `quarto render <qmd> --to html|docx|typst --output <name>` in a subprocess; the exit
              code AND each output file are checked, quarto's error output is shown on failure.
    "pandoc"  pandoc from pypandoc-binary: self-contained HTML (`--embed-resources --standalone`),
              DOCX (pandoc's Heading 1/2 styles), and PDF via pandoc's Typst writer compiled with
              the `typst` package (its embedded fonts only, so every machine renders alike).
    "auto"    quarto when `shutil.which("quarto")` finds it, else pandoc.

Every output is first written under a temporary name and then moved into place with `os.replace`.
With pandoc, a document whose inputs (its Markdown, its figures, the style templates, the formats,
the versions of pandoc, Typst and this module) are those of its last rendering, and whose rendered
files are still as written, is not rendered again (`RENDER_RECORD`: hashes only); the result says so.

Example:
    >>> result = render_chapter(source, formats=("html", "pdf"))
    >>> result.engine, [p.name for p in result.files]
    ('pandoc 3.9 + typst 0.15.0', ['narratief-onderzoek-2025.html', 'narratief-onderzoek-2025.pdf'])
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from nlp.stage import hash_bytes, hash_files
from reports.chapter import ChapterSource
from reports.errors import ReportError

FORMATS: tuple[str, ...] = ("html", "docx", "pdf")
_QUARTO_TO = {"html": "html", "docx": "docx", "pdf": "typst"}
_FIG_ALT = re.compile(r'\]\(([^)\s]+)\)\{fig-alt="([^"]*)"')
RENDER_RECORD = ".opmaak.json"  # per folder and document: the inputs' hash and the rendered files' hashes
_PANDOC_TEMPLATES = ("hoofdstuk.css", "referentie.docx", "hoofdstuk-typst.typ")
_LINKED = re.compile(r"\]\(<?([^)\s>]+)>?")  # Markdown link and image targets


@dataclass(frozen=True)
class RenderResult:
    """Rendered files (in the order of `formats`), the engine that ran, and Typst warnings."""

    files: tuple[Path, ...]
    engine: str
    warnings: tuple[str, ...] = ()
    reused: bool = False  # the files of the last rendering, whose inputs were the same


def _tail(text: str, lines: int = 15) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    formats = tuple(formats)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise ReportError("N607", f"onbekend formaat {', '.join(unknown) or '(geen)'}; kies uit "
                          + ", ".join(FORMATS))
    return formats


def _render_quarto(quarto: str, qmd: Path, stem: str, formats: tuple[str, ...]) -> RenderResult:
    files = []
    for fmt in formats:
        final = qmd.parent / f"{stem}.{fmt}"
        tmp_name = f"{stem}.tmp-render.{fmt}"
        try:
            proc = subprocess.run([quarto, "render", qmd.name, "--to", _QUARTO_TO[fmt], "--output", tmp_name],
                                  cwd=qmd.parent, capture_output=True, text=True, timeout=900,
                                  env={**os.environ, **_REPRODUCIBLE_ENV})
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ReportError("N603", f"quarto kon niet draaien ({type(exc).__name__})", path=qmd) from None
        if proc.returncode != 0:
            raise ReportError("N603", f"quarto render ({fmt}) mislukte met code {proc.returncode}:\n"
                              + _tail(proc.stderr or proc.stdout), path=qmd)
        produced = qmd.parent / tmp_name
        if not produced.exists():
            raise ReportError("N604", f"quarto meldde succes, maar {tmp_name} ({fmt}) is niet gemaakt", path=qmd)
        os.replace(produced, final)
        files.append(final)
    return RenderResult(tuple(files), "quarto")


# Typst rules added to pandoc's template (templates/hoofdstuk-typst.typ): tables that break across
# pages with their header row repeated (pandoc emits `table.header`), ruled and zebra-striped tables,
# no creation date (the same inputs give the same PDF bytes). The page size is A4.
TOC_TITLE = "Inhoud"
# No wall-clock time in any output: pandoc reads SOURCE_DATE_EPOCH for DOCX metadata and zip entries.
_REPRODUCIBLE_ENV = {"SOURCE_DATE_EPOCH": "0"}


def _pandoc(args: list[str], cwd: Path) -> None:
    """Run the pandoc binary of pypandoc-binary with absolute paths in a known working directory."""
    import pypandoc

    env = {**os.environ, **_REPRODUCIBLE_ENV}
    try:
        proc = subprocess.run([pypandoc.get_pandoc_path(), *args], cwd=cwd, env=env, capture_output=True,
                              text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeError(f"pandoc kon niet draaien ({type(exc).__name__})") from None
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr or proc.stdout or f"exitcode {proc.returncode}")


def _template(name: str) -> Path:
    from importlib import resources

    return Path(str(resources.files("reports").joinpath("templates", name)))


def _typst_source(qmd: Path, out: Path) -> None:
    """The Typst source of the chapter (pandoc's Typst writer, the alt texts of the figures added)."""
    _pandoc([str(qmd), "--from", "markdown", "--to", "typst-smart", "--standalone", "--toc", "--toc-depth=2",
                 "--include-in-header", str(_template("hoofdstuk-typst.typ")), "-V", "papersize=a4", "-V", "region=NL",
                 "-V", "fontsize=10.5pt",
                 "--output", str(out)], qmd.parent)
    text = out.read_text(encoding="utf-8")
    alts = dict(_FIG_ALT.findall(qmd.read_text(encoding="utf-8")))
    for path, alt in alts.items():
        safe = alt.replace("\\", "\\\\").replace('"', '\\"')
        text = text.replace(f'image("{path}")', f'image("{path}", alt: "{safe}")')
    out.write_text(text, encoding="utf-8")


_TOC_FIELD = re.compile(r'<w:p>(<w:r><w:fldChar w:fldCharType="begin"[^>]*/><w:instrText[^>]*>TOC [^<]*</w:instrText>'
                        r'<w:fldChar w:fldCharType="separate" />)<w:fldChar w:fldCharType="end" /></w:r></w:p>')
_HEADING = re.compile(r'<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading([12])" />(.*?)</w:p>', re.DOTALL)
_TEXT = re.compile(r"<w:t[^>]*>([^<]*)</w:t>")


def _fill_docx_toc(path: Path) -> None:
    """Put the headings into the DOCX contents field, so it is not empty before Word updates it
    (the field stays marked for updating, which adds the page numbers). Entry order, names and
    dates of the zip are kept, so the same input gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info)) for info in archive.infolist()]
    out = []
    for info, data in entries:
        if info.filename == "word/document.xml":
            xml = data.decode("utf-8")
            field = _TOC_FIELD.search(xml)
            if field:
                lines = [(level, "".join(_TEXT.findall(body))) for level, body in _HEADING.findall(xml[field.end():])]
                paras = [f'<w:p><w:pPr><w:pStyle w:val="TOC{level}" /><w:ind w:left="{(int(level) - 1) * 360}" />'
                         f'</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>' for level, text in lines if text]
                if paras:
                    first = paras[0].replace("<w:r>", field.group(1) + "</w:r><w:r>", 1)
                    last = "<w:p><w:r><w:fldChar w:fldCharType=\"end\" /></w:r></w:p>"
                    xml = xml[:field.start()] + first + "".join(paras[1:]) + last + xml[field.end():]
                    data = xml.encode("utf-8")
        out.append((info, data))
    with zipfile.ZipFile(path, "w") as archive:
        for info, data in out:
            archive.writestr(info, data)


def _render_pandoc(qmd: Path, stem: str, formats: tuple[str, ...],
                   reference_docx: Path | None = None) -> RenderResult:
    import pypandoc
    import typst

    qmd = qmd.resolve()
    folder = qmd.parent
    common = [str(qmd), "--from", "markdown", "--resource-path", str(folder), "--toc", "--toc-depth=2",
              "--metadata", f"toc-title={TOC_TITLE}"]

    def one(fmt: str) -> tuple[Path, list[str]]:
        final = folder / f"{stem}.{fmt}"
        tmp = folder / f".{stem}.tmp-render.{fmt}"
        found: list = []
        try:
            if fmt == "html":
                _pandoc(common + ["--to", "html5", "--standalone", "--embed-resources",
                                  "--css", str(_template("hoofdstuk.css")), "--output", str(tmp)], folder)
            elif fmt == "docx":
                reference = Path(reference_docx).resolve() if reference_docx else _template("referentie.docx")
                _pandoc(common + ["--to", "docx", "--reference-doc", str(reference), "--output", str(tmp)],
                        folder)
                _fill_docx_toc(tmp)
            else:
                typ = folder / f".{stem}.tmp-render.typ"
                try:
                    _typst_source(qmd, typ)
                    _, found = typst.compile_with_warnings(str(typ), output=str(tmp), root=str(folder),
                                                           ignore_system_fonts=True)
                finally:
                    typ.unlink(missing_ok=True)
        except RuntimeError as exc:
            tmp.unlink(missing_ok=True)
            code = "N606" if isinstance(exc, typst.TypstError) else "N605"
            tool = "typst" if code == "N606" else "pandoc"
            raise ReportError(code, f"{tool} kon {fmt} niet maken:\n{_tail(str(exc))}", path=qmd) from None
        if not tmp.exists():
            raise ReportError("N604", f"{fmt} is niet gemaakt", path=qmd)
        return tmp, [getattr(w, "message", str(w)) for w in found]

    # The formats are independent (pandoc runs as a subprocess): render them side by side, then move
    # each into place only when all succeeded, in the order asked for.
    with ThreadPoolExecutor(max_workers=len(formats)) as pool:
        jobs = [pool.submit(one, fmt) for fmt in formats]
        done = [job.exception() for job in jobs]
    failed = next((error for error in done if error is not None), None)
    if failed is not None:
        for job in jobs:
            if job.exception() is None:
                job.result()[0].unlink(missing_ok=True)
        raise failed
    files, warnings = [], []
    for fmt, job in zip(formats, jobs):
        tmp, found = job.result()
        final = folder / f"{stem}.{fmt}"
        os.replace(tmp, final)
        files.append(final)
        warnings.extend(found)
    version = pypandoc.get_pandoc_version()
    return RenderResult(tuple(files), f"pandoc {version} + typst {typst.__version__}", tuple(warnings))


def render_document(qmd: Path, stem: str, formats: Sequence[str] = FORMATS, engine: str = "auto") -> RenderResult:
    """Render one Markdown/Quarto document to `<folder of qmd>/<stem>.<format>`.

    Args:
        qmd: the `.qmd` source (its folder also holds `_quarto.yml` and `figuren/`).
        stem: output name without extension.
        formats: any of "html", "docx", "pdf".
        engine: "auto", "quarto" or "pandoc".

    Returns:
        `RenderResult` with the files and the engine used.

    Raises:
        ReportError: N603/N604 (quarto), N605 (pandoc), N606 (typst), N607 (format/engine).
    """
    formats = _check_formats(formats)
    given = Path(qmd)
    qmd = given.resolve()  # renderers run in the document's folder: never rely on the caller's cwd
    quarto = shutil.which("quarto")
    if engine == "quarto" and not quarto:
        raise ReportError("N607", "quarto staat niet op het PATH; kies engine 'pandoc' of 'auto'")
    if engine not in ("auto", "quarto", "pandoc"):
        raise ReportError("N607", f"onbekende engine '{engine}'; kies auto, quarto of pandoc")
    if quarto and engine in ("auto", "quarto"):
        result = _render_quarto(quarto, qmd, stem, formats)
    else:
        inputs = _pandoc_inputs_hash(qmd, stem, formats)
        result = _rendered_before(qmd, stem, inputs)
        if result is None:
            result = _render_pandoc(qmd, stem, formats)
            _remember_rendering(qmd, stem, inputs, result)
    # the files named as the caller named the source (relative stays relative)
    return replace(result, files=tuple(given.parent / p.name for p in result.files))


def _pandoc_inputs_hash(qmd: Path, stem: str, formats: tuple[str, ...]) -> str:
    """Everything a pandoc rendering of `qmd` reads or depends on: the document, its figures
    (`figuren/`) and any other file of its folder it links to, the style templates, the formats,
    pandoc's and Typst's versions and this module."""
    import pypandoc
    import typst


    folder = qmd.parent.resolve()
    figures = folder / "figuren"
    read = {qmd, Path(__file__), *(_template(name) for name in _PANDOC_TEMPLATES)}
    read |= {p for p in figures.rglob("*") if p.is_file()} if figures.is_dir() else set()
    for target in _LINKED.findall(qmd.read_text(encoding="utf-8")):  # e.g. a picture in an interpretation
        path = (folder / target).resolve()
        if path.is_file() and path.is_relative_to(folder):
            read.add(path)
    return hash_bytes(stem, ",".join(formats), pypandoc.get_pandoc_version(), typst.__version__, hash_files(read))


def _read_record(folder: Path) -> dict:
    from nlp.io import read_json

    try:
        record = read_json(folder / RENDER_RECORD)
    except (OSError, ValueError):
        return {}
    return record if isinstance(record, dict) else {}


def _rendered_before(qmd: Path, stem: str, inputs: str) -> RenderResult | None:
    """The last rendering of this document when its inputs were the same and its files are still
    as it wrote them (a file edited, moved or removed by hand is rendered again)."""
    entry = _read_record(qmd.parent).get(stem)
    if not isinstance(entry, dict) or entry.get("inputs") != inputs:
        return None
    files = entry.get("files")
    if not isinstance(files, dict) or not files:
        return None
    paths = [qmd.parent / name for name in files]
    if any(hash_files([path]) != sha for path, sha in zip(paths, files.values())):
        return None
    return RenderResult(tuple(paths), str(entry.get("engine", "")), tuple(entry.get("warnings", ())), reused=True)


def _remember_rendering(qmd: Path, stem: str, inputs: str, result: RenderResult) -> None:
    from nlp.io import write_json

    record = _read_record(qmd.parent)
    record[stem] = {"inputs": inputs, "engine": result.engine, "warnings": list(result.warnings),
                    "files": {p.name: hash_files([p]) for p in result.files}}
    write_json(record, qmd.parent / RENDER_RECORD)


def render_chapter(source: ChapterSource, formats: Sequence[str] = FORMATS, engine: str = "auto") -> RenderResult:
    """Render a built chapter to `narratief-onderzoek-<year>.{html,docx,pdf}` next to its .qmd.

    See `render_document` for arguments and errors.
    """
    return render_document(source.qmd, source.stem, formats, engine)
