"""Lessons from refuted identities: ``python -m identities teach [--out DIR] [--record]``.

For every spec declared false (``holds=False``) the search runs afresh (the stored
counterexamples are not replayed), derandomized and without the example database: every run
draws the same examples and stops at the same first refutation, which Hypothesis then
shrinks. (The shrinker's path can still differ between processes for a few specs, ending at
another example of the same size; ``--record`` keeps the one found, and every later check
replays it first.) Each one becomes:

* ``<name>.md`` - a lesson page (Markdown with ``$...$`` math): the wrong statement and the
  true one (the ``counterpart`` spec's), the counterexample as LaTeX matrices, the claimed
  value, the true value from both oracles, the difference, and the lesson text;
* ``<name>.png`` - claimed | true | difference as heatmaps on one colour scale, entries
  labelled;

and the folder gets ``index.md`` (a link to every lesson) and ``counterexamples.json`` (one
object per refuted identity: ``name``, ``inputs``, ``max_abs_difference``). With
``record=True`` the counterexamples are also written to ``identities/regressions.json``,
from which every later run replays them first.
"""

from __future__ import annotations

import dataclasses
import json
import math
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import torch
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.mathtext import MathTextParser

from identities import _regressions
from identities._check import REFUTED, Verdict
from identities._registry import Catalog
from identities._search import investigate
from identities.spec import Identity

#: The search behind every lesson: the same examples on every run, no example database.
#: ``report_multiple_bugs=False`` stops the generation at the first refutation: otherwise
#: Hypothesis keeps looking for other failures for up to 10 seconds of wall-clock time, and
#: the example it then shrinks depends on the machine's speed.
SEARCH_SETTINGS: dict[str, Any] = {"max_examples": 100, "derandomize": True, "database": None,
                                   "deadline": None, "print_blob": False,
                                   "report_multiple_bugs": False}

INDEX = "index.md"
COUNTEREXAMPLES = "counterexamples.json"


@dataclasses.dataclass
class Lesson:
    """One misconception and what the search made of it."""

    spec: Identity
    counterpart: Identity | None
    verdict: Verdict | None  # the shrunk deciding example; None if nothing was found
    examples_run: int
    seconds: float
    page: Path | None = None
    picture: Path | None = None

    @property
    def refuted(self) -> bool:
        return self.verdict is not None and self.verdict.status == REFUTED

    @property
    def truth(self) -> torch.Tensor:
        """The true value, by autograd (the exact oracle), arranged like the claim."""
        return self.verdict.comparisons[0].reference

    @property
    def difference(self) -> torch.Tensor:
        """claimed - true, entry by entry; 0 where an entry is not compared, and where the
        two agree within the tolerance (a rounding-level difference is no difference)."""
        comparison = self.verdict.comparisons[0]
        diff = self.verdict.claimed - self.truth
        noise = torch.isnan(self.truth) | (comparison.difference <= comparison.tolerance)
        return torch.where(noise, torch.zeros_like(diff), diff)

    @property
    def max_abs_difference(self) -> float:
        return float(self.verdict.comparisons[0].difference.max()) if self.refuted else 0.0


