"""The command line shared by benchmarks that measure a workspace after `narratief run`."""

from __future__ import annotations

import argparse
from pathlib import Path


def parse_workspace_args(description: str, argv: list[str] | None = None) -> argparse.Namespace | None:
    """`[WORKSPACE] [--repeat N]`; WORKSPACE defaults to the one `make demo` writes.

    Returns:
        The arguments, or None (after saying why) when WORKSPACE holds no finished run.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("workspace", type=Path, nargs="?", default=Path("demo-werkmap"),
                        help="a workspace after `narratief run` (default: the one `make demo` writes)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    if not (args.workspace / "output" / "manifest.json").is_file():
        print(f"{args.workspace}: no finished run here; run `make demo` (or `narratief run`) first")
        return None
    return args
