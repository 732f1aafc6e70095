"""The command line never hides an error: each case a new user ran into gives a one-line
message and the exit code ``--help`` documents (0 ok, 1 a check failed, 2 a usage or spec
error). Each test writes its own spec folder."""

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from identities.engine.cli import EXIT_CODES, main
from tests.helpers import SPEC_HEADER, spec_text

ROOT = Path(__file__).resolve().parent.parent

HEADER, spec = SPEC_HEADER, spec_text


def folder(tmp_path: Path, **files: str) -> str:
    for stem, text in files.items():
        (tmp_path / f"{stem}.py").write_text(text)
    return str(tmp_path)


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run the command line in this process: (exit code, stdout, stderr)."""
    try:
        code = main(list(args))
    except SystemExit as exit_:  # argparse: --help, --version, a usage error
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str, *fragments: str) -> str:
    """The one line of ``err`` that holds every fragment; no traceback anywhere."""
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if all(f in line for f in fragments)]
    assert lines, f"no line with {fragments} in:\n{err}"
    return lines[0]


def test_help_documents_every_exit_code(capsys):
    code, out, _ = cli(capsys, "--help")
    assert code == 0
    for text in ("exit codes:", "0  every identity", "1  a check failed", "2  a usage error"):
        assert text in out and text in EXIT_CODES
    code, out, _ = cli(capsys, "check", "--help")
    assert code == 0 and "exit codes:" in out


@pytest.mark.parametrize(
    "fields, fragments",
    [
        ({"inputs": "{'x': vector('n', 'positve')}"}, ["domain='positve'", "'positive'?"]),
        ({"wrt": "'y'"}, ["wrt='y' is not one of its inputs", "('x',)"]),
        ({"claimd": "lambda x: 2 * x"}, ["claimd= is not a field", "did you mean 'claimed'?"]),
    ],
    ids=["domain typo", "wrt typo", "field typo"],
)
def test_check_of_a_broken_spec_says_why(fields, fragments, tmp_path, capsys):
    text = HEADER + spec("mine", **fields)
    if "claimd" in fields:  # the misspelt field replaces the right one
        text = text.replace("claimed=lambda x: 2 * x, ", "")
    path = folder(tmp_path, specs=text)
    code, _, err = cli(capsys, "check", "mine", "--identities-path", path)
    assert code == 2
    line = one_line(err, *fragments)
    assert line.startswith(f"{path}/specs.py:5: spec 'mine': "), line
    assert "No identity named" not in err


def test_check_of_a_spec_in_a_file_with_a_syntax_error_names_the_file(tmp_path, capsys):
    path = folder(tmp_path, specs=HEADER + spec("mine") + "oops = (\n")
    code, _, err = cli(capsys, "check", "mine", "--identities-path", path)
    assert code == 2
    one_line(err, "specs.py:", "SyntaxError", "its specs were not run")
    assert "'mine' is in a file that could not be loaded" in err


def test_a_misspelt_name_gets_a_did_you_mean(tmp_path, capsys):
    path = folder(tmp_path, specs=HEADER + spec("my_square_rule"))
    code, _, err = cli(capsys, "check", "my_sqare_rule", "--identities-path", path)
    assert code == 2
    one_line(err, "No identity named 'my_sqare_rule'", "did you mean 'my_square_rule'?")


def test_list_shows_each_broken_spec_and_exits_2_and_one_bad_spec_hides_no_other(tmp_path, capsys):
    path = folder(
        tmp_path,
        specs=HEADER
        + spec("first")
        + spec("bad_domain", inputs="{'x': vector('n', 'positve')}")
        + spec("bad_form", form="'gradiant'")
        + spec("last"),
    )
    code, out, err = cli(capsys, "list", "--identities-path", path)
    assert code == 2
    assert "first" in out and "last" in out and "2 broken" in out
    one_line(err, "specs.py:6: spec 'bad_domain'", "'positive'?")
    one_line(err, "specs.py:7: spec 'bad_form'", "did you mean 'gradient'?")
    code, out, _ = cli(capsys, "list", "--json", "--identities-path", path)
    listed = json.loads(out)
    assert code == 2 and {p["name"] for p in listed["problems"]} == {"bad_domain", "bad_form"}
    assert {"first", "last"} <= {r["name"] for r in listed["identities"]}
    code, _, _ = cli(capsys, "check", "last", "--examples", "5", "--identities-path", path)
    assert code == 0  # a sound spec of the same file runs


@pytest.mark.parametrize(
    "command",
    [["check", "mine"], ["sweep", "mine"], ["soak", "--seeds", "1"], ["mutate"]],
    ids=["check", "sweep", "soak", "mutate"],
)
def test_a_run_time_spec_error_is_one_line(command, tmp_path, capsys):
    path = folder(tmp_path, specs=HEADER + spec("mine", claimed="lambda x: x.no_such_method()"))
    if command[0] in ("soak", "mutate"):
        command = [*command, "--pattern", "mine"]
    code, _, err = cli(capsys, *command, "--examples", "5", "--identities-path", path)
    assert code == 2
    one_line(err, "specs.py: spec 'mine': claimed raised AttributeError", "no_such_method")


@pytest.mark.parametrize("command", ["check", "sweep"])
def test_a_claim_of_the_wrong_shape_is_a_spec_error_not_a_refutation(command, tmp_path, capsys):
    # At n = 1 the outer product is 1 x 1 and fits: a search from n = 1 called it refuted.
    path = folder(tmp_path, specs=HEADER + spec("mine", claimed="lambda x: torch.outer(x, x)"))
    code, out, err = cli(capsys, command, "mine", "--identities-path", path)
    assert code == 2 and "false for these inputs" not in out
    one_line(err, "spec 'mine': claimed returns shape (2, 2)", "has shape (2,) or (1, 2)")


def test_a_user_folder_imports_its_own_helpers(tmp_path, capsys):
    path = folder(
        tmp_path,
        helpers="def twice(x):\n    return 2 * x\n",
        specs="import helpers\n" + HEADER + spec("mine", claimed="lambda x: helpers.twice(x)"),
    )
    code, out, err = cli(capsys, "check", "mine", "--examples", "5", "--identities-path", path)
    assert code == 0, err
    assert "PASS: mine" in out


def test_the_rerun_line_of_check_works_as_printed(tmp_path, capsys):
    wrong = spec("mine", inputs="{'x': vector('n'), 'A': matrix('n', 'n')}")
    wrong = wrong.replace("lambda x: x @ x", "lambda x, A: x @ A @ x").replace(
        "lambda x: 2 * x", "lambda x, A: 2 * x @ A"
    )
    path = folder(tmp_path, specs=HEADER + wrong)
    # options after the subcommand, as the rerun line puts them
    code, out, _ = cli(capsys, "check", "mine", "--profile", "ci", "--identities-path", path)
    assert code == 1
    rerun = one_line(out, "rerun").split("rerun", 1)[1].strip()
    assert rerun.startswith("python -m identities check mine --identities-path ")
    words = shlex.split(rerun)
    assert words[:3] == ["python", "-m", "identities"]
    again = subprocess.run(
        [sys.executable, *words[1:]],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert again.returncode == 1, again.stderr
    assert "Identity 'mine' is false for these inputs" in again.stdout


@pytest.mark.parametrize("command", ["sweep", "soak", "mutate"])
def test_a_pattern_that_matches_nothing_exits_2(command, capsys):
    code, _, err = cli(capsys, command, "--pattern", "no_such_identity_anywhere")
    assert code == 2
    one_line(err, "matches --pattern 'no_such_identity_anywhere'")


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["sweep", "--examples", "-5"], "--examples: must be a positive integer, not -5"),
        (["soak", "--seeds", "0"], "--seeds: must be a positive integer, not 0"),
        (["mutate", "--examples", "0"], "--examples: must be a positive integer, not 0"),
        (["check", "x", "--examples", "many"], "--examples: 'many' is not an integer"),
        (["check", "x", "--frobnicate"], "unrecognized arguments: --frobnicate"),
        (["list", "--profile", "fast"], "--profile: invalid choice: 'fast'"),
        (["no-such-command"], "invalid choice: 'no-such-command'"),
    ],
)
def test_non_positive_counts_and_nonsense_options_exit_2(args, fragment, capsys):
    code, _, err = cli(capsys, *args)
    assert code == 2
    one_line(err, fragment)


def test_a_missing_identities_path_exits_2(tmp_path, capsys):
    code, _, err = cli(capsys, "list", "--identities-path", str(tmp_path / "nowhere"))
    assert code == 2
    one_line(err, "is not a folder")


def test_version_and_check_json(tmp_path, capsys):
    code, out, _ = cli(capsys, "--version")
    assert code == 0 and out.startswith("python -m identities ")
    path = folder(tmp_path, specs=HEADER + spec("mine"))
    code, out, _ = cli(capsys, "--identities-path", path, "check", "mine", "--json")
    record = json.loads(out)
    assert code == 0 and record["passed"] and record["status"] == "confirmed"
    assert {"name", "holds", "profile", "examples", "report", "rerun"} <= record.keys()
