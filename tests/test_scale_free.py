"""Verdicts that do not depend on units: scaling every input by 10^k changes no verdict of a
homogeneous identity, a claim wrong at 1e-19 is refuted, and the resolution holds there."""

import dataclasses

import pytest
import torch

from identities import Identity, matrix, vector
from identities.engine import CONFIRMED, INCONCLUSIVE, REFUTED, check, render_report
from identities.strategies import Example
from tests.helpers import SRC, quadratic_spec

X = torch.tensor([0.75, -1.3, 2.1], dtype=torch.float64)
A = torch.tensor([[0.5, 1.25, -0.3], [0.1, -2.0, 0.7], [1.9, 0.4, 1.1]], dtype=torch.float64)
M = torch.tensor([[2.5, 0.3, -0.4], [0.2, 1.7, 0.6], [-0.5, 0.1, 3.1]], dtype=torch.float64)

QUADRATIC = quadratic_spec()
INVERSE = Identity(
    name="inverse",
    statement="d(a^T X^-1 b)/dX = -X^-T a b^T X^-T",
    source=SRC,
    inputs={"X": matrix("n", "n", "invertible"), "a": vector("n"), "b": vector("n")},
    wrt="X",
    form="gradient",
    function=lambda X, a, b: a @ torch.linalg.inv(X) @ b,
    claimed=lambda X, a, b: -torch.linalg.inv(X).T @ torch.outer(a, b) @ torch.linalg.inv(X).T,
)
DET = Identity(
    name="det",
    statement="d det(X)/dX = det(X) X^-T",
    source=SRC,
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.linalg.det(X),
    claimed=lambda X: torch.linalg.det(X) * torch.linalg.inv(X).T,
)

# name -> (true spec, its example builder at scale s)
CASES = {
    "quadratic form": (QUADRATIC, lambda s: {"x": X * s, "A": A * s}),
    "inverse": (INVERSE, lambda s: {"X": M * s, "a": X * s, "b": X.flip(0) * s}),
    "det": (DET, lambda s: {"X": M * s}),
}


def example(case: str, scale: float) -> Example:
    return Example({"n": 3}, CASES[case][1](scale))


def wrong(spec: Identity, factor: float) -> Identity:
    claimed = spec.claimed
    return dataclasses.replace(spec, claimed=lambda **v: claimed(**v) * factor)


@pytest.mark.parametrize("case", CASES)
def test_scaling_every_input_by_a_power_of_ten_changes_no_verdict(case):
    spec = CASES[case][0]
    claims = {
        "true": (spec, CONFIRMED),
        "wrong by 1e-6": (wrong(spec, 1 + 1e-6), REFUTED),
        "wrong sign": (wrong(spec, -1.0), REFUTED),
        "zero": (wrong(spec, 0.0), REFUTED),
    }
    for k in range(-20, 21):
        for what, (claim, expected) in claims.items():
            v = check(claim, example(case, 10.0**k))
            assert v.status == expected, f"{case}, {what}, scale 1e{k}:\n{render_report(v)}"


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("k", [-19, 0, 19])
def test_a_claim_wrong_by_1e_10_relative_is_refuted_at_any_scale(case, k):
    spec = CASES[case][0]
    v = check(wrong(spec, 1 + 1e-10), example(case, 10.0**k))
    assert v.status == REFUTED, render_report(v)
    # Beneath both oracles' resolution, the verdict says it cannot tell, at every scale.
    assert check(wrong(spec, 1 + 1e-15), example(case, 10.0**k)).status == CONFIRMED
    assert check(wrong(spec, 1 + 1e-12), example(case, 10.0**k)).status in (
        CONFIRMED,
        INCONCLUSIVE,
    )


COULOMB_K = 8.9875517923e9  # N m^2 C^-2
CHARGE = 1.602176634e-19  # C

COULOMB = Identity(
    name="coulomb",
    statement="d/dr k q1 q2 / |r| = -k q1 q2 r / |r|^3",
    source=SRC,
    inputs={"r": vector("n")},
    wrt="r",
    function=lambda r: -COULOMB_K * CHARGE**2 / torch.linalg.vector_norm(r),
    claimed=lambda r: COULOMB_K * CHARGE**2 * r / torch.linalg.vector_norm(r) ** 3,
)
BOHR = Example({"n": 3}, {"r": torch.tensor([0.3e-10, -0.4e-10, 0.2e-10], dtype=torch.float64)})


def test_a_coulomb_force_in_si_units_is_confirmed_and_its_wrong_versions_refuted():
    assert check(COULOMB, BOHR).status == CONFIRMED
    for factor in (-1.0, 0.0, 1e6, 1 + 1e-8):
        v = check(wrong(COULOMB, factor), BOHR)
        assert v.status == REFUTED, f"claim times {factor}:\n{render_report(v)}"
        assert "is false for these inputs" in render_report(v)
