"""The lesson's picture: claimed | true | difference as heatmaps on one colour scale,
entries labelled. The only module of the project that imports matplotlib."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import torch

try:
    from matplotlib import colormaps
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.mathtext import MathTextParser
except ModuleNotFoundError as missing:  # an optional dependency: the [teach] extra
    raise ModuleNotFoundError(
        "teach draws its pictures with matplotlib, which is not installed: "
        "pip install 'matrix-calculus-identities[teach]'"
    ) from missing

from identities.engine.tools.teach.lesson import Lesson, dims_text, example_inputs
from identities.engine.tools.teach.page import as_grid, short

_MATHTEXT = MathTextParser("agg")
_MATHTEXT_SUBSTITUTES = {
    r"\implies": r"\Rightarrow",
    r"\le ": r"\leq ",
    r"\ge ": r"\geq ",
    r"\Big|": "|",
    r"\left": "",
    r"\right": "",
}


def mathtext(statement: str) -> str | None:
    """``statement`` as matplotlib mathtext, or ``None`` where mathtext cannot typeset it
    (matrices, cases): the page has it in full."""
    text = statement
    for old, new in _MATHTEXT_SUBSTITUTES.items():
        text = text.replace(old, new)
    text = f"${text}$"
    try:
        _MATHTEXT.parse(text, dpi=72)
    except Exception:  # noqa: BLE001 - any parse failure means: leave it out
        return None
    return text


def footer_lines(example: Any, width: int, max_lines: int = 3) -> list[str]:
    """The counterexample's inputs in lines of at most ``width`` characters."""
    parts = [f"counterexample ({dims_text(example) or 'fixed sizes'}):"]
    for k, v in example_inputs(example).items():
        if isinstance(v, torch.Tensor):
            parts.append(f"{k} = {_nested(v.tolist())}")
        elif isinstance(v, int):
            parts.append(f"{k} = {v}")
        else:
            parts.append(f"{k} = (a generated map)")
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += "   " + part
        else:
            lines.append(part if len(part) <= width else part[: width - 3] + "...")
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 3] + "..."
    return lines


def _nested(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_nested(v) for v in value) + "]"
    return short(float(value), 4)


def draw_picture(lesson: Lesson, path: Path) -> None:
    """claimed | true | difference, heatmaps on one symmetric colour scale, entries labelled.

    Above them the spec's name and, where matplotlib's mathtext can typeset them, the wrong
    and the true statement; below, the counterexample's inputs.
    """
    verdict, spec = lesson.refutation, lesson.spec
    claimed, note = as_grid(verdict.claimed)
    truth = as_grid(lesson.truth)[0]
    diff = as_grid(lesson.difference)[0]
    at_kink = verdict.numerical is None
    panels = [
        ("claimed (wrong)", claimed),
        (
            "true (autograd, a convention at a kink)"
            if at_kink
            else "true (autograd = finite differences)",
            truth,
        ),
        ("difference: claimed - true", diff),
    ]
    finite = np.concatenate([g[np.isfinite(g)] for _, g in panels])
    scale = float(np.abs(finite).max()) if finite.size else 1.0
    scale = scale if scale > 0 else 1.0

    statements = []
    claim_text = mathtext(spec.statement)
    truth_text = mathtext(lesson.counterpart.statement) if lesson.counterpart else None
    if claim_text:
        statements.append("wrong: " + claim_text)
    if truth_text:
        statements.append("true: " + truth_text)

    # The layout in inches: header, panel titles, panels, tick labels, footer.
    rows, cols = claimed.shape
    cell = 0.62 if rows * cols <= 36 else 0.42
    panel_w, panel_h = max(2.6, cols * cell + 0.9), max(1.2, rows * cell)
    header = 0.55 + 0.45 * len(statements)  # one line per statement: each fits the width
    width = 3 * panel_w + 1.2
    footer_text = footer_lines(verdict.example, int(width * 72 / (8.5 * 0.62)) - 4)
    if note:
        footer_text.append(f"(values: {note})")
    footer = 0.25 + 0.18 * len(footer_text)
    height = header + 0.35 + panel_h + 0.3 + footer
    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    top, bottom = 1 - (header + 0.35) / height, (footer + 0.3) / height
    axes = fig.subplots(
        1, 3, gridspec_kw={"left": 0.05, "right": 0.9, "top": top, "bottom": bottom, "wspace": 0.25}
    )
    cmap = _colour_map()
    fontsize = 10 if rows * cols <= 16 else 8 if rows * cols <= 64 else 6
    image = None
    for ax, (title, grid) in zip(axes, panels, strict=True):
        image = ax.imshow(
            np.ma.masked_invalid(grid), cmap=cmap, vmin=-scale, vmax=scale, aspect="equal"
        )
        ax.set_title(title, fontsize=10)
        for (i, j), v in np.ndenumerate(grid):
            label = "n/c" if not math.isfinite(v) else short(float(v), 3)
            dark = math.isfinite(v) and abs(v) > 0.6 * scale
            ax.text(
                j,
                i,
                label,
                ha="center",
                va="center",
                fontsize=fontsize,
                color="white" if dark else "black",
            )
        ax.set_xticks(range(cols) if cols > 1 else [])
        ax.set_yticks(range(rows) if rows > 1 else [])
        ax.tick_params(labelsize=8, length=0)
    colour_axes = fig.add_axes((0.92, bottom, 0.015, top - bottom))
    assert image is not None  # three panels were drawn
    fig.colorbar(image, cax=colour_axes).ax.tick_params(labelsize=8)

    fig.text(
        0.5, 1 - 0.15 / height, spec.name, ha="center", va="top", fontsize=12, fontweight="bold"
    )
    if statements:
        fig.text(0.5, 1 - 0.6 / height, "\n".join(statements), ha="center", va="top", fontsize=10)
    fig.text(
        0.5,
        0.12 / height,
        "\n".join(footer_text),
        ha="center",
        va="bottom",
        fontsize=8.5,
        family="monospace",
        linespacing=1.3,
    )
    fig.savefig(path, format="png")


def _colour_map():
    return colormaps["RdBu_r"].with_extremes(bad="#d9d9d9")  # masked: not compared
