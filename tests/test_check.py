"""The checker: forms and layouts, the four verdicts, the report, and the search."""

import dataclasses

import pytest
import torch

from identities import Identity, SpecError, column, matrix, scalar, vector
from identities.engine import (
    CONFIRMED,
    CONFLICT,
    INCONCLUSIVE,
    REFUTED,
    check,
    investigate,
    render_report,
)
from identities.strategies import Example
from tests.helpers import SRC, quadratic_spec

spec = quadratic_spec


X = torch.tensor([1.0, 2.0], dtype=torch.float64)
A = torch.tensor([[0.0, 1.0], [0.0, 0.0]], dtype=torch.float64)
EX = Example({"n": 2}, {"x": X, "A": A})


def test_a_true_claim_is_confirmed_by_both_oracles():
    v = check(spec(), EX)
    assert v.status == CONFIRMED
    assert [c.against for c in v.comparisons] == ["autograd", "finite differences"]
    assert all(c.ok for c in v.comparisons) and v.oracles.ok


def test_a_false_claim_is_refuted_with_a_readable_report():
    v = check(spec(claimed=lambda x, A: 2 * x @ A), EX)
    assert v.status == REFUTED
    text = render_report(v, "pytest 'x'")
    for needle in [
        "is false for these inputs",
        "claimed            = [0., 2.]",
        "autograd           = [2., 1.]",
        "finite differences = [2., 1.]",
        "the two oracles agree",
        "largest difference, claim vs autograd: 2 at index (0,)",
        "n=2",
        "x=[1., 2.]",
        "A=[[0., 1.], [0., 0.]]",
        'source  test, "engine"',
        "rerun   pytest 'x'",
    ]:
        assert needle in text, f"missing {needle!r} in\n{text}"


def test_a_tiny_relative_error_is_caught_by_autograd_but_below_fd_resolution():
    v = check(spec(claimed=lambda x, A: x @ (A + A.T) * (1 + 1e-12)), EX)
    assert v.status == INCONCLUSIVE


def test_a_relative_error_of_1e_6_is_refuted_by_both_oracles():
    v = check(spec(claimed=lambda x, A: x @ (A + A.T) * (1 + 1e-6)), EX)
    assert v.status == REFUTED


RELU = Identity(
    name="r",
    statement="s",
    source=SRC,
    inputs={"z": vector("n")},
    wrt="z",
    function=lambda z: torch.relu(z),
    claimed=lambda z: torch.diag((z > 0).double()),
)


def test_a_kink_is_an_oracle_conflict_not_a_refutation():
    relu = RELU
    # At the kink, central differences see the mean of the one-sided slopes (1/2), at every
    # step; autograd sees relu's convention (0).
    v = check(relu, Example({"n": 2}, {"z": torch.tensor([0.0, 1.0])}))
    assert v.status == CONFLICT
    assert "non-smooth point" in v.note and "oracle conflict" in render_report(v)
    assert "is false" not in render_report(v)


def test_a_smooth_point_near_a_kink_is_confirmed_by_smaller_steps():
    relu = RELU
    # The first stencil (steps of 2^-9) reaches across the kink at 0; smaller steps do
    # not, and converge: relu is differentiable at 1e-3, and at 1e-6.
    for z in (1e-3, 1e-6):
        v = check(relu, Example({"n": 2}, {"z": torch.tensor([z, 1.0])}))
        assert v.status == CONFIRMED, render_report(v)
        assert "refined" in v.note
        wrong = dataclasses.replace(relu, claimed=lambda z: torch.diag((z > 0).double()) * 0.5)
        assert check(wrong, Example({"n": 2}, {"z": torch.tensor([z, 1.0])})).status == REFUTED


def test_a_c1_point_converges_at_order_one_and_is_confirmed():
    # The Huber loss at |x| = 1: its second derivative jumps, its derivative exists.
    huber = dataclasses.replace(
        RELU,
        function=lambda z: torch.where(z.abs() < 1, z**2 / 2, z.abs() - 0.5).sum(),
        claimed=lambda z: z.clamp(-1, 1),
    )
    for z in ([1.0, 0.3], [-1.0, 2.0]):
        v = check(huber, Example({"n": 2}, {"z": torch.tensor(z)}))
        assert v.status == CONFIRMED, render_report(v)
        wrong = dataclasses.replace(huber, claimed=lambda z: z.clamp(-1, 1) * (1 + 1e-6))
        assert check(wrong, Example({"n": 2}, {"z": torch.tensor(z)})).status == REFUTED


