"""The lesson generator (``python -m identities teach``), the catalog of misconceptions, and
the stored counterexamples."""

import json
import math

import matplotlib.image
import numpy as np
import pytest
import torch

from identities.engine import REFUTED, check, load_catalog, regressions
from identities.engine.cli import main
from identities.engine.tools.teach import teach
from identities.engine.tools.teach.lesson import COUNTEREXAMPLES, INDEX, Lesson, record_regressions
from identities.engine.tools.teach.page import (
    _markdown_text,
    as_grid,
    latex_input,
    latex_value,
    lesson_page,
)
from identities.engine.tools.teach.picture import draw_picture
from identities.strategies import Example

#: A small set, quick to search: a matrix claim with fixed sizes, a vector claim, and a
#: claim with two dimensions and a derived input.
TAUGHT = [
    "misconception__jacobian__denominator_layout_given",
    "misconception__quadratic_form__half_gradient",
    "misconception__squared_norm__missing_2",
]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def taught(catalog, tmp_path_factory):
    out = tmp_path_factory.mktemp("lessons")
    lines: list[str] = []
    lessons = teach(catalog, out, progress=lines.append, names=TAUGHT)
    return out, lessons, lines


def test_teach_refutes_every_spec_of_the_set_and_reports_progress(taught):
    out, lessons, lines = taught
    assert sorted(lesson.spec.name for lesson in lessons) == sorted(TAUGHT)
    assert all(lesson.refuted for lesson in lessons)
    for k, lesson in enumerate(lessons, 1):
        assert any(line.startswith(f"[{k}/3] {lesson.spec.name}: refuted in ") for line in lines), (
            lines
        )


def test_every_lesson_page_has_the_statements_the_counterexample_the_values_and_lesson(
    taught, catalog
):
    out, lessons, _ = taught
    for lesson in lessons:
        spec, verdict = lesson.spec, lesson.verdict
        page = (out / f"{spec.name}.md").read_text()
        truth = catalog.get(spec.counterpart)
        assert spec.statement in page
        assert truth.statement in page and f"`{truth.name}`" in page
        for name, value in verdict.example.values.items():
            assert latex_input(value) in page, f"{spec.name}: input {name} missing"
        assert len(verdict.comparisons) == 2  # away from a kink: both oracles
        assert rf"\text{{claimed}} &= {latex_value(verdict.claimed)}" in page
        for comp in verdict.comparisons:
            assert rf"\text{{true, by {comp.against}}} &= {latex_value(comp.reference)}" in page
        assert rf"\text{{claimed}} - \text{{true}} &= {latex_value(lesson.difference)}" in page
        assert _markdown_text(spec.lesson) in page
        assert f"]({spec.name}.png)" in page and f"]({INDEX})" in page
        assert "$$" not in page and page.count("```math") >= 2  # the math GitHub renders


def test_every_picture_is_a_valid_png_with_something_drawn(taught):
    out, lessons, _ = taught
    for lesson in lessons:
        path = out / f"{lesson.spec.name}.png"
        assert path.read_bytes()[:8] == PNG_SIGNATURE
        assert path.stat().st_size > 10_000
        image = matplotlib.image.imread(path)
        height, width = image.shape[:2]
        assert height >= 250 and width >= 800 and width > height
        colours = np.unique(image.reshape(-1, image.shape[-1]).round(2), axis=0)
        assert len(colours) > 20  # heatmaps and labels, not a blank canvas


def test_the_index_links_every_lesson_page(taught):
    out, lessons, _ = taught
    index = (out / INDEX).read_text()
    for lesson in lessons:
        assert f"[{lesson.spec.name}]({lesson.spec.name}.md)" in index
        assert lesson.spec.statement in index
    assert index.count(".md)") == len(lessons)
    assert f"]({COUNTEREXAMPLES})" in index


def test_counterexamples_json_has_one_entry_per_refuted_spec_matching_the_catalog(taught, catalog):
    out, lessons, _ = taught
    entries = json.loads((out / COUNTEREXAMPLES).read_text())
    assert isinstance(entries, list)
    assert [e["name"] for e in entries] == [lesson.spec.name for lesson in lessons]
    for entry, lesson in zip(entries, lessons, strict=True):
        assert set(entry) == {"name", "inputs", "max_abs_difference"}
        spec = catalog.get(entry["name"])
        assert spec.holds is False
        assert set(entry["inputs"]) == set(spec.inputs)
        for name, value in entry["inputs"].items():
            assert isinstance(value, (int, float, list))
            assert torch.equal(
                torch.tensor(value, dtype=torch.float64), lesson.verdict.example.values[name]
            )
        # the stored inputs refute the spec on their own, by the difference recorded
        example = Example(
            dict(lesson.verdict.example.dims),
            {k: torch.tensor(v, dtype=torch.float64) for k, v in entry["inputs"].items()},
        )
        verdict = check(spec, example)
        assert verdict.status == REFUTED
        assert math.isclose(entry["max_abs_difference"], float(verdict.exact.difference.max()))
        assert entry["max_abs_difference"] > 0


