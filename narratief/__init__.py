"""narratief: orchestration of the pipeline stages (CLI, workspace, pipeline, run manifest)."""

__version__ = "0.1.0"
