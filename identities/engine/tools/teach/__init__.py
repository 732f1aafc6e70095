"""Lessons from refuted identities: ``python -m identities teach [--out DIR] [--record]``.

For every spec declared false (``holds=False``) the search runs afresh (the stored
counterexamples are not replayed), derandomized and without the example database: every run
draws the same examples and stops at the same first refutation, which Hypothesis then
shrinks. (The shrinker's path can still differ between processes for a few specs, ending at
another example of the same size; ``--record`` keeps the one found, and every later check
replays it first.) Each one becomes:

* ``<name>.md`` - a lesson page (Markdown, with the math GitHub renders): the wrong
  statement and the true one (the ``counterpart`` spec's), the counterexample as LaTeX
  matrices, the claimed value, the true value from both oracles, the difference, and the lesson
  text;
* ``<name>.png`` - claimed | true | difference as heatmaps on one colour scale, entries
  labelled;

and the folder gets ``index.md`` (a link to every lesson) and ``counterexamples.json`` (one
object per refuted identity: ``name``, ``inputs``, ``max_abs_difference``). With
``record=True`` the counterexamples are also written to ``identities/regressions.json``,
from which every later run replays them first.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from identities.engine.runner import regressions
from identities.engine.runner.registry import Catalog
from identities.engine.tools.progress import bar
from identities.engine.tools.teach.lesson import (
    COUNTEREXAMPLES,
    INDEX,
    SEARCH_SETTINGS,
    Lesson,
    counterexamples_json,
    dims_text,
    minimal_counterexample,
    record_regressions,
    stderr_line,
)
from identities.engine.tools.teach.page import index_page, lesson_page
from identities.engine.tools.teach.picture import draw_picture
from identities.engine.torch_policy import torch_policy


@torch_policy()
def teach(
    catalog: Catalog,
    out_dir: str | Path,
    record: bool = False,
    store: str | Path | None = None,
    progress: Callable[[str], None] | None = stderr_line,
    names: Iterable[str] | None = None,
    show_bar: bool = True,
) -> list[Lesson]:
    """Write a lesson page and a picture for every refuted ``holds=False`` spec of
    ``catalog`` (or of ``names`` only), the index and ``counterexamples.json`` into
    ``out_dir``; with ``record``, store the counterexamples in ``store`` (default: the checkout's
    ``identities/regressions.json``; an installed package needs ``store``).

    ``progress`` receives one line per spec (``None``: silent); ``show_bar`` draws a
    progress bar besides (on a terminal only). Returns one ``Lesson`` per
    spec taught, in catalog order; a spec that was not refuted has no page (see
    ``Lesson.refuted``) and is listed in the index as such.
    """
    say = progress or (lambda text: None)
    target = regressions.store_to_write(store) if record else None  # fail before the work
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    wanted = None if names is None else set(names)
    specs = [s for s in catalog.specs if not s.holds and (wanted is None or s.name in wanted)]
    if wanted is not None:
        unknown = wanted - {s.name for s in specs}
        if unknown:
            raise KeyError(f"not a holds=False spec of the catalog: {', '.join(sorted(unknown))}")
    by_name = {s.name: s for s in catalog.specs}
    say(
        f"teach: {len(specs)} misconceptions; deterministic search (derandomized, no example "
        f"database, {SEARCH_SETTINGS['max_examples']} examples); writing to {out}"
    )
    lessons: list[Lesson] = []
    width = len(str(len(specs)))
    specs_bar = bar(specs, desc="teach", unit="lesson", show=show_bar and progress is not None)
    for k, spec in enumerate(specs_bar, 1):
        specs_bar.set_postfix_str(spec.name, refresh=False)
        start = time.perf_counter()
        verdict, count = minimal_counterexample(spec)
        lesson = Lesson(
            spec, by_name.get(spec.counterpart), verdict, count, time.perf_counter() - start
        )
        if lesson.refuted:
            lesson.picture = out / f"{spec.name}.png"
            draw_picture(lesson, lesson.picture)
            lesson.page = out / f"{spec.name}.md"
            lesson.page.write_text(lesson_page(lesson))
            dims = dims_text(lesson.refutation.example) or "fixed sizes"
            result = (
                f"refuted in {count} examples, {dims}, "
                f"max |difference| {lesson.max_abs_difference:.3g}"
            )
        else:
            status = verdict.status if verdict is not None else "not refuted"
            result = f"NOT REFUTED ({status}, {count} examples): no lesson written"
        say(f"[{k:>{width}}/{len(specs)}] {spec.name}: {result} ({lesson.seconds:.1f} s)")
        lessons.append(lesson)
    specs_bar.close()
    (out / INDEX).write_text(index_page(lessons))
    (out / COUNTEREXAMPLES).write_text(counterexamples_json(lessons))
    taught = sum(lesson.refuted for lesson in lessons)
    say(f"teach: wrote {taught} lessons, {out / INDEX} and {out / COUNTEREXAMPLES}")
    if target is not None:
        stored, skipped = record_regressions(lessons, target)
        say(
            f"teach: recorded {stored} counterexamples in {target}"
            + (
                f" (not stored, a generated map has no plain form: {', '.join(skipped)})"
                if skipped
                else ""
            )
        )
    return lessons
