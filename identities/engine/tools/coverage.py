"""Coverage of the Matrix Cookbook (2012), chapter 2: every equation, its specs, a verdict.

The verdict of an equation follows from its specs, and the test suite holds every spec to
what it declares (a true spec is confirmed on every example, a false one refuted):

* ``confirmed`` - every as-printed spec (``reading == ""``) holds; or, with no as-printed
  spec, the specs under a stated reading hold (the reason gives the reading);
* ``refuted as stated`` - an as-printed spec is false; the reason gives the lesson and the
  corrected specs (``reading`` set, ``holds=True``);
* ``not testable`` - no spec, with the reason in ``NOT_TESTABLE``;
* ``missing`` - no spec and no reason (a gap: the test suite fails on it).
"""

from __future__ import annotations

import dataclasses

from identities.engine.runner.registry import Catalog
from identities.spec import COOKBOOK, Identity

DOCUMENT = COOKBOOK

#: Equations (33)-(144) in order; "64a" is the unnumbered result between (64) and (65).
EQUATIONS: tuple[str, ...] = tuple(
    [str(k) for k in range(33, 65)] + ["64a"] + [str(k) for k in range(65, 145)])

#: Equations that cannot be checked numerically, and why.
NOT_TESTABLE: dict[str, str] = {
    "45": "complex-valued: (dX)^H for a complex X of a real parameter; the suite is real "
          "float64 (the real case is (44))",
    "89": "complex-valued LMS gradient whose convention for d/dx of a complex x is not stated",
    "95": "a definition (f = x^T A x + b^T x), used by (96) and (97)",
    "134": "a definition: the structure matrix S^ij = dA/dA_ij",
    "135": "notation: dg(U)/dX written for dg(f(X))/dX",
}

VERDICTS = ("confirmed", "refuted as stated", "not testable", "missing")


@dataclasses.dataclass
class Row:
    eq: str
    specs: list[str]
    verdict: str
    reason: str

    def as_json(self) -> dict:
        return dataclasses.asdict(self)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def coverage(catalog: Catalog) -> list[Row]:
    """One row per equation, in order."""
    by_eq: dict[str, list[Identity]] = {}
    for spec in catalog.specs:
        if spec.source.document == DOCUMENT:
            by_eq.setdefault(spec.source.ref, []).append(spec)
    rows = []
    for eq in EQUATIONS:
        specs = by_eq.get(eq, [])
        names = [s.name for s in specs]
        printed = [s for s in specs if not s.reading]
        readings = [s for s in specs if s.reading]
        false_printed = [s for s in printed if not s.holds]
        if not specs:
            if eq in NOT_TESTABLE:
                rows.append(Row(eq, [], "not testable", NOT_TESTABLE[eq]))
            else:
                rows.append(Row(eq, [], "missing", "no spec yet"))
        elif false_printed:
            fixes = [f"{s.name}: {s.reading}" for s in readings if s.holds]
            reason = "; ".join(_one_line(s.lesson) for s in false_printed)
            if fixes:
                reason += " Corrected: " + "; ".join(fixes)
            rows.append(Row(eq, names, "refuted as stated", reason))
        elif printed:
            rows.append(Row(eq, names, "confirmed", ""))
        else:
            rows.append(Row(eq, names, "confirmed",
                            "under a reading: " + "; ".join(s.reading for s in readings)))
    unknown = sorted(set(by_eq) - set(EQUATIONS))
    for eq in unknown:
        rows.append(Row(eq, [s.name for s in by_eq[eq]], "missing",
                        f"ref {eq!r} is not an equation of chapter 2 (33-144, 64a)"))
    return rows


def summary(rows: list[Row]) -> dict[str, int]:
    return {v: sum(r.verdict == v for r in rows) for v in VERDICTS}


def markdown(rows: list[Row]) -> str:
    """The coverage table as Markdown, for README."""
    counts = summary(rows)
    checked = counts["confirmed"] + counts["refuted as stated"]
    lines = [f"{len(rows)} equations: {checked} checked ({counts['confirmed']} confirmed, "
             f"{counts['refuted as stated']} refuted as stated), "
             f"{counts['not testable']} not testable, {counts['missing']} missing.", "",
             "| eq | verdict | specs | reason |", "|---|---|---|---|"]
    for r in rows:
        specs = ", ".join(f"`{n}`" for n in r.specs)
        reason = r.reason.replace("|", "\\|")
        lines.append(f"| ({r.eq}) | {r.verdict} | {specs} | {reason} |")
    return "\n".join(lines) + "\n"


def refuted_markdown(rows: list[Row]) -> str:
    """The equations refuted as printed, one bullet each, for README."""
    refuted = [r for r in rows if r.verdict == "refuted as stated"]
    if not refuted:
        return "No equation is refuted as printed.\n"
    lines = [f"**Refuted as printed: {len(refuted)} equations.** Each has a spec as printed "
             "(false, with its counterexample from `python -m identities check NAME`) and a "
             "corrected one:", ""]
    lines += [f"* **({r.eq})** {r.reason}" for r in refuted]
    return "\n".join(lines) + "\n"
