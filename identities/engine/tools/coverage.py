"""Coverage of a reference checked entry by entry: every entry, its specs, a verdict.

A reference is a ``Document`` of the catalog (its entries, those not testable, those still
pending). The verdict of an entry follows from its specs, and the test suite holds every
spec to what it declares (a true spec is confirmed on every example, a false one refuted):

* ``confirmed`` - every as-printed spec (``reading == ""``) holds; or, with no as-printed
  spec, the specs under a stated reading hold (the reason gives the reading);
* ``refuted as stated`` - an as-printed spec is false; the reason gives the lesson and the
  corrected specs (``reading`` set, ``holds=True``);
* ``not testable`` - no spec, with the reason in the document's ``not_testable``;
* ``pending`` - no spec yet, with what the spec format still lacks (``pending``);
* ``missing`` - no spec and no reason (a gap: the test suite fails on it).
"""

from __future__ import annotations

import dataclasses

from identities.engine.runner.registry import Catalog
from identities.spec import COOKBOOK, Document, Identity

VERDICTS = ("confirmed", "refuted as stated", "not testable", "pending", "missing")


@dataclasses.dataclass
class Row:
    """One entry of a reference: its specs and verdict."""

    ref: str
    specs: list[str]
    verdict: str
    reason: str

    @property
    def eq(self) -> str:
        """The Cookbook's name for ``ref``: the equation number."""
        return self.ref

    def as_json(self, key: str = "ref") -> dict:
        return {key: self.ref, "specs": self.specs, "verdict": self.verdict, "reason": self.reason}


def json_key(document: Document) -> str:
    """The JSON key of an entry: ``eq`` for the Cookbook (equation numbers), else ``ref``."""
    return "eq" if document.id == COOKBOOK else "ref"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _by_reading(specs: list[Identity]) -> dict[str, list[str]]:
    """Each distinct reading (once, however many specs share it) -> the specs under it."""
    out: dict[str, list[str]] = {}
    for spec in specs:
        out.setdefault(_one_line(spec.reading), []).append(spec.name)
    return out


def document(catalog: Catalog, document_id: str = COOKBOOK) -> Document:
    """The catalog's document ``document_id``; KeyError naming the known ones."""
    try:
        return catalog.documents[document_id]
    except KeyError:
        raise KeyError(
            f"no document {document_id!r}; known: {', '.join(sorted(catalog.documents))}"
        ) from None


def coverage(catalog: Catalog, document_id: str = COOKBOOK) -> list[Row]:
    """One row per entry of the document, in the source's order, then a 'missing' row for
    each ref that specs cite but the document does not list."""
    doc = document(catalog, document_id)
    by_ref: dict[str, list[Identity]] = {}
    for spec in catalog.specs:
        if spec.source.document == doc.id:
            by_ref.setdefault(spec.source.ref, []).append(spec)
    rows = []
    for ref in doc.entries:
        specs = by_ref.get(ref, [])
        names = [s.name for s in specs]
        printed = [s for s in specs if not s.reading]
        readings = [s for s in specs if s.reading]
        false_printed = [s for s in printed if not s.holds]
        if not specs:
            if ref in doc.not_testable:
                rows.append(Row(ref, [], "not testable", doc.not_testable[ref]))
            elif ref in doc.pending:
                rows.append(Row(ref, [], "pending", doc.pending[ref]))
            else:
                rows.append(Row(ref, [], "missing", "no spec yet"))
        elif false_printed:
            fixes = _by_reading([s for s in readings if s.holds])
            lessons = dict.fromkeys(_one_line(s.lesson) for s in false_printed)
            reason = "; ".join(lessons)
            if fixes:
                reason += " Corrected: " + "; ".join(
                    f"{', '.join(names)}: {reading}" for reading, names in fixes.items()
                )
            rows.append(Row(ref, names, "refuted as stated", reason))
        elif printed:
            rows.append(Row(ref, names, "confirmed", ""))
        else:
            rows.append(
                Row(
                    ref,
                    names,
                    "confirmed",
                    "under a reading: " + "; ".join(_by_reading(readings)),
                )
            )
    for ref in sorted(set(by_ref) - set(doc.entries)):
        rows.append(
            Row(
                ref,
                [s.name for s in by_ref[ref]],
                "missing",
                f"ref {ref!r} is not an entry of {doc.title}",
            )
        )
    return rows


