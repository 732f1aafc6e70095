"""The benchmark harness measures what it claims to (no timings are asserted here)."""

import pytest
import torch

from benchmarks import oracles, report
from identities.engine import CONFIRMED, autograd_jacobian, check


@pytest.mark.parametrize("n", [16, 64])
def test_the_closed_form_jacobians_are_exact(n):
    for case in oracles.cases(n):
        exact = autograd_jacobian(case.f, case.x)
        assert torch.allclose(case.exact, exact, rtol=1e-13, atol=1e-13), case.function
        assert check(case.spec, case.example).status == CONFIRMED


def test_digits_counts_correct_digits_relative_to_the_largest_entry():
    exact = torch.tensor([[2.0, -4.0], [1.0, 0.5]])
    assert oracles.digits(exact + 4e-9, exact) == pytest.approx(9.0, abs=1e-6)
    assert oracles.digits(exact, exact) == 16.0


def test_gradcheck_numerical_jacobian_is_arranged_like_ours():
    case = oracles.cases(16)[1]  # tanh(W x + b): a square, non-symmetric Jacobian
    assert oracles.digits(oracles._gradcheck_jacobian(case), case.exact) > 7


def test_the_json_object_has_the_documented_keys():
    rows = [
        {
            "function": "f",
            "n": 1024,
            "ours_s": 1.0,
            "ours_digits": 12.0,
            "gradcheck_s": None,
            "gradcheck_digits": None,
            "gradcheck_fast_s": 0.1,
            "projection_s": 0.004,
            "claim_s": 0.001,
        }
    ]
    runs = {"catalog": {"wall_s": 20.0, "examples": 9000}}
    result = report.result(rows, {"ratio": 1.4}, runs)
    assert set(result) == {
        "machine",
        "oracles",
        "per_example_ratio",
        "suite_wall_s",
        "suite_examples",
        "projection_ms_at_1024",
    }
    assert set(result["oracles"][0]) == {
        "function",
        "n",
        "ours_s",
        "ours_digits",
        "gradcheck_s",
        "gradcheck_digits",
        "gradcheck_fast_s",
    }
    assert result["projection_ms_at_1024"] == 4.0 and result["suite_examples"] == 9000