def stderr_line(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# -- the search --------------------------------------------------------------------------------
def minimal_counterexample(spec: Identity) -> tuple[Verdict | None, int]:
    """The smallest refuting example the deterministic search finds, and how many examples
    it ran; stored counterexamples are not replayed, so the search starts afresh."""
    outcome = investigate(spec, replay=False, **SEARCH_SETTINGS)
    return outcome.verdict, outcome.examples_run


def teach(catalog: Catalog, out_dir: str | Path, record: bool = False,
          progress: Callable[[str], None] | None = stderr_line,
          names: Iterable[str] | None = None) -> list[Lesson]:
    """Write a lesson page and a picture for every refuted ``holds=False`` spec of
    ``catalog`` (or of ``names`` only), the index and ``counterexamples.json`` into
    ``out_dir``; with ``record``, store the counterexamples in ``identities/regressions.json``.

    ``progress`` receives one line per spec (``None``: silent). Returns one ``Lesson`` per
    spec taught, in catalog order; a spec that was not refuted has no page (see
    ``Lesson.refuted``) and is listed in the index as such.
    """
    say = progress or (lambda text: None)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    wanted = None if names is None else set(names)
    specs = [s for s in catalog.specs if not s.holds and (wanted is None or s.name in wanted)]
    if wanted is not None:
        unknown = wanted - {s.name for s in specs}
        if unknown:
            raise KeyError(f"not a holds=False spec of the catalog: {', '.join(sorted(unknown))}")
    by_name = {s.name: s for s in catalog.specs}
    say(f"teach: {len(specs)} misconceptions; deterministic search (derandomized, no example "
        f"database, {SEARCH_SETTINGS['max_examples']} examples); writing to {out}")
    lessons: list[Lesson] = []
    width = len(str(len(specs)))
    for k, spec in enumerate(specs, 1):
        start = time.perf_counter()
        verdict, count = minimal_counterexample(spec)
        lesson = Lesson(spec, by_name.get(spec.counterpart), verdict, count,
                        time.perf_counter() - start)
        if lesson.refuted:
            lesson.picture = out / f"{spec.name}.png"
            draw_picture(lesson, lesson.picture)
            lesson.page = out / f"{spec.name}.md"
            lesson.page.write_text(lesson_page(lesson))
            dims = dims_text(verdict.example) or "fixed sizes"
            result = (f"refuted in {count} examples, {dims}, "
                      f"max |difference| {lesson.max_abs_difference:.3g}")
        else:
            status = verdict.status if verdict is not None else "not refuted"
            result = f"NOT REFUTED ({status}, {count} examples): no lesson written"
        say(f"[{k:>{width}}/{len(specs)}] {spec.name}: {result} ({lesson.seconds:.1f} s)")
        lessons.append(lesson)
    (out / INDEX).write_text(index_page(lessons))
    (out / COUNTEREXAMPLES).write_text(counterexamples_json(lessons))
    taught = sum(lesson.refuted for lesson in lessons)
    say(f"teach: wrote {taught} lessons, {out / INDEX} and {out / COUNTEREXAMPLES}")
    if record:
        stored, skipped = record_regressions(lessons)
        say(f"teach: recorded {stored} counterexamples in {_regressions.STORE}"
            + (f" (not stored, a generated map has no plain form: {', '.join(skipped)})"
               if skipped else ""))
    return lessons


def record_regressions(lessons: list[Lesson], path: Path | None = None
                       ) -> tuple[int, list[str]]:
    """Merge the refuted lessons' counterexamples into the regression store."""
    entries = _regressions.load(path)
    stored, skipped = 0, []
    for lesson in lessons:
        if not lesson.refuted:
            continue
        data = _regressions.to_json(lesson.verdict.example)
        if data is None:
            skipped.append(lesson.spec.name)
            continue
        entries[lesson.spec.name] = data
        stored += 1
    _regressions.save(entries, path)
    return stored, skipped


# -- plain values ------------------------------------------------------------------------------
def example_inputs(example: Any) -> dict[str, Any]:
    """Every input of the counterexample by name, and the directions of a differential."""
    return {**example.values, **getattr(example, "directions", {})}


def plain_inputs(example: Any) -> dict[str, Any]:
    """The inputs as JSON, as ``identities/regressions.json`` stores them: a tensor as a
    number or nested lists, an integer as is, a generated map as its layers."""
    data = _regressions.to_json(example)
    if data is not None:
        return {**data["values"], **data["directions"]}
    return {k: v.tolist() if isinstance(v, torch.Tensor) else v if isinstance(v, int)
            else repr(v) for k, v in example_inputs(example).items()}


def counterexamples(lessons: list[Lesson]) -> list[dict]:
    """The JSON array: one object per refuted identity."""
    return [{"name": lesson.spec.name,
             "inputs": plain_inputs(lesson.verdict.example),
             "max_abs_difference": lesson.max_abs_difference}
            for lesson in lessons if lesson.refuted]


def counterexamples_json(lessons: list[Lesson]) -> str:
    """The JSON array, one identity a line."""
    entries = [json.dumps(entry) for entry in counterexamples(lessons)]
    return "[\n" + ",\n".join(entries) + "\n]\n" if entries else "[]\n"


def dims_text(example: Any) -> str:
    return ", ".join(f"{k}={v}" for k, v in example.dims.items())


# -- numbers and LaTeX -------------------------------------------------------------------------
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
    note = (f"a {'x'.join(map(str, a.shape))} array, shown as {rows} x {a.size // rows}: "
            f"rows run over the first {split} indices, columns over the rest")
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
    tail = name[len(head):]
    return f"{head}_{{{tail}}}" if tail and head else name


# -- the lesson page ---------------------------------------------------------------------------
def _markdown_text(text: str) -> str:
    """Prose for Markdown: characters that would start emphasis or HTML escaped."""
    for ch in ("\\", "*", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text


def lesson_page(lesson: Lesson) -> str:
    spec, verdict = lesson.spec, lesson.verdict
    example = verdict.example
    truth = lesson.counterpart
    lines = [f"# {spec.name}", "", f"[All lessons]({INDEX})", "",
             f"Declared false (`holds=False`) and **refuted**: the smallest counterexample "
             f"Hypothesis found, with {lesson.examples_run} examples tried.", "",
             "## The wrong statement", "", "$$", spec.statement, "$$", ""]
    if spec.conditions:
        lines += [f"Conditions: {_markdown_text(spec.conditions)}.", ""]
    lines += [f"Source: {_markdown_text(str(spec.source))}"
              + (f" ({_markdown_text(spec.reading)})" if spec.reading else "") + ".", ""]
    lines += ["## The true statement", ""]
    if truth is not None:
        lines += ["$$", truth.statement, "$$", "",
                  f"`{truth.name}` ({_markdown_text(str(truth.source))}), confirmed by the "
                  "suite on every run.", ""]
    else:
        named = f" ({spec.counterpart!r} is not one)" if spec.counterpart else ""
        lines += [f"No counterpart spec in the catalog{named}; the lesson below says what "
                  "is true instead.", ""]

    lines += ["## The smallest counterexample", ""]
    if example.dims:
        dims = ",\\ ".join(f"{k} = {v}" for k, v in example.dims.items())
        lines += [f"Dimensions: ${dims}$.", ""]
    inputs = example_inputs(example)
    tensors = {k: v for k, v in inputs.items() if isinstance(v, (torch.Tensor, int))}
    if tensors:
        body = r",\qquad ".join(f"{latex_name(k)} = {latex_input(v)}"
                                for k, v in tensors.items())
        lines += ["$$", body, "$$", ""]
    maps = {k: v for k, v in inputs.items() if not isinstance(v, (torch.Tensor, int))}
    for k, v in maps.items():
        lines += [f"- `{k}`: a generated map, `{v!r}`"]
    if maps:
        lines += [""]
    if example.directions:
        lines += ["(" + ", ".join(f"`{k}`" for k in example.directions) + ": the direction "
                  "of the differential.)", ""]
    lines += ["Exact values: `counterexamples.json`.", ""]

    lines += ["## Claimed and true values", ""]
    rows = [(r"\text{claimed}", verdict.claimed)]
    for comp in verdict.comparisons:
        rows.append((rf"\text{{true, by {comp.against}}}", comp.reference))
    rows.append((r"\text{claimed} - \text{true}", lesson.difference))
    lines += ["$$", r"\begin{aligned}"
              + r" \\ ".join(f"{label} &= {latex_value(value)}" for label, value in rows)
              + r"\end{aligned}", "$$", ""]
    note = as_grid(verdict.claimed)[1]
    if note:
        lines += [f"(Each value is {note}.)", ""]
    diff, tol, index = verdict.comparisons[0].worst()
    lines += [f"Largest difference: **{short(diff, 4)}** at index {index}; the tolerance "
              f"there is {tol:.2g}."]
    if verdict.oracle_agreement is not None:
        lines += ["Autograd and finite differences agree with each other within the "
                  "finite-difference error bound, and both disagree with the claim."]
    if verdict.note:
        lines += [f"Note: {_markdown_text(verdict.note)}."]
    lines += ["", f"![claimed, true and difference for {spec.name}]({lesson.picture.name})",
              "", "## The lesson", "", _markdown_text(spec.lesson), "",
              "## Reproduce", "", "```bash", f"python -m identities check {spec.name}", "```",
              ""]
    return "\n".join(lines)


def index_page(lessons: list[Lesson]) -> str:
    taught = [lesson for lesson in lessons if lesson.refuted]
    lines = ["# Misconceptions, refuted", "",
             f"{len(taught)} statements declared false, each refuted with the smallest "
             "counterexample Hypothesis found (a derandomized search; `--record` keeps them "
             "in identities/regressions.json, which every run replays first). "
             "Each lesson shows the wrong statement and the true one, the counterexample, "
             "the claimed and true values, a picture (claimed | true | difference) and why "
             "it fails. Written by `python -m identities teach`; the counterexamples are "
             f"also in [`{COUNTEREXAMPLES}`]({COUNTEREXAMPLES}).", ""]
    for lesson in taught:
        ex = lesson.verdict.example
        dims = dims_text(ex) or "fixed sizes"
        lines += [f"- [{lesson.spec.name}]({lesson.page.name}): ${lesson.spec.statement}$ "
                  f"({dims}; max abs difference {short(lesson.max_abs_difference, 4)})"]
    missed = [lesson for lesson in lessons if not lesson.refuted]
    if missed:
        lines += ["", "## Not refuted in this run", ""]
        lines += [f"- `{lesson.spec.name}`: "
                  f"{lesson.verdict.status if lesson.verdict else 'no refuting example'}"
                  for lesson in missed]
    return "\n".join(lines) + "\n"


# -- the picture -------------------------------------------------------------------------------
_MATHTEXT = MathTextParser("agg")
_MATHTEXT_SUBSTITUTES = {r"\implies": r"\Rightarrow", r"\le ": r"\leq ", r"\ge ": r"\geq ",
                         r"\Big|": "|", r"\left": "", r"\right": ""}


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
    verdict, spec = lesson.verdict, lesson.spec
    claimed, note = as_grid(verdict.claimed)
    truth = as_grid(lesson.truth)[0]
    diff = as_grid(lesson.difference)[0]
    at_kink = len(verdict.comparisons) == 1
    panels = [("claimed (wrong)", claimed),
              ("true (autograd, a convention at a kink)" if at_kink
               else "true (autograd = finite differences)", truth),
              ("difference: claimed - true", diff)]
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
    header = 0.55 + (0.5 if statements else 0.0)
    width = 3 * panel_w + 1.2
    footer_text = footer_lines(verdict.example, int(width * 72 / (8.5 * 0.62)) - 4)
    if note:
        footer_text.append(f"(values: {note})")
    footer = 0.25 + 0.18 * len(footer_text)
    height = header + 0.35 + panel_h + 0.3 + footer
    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    top, bottom = 1 - (header + 0.35) / height, (footer + 0.3) / height
    axes = fig.subplots(1, 3, gridspec_kw={"left": 0.05, "right": 0.9, "top": top,
                                           "bottom": bottom, "wspace": 0.25})
    cmap = _colour_map()
    fontsize = 10 if rows * cols <= 16 else 8 if rows * cols <= 64 else 6
    image = None
    for ax, (title, grid) in zip(axes, panels, strict=True):
        image = ax.imshow(np.ma.masked_invalid(grid), cmap=cmap, vmin=-scale, vmax=scale,
                          aspect="equal")
        ax.set_title(title, fontsize=10)
        for (i, j), v in np.ndenumerate(grid):
            label = "n/c" if not math.isfinite(v) else short(float(v), 3)
            dark = math.isfinite(v) and abs(v) > 0.6 * scale
            ax.text(j, i, label, ha="center", va="center", fontsize=fontsize,
                    color="white" if dark else "black")
        ax.set_xticks(range(cols) if cols > 1 else [])
        ax.set_yticks(range(rows) if rows > 1 else [])
        ax.tick_params(labelsize=8, length=0)
    colour_axes = fig.add_axes((0.92, bottom, 0.015, top - bottom))
    fig.colorbar(image, cax=colour_axes).ax.tick_params(labelsize=8)

    fig.text(0.5, 1 - 0.15 / height, spec.name, ha="center", va="top", fontsize=12,
             fontweight="bold")
    if statements:
        fig.text(0.5, 1 - 0.6 / height, "      ".join(statements), ha="center", va="top",
                 fontsize=10)
    fig.text(0.5, 0.12 / height, "\n".join(footer_text), ha="center", va="bottom",
             fontsize=8.5, family="monospace", linespacing=1.3)
    fig.savefig(path, format="png")


def _colour_map():
    from matplotlib import colormaps

    return colormaps["RdBu_r"].with_extremes(bad="#d9d9d9")  # masked: not compared
