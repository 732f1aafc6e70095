"""The report of one verdict: the text a user reads when an identity is refuted, cannot be
judged, or holds. It names the claim, each oracle's answer, the largest difference against
its tolerance, the inputs and the source, and ends with the command to rerun."""

from __future__ import annotations

from identities.engine.display import format_inputs, show
from identities.engine.verdict import CONFIRMED, CONFLICT, INCONCLUSIVE, REFUTED, Verdict

HEADLINES = {
    REFUTED: "is false for these inputs",
    CONFLICT: "could not be judged: the two oracles disagree (oracle conflict, not a "
              "refutation)",
    INCONCLUSIVE: "is neither confirmed nor refuted for these inputs",
    CONFIRMED: "holds for these inputs",
}


def render_report(verdict: Verdict, rerun: str = "") -> str:
    """The report of ``verdict``; ``rerun`` is the command that checks it again."""
    spec = verdict.spec
    lines = [f"Identity {spec.name!r} {HEADLINES[verdict.status]}",
             f"  statement  {spec.statement}"]
    if spec.conditions:
        lines.append(f"  conditions {spec.conditions}")
    lines.append(f"  claimed            = {show(verdict.claimed)}")
    for comp in verdict.comparisons:
        agrees = "agrees" if comp.ok else "DISAGREES"
        lines.append(f"  {comp.against:<18} = {show(comp.reference)}   "
                     f"(claim {agrees})")
    if verdict.oracles is not None:
        word = "agree" if verdict.oracles.ok else "DISAGREE"
        lines.append(f"  the two oracles {word} with each other")
    for comp in verdict.comparisons:
        diff, tol, index = comp.worst()
        lines.append(f"  max abs difference from {comp.against}: {diff:.3g} at index "
                     f"{index}, tolerance there {tol:.2g} ({comp.tolerance_text})")
    if verdict.note:
        lines.append(f"  note    {verdict.note}")
    lines.append(f"  inputs  {format_inputs(verdict.example)}")
    lines.append(f"  source  {spec.source}")
    if not spec.holds and spec.lesson:
        lines.append(f"  lesson  {spec.lesson}")
    if rerun:
        lines.append(f"  rerun   {rerun}")
    return "\n".join(lines)