def summary(rows: list[Row]) -> dict[str, int]:
    return {v: sum(r.verdict == v for r in rows) for v in VERDICTS}


def _label(doc: Document, ref: str) -> str:
    return f"({ref})" if doc.id == COOKBOOK else ref


def headline(doc: Document, rows: list[Row]) -> str:
    """One line: how many entries, checked, not testable, pending, missing."""
    counts = summary(rows)
    checked = counts["confirmed"] + counts["refuted as stated"]
    kind = "equations" if doc.id == COOKBOOK else "entries"
    pending = f", {counts['pending']} pending" if counts["pending"] else ""
    return (
        f"{len(rows)} {kind}: {checked} checked ({counts['confirmed']} confirmed, "
        f"{counts['refuted as stated']} refuted as stated), "
        f"{counts['not testable']} not testable{pending}, {counts['missing']} missing."
    )


def markdown(rows: list[Row], doc: Document | None = None) -> str:
    """The coverage table as Markdown."""
    doc = doc or Document(COOKBOOK, "", ())
    key = "eq" if doc.id == COOKBOOK else "entry"
    lines = [headline(doc, rows), "", f"| {key} | verdict | specs | reason |", "|---|---|---|---|"]
    for r in rows:
        specs = ", ".join(f"`{n}`" for n in r.specs)
        reason = r.reason.replace("|", "\\|")
        lines.append(f"| {_label(doc, r.ref)} | {r.verdict} | {specs} | {reason} |")
    return "\n".join(lines) + "\n"


def refuted_markdown(rows: list[Row], doc: Document | None = None) -> str:
    """The entries refuted as printed, one bullet each."""
    doc = doc or Document(COOKBOOK, "", ())
    kind = "equations" if doc.id == COOKBOOK else "entries"
    refuted = [r for r in rows if r.verdict == "refuted as stated"]
    if not refuted:
        return f"No {kind[:-1]} is refuted as printed.\n"
    lines = [
        f"**Refuted as printed: {len(refuted)} {kind}.** Each has a spec as printed "
        "(false, with its counterexample from `python -m identities check NAME`) and a "
        "corrected one:",
        "",
    ]
    lines += [f"* **{_label(doc, r.ref)}** {r.reason}" for r in refuted]
    return "\n".join(lines) + "\n"


def ordered(catalog: Catalog) -> list[Document]:
    """The catalog's documents, the Cookbook first, then by id."""
    return sorted(catalog.documents.values(), key=lambda d: (d.id != COOKBOOK, d.id))


def page_name(doc: Document) -> str:
    """The file name of a document's coverage page under ``docs/coverage/``."""
    return f"{doc.id}.md"


def page(doc: Document, rows: list[Row]) -> str:
    """A document's docs page: the headline, the entries refuted as printed, the table."""
    return "\n".join(
        [
            f"# {doc.title}, checked entry by entry",
            "",
            "Generated by `python -m identities coverage --write .`; do not edit by hand. Each "
            "entry is checked as printed, under exactly its stated conditions, in its stated "
            "layout. `python -m identities check NAME` shows the verdict of any spec.",
            "",
            refuted_markdown(rows, doc),
            "## Every entry",
            "",
            markdown(rows, doc),
        ]
    )


def readme_block(catalog: Catalog) -> str:
    """README's summary: per reference, the headline, its page and what is refuted."""
    lines = []
    for doc in ordered(catalog):
        rows = coverage(catalog, doc.id)
        lines += [
            f"### {doc.title}",
            "",
            f"{headline(doc, rows)} Every entry: "
            f"[docs/coverage/{page_name(doc)}](docs/coverage/{page_name(doc)}).",
            "",
            refuted_markdown(rows, doc),
        ]
    return "\n".join(lines)
