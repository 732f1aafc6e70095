"""The Matrix Cookbook coverage table: complete, consistent, and the one README shows."""

import json
from pathlib import Path

from identities.engine import load_catalog
from identities.engine.cli import main, readme_with_coverage
from identities.engine.tools import coverage

ROOT = Path(__file__).resolve().parent.parent
ROWS = coverage.coverage(load_catalog())


def test_every_equation_of_chapter_2_has_a_row_and_none_is_missing():
    assert [r.eq for r in ROWS] == list(coverage.EQUATIONS)
    missing = [r.eq for r in ROWS if r.verdict == "missing"]
    assert missing == [], f"equations with no spec and no reason: {missing}"


def test_at_least_100_equations_are_checked():
    counts = coverage.summary(ROWS)
    assert counts["confirmed"] + counts["refuted as stated"] >= 100, counts


def test_every_refuted_equation_has_a_lesson_and_a_corrected_spec():
    catalog = load_catalog()
    for row in ROWS:
        if row.verdict == "refuted as stated":
            specs = [catalog.get(n) for n in row.specs]
            assert any(not s.holds and not s.reading and s.lesson for s in specs), row
            assert any(s.holds and s.reading for s in specs), \
                f"({row.eq}) is refuted as stated but has no corrected spec"


def test_not_testable_rows_give_a_reason_and_have_no_spec():
    for row in ROWS:
        if row.verdict == "not testable":
            assert row.reason and not row.specs, row


def test_coverage_json_has_the_documented_keys(capsys):
    assert main(["coverage", "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == len(coverage.EQUATIONS)
    assert all(set(r) == {"eq", "specs", "verdict", "reason"} for r in records)


def test_readme_carries_the_current_table_and_refuted_list():
    readme = (ROOT / "README.md").read_text()
    expected = readme_with_coverage(readme, ROWS)
    assert readme == expected, ("README's coverage table is out of date: run "
                                "`python -m identities coverage --write-readme README.md`")
