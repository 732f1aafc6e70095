"""The report of one verdict: the text a user reads when an identity is refuted, cannot be
judged, or holds. It names the claim, each oracle's answer, the largest difference against
its tolerance, the inputs and the source, and ends with the command to rerun."""

from __future__ import annotations

from identities.engine.display import format_inputs, show
from identities.engine.judgement import Comparison
from identities.engine.verdict import CONFIRMED, CONFLICT, INCONCLUSIVE, REFUTED, Verdict

HEADLINES = {
    REFUTED: "is false for these inputs",
    CONFLICT: "could not be judged: the two oracles disagree (oracle conflict, not a refutation)",
    "unconverged": "could not be judged: finite differences do not settle as the step "
    "shrinks (oracle conflict, not a refutation)",
    INCONCLUSIVE: "is neither confirmed nor refuted for these inputs",
    CONFIRMED: "holds for these inputs",
}


def render_report(verdict: Verdict, rerun: str = "") -> str:
    """The report of ``verdict``; ``rerun`` is the command that checks it again."""
    spec = verdict.spec
    headline = HEADLINES["unconverged" if verdict.unconverged else verdict.status]
    lines = [f"Identity {spec.name!r} {headline}", f"  statement  {spec.statement}"]
    if spec.conditions:
        lines.append(f"  conditions {spec.conditions}")
    lines.append(f"  claimed            = {show(verdict.claimed)}")
    for comp in verdict.comparisons:
        agrees = "agrees" if comp.ok else "DISAGREES"
        lines.append(f"  {comp.against:<18} = {show(comp.reference)}   (claim {agrees})")
    if verdict.oracles is not None:
        word = "agree" if verdict.oracles.ok else "DISAGREE"
        lines.append(
            f"  the two oracles {word} with each other"
            + (
                " within the finite-difference bound, but that bound is not reliable here (below)"
                if verdict.unconverged and verdict.oracles.ok
                else ""
            )
        )
    if verdict.unconverged:
        index, truncation, rounding = verdict.unconverged
        lines.append(
            f"  decided by finite differences: at index {index} the estimate "
            f"changes with the step by {truncation:.3g} (truncation estimate), more "
            f"than its rounding bound {rounding:.2g} allows"
        )
    for comp in verdict.comparisons + ([verdict.oracles] if verdict.oracles else []):
        diff, index = comp.largest()
        worst_diff, tol, worst = comp.worst()
        text = (
            f"  largest difference, {_between(comp)}: {diff:.3g} at index {index}; "
            f"tolerance there {_tolerance_at(comp, index):.2g}"
        )
        if worst != index and worst_diff > tol:
            text += (
                f"; furthest over its tolerance: index {worst}, {worst_diff:.3g} against {tol:.2g}"
            )
        lines.append(text + f" ({comp.tolerance_text})")
    if verdict.note:
        lines.append(f"  note    {verdict.note}")
    lines.append(f"  inputs  {format_inputs(verdict.example)}")
    lines.append(f"  source  {spec.source}")
    if not spec.holds and spec.lesson:
        lines.append(f"  lesson  {spec.lesson}")
    if rerun:
        lines.append(f"  rerun   {rerun}")
    return "\n".join(lines)


def _between(comp: Comparison) -> str:
    return comp.against if " vs " in comp.against else f"claim vs {comp.against}"


def _tolerance_at(comp: Comparison, index: tuple[int, ...]) -> float:
    return float(comp.tolerance[index]) if comp.tolerance.numel() else 0.0
