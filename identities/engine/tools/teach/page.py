"""The lesson page and the index of every lesson, in Markdown with the math GitHub renders
(```` ```math ```` blocks, ``$`...`$`` inline): the wrong and the true statement, the
counterexample as LaTeX matrices, the claimed and true values, the difference, the lesson
text."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import torch

from identities.engine.tools.teach.lesson import (
    COUNTEREXAMPLES,
    INDEX,
    Lesson,
    dims_text,
    example_inputs,
)


# -- numbers and LaTeX -------------------------------------------------------------------------
def display_math(tex: str) -> list[str]:
    """A displayed formula as GitHub renders it: a ```` ```math ```` block (``\\\\`` and
    the other escapes survive, which Markdown would eat between ``$$``)."""
    return ["```math", tex, "```"]


def inline_math(tex: str) -> str:
    """An inline formula as GitHub renders it: ``$`...`$``."""
    return f"$`{tex}`$"


def exact(v: float) -> str:
    """The shortest text that reads back as ``v`` (inputs: exactly as drawn)."""
    if math.isnan(v):
        return "nan"
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return np.format_float_positional(v, unique=True, trim="-")


def short(v: float, digits: int = 6) -> str:
    """``v`` to ``digits`` significant digits (computed values)."""
    if math.isnan(v):
        return "nan"
    if v == 0:
        return "0"
    if v == int(v) and abs(v) < 1e15:
        return str(int(v))
    return f"{v:.{digits}g}"


def as_grid(t: torch.Tensor) -> tuple[np.ndarray, str]:
    """A value as a 2-d array for display, and a note on how it was arranged.

    0-d: 1 x 1; a vector (n,): one row, 1 x n; a matrix: as is; more indices: the first half
    of the indices (the output's, in numerator layout) along the rows, the rest along the
    columns.
    """
    a = t.detach().numpy().astype(float)
    if a.ndim == 0:
        return a.reshape(1, 1), ""
    if a.ndim == 1:
        return a.reshape(1, -1), ""
    if a.ndim == 2:
        return a, ""
    split = a.ndim // 2
    rows = int(np.prod(a.shape[:split]))
    note = (
        f"a {'x'.join(map(str, a.shape))} array, shown as {rows} x {a.size // rows}: "
        f"rows run over the first {split} indices, columns over the rest"
    )
    return a.reshape(rows, -1), note


def latex_matrix(grid: np.ndarray, fmt: Callable[[float], str]) -> str:
    if grid.shape == (1, 1):
        return _latex_number(grid[0, 0], fmt)
    rows = [" & ".join(_latex_number(v, fmt) for v in row) for row in grid]
    return r"\begin{bmatrix}" + r" \\ ".join(rows) + r"\end{bmatrix}"


def _latex_number(v: float, fmt: Callable[[float], str]) -> str:
    if math.isnan(v):
        return r"\cdot"
    text = fmt(float(v))
    if "e" in text:
        mantissa, power = text.split("e")
        text = rf"{mantissa} \times 10^{{{int(power)}}}"
    return text


def latex_input(value: Any) -> str:
    """An input as LaTeX: a vector as a column (the sources' notation), a matrix as is."""
    if isinstance(value, torch.Tensor):
        a = value.detach().numpy().astype(float)
        grid = a.reshape(-1, 1) if a.ndim == 1 else as_grid(value)[0]
        return latex_matrix(grid, exact)
    if isinstance(value, int):
        return str(value)
    return r"\text{(a generated map, below)}"


def latex_value(t: torch.Tensor) -> str:
    return latex_matrix(as_grid(t)[0], short)


def latex_name(name: str) -> str:
    """An input name in LaTeX: ``dX`` is the direction dX; ``x1`` is x_1."""
    if name.startswith("d") and len(name) > 1:
        return r"\mathrm{d}" + latex_name(name[1:])
    head = name.rstrip("0123456789")
    tail = name[len(head) :]
    return f"{head}_{{{tail}}}" if tail and head else name


# -- the lesson page ---------------------------------------------------------------------------
def _markdown_text(text: str) -> str:
    """Prose for Markdown: characters that would start emphasis or HTML escaped."""
    for ch in ("\\", "*", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text


def lesson_page(lesson: Lesson) -> str:
    spec, verdict = lesson.spec, lesson.refutation
    example = verdict.example
    truth = lesson.counterpart
    lines = [
        f"# {spec.name}",
        "",
        f"[All lessons]({INDEX})",
        "",
        f"Declared false (`holds=False`) and **refuted**: the smallest counterexample "
        f"Hypothesis found, with {lesson.examples_run} examples tried.",
        "",
        "## The wrong statement",
        "",
        *display_math(spec.statement),
        "",
    ]
    if spec.conditions:
        lines += [f"Conditions: {_markdown_text(spec.conditions)}.", ""]
    lines += [
        f"Source: {_markdown_text(str(spec.source))}"
        + (f" ({_markdown_text(spec.reading)})" if spec.reading else "")
        + ".",
        "",
    ]
    lines += ["## The true statement", ""]
    if truth is not None:
        lines += [
            *display_math(truth.statement),
            "",
            f"`{truth.name}` ({_markdown_text(str(truth.source))}), confirmed by the "
            "suite on every run.",
            "",
        ]
    else:
        named = f" ({spec.counterpart!r} is not one)" if spec.counterpart else ""
        lines += [
            f"No counterpart spec in the catalog{named}; the lesson below says what "
            "is true instead.",
            "",
        ]

    lines += ["## The smallest counterexample", ""]
    if example.dims:
        dims = ",\\ ".join(f"{k} = {v}" for k, v in example.dims.items())
        lines += [f"Dimensions: {inline_math(dims)}.", ""]
    inputs = example_inputs(example)
    tensors = {k: v for k, v in inputs.items() if isinstance(v, (torch.Tensor, int))}
    if tensors:
        body = r",\qquad ".join(f"{latex_name(k)} = {latex_input(v)}" for k, v in tensors.items())
        lines += [*display_math(body), ""]
    maps = {k: v for k, v in inputs.items() if not isinstance(v, (torch.Tensor, int))}
    for k, v in maps.items():
        lines += [f"- `{k}`: a generated map, `{v!r}`"]
    if maps:
        lines += [""]
    if example.directions:
        lines += [
            "(" + ", ".join(f"`{k}`" for k in example.directions) + ": the direction "
            "of the differential.)",
            "",
        ]
    lines += ["Exact values: `counterexamples.json`.", ""]

    lines += ["## Claimed and true values", ""]
    rows = [(r"\text{claimed}", verdict.claimed)]
    for comp in verdict.comparisons:
        rows.append((rf"\text{{true, by {comp.against}}}", comp.reference))
    rows.append((r"\text{claimed} - \text{true}", lesson.difference))
    lines += [
        *display_math(
            r"\begin{aligned}"
            + r" \\ ".join(f"{label} &= {latex_value(value)}" for label, value in rows)
            + r"\end{aligned}"
        ),
        "",
    ]
    note = as_grid(verdict.claimed)[1]
    if note:
        lines += [f"(Each value is {note}.)", ""]
    diff, tol, index = verdict.exact.worst()
    lines += [
        f"Largest difference: **{short(diff, 4)}** at index {index}; the tolerance "
        f"there is {tol:.2g}."
    ]
    if verdict.oracles is not None:
        lines += [
            "Autograd and finite differences agree with each other within the "
            "finite-difference error bound, and both disagree with the claim."
        ]
    if verdict.note:
        lines += [f"Note: {_markdown_text(verdict.note)}."]
    picture = Path(str(lesson.picture)).name
    lines += [
        "",
        f"![claimed, true and difference for {spec.name}]({picture})",
        "",
        "## The lesson",
        "",
        _markdown_text(spec.lesson),
        "",
        "## Reproduce",
        "",
        "```bash",
        f"python -m identities check {spec.name}",
        "```",
        "",
    ]
    return "\n".join(lines)


