"""Wikipedia, "Matrix calculus", checked entry by entry: every entry of the Document has specs,
a reason it is not testable, or a note on what the format still lacks, and nothing else."""

from collections import Counter

from identities._registry import load_catalog
from identities.wiki import DOC_ID, DOCUMENT
from identities.wiki_engine_limits import ENGINE_LIMITS

CATALOG = load_catalog()
#: The specs of the reference: those of the catalog, and those held out of the catalog run
#: because they meet the checker's limits (identities/wiki_engine_limits.py).
SPECS = [s for s in (*CATALOG.specs, *ENGINE_LIMITS.values()) if s.source.document == DOC_ID]
CITED = Counter(s.source.ref for s in SPECS)


def test_the_catalog_loads_without_problems():
    assert [p.message for p in CATALOG.problems] == []


def test_specs_held_out_are_not_in_the_catalog_run():
    assert set(ENGINE_LIMITS) & set(CATALOG.files) == set()


def test_spec_names_are_unique():
    names = [s.name for s in SPECS]
    assert len(names) == len(set(names))


def test_document_lists_141_distinct_entries():
    assert len(DOCUMENT.entries) == 141
    assert len(set(DOCUMENT.entries)) == len(DOCUMENT.entries)


def test_every_entry_has_specs_or_a_reason():
    missing = [e for e in DOCUMENT.entries
               if e not in CITED and e not in DOCUMENT.not_testable and e not in DOCUMENT.pending]
    assert missing == [], f"entries with no spec and no reason: {missing}"


def test_every_spec_cites_an_entry_of_the_document():
    unknown = sorted({s.source.ref for s in SPECS} - set(DOCUMENT.entries))
    assert unknown == [], f"specs cite refs that are not entries: {unknown}"


def test_no_entry_is_in_two_places():
    places = [set(CITED), set(DOCUMENT.not_testable), set(DOCUMENT.pending)]
    for i, first in enumerate(places):
        for second in places[i + 1:]:
            assert first & second == set(), sorted(first & second)


def test_reasons_name_entries_of_the_document_and_say_why():
    for ref, why in {**DOCUMENT.not_testable, **DOCUMENT.pending}.items():
        assert ref in DOCUMENT.entries, ref
        assert why.strip(), ref


def test_spec_names_carry_the_prefix_and_the_entry():
    for spec in SPECS:
        assert spec.name.startswith("wiki_" + spec.source.ref[2:].replace("-", "_") + "__"), \
            spec.name


def test_false_specs_have_a_lesson_and_a_true_counterpart():
    names = {s.name: s for s in (*CATALOG.specs, *ENGINE_LIMITS.values())}
    for spec in SPECS:
        if not spec.holds:
            assert spec.lesson and not spec.reading, spec.name
            counterpart = names.get(spec.counterpart)
            assert counterpart is not None and counterpart.holds and counterpart.reading, \
                spec.name


def test_identity_table_cells_are_checked_in_their_own_layout():
    for spec in SPECS:
        cell = spec.name.split("__")[1]
        if cell in ("numerator", "denominator"):
            assert spec.layout == cell, spec.name


def test_at_least_90_percent_of_the_results_are_checked():
    results = [e for e in DOCUMENT.entries if e not in DOCUMENT.not_testable]
    checked = [e for e in results if e in CITED]
    assert len(checked) >= 0.9 * len(results), (len(checked), len(results))
