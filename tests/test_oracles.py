"""The two oracles: accuracy, honest error bounds, and how a kink shows up."""

import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from identities.engine import autograd_jacobian, finite_difference_jacobian, judge_tensors
from identities.strategies import arrays, smooth_maps


def digits(estimate: torch.Tensor, exact: torch.Tensor) -> float:
    err = float((estimate - exact).abs().max())
    return math.inf if err == 0 else -math.log10(err / float(exact.abs().max()))


# name -> (function of a random matrix, input shape, digits expected). Accuracy is limited
# by rounding, about EPS * |f| / (h |J|): 12 digits where |f| is comparable to |J|. For
# log det, |f| / |J| is about 50 here and the rounding limit is about 11.5 digits.
SMOOTH = {
    "quadratic form": (lambda A: lambda x: x @ A @ x, (6,), 12),
    "tanh layer": (lambda A: lambda x: torch.tanh(A @ x + 1.0), (6,), 12),
    "inverse": (lambda A: lambda X: torch.linalg.inv(X + 8 * torch.eye(6)), (6, 6), 12),
    "log det": (lambda A: lambda X: torch.logdet(X @ X.T + 4 * torch.eye(6)), (6, 6), 11),
}


@pytest.mark.parametrize("name", SMOOTH)
def test_finite_differences_reach_their_digits_and_bound_their_error(name):
    torch.manual_seed(0)
    make, shape, expected = SMOOTH[name]
    f = make(torch.randn(6, 6))
    x = torch.rand(shape) * 4 - 2
    exact = autograd_jacobian(f, x)
    fd = finite_difference_jacobian(f, x)
    assert digits(fd.value, exact) >= expected, f"{name}: {digits(fd.value, exact):.1f} digits"
    assert bool(((fd.value - exact).abs() <= fd.error_bound).all()), (
        f"{name}: an entry's error exceeds its own bound"
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_error_bound_covers_the_true_error_on_generated_maps(data):
    n_in = data.draw(st.integers(1, 4), label="n_in")
    n_out = data.draw(st.integers(1, 4), label="n_out")
    g = data.draw(smooth_maps(dim_in=n_in, dim_out=n_out), label="g")
    x = data.draw(arrays((n_in,), "general"), label="x")
    fd = finite_difference_jacobian(g, x)
    exact = g.jacobian(x)
    excess = (fd.value - exact).abs() - fd.error_bound
    assert float(excess.max()) <= 1e-13 * max(1.0, float(exact.abs().max())), (
        f"true error exceeds the bound by {float(excess.max()):.3g} for {g!r} at {x.tolist()}"
    )


def changes_with_the_step(f, x) -> bool:
    """Whether the judgement finds finite differences of ``f`` at ``x`` unconverged."""
    fd = finite_difference_jacobian(f, x)
    exact = autograd_jacobian(f, x)
    arranged = (fd.value, fd.error_bound, fd.truncation, fd.rounding)
    return bool(judge_tensors(exact, exact, arranged)["unreliable"])


def test_a_kink_within_the_stencil_is_flagged_unreliable():
    assert changes_with_the_step(torch.relu, torch.tensor([1e-3, -0.7, 0.6]))
    assert not changes_with_the_step(torch.relu, torch.tensor([0.6, -0.7]))


def test_canonical_shape_is_outputs_then_inputs():
    X = torch.arange(6.0).reshape(2, 3)
    fd = finite_difference_jacobian(lambda X: X.sum(dim=1) ** 2, X)
    assert fd.value.shape == (2, 2, 3)
    assert torch.allclose(fd.value, autograd_jacobian(lambda X: X.sum(dim=1) ** 2, X))


SINGULAR = torch.tensor([[1.0, 2.0], [2.0, 4.0]], dtype=torch.float64)
ADJUGATE_T = torch.tensor(
    [[4.0, -2.0], [-2.0, 1.0]], dtype=torch.float64
)  # d det(X)/dX = adj(X)^T, also here


def test_torch_bug_autograd_grad_of_det_at_a_singular_matrix_is_zero_jacrev_is_right():
    """Recorded: torch 2.13's autograd.grad of det at a singular matrix returns 0; jacrev
    returns the adjugate. If this fails, torch fixed it (the cross-check below stays)."""
    rows = autograd_jacobian(torch.linalg.det, SINGULAR, path="rows")
    jacrev = autograd_jacobian(torch.linalg.det, SINGULAR, path="jacrev")
    assert torch.equal(rows, torch.zeros(2, 2))
    assert torch.allclose(jacrev, ADJUGATE_T, rtol=0, atol=1e-12)


def test_the_verdict_does_not_depend_on_the_autograd_path():
    """At a singular matrix the default path (autograd.grad, one output) says 0: the
    oracles conflict, autograd is taken by its other path, and the verdicts are those of
    the right derivative: the adjugate confirmed, the claim 0 refuted."""
    from identities import Identity, Source, matrix
    from identities.engine import CONFIRMED, REFUTED, check
    from identities.strategies import Example

    def det_spec(claimed, holds=True):
        return Identity(
            name="det",
            statement="s",
            source=Source("test", "det"),
            inputs={"X": matrix("n", "n")},
            wrt="X",
            form="gradient",
            function=lambda X: torch.linalg.det(X),
            claimed=claimed,
            holds=holds,
            lesson="" if holds else "l",
        )

    ex = Example({"n": 2}, {"X": SINGULAR})
    adjugate = lambda X: torch.stack(
        [torch.stack([X[1, 1], -X[1, 0]]), torch.stack([-X[0, 1], X[0, 0]])]
    )
    assert check(det_spec(adjugate), ex).status == CONFIRMED
    assert check(det_spec(lambda X: torch.zeros_like(X), holds=False), ex).status == REFUTED
