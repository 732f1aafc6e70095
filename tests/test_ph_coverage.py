"""Parr and Howard (2018), "The Matrix Calculus You Need For Deep Learning": every entry of
the reference is accounted for exactly once (specs, not testable, or pending)."""

from collections import Counter

from identities._registry import load_catalog
from identities.ph import DOC_ID, DOCUMENT
from identities.ph_engine_limits import ENGINE_LIMITS

CATALOG = load_catalog()
COLLECTED = [s for s in CATALOG.specs if s.source.document == DOC_ID]
#: The specs kept out of the catalog until the engine can confirm them count as specs.
SPECS = COLLECTED + list(ENGINE_LIMITS.values())
WITH_SPECS = {s.source.ref for s in SPECS}


def test_the_catalog_loads_without_problems_in_ph_modules():
    assert [p for p in CATALOG.problems if "ph_" in p.file or p.file.endswith("ph.py")] == []


def test_entries_are_unique_and_number_153():
    counts = Counter(DOCUMENT.entries)
    assert [e for e, c in counts.items() if c > 1] == []
    assert len(DOCUMENT.entries) == 153
    assert all(e.startswith("PH-") for e in DOCUMENT.entries)


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


def test_reasons_name_entries_and_are_not_empty():
    for table in (DOCUMENT.not_testable, DOCUMENT.pending):
        for entry, why in table.items():
            assert entry in DOCUMENT.entries, entry
            assert why.strip(), entry


def test_spec_names_start_with_the_prefix_and_are_unique():
    names = [s.name for s in SPECS]
    assert all(n.startswith("ph_") for n in names)
    assert [n for n, c in Counter(names).items() if c > 1] == []


def test_engine_limits_are_kept_out_of_the_catalog():
    assert not set(ENGINE_LIMITS) & {s.name for s in CATALOG.specs}
    assert all(s.holds for s in ENGINE_LIMITS.values())


def test_at_least_nine_in_ten_of_the_checkable_entries_have_specs():
    checkable = [e for e in DOCUMENT.entries if e not in DOCUMENT.not_testable]
    assert sum(e in WITH_SPECS for e in checkable) >= 0.9 * len(checkable)


def test_false_specs_have_a_lesson_and_a_true_counterpart_with_a_reading():
    by_name = {s.name: s for s in SPECS}
    for spec in SPECS:
        if not spec.holds:
            assert spec.lesson and not spec.reading, spec.name
            other = by_name[spec.counterpart]
            assert other.holds and other.reading and other.source == spec.source, spec.name
