"""Barnes (2006), "Matrix Differentiation (and some other stuff)": every entry of the
reference is accounted for exactly once (specs, not testable, or pending)."""

from collections import Counter

from identities._registry import load_catalog
from identities.barnes import DOC_ID, DOCUMENT

CATALOG = load_catalog()
SPECS = [s for s in CATALOG.specs if s.source.document == DOC_ID]
WITH_SPECS = {s.source.ref for s in SPECS}


def test_the_catalog_loads_without_problems_in_barnes_modules():
    assert [p for p in CATALOG.problems if "barnes" in p.file] == []


def test_entries_are_unique_and_number_71_equations_and_3_named_items():
    counts = Counter(DOCUMENT.entries)
    assert [e for e, c in counts.items() if c > 1] == []
    assert [e for e in DOCUMENT.entries if e.isdigit()] == [str(k) for k in range(1, 72)]
    assert len(DOCUMENT.entries) == 74


def test_every_entry_has_specs_or_a_reason():
    missing = [e for e in DOCUMENT.entries
               if e not in WITH_SPECS and e not in DOCUMENT.not_testable
               and e not in DOCUMENT.pending]
    assert missing == [], f"entries with no spec and no reason: {missing}"


def test_every_spec_names_an_entry():
    unknown = sorted({s.name for s in SPECS if s.source.ref not in DOCUMENT.entries})
    assert unknown == [], f"specs citing no entry of {DOC_ID}: {unknown}"


def test_no_entry_is_in_two_places():
    places = (WITH_SPECS, set(DOCUMENT.not_testable), set(DOCUMENT.pending))
    twice = [e for e in DOCUMENT.entries if sum(e in p for p in places) > 1]
    assert twice == [], f"entries in more than one of specs, not_testable, pending: {twice}"


def test_reasons_name_entries_and_are_sentences():
    for table in (DOCUMENT.not_testable, DOCUMENT.pending):
        for entry, why in table.items():
            assert entry in DOCUMENT.entries, entry
            assert why.strip(), entry


def test_false_specs_have_a_lesson_and_a_true_counterpart_with_a_reading():
    by_name = {s.name: s for s in SPECS}
    for spec in SPECS:
        if not spec.holds:
            assert spec.lesson and not spec.reading, spec.name
            other = by_name[spec.counterpart]
            assert other.holds and other.reading and other.source == spec.source, spec.name
