"""One generic test drives the catalog: one test item per spec, the spec name as its id."""

import shlex

import pytest

from identities.engine import load_catalog, run_entry

FILES = pytest.StashKey[dict]()


def pytest_generate_tests(metafunc):
    if "entry" in metafunc.fixturenames:
        catalog = load_catalog(metafunc.config.getoption("identities_path"))
        metafunc.config.stash[FILES] = catalog.files
        entries = [*catalog.specs, *catalog.problems]
        metafunc.parametrize("entry", entries, ids=[e.name for e in entries])


def rerun_command(request) -> str:
    words = ["pytest", request.node.nodeid]
    for folder in request.config.getoption("identities_path"):
        words += ["--identities-path", folder]
    return " ".join(shlex.quote(w) for w in words)


def test_identity(entry, request, record_property):
    passed, message, examples = run_entry(entry, request.config.stash[FILES].get(entry.name, ""))
    record_property("examples", examples)  # read by the benchmarks (junit XML)
    if not passed:
        pytest.fail(f"{message}\n  rerun   {rerun_command(request)}", pytrace=False)
