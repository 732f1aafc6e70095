"""One generic test drives the catalog: one test item per spec, the spec name as its id."""

import shlex

import pytest

from identities._registry import Problem, load_catalog
from identities._search import investigate


def pytest_generate_tests(metafunc):
    if "entry" in metafunc.fixturenames:
        catalog = load_catalog(metafunc.config.getoption("identities_path"))
        entries = [*catalog.specs, *catalog.problems]
        metafunc.parametrize("entry", entries, ids=[e.name for e in entries])


def rerun_command(request) -> str:
    words = ["pytest", request.node.nodeid]
    for folder in request.config.getoption("identities_path"):
        words += ["--identities-path", folder]
    return " ".join(shlex.quote(w) for w in words)


def test_identity(entry, request):
    if isinstance(entry, Problem):
        pytest.fail(entry.message, pytrace=False)
    outcome = investigate(entry)
    if not outcome.passed:
        pytest.fail(outcome.report(rerun_command(request)), pytrace=False)