def test_the_search_is_derandomized(catalog, tmp_path):
    """Two searches give the same counterexample (the example database and the random seed
    play no part)."""
    name = TAUGHT[1]
    first = teach(catalog, tmp_path / "a", progress=None, names=[name])[0]
    second = teach(catalog, tmp_path / "b", progress=None, names=[name])[0]
    assert first.verdict.example.dims == second.verdict.example.dims
    for key, value in first.verdict.example.values.items():
        assert torch.equal(value, second.verdict.example.values[key])
    assert (tmp_path / "a" / COUNTEREXAMPLES).read_text() == (
        tmp_path / "b" / COUNTEREXAMPLES
    ).read_text()


def test_record_merges_the_counterexamples_into_the_store(taught, tmp_path):
    _, lessons, _ = taught
    store = tmp_path / "regressions.json"
    store.write_text(json.dumps({"some_other_spec": {"dims": {}, "values": {}}}))
    stored, skipped = record_regressions(lessons, store)
    assert (stored, skipped) == (3, [])
    saved = json.loads(store.read_text())
    assert set(saved) == {"some_other_spec", *TAUGHT}
    for lesson in lessons:
        replayed = regressions.stored_example(lesson.spec, saved)
        assert check(lesson.spec, replayed).status == REFUTED


def test_a_lesson_at_a_kink_shows_autograds_convention_only(catalog, tmp_path):
    spec = catalog.get("neuron__clamp_at_kink")
    verdict = check(spec, Example({}, {"z": torch.tensor(0.0)}))
    assert verdict.status == REFUTED and len(verdict.comparisons) == 1
    lesson = Lesson(spec, None, verdict, 1, 0.0, picture=tmp_path / "kink.png")
    draw_picture(lesson, lesson.picture)
    assert lesson.picture.read_bytes()[:8] == PNG_SIGNATURE
    page = lesson_page(lesson)
    assert r"\text{claimed} &= 0" in page and r"\text{true, by autograd} &= 1" in page
    assert r"\text{true, by finite differences}" not in page
    assert "at a kink" in page and "No counterpart spec" in page


def test_values_of_any_shape_are_shown_as_a_grid():
    assert as_grid(torch.tensor(3.0))[0].shape == (1, 1)
    assert as_grid(torch.zeros(3))[0].shape == (1, 3)
    assert as_grid(torch.zeros(2, 3))[0].shape == (2, 3)
    grid, note = as_grid(torch.zeros(2, 3, 4, 5))
    assert grid.shape == (6, 20) and "6 x 20" in note


def test_the_cli_writes_the_lessons_of_the_names_given(tmp_path, capsys):
    assert main(["teach", "misconception__squared_norm__missing_2", "--out", str(tmp_path)]) == 0
    assert (tmp_path / "misconception__squared_norm__missing_2.md").exists()
    assert (tmp_path / "misconception__squared_norm__missing_2.png").exists()
    assert (
        json.loads((tmp_path / COUNTEREXAMPLES).read_text())[0]["name"]
        == "misconception__squared_norm__missing_2"
    )
    captured = capsys.readouterr()
    assert "[1/1] misconception__squared_norm__missing_2: refuted" in captured.err
    assert main(["teach", "quadratic_form__general_A", "--out", str(tmp_path)]) == 2


# -- the catalog of misconceptions ----------------------------------------------------------
def test_the_catalog_has_at_least_15_misconceptions_each_with_a_lesson(catalog):
    false = [s for s in catalog.specs if not s.holds]
    assert len(false) >= 15
    assert all(s.lesson.strip() for s in false)


def test_every_misconception_names_a_true_counterpart_in_the_catalog(catalog):
    true = {s.name for s in catalog.specs if s.holds}
    unpaired = {
        s.name: s.counterpart for s in catalog.specs if not s.holds and s.counterpart not in true
    }
    assert not unpaired, f"holds=False specs without a holds=True counterpart: {unpaired}"


def test_the_stored_quadratic_form_counterexample_is_2d_integer_and_refutes(catalog):
    spec = catalog.get("quadratic_form__symmetric_rule_on_general_A")
    entry = regressions.load()[spec.name]
    assert entry["dims"] == {"n": 2}
    values = [v for value in entry["values"].values() for v in np.ravel(value)]
    assert values and all(float(v).is_integer() for v in values)
    example = regressions.stored_example(spec)
    assert example.values["x"].shape == (2,) and example.values["A"].shape == (2, 2)
    assert check(spec, example).status == REFUTED
