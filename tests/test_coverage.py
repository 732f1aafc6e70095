"""The coverage of every reference: complete, consistent, and the pages docs/ shows."""

import json
from pathlib import Path

import pytest

from identities.engine import load_catalog
from identities.engine.cli import main, readme_with_block
from identities.engine.tools import coverage

ROOT = Path(__file__).resolve().parent.parent
CATALOG = load_catalog()
DOCUMENTS = coverage.ordered(CATALOG)
IDS = [d.id for d in DOCUMENTS]


def rows(doc):
    return coverage.coverage(CATALOG, doc.id)


def test_the_cookbook_is_a_document_of_113_equations():
    doc = CATALOG.documents["matrix-cookbook-2012"]
    assert len(doc.entries) == 113 and doc.entries[0] == "33" and doc.entries[-1] == "144"
    assert coverage.summary(rows(doc))["confirmed"] >= 100


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_every_entry_has_a_row_and_none_is_missing(doc):
    assert len(set(doc.entries)) == len(doc.entries), "an entry is listed twice"
    table = rows(doc)
    assert [r.ref for r in table] == list(doc.entries), (
        "specs cite refs the document does not list: "
        + ", ".join(r.ref for r in table[len(doc.entries) :])
    )
    missing = [r.ref for r in table if r.verdict == "missing"]
    assert missing == [], f"entries with no spec and no reason: {missing}"


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_an_entry_is_in_one_place_only(doc):
    cited = {s.source.ref for s in CATALOG.specs if s.source.document == doc.id}
    assert not cited & set(doc.not_testable), "has specs and is called not testable"
    assert not cited & set(doc.pending), "has specs and is called pending"
    assert not set(doc.not_testable) & set(doc.pending)
    assert set(doc.not_testable) | set(doc.pending) <= set(doc.entries)


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_at_least_90_percent_of_the_results_are_checked(doc):
    counts = coverage.summary(rows(doc))
    checked = counts["confirmed"] + counts["refuted as stated"]
    assert checked >= 0.9 * (checked + counts["pending"]), counts


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_every_refuted_entry_has_a_lesson_and_a_corrected_spec(doc):
    for row in rows(doc):
        if row.verdict == "refuted as stated":
            specs = [CATALOG.get(n) for n in row.specs]
            assert any(not s.holds and not s.reading and s.lesson for s in specs), row
            assert any(s.holds and s.reading for s in specs), (
                f"{row.ref} is refuted as stated but has no corrected spec"
            )


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_not_testable_and_pending_rows_give_a_reason_and_have_no_spec(doc):
    for row in rows(doc):
        if row.verdict in ("not testable", "pending"):
            assert row.reason.strip() and not row.specs, row


def test_coverage_json_has_the_documented_keys(capsys):
    assert main(["coverage", "--json"]) == 0
    every = json.loads(capsys.readouterr().out)
    assert list(every) == IDS
    for doc in DOCUMENTS:
        key = "eq" if doc.id == "matrix-cookbook-2012" else "ref"
        assert [r[key] for r in every[doc.id]] == list(doc.entries)
        assert all(set(r) == {key, "specs", "verdict", "reason"} for r in every[doc.id])
    assert main(["coverage", "--document", IDS[-1], "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == every[IDS[-1]]
    assert main(["coverage", "--document", "no-such-document"]) == 2


def test_docs_pages_and_readme_summary_are_current():
    for doc in DOCUMENTS:
        page = ROOT / "docs" / "coverage" / coverage.page_name(doc)
        assert page.exists() and page.read_text() == coverage.page(doc, rows(doc)), (
            f"{page} is out of date: run `python -m identities coverage --write .`"
        )
    readme = (ROOT / "README.md").read_text()
    assert readme == readme_with_block(readme, "coverage", coverage.readme_block(CATALOG)), (
        "README's coverage summary is out of date: run `python -m identities coverage --write .`"
    )


@pytest.mark.parametrize("doc", DOCUMENTS, ids=IDS)
def test_no_cell_says_the_same_thing_twice(doc):
    """A reading shared by several corrected specs is written once, with their names."""
    for row in rows(doc):
        parts = [p.split(": ", 1)[-1] for p in row.reason.split("; ") if len(p) > 40]
        assert len(parts) == len(set(parts)), f"{row.ref} repeats a paragraph: {row.reason}"
