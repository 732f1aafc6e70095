"""What one example says about one spec: a status, the comparisons that led to it by name,
and the one rule for whether an example decides against what a spec declares."""

from __future__ import annotations

import dataclasses
import enum
from typing import Any

import torch

from identities.engine.judgement import Comparison
from identities.spec import Identity


class Status(enum.StrEnum):
    """The verdict of one example."""

    CONFIRMED = "confirmed"  # both oracles agree with each other and with the claim
    REFUTED = "refuted"  # both oracles agree with each other, and not with the claim
    CONFLICT = "oracle conflict"  # the oracles disagree: not a refutation
    INCONCLUSIVE = "inconclusive"  # the claim agrees with one oracle only


CONFIRMED, REFUTED, CONFLICT, INCONCLUSIVE = (
    Status.CONFIRMED,
    Status.REFUTED,
    Status.CONFLICT,
    Status.INCONCLUSIVE,
)


def decides(spec: Identity, status: Status) -> bool:
    """Whether an example with ``status`` settles the search on ``spec`` against what it
    declares: for a true-declared spec, any example not confirmed; for a false-declared one,
    a refutation (the hoped-for outcome)."""
    return status != CONFIRMED if spec.holds else status == REFUTED


@dataclasses.dataclass
class Verdict:
    """What one example says about one spec.

    * ``exact`` - the claim against the exact reference: autograd, or for a value identity
      the function's value (``exact.reference`` is the true value, arranged like the claim);
    * ``numerical`` - the claim against finite differences (None at a kink or for a value);
    * ``oracles`` - autograd against finite differences (None likewise).
    """

    spec: Identity
    example: Any
    status: Status
    claimed: torch.Tensor
    exact: Comparison
    numerical: Comparison | None = None
    oracles: Comparison | None = None
    note: str = ""
    #: Where finite differences changed most with the step (an oracle conflict so decided):
    #: (index, truncation estimate, rounding bound), arranged like the claim.
    unconverged: tuple[tuple[int, ...], float, float] | None = None

    @property
    def comparisons(self) -> list[Comparison]:
        """The claim's comparisons, the exact one first."""
        return [self.exact] + ([self.numerical] if self.numerical is not None else [])

    @property
    def decides(self) -> bool:
        """Whether this example decides against what the spec declares (see ``decides``)."""
        return decides(self.spec, self.status)


def status_of(judged: dict[str, torch.Tensor]) -> Status:
    """The status from a judgement with finite differences (``judgement.judge_tensors``)."""
    if bool(judged["unreliable"]) or not bool(judged["agree"]):
        return CONFLICT
    if bool(judged["confirmed"]):
        return CONFIRMED
    if not bool(judged["by_ad"]) and not bool(judged["by_fd"]):
        return REFUTED
    return INCONCLUSIVE


def conflict_cause(unreliable: bool, ad: torch.Tensor, fd_value: torch.Tensor) -> str:
    """Why the oracles disagree, as far as the judgement can tell."""
    if not (torch.isfinite(ad).all() and torch.isfinite(fd_value).all()):
        return (
            "an oracle returned non-finite values: a domain edge (division by zero, "
            "log of zero) is at or near the inputs"
        )
    if unreliable:
        return (
            "finite differences change with the step size: a kink or a domain edge "
            "lies within the stencil, so the derivative is not smooth here"
        )
    return (
        "autograd and finite differences disagree beyond the finite-difference error "
        "bound: ill-conditioning, a non-smooth point, or a function whose autograd "
        "rule is a convention rather than the derivative"
    )
