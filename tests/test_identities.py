"""One generic test drives the catalog: one test item per spec, the spec name as its id.

Spec folders given with ``--identities-path`` (or the ini option ``identities_paths``) are
collected by the pytest plugin itself (``identities.engine.plugin``), one item per spec; the
catalog's specs are run here by the plugin's ``check_entry``, with the same report."""

from identities.engine import load_catalog
from identities.engine.plugin import check_entry

CATALOG = load_catalog()
ENTRIES = [*CATALOG.specs, *CATALOG.problems]


def pytest_generate_tests(metafunc):
    if "entry" in metafunc.fixturenames:
        metafunc.parametrize("entry", ENTRIES, ids=[e.name for e in ENTRIES])


def test_identity(entry, request):
    check_entry(entry, request.node, CATALOG.files.get(entry.name, ""))
