"""Discovery, bad spec files, the pytest driver on user folders, and the command line."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from identities.engine import load_catalog
from identities.engine.cli import main

ROOT = Path(__file__).resolve().parent.parent

WRONG_SPEC = textwrap.dedent('''
    """A user's identity file with a wrong formula."""
    from identities import Identity, Source, matrix, vector

    my_quadratic = Identity(
        name="my_quadratic__symmetric_rule",
        statement=r"\\frac{\\partial x^T A x}{\\partial x} = 2 x^T A",
        source=Source("my notes", "page 3"),
        inputs={"x": vector("n"), "A": matrix("n", "n")},
        wrt="x",
        function=lambda x, A: x @ A @ x,
        claimed=lambda x, A: 2 * x @ A,
    )
''')


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_every_catalog_module_loads_without_problems():
    catalog = load_catalog()
    assert catalog.problems == []
    assert len({s.name for s in catalog.specs}) == len(catalog.specs)


def test_bad_files_become_problems_and_the_rest_still_loads(tmp_path):
    (tmp_path / "good.py").write_text(WRONG_SPEC)
    (tmp_path / "broken.py").write_text("import no_such_module_anywhere\n")
    (tmp_path / "no_lesson.py").write_text(
        textwrap.dedent("""
        from identities import Identity, Source, vector
        bad = Identity(name="bad", statement="s", source=Source("me", "p1"),
                       inputs={"x": vector("n")}, wrt="x", function=lambda x: x @ x,
                       claimed=lambda x: x, holds=False)
    """)
    )
    (tmp_path / "dup.py").write_text(WRONG_SPEC)
    catalog = load_catalog([tmp_path])
    names = {s.name for s in catalog.specs}
    assert "my_quadratic__symmetric_rule" in names and "quadratic_form__general_A" in names
    messages = {p.name: p.message for p in catalog.problems}
    assert (
        "import-error" in " ".join(messages)
        and "no_such_module_anywhere" in messages["broken:import-error"]
    )
    assert "holds=False needs a lesson" in messages["bad:spec-error"]
    assert "already used in" in messages["my_quadratic__symmetric_rule:duplicate"]


def test_a_wrong_user_spec_fails_the_run_with_the_readable_report(tmp_path):
    (tmp_path / "mine.py").write_text(WRONG_SPEC)
    result = run(
        "-m",
        "pytest",
        "tests/test_identities.py",
        "-p",
        "no:cacheprovider",
        "--identities-path",
        str(tmp_path),
        "-k",
        "my_quadratic",
        "-q",
    )
    out = result.stdout
    assert result.returncode == 1, out
    for needle in [
        "Identity 'my_quadratic__symmetric_rule' is false for these inputs",
        "claimed            =",
        "autograd           =",
        "finite differences =",
        "the two oracles agree with each other",
        "largest difference, claim vs autograd",
        "inputs  n=2",
        'source  my notes, "page 3"',
        f"rerun   pytest {tmp_path / 'mine.py'}::my_quadratic__symmetric_rule "
        f"--identities-path {tmp_path}",
    ]:
        assert needle in out, f"missing {needle!r} in:\n{out}"


def test_list_json_has_the_documented_keys(capsys):
    assert main(["list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed["problems"] == []
    records = listed["identities"]
    assert records and len(records) == len(load_catalog().specs)
    for record in records:
        assert {"name", "holds", "wrt", "source"} <= record.keys()
        assert {"document", "ref"} <= record["source"].keys()
        assert isinstance(record["holds"], bool)


@pytest.mark.parametrize(
    "name, code, word",
    [
        ("quadratic_form__general_A", 0, "confirmed"),
        ("quadratic_form__symmetric_rule_on_general_A", 0, "is false for these inputs"),
        ("no_such_identity", 2, "No identity named"),
    ],
)
def test_check_prints_a_verdict(name, code, word, capsys):
    assert main(["check", name, "--examples", "40"]) == code
    printed = capsys.readouterr()
    assert word in printed.out + printed.err