def index_page(lessons: list[Lesson]) -> str:
    taught = [lesson for lesson in lessons if lesson.refuted]
    lines = [
        "# Misconceptions, refuted",
        "",
        f"{len(taught)} statements declared false, each refuted with the smallest "
        "counterexample Hypothesis found (a derandomized search; `--record` keeps them "
        "in identities/regressions.json, which every run replays first). "
        "Each lesson shows the wrong statement and the true one, the counterexample, "
        "the claimed and true values, a picture (claimed | true | difference) and why "
        "it fails. Written by `python -m identities teach`; the counterexamples are "
        f"also in [`{COUNTEREXAMPLES}`]({COUNTEREXAMPLES}).",
        "",
    ]
    for lesson in taught:
        ex = lesson.refutation.example
        dims = dims_text(ex) or "fixed sizes"
        page = Path(str(lesson.page)).name
        lines += [
            f"- [{lesson.spec.name}]({page}): {inline_math(lesson.spec.statement)} "
            f"({dims}; max abs difference {short(lesson.max_abs_difference, 4)})"
        ]
    missed = [lesson for lesson in lessons if not lesson.refuted]
    if missed:
        lines += ["", "## Not refuted in this run", ""]
        lines += [
            f"- `{lesson.spec.name}`: "
            f"{lesson.verdict.status if lesson.verdict else 'no refuting example'}"
            for lesson in missed
        ]
    return "\n".join(lines) + "\n"
