"""The package as another project uses it: built as a wheel, installed (not editable) into
a new virtual environment outside the checkout, and run by that project's own pytest.

The user project has its own ``tests/strategies.py`` (a common file among Hypothesis users,
which once collided with an installed ``strategies`` package), a spec folder with a true
identity, a false one declared true and a helper module the specs import, an unrelated
float32 test, and a test function that uses the public API. One environment, several runs.
Nothing is skipped: if the wheel cannot be built or installed, the test fails and says why.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HELPERS = '''
"""A helper module beside the specs."""


def quadratic(x, A):
    return x @ A @ x
'''

SPECS = '''
"""The user's specs: one true, one false but declared true."""

from helpers import quadratic

from identities import Identity, Source, matrix, vector


def rule(name, page, claimed):
    return Identity(
        name=name,
        statement="d(x^T A x)/dx",
        source=Source("my notes", page),
        inputs={"x": vector("n"), "A": matrix("n", "n")},
        wrt="x",
        function=quadratic,
        claimed=claimed,
    )


right = rule("mine__quadratic_general_rule", "page 1", lambda x, A: x @ (A + A.T))
wrong = rule("mine__quadratic_symmetric_rule", "page 2", lambda x, A: 2 * x @ A)
'''

OWN_STRATEGIES = '''
"""The project's own Hypothesis strategies (the name must not collide with ours)."""

from hypothesis import strategies as st

small = st.integers(0, 3)
'''

OWN_TESTS = '''
"""The project's own tests: its strategies, float32 torch, and the public API."""

import pytest
import torch
from hypothesis import given
from strategies import small

import identities
from identities import Identity, Source, assert_identity, check_identity, vector


@given(small)
def test_own_strategies(k):
    assert 0 <= k <= 3


def elementwise(name, function, claimed):
    return Identity(
        name=name,
        statement="an element-wise rule",
        source=Source("api", name),
        inputs={"x": vector("n")},
        wrt="x",
        function=function,
        claimed=claimed,
    )


def test_float32_is_untouched_by_import_and_by_a_check():
    assert torch.get_default_dtype() == torch.float32
    threads = torch.get_num_threads()
    spec = elementwise("api__linear", lambda x: 2 * x, lambda x: 2 * torch.eye(x.shape[0]))
    assert check_identity(spec, max_examples=5).passed
    assert torch.ones(3).dtype == torch.float32
    assert torch.get_default_dtype() == torch.float32
    assert torch.get_num_threads() == threads


def test_the_api_checks_and_asserts():
    assert isinstance(identities.__version__, str) and identities.__version__[0].isdigit()
    wrong = elementwise("api__sin_rule", torch.sin, lambda x: torch.diag(-torch.cos(x)))
    result = check_identity(wrong)
    assert not result.passed and result.status == "refuted"
    assert result.counterexample is not None and "x" in result.counterexample.values
    assert result.report.startswith("Identity 'api__sin_rule' is false for these inputs")
    with pytest.raises(AssertionError) as raised:
        assert_identity(wrong)
    assert str(raised.value) == result.report
'''


def _run(command: list[str], cwd: Path, env: dict[str, str], timeout: int = 600):
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def _must(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode != 0:
        pytest.fail(f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A new virtual environment with the wheel installed, and the environment to run in."""
    where = tmp_path_factory.mktemp("installed")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    wheels = where / "wheels"
    _must(
        _run(
            [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(wheels)],
            where,
            env,
        ),
        "building the wheel",
    )
    (wheel,) = wheels.glob("*.whl")
    venv.create(where / "venv", with_pip=True)
    bin_dir = where / "venv" / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    install = [str(python), "-m", "pip", "install", "-q", "-c", str(ROOT / "constraints.txt")]
    _must(_run([*install, str(wheel), "pytest", "pytest-xdist"], where, env), "installing")
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(where / "venv")
    return python, env


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("user_project")
    (root / "specs").mkdir()
    (root / "specs" / "helpers.py").write_text(textwrap.dedent(HELPERS))
    (root / "specs" / "quadratic.py").write_text(textwrap.dedent(SPECS))
    (root / "tests").mkdir()
    (root / "tests" / "strategies.py").write_text(textwrap.dedent(OWN_STRATEGIES))
    (root / "tests" / "test_own.py").write_text(textwrap.dedent(OWN_TESTS))
    (root / "pyproject.toml").write_text('[tool.pytest.ini_options]\ntestpaths = ["tests"]\n')
    return root


def _check_run(result: subprocess.CompletedProcess) -> str:
    """The run's output, after checking: the wrong spec fails with the report and a rerun
    line, everything else passes. Returns the rerun line."""
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert re.search(r"\b1 failed, 4 passed\b", out), out
    assert "specs/quadratic.py::mine__quadratic_symmetric_rule" in out, out
    for needle in [
        "Identity 'mine__quadratic_symmetric_rule' is false for these inputs",
        "claimed            =",
        "autograd           =",
        "finite differences =",
        'source  my notes, "page 2"',
    ]:
        assert needle in out, f"missing {needle!r} in:\n{out}"
    assert "Traceback" not in out and "Outcome(" not in out, out
    rerun = re.search(r"^\s*rerun   (.+)$", out, re.M)
    assert rerun, out
    return rerun.group(1)


def test_a_user_project_runs_its_specs_with_the_installed_plugin(installed, project):
    python, env = installed
    pytest_ = [str(python), "-m", "pytest", "-p", "no:cacheprovider", "-n", "2"]

    # The command-line option.
    rerun = _check_run(_run([*pytest_, "--identities-path", "specs"], project, env))
    assert rerun.startswith("pytest specs/quadratic.py::mine__quadratic_symmetric_rule"), rerun

    # The rerun line, as printed, in that project's shell: the one spec, failing again.
    again = _run(["bash", "-c", rerun + " -p no:cacheprovider"], project, env)
    out = again.stdout + again.stderr
    assert again.returncode == 1 and re.search(r"\b1 failed\b", out), out
    assert "passed" not in out, out
    assert "Identity 'mine__quadratic_symmetric_rule' is false for these inputs" in out, out

    # The ini option, in the project's pyproject.toml.
    (project / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\ntestpaths = ["tests"]\nidentities_paths = ["specs"]\n'
    )
    rerun = _check_run(_run(pytest_, project, env))
    assert rerun == "pytest specs/quadratic.py::mine__quadratic_symmetric_rule", rerun

    # One of our profiles, chosen by name as Hypothesis users choose theirs.
    chosen = _run(
        [*pytest_, "--hypothesis-profile=identities-thorough", "-k", "general_rule"],
        project,
        env,
    )
    assert chosen.returncode == 0 and "1 passed" in chosen.stdout, chosen.stdout + chosen.stderr