def test_at_kink_specs_use_autograd_only():
    at0 = Identity(
        name="k",
        statement="s",
        source=SRC,
        inputs={"z": scalar("zero")},
        wrt="z",
        function=lambda z: torch.clamp(z, min=0),
        claimed=lambda z: torch.tensor(0.0),
        holds=False,
        lesson="clamp gives 1",
        at_kink=True,
    )
    v = check(at0, Example({}, {"z": torch.tensor(0.0)}))
    assert v.status == REFUTED and [c.against for c in v.comparisons] == ["autograd"]
    assert float(v.exact.reference) == 1.0


@pytest.mark.parametrize(
    "claimed, ok",
    [
        (lambda x: 2 * x, True),  # (n,)
        (lambda x: (2 * x)[None, :], True),  # (1, n): a row
        (lambda x: (2 * x)[:, None], False),  # (n, 1): a column is denominator layout
    ],
)
def test_scalar_by_vector_numerator_accepts_rows_only(claimed, ok):
    s = spec(inputs={"x": vector("n")}, function=lambda x: x @ x, claimed=claimed)
    ex = Example({"n": 3}, {"x": torch.tensor([1.0, -2.0, 3.0])})
    if ok:
        assert check(s, ex).status == CONFIRMED
    else:
        with pytest.raises(SpecError, match=r"shape \(3, 1\).*numerator.*\(3,\) or \(1, 3\)"):
            check(s, ex)


def test_denominator_layout_is_the_transpose():
    W = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    base = dict(inputs={"x": vector("n")}, function=lambda x: W @ x)
    ex = Example({"n": 3}, {"x": torch.ones(3)})
    assert check(spec(**base, claimed=lambda x: W), ex).status == CONFIRMED
    assert check(spec(**base, claimed=lambda x: W.T, layout="denominator"), ex).status == CONFIRMED
    with pytest.raises(SpecError, match=r"shape \(2, 3\).*denominator.*\(3, 2\)"):
        check(spec(**base, claimed=lambda x: W, layout="denominator"), ex)


def test_scalar_by_matrix_numerator_layout_is_laid_out_by_x_transposed():
    """Wikipedia's numerator layout: d tr(AX)/dX = A (q x p for a p x q X); denominator: A^T."""
    A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 7.0]])  # q x p = 3 x 2
    base = dict(inputs={"X": matrix("p", "q")}, wrt="X", function=lambda X: torch.trace(A @ X))
    ex = Example({"p": 2, "q": 3}, {"X": torch.arange(6.0).reshape(2, 3)})
    assert check(spec(**base, claimed=lambda X: A), ex).status == CONFIRMED
    assert check(spec(**base, claimed=lambda X: A.T, layout="denominator"), ex).status == CONFIRMED
    with pytest.raises(SpecError, match=r"shape \(2, 3\).*numerator.*\(3, 2\)"):
        check(spec(**base, claimed=lambda X: A.T), ex)
    square = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    sq = dict(inputs={"X": matrix("n", "n")}, wrt="X", function=lambda X: torch.trace(square @ X))
    ex2 = Example({"n": 2}, {"X": torch.eye(2)})
    assert check(spec(**sq, claimed=lambda X: square.T), ex2).status == REFUTED


def test_gradient_form_is_shaped_like_the_input():
    s = spec(
        inputs={"X": matrix("m", "n")},
        wrt="X",
        function=lambda X: (X * X).sum(),
        claimed=lambda X: 2 * X,
        form="gradient",
    )
    ex = Example({"m": 2, "n": 3}, {"X": torch.arange(6.0).reshape(2, 3)})
    assert check(s, ex).status == CONFIRMED


