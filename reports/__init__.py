"""The reports stage: the chapter "Narratief onderzoek" and the learning-community edition.

Public API (import from the submodules; this package imports nothing on its own):
    reports.inputs.load_report_inputs(output_dir, codebook, interpretation_dir, ...) -> ReportInputs
    reports.chapter.build_chapter(inputs, year, out_dir) -> ChapterSource
    reports.render.render_chapter(source, formats=("html", "docx", "pdf"), engine="auto") -> RenderResult
    reports.share.build_shared_edition(inputs, year, out_dir, settings, formats, engine) -> SharedEdition
"""
