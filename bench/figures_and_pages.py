"""How long do a report's figures and pages take, notebook by notebook?

For each of the per-statement notebooks, run on the seed statement in this process (an IPython shell
set up as a kernel would be, so each figure is shown as a page shows it), prints:

- figures: how many the notebook shows, and the seconds spent drawing them: the wide layout (the
  figure functions of readout.report.figures), the phone layout (readout.report.figure_layout.narrow_copy),
  and drawing and encoding both as PNG (readout.report.pictures.figure_png); their sum is what
  figures cost the notebook;
- page: the seconds :func:`readout.report.export.notebook_to_html` takes to turn the executed
  notebook into its page (the exporter built beforehand, as the runner does while kernels work).

Medians of N repeats (``-n``, default 5) per notebook, after one untimed run that loads everything;
CPU seconds (this process) beside wall seconds. Run with ``python bench/figures_and_pages.py``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted((ROOT / "seeds").glob("*.txt"))[0]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))

spent: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])  # part -> [wall, cpu] of one notebook run
counts: dict[str, int] = defaultdict(int)


def timed(part: str, func: Callable[..., Any]) -> Callable[..., Any]:
    """``func``, adding its wall and CPU seconds to ``spent[part]`` (an inner call of the same part is
    not counted twice)."""
    depth = [0]

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return func(*args, **kwargs)
        depth[0] += 1
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            return func(*args, **kwargs)
        finally:
            depth[0] -= 1
            spent[part][0] += time.perf_counter() - wall
            spent[part][1] += time.process_time() - cpu
            counts[part] += 1

    return run


def instrument() -> None:
    """Time the figure functions (wide layout), the phone copies and the PNG encoding (as the figure
    bundle a notebook shows calls them)."""
    from readout.report import figures, pictures

    for name in figures.__all__:
        if name.endswith("_figure"):
            setattr(figures, name, timed("wide layout", getattr(figures, name)))
    pictures.narrow_copy = timed("phone layout", pictures.narrow_copy)
    pictures.figure_png = timed("PNG encoding", pictures.figure_png)


def execute(notebook: Path, folder: Path) -> nbformat.NotebookNode:
    """Run ``notebook`` on the seed in this process's IPython shell, papermill's way (parameters after
    the parameters cell, a fresh namespace), keeping each cell's outputs as a kernel would."""
    from IPython.core.interactiveshell import InteractiveShell
    from nbformat.v4 import new_output

    shell = InteractiveShell.instance()
    shell.reset(new_session=False)
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        outputs: list[Any] = []
        shell.display_pub.publish = lambda data, metadata=None, **kw: outputs.append(  # type: ignore[method-assign]
            new_output("display_data", data=data, metadata=metadata or {}))
        shell.displayhook.write_format_data = lambda data, metadata=None: outputs.append(  # type: ignore[method-assign]
            new_output("execute_result", data=data, metadata=metadata or {}, execution_count=1))
        with contextlib.redirect_stdout(io.StringIO()):  # what a cell prints is not this script's output
            shell.run_cell(cell.source, store_history=False, silent=False).raise_error()
        cell.outputs = outputs
        if "parameters" in cell.metadata.get("tags", []):
            shell.run_cell(f"statement_path = {str(SEED)!r}\noutput_dir = {str(folder)!r}", store_history=False)
    return nb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", "--repeats", type=int, default=5)
    args = parser.parse_args()
    from IPython.core.interactiveshell import InteractiveShell

    from readout.report.export import PageContext, notebook_to_html, page_name, warm_up

    shell = InteractiveShell.instance()
    shell.displayhook.write_output_prompt = lambda: None  # type: ignore[method-assign]
    shell.enable_gui = lambda gui=None: None  # type: ignore[method-assign]  (%matplotlib inline: no event loop)
    instrument()
    warm_up()
    pages = tuple((nb.stem, page_name(nb.stem)) for nb in NOTEBOOKS)
    rows: dict[str, dict[str, list[tuple[float, float]]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for notebook in NOTEBOOKS:
            context = PageContext("Seed", SEED.name, "0" * 64, {}, frozenset(s for s, _ in pages), pages=pages,
                                  run="2026-01-01T00:00:00+00:00", commit="0" * 40)
            per: dict[str, list[tuple[float, float]]] = defaultdict(list)
            for repeat in range(args.repeats + 1):
                spent.clear()
                counts.clear()
                executed = execute(notebook, folder)
                nbformat.write(executed, folder / notebook.name)
                wall, cpu = time.perf_counter(), time.process_time()
                notebook_to_html(folder / notebook.name, folder / f"{notebook.stem}.html", False, context)
                page = (time.perf_counter() - wall, time.process_time() - cpu)
                if repeat == 0:
                    figures_shown = counts["PNG encoding"] // 2 if counts["phone layout"] else counts["PNG encoding"]
                    continue  # loads what the notebook needs: not counted
                for part in ("wide layout", "phone layout", "PNG encoding"):
                    per[part].append(tuple(spent[part]))  # type: ignore[arg-type]
                per["figures, all"].append((sum(spent[p][0] for p in ("wide layout", "phone layout", "PNG encoding")),
                                            sum(spent[p][1] for p in ("wide layout", "phone layout", "PNG encoding"))))
                per["page export"].append(page)
            per["count"] = [(figures_shown, figures_shown)]
            rows[notebook.stem] = per

    def med(values: list[tuple[float, float]]) -> str:
        return f"{statistics.median(v[0] for v in values):6.3f} ({statistics.median(v[1] for v in values):6.3f})"

    parts = ["wide layout", "phone layout", "PNG encoding", "figures, all", "page export"]
    print(f"python {sys.version.split()[0]}; statement {SEED.name}; medians of {args.repeats} runs; "
          "seconds wall (CPU)")
    print(f"{'notebook':<12} {'figures':>7} " + " ".join(f"{p:>16}" for p in parts))
    totals = defaultdict(lambda: [0.0, 0.0])
    for stem, per in rows.items():
        print(f"{stem:<12} {int(per['count'][0][0]):>7} " + " ".join(f"{med(per[p]):>16}" for p in parts))
        for p in parts:
            totals[p][0] += statistics.median(v[0] for v in per[p])
            totals[p][1] += statistics.median(v[1] for v in per[p])
    print(f"{'all':<12} {'':>7} " + " ".join(f"{f'{totals[p][0]:6.3f} ({totals[p][1]:6.3f})':>16}" for p in parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