def test_value_form_compares_with_the_function():
    s = spec(
        wrt=None,
        form="value",
        function=lambda x, A: A @ x,
        claimed=lambda x, A: torch.stack([sum(A[i, k] * x[k] for k in range(2)) for i in range(2)]),
    )
    assert check(s, EX).status == CONFIRMED
    wrong = spec(wrt=None, form="value", function=lambda x, A: A @ x, claimed=lambda x, A: A.T @ x)
    assert check(wrong, EX).status == REFUTED


def test_a_float32_claim_is_a_spec_error():
    s = spec(claimed=lambda x, A: (x @ (A + A.T)).float())
    with pytest.raises(SpecError, match="float32"):
        check(s, EX)


def test_search_refutes_2xA_with_a_minimal_integer_counterexample():
    outcome = investigate(
        spec(claimed=lambda x, A: 2 * x @ A, holds=False, lesson="l"), max_examples=200
    )
    assert outcome.passed and outcome.verdict.status == REFUTED
    ex = outcome.verdict.example
    assert ex.dims == {"n": 2}
    for value in ex.values.values():
        assert bool((value == value.round()).all()), f"non-integer entry in {value}"


def test_search_fails_a_false_spec_declared_true():
    outcome = investigate(spec(claimed=lambda x, A: 2 * x @ A), max_examples=200)
    assert not outcome.passed and outcome.status == REFUTED


def test_search_fails_a_true_spec_declared_false():
    outcome = investigate(spec(holds=False, lesson="l"), max_examples=30)
    assert not outcome.passed and outcome.verdict is None
    assert "no refuting example was found in 30 examples" in outcome.report()


def test_differential_rules_are_checked_along_directions():
    product = Identity(
        name="d",
        statement="s",
        source=SRC,
        inputs={"X": matrix("n", "n"), "Y": matrix("n", "n")},
        wrt=("X", "Y"),
        form="differential",
        function=lambda X, Y: X @ Y,
        claimed=lambda X, Y, dX, dY: dX @ Y + X @ dY,
    )
    X, Y = torch.tensor([[1.0, 2.0], [3.0, 4.0]]), torch.tensor([[0.0, 1.0], [-1.0, 2.0]])
    dX, dY = torch.tensor([[1.0, 0.0], [2.0, 1.0]]), torch.tensor([[3.0, 1.0], [0.0, 1.0]])
    ex = Example({"n": 2}, {"X": X, "Y": Y}, {"dX": dX, "dY": dY})
    assert check(product, ex).status == CONFIRMED
    commuting = Identity(
        name="c",
        statement="s",
        source=SRC,
        inputs={"X": matrix("n", "n", "invertible")},
        wrt="X",
        form="differential",
        function=lambda X: torch.linalg.inv(X),
        claimed=lambda X, dX: -torch.linalg.inv(X) @ torch.linalg.inv(X) @ dX,
        holds=False,
        lesson="matrices do not commute",
    )
    inv_ex = Example(
        {"n": 2},
        {"X": torch.tensor([[2.0, 1.0], [0.0, 3.0]])},
        {"dX": torch.tensor([[0.0, 1.0], [1.0, 0.0]])},
    )
    v = check(commuting, inv_ex)
    assert v.status == REFUTED and "dX=[[0., 1.], [1., 0.]]" in render_report(v)


A2 = torch.tensor([[1.0, 2.0], [3.0, 4.0]], dtype=torch.float64)
SYM_X = torch.tensor([[1.0, 5.0], [5.0, -2.0]], dtype=torch.float64)


@pytest.mark.parametrize(
    "claimed, status",
    [
        (lambda X: A2 + A2.T - torch.diag(torch.diagonal(A2)), CONFIRMED),  # Cookbook (139)
        (lambda X: (A2 + A2.T) / 2, REFUTED),  # the Frobenius gradient is another quantity
        (lambda X: A2.T, REFUTED),  # the unstructured gradient
    ],
)
def test_structured_gradient_differentiates_the_independent_entries(claimed, status):
    s = spec(
        inputs={"X": matrix("n", "n", "symmetric")},
        wrt="X",
        form="gradient",
        function=lambda X: torch.trace(A2 @ X),
        claimed=claimed,
    )
    assert check(s, Example({"n": 2}, {"X": SYM_X})).status == status


def test_toeplitz_gradient_sums_each_diagonal():
    A = torch.arange(9.0).reshape(3, 3)
    T = torch.tensor([[1.0, 2.0, 3.0], [4.0, 1.0, 2.0], [5.0, 4.0, 1.0]])
    alpha = torch.stack(
        [torch.stack([torch.diagonal(A.T, int(j - i)).sum() for j in range(3)]) for i in range(3)]
    )
    s = spec(
        inputs={"T": matrix("n", "n", "toeplitz")},
        wrt="T",
        form="gradient",
        function=lambda T: torch.trace(A @ T),
        claimed=lambda T: alpha,
    )
    assert check(s, Example({"n": 3}, {"T": T})).status == CONFIRMED


def test_hessian_form_uses_nested_finite_differences():
    B = torch.tensor([[1.0, 2.0], [-3.0, 0.5]])
    s = spec(
        inputs={"x": vector("n")},
        form="hessian",
        function=lambda x: x @ B @ x + torch.sin(x).sum(),
        claimed=lambda x: B + B.T - torch.diag(torch.sin(x)),
    )
    v = check(s, Example({"n": 2}, {"x": torch.tensor([0.3, -1.2])}))
    assert v.status == CONFIRMED and v.oracles.ok
    wrong = spec(
        inputs={"x": vector("n")},
        form="hessian",
        function=lambda x: x @ B @ x,
        claimed=lambda x: 2 * B,
    )
    assert check(wrong, Example({"n": 2}, {"x": torch.tensor([0.3, -1.2])})).status == REFUTED


# -- the spec format for what references print: columns and rows, 1 x 1 results, a
# derivative by one entry, index notation, sizes inside the formula ----------------------
def test_column_vectors_have_2d_layouts_and_the_wrong_orientation_is_a_shape_error():
    A = torch.tensor([[1.0, 2.0], [3.0, 5.0], [7.0, 11.0]])
    x = torch.tensor([[1.0], [2.0]])
    linear = dict(inputs={"x": column("n")}, function=lambda x: A @ x)  # (3, 1) by (2, 1)
    ex = Example({"n": 2}, {"x": x})
    assert check(spec(**linear, claimed=lambda x: A), ex).status == CONFIRMED
    assert (
        check(spec(**linear, claimed=lambda x: A.T, layout="denominator"), ex).status == CONFIRMED
    )
    y = torch.tensor([[1.0], [-1.0], [2.0]])
    bilinear = dict(inputs={"x": column("n")}, function=lambda x: y.T @ A @ x)  # 1 x 1
    assert check(spec(**bilinear, claimed=lambda x: y.T @ A), ex).status == CONFIRMED  # a row
    with pytest.raises(SpecError, match=r"shape \(2, 1\).*\(1, 2\)"):
        check(spec(**bilinear, claimed=lambda x: A.T @ y), ex)  # a column: wrong orientation


def test_a_1x1_result_is_a_scalar_for_gradients_and_values():
    X = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    a, b = torch.tensor([[1.0], [2.0]]), torch.tensor([[3.0], [-1.0]])
    ex = Example({"n": 2}, {"X": X})
    grad = spec(
        inputs={"X": matrix("n", "n")},
        wrt="X",
        form="gradient",
        function=lambda X: a.T @ X @ b,
        claimed=lambda X: a @ b.T,
    )
    assert check(grad, ex).status == CONFIRMED
    value = spec(
        inputs={"X": matrix("n", "n")},
        wrt=None,
        form="value",
        function=lambda X: a.T @ X @ b,
        claimed=lambda X: (b.T @ X.T @ a)[0, 0],
    )
    assert check(value, ex).status == CONFIRMED


def test_a_derivative_with_respect_to_one_entry():
    """d(X A)/dX_ij = J^ij A, a matrix; d tr(X)/dX_ij = delta_ij, a scalar."""
    from identities import entrywise, index

    A = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    base = dict(
        inputs={"X": matrix("m", "n"), "i": index("m"), "j": index("n")},
        wrt="X[i, j]",
        function=lambda X, i, j: X @ A[:, :2],
    )
    X = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    ex = Example({"m": 2, "n": 2}, {"X": X, "i": 0, "j": 1})

    def single_entry(i, j):
        return entrywise((2, 2), lambda p, q: float(p == i and q == j))

    true = spec(**base, claimed=lambda X, i, j: single_entry(i, j) @ A[:, :2])
    assert check(true, ex).status == CONFIRMED
    wrong = spec(**base, claimed=lambda X, i, j: A[:, :2] @ single_entry(i, j))
    assert check(wrong, ex).status == REFUTED
    trace = spec(
        inputs={"X": matrix("n", "n"), "i": index("n"), "j": index("n")},
        wrt="X[i, j]",
        function=lambda X, i, j: torch.trace(X),
        claimed=lambda X, i, j: torch.tensor(float(i == j)),
    )
    assert check(trace, Example({"n": 2}, {"X": X, "i": 1, "j": 1})).status == CONFIRMED
    with pytest.raises(SpecError, match="index"):
        spec(
            inputs={"X": matrix("n", "n"), "i": index("n")},
            wrt="X[i, k]",
            function=lambda X, i: X.sum(),
            claimed=lambda X, i: X,
        )


def test_a_size_is_an_input_of_the_function_and_the_claim():
    """d(x^T x / n)/dx = 2 x^T / n: the size n is used inside the formula."""
    from identities import size

    s = spec(
        inputs={"x": vector("n"), "n": size("n")},
        function=lambda x, n: x @ x / n,
        claimed=lambda x, n: 2 * x / n,
    )
    assert (
        check(s, Example({"n": 3}, {"x": torch.tensor([1.0, 2.0, 3.0]), "n": 3})).status
        == CONFIRMED
    )
    found = investigate(
        spec(
            inputs={"x": vector("n"), "n": size("n")},
            function=lambda x, n: x @ x / n,
            claimed=lambda x, n: 2 * x,
            holds=False,
            lesson="l",
        ),
        max_examples=30,
    )
    assert found.passed and found.verdict.example.values["n"] == found.verdict.example.dims["n"]


def test_a_conflict_decided_by_unconverged_finite_differences_says_so_and_shows_the_estimate():
    # A jump of 1e-3 at 0, 1e-12 away: within reach of every step tried, down to 1/16777216
    # of the first, and the estimates grow as the step shrinks.
    jump = spec(
        inputs={"z": vector("n")},
        wrt="z",
        function=lambda z: (torch.relu(z) + 1e-3 * (z > 0)).sum(),
        claimed=lambda z: (z > 0).double(),
    )
    v = check(jump, Example({"n": 2}, {"z": torch.tensor([1e-12, 1.0])}))
    assert v.status == CONFLICT and v.unconverged is not None
    text = render_report(v)
    assert "steps down to 1/16777216 of the first" in text, text
    assert "finite differences do not settle as the step shrinks" in text, text
    assert "decided by finite differences: at index (0,)" in text, text
    assert "the two oracles disagree (oracle conflict" not in text, text


def test_largest_difference_is_the_largest_and_the_entry_furthest_over_is_named():
    from identities.engine import Comparison

    comp = Comparison(
        "autograd", torch.zeros(2), torch.tensor([5e-5, 2e-3]), torch.tensor([1e-9, 1.0]), "tol"
    )
    assert comp.largest() == (2e-3, (1,))
    assert comp.worst()[2] == (0,)


def test_a_matrix_valued_function_drawn_1x1_keeps_its_jacobian_shape():
    """A 1 x 1 value is a scalar only where that reshapes alike: a matrix function of a
    matrix drawn at n = 1 keeps out + in, (1, 1, 1, 1)."""
    s = spec(
        inputs={"X": matrix("n", "n")},
        wrt="X",
        function=lambda X: X @ X,
        claimed=lambda X: 2 * X.reshape(1, 1, 1, 1),
    )
    assert check(s, Example({"n": 1}, {"X": torch.tensor([[3.0]])})).status == CONFIRMED
