"""Our oracles against torch.autograd.gradcheck, on the same functions at the same points.

Four functions of an input of size n: x^T A x (general A), tanh(W x + b), ln det X (n =
side^2, X diagonally dominant as in the suite's invertible domain) and relu(w.x + b) with
w.x + b at least 0.5 from the kink. Each has an exact Jacobian in closed form. For each:
the time of one full numerical Jacobian by our finite-difference oracle (error bounds
included), of one gradcheck call in its default mode and in fast_mode, the time of one
projected check (``check(..., projections=4)``), and the digits of each numerical Jacobian
against the exact one, -log10(max|J_est - J| / max|J|).
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable

import torch
from torch.autograd.gradcheck import _get_numerical_jacobian

from identities import Identity, Source, matrix, vector
from identities.engine import (
    CONFIRMED,
    check,
    finite_difference_jacobian,
    profiles,
    render_report,
    torch_policy,
)
from identities.engine.tools.progress import bar
from identities.strategies import Example
from identities.strategies.arrays import construction

SIZES = (16, 64, 256, 1024)
#: gradcheck's default step and tolerances.
GRADCHECK_EPS = 1e-6
#: Skip gradcheck's default mode where it is expected to take longer than this.
GRADCHECK_BUDGET_S = 60.0
#: As the large profile checks.
PROJECTIONS = profiles.SUITE[profiles.PREFIX + "large"]["projections"]


@dataclasses.dataclass
class Case:
    """One benchmark function at one size: f of x, its exact Jacobian, and as a spec."""

    function: str
    n: int
    f: Callable[[torch.Tensor], torch.Tensor]
    x: torch.Tensor
    exact: torch.Tensor  # canonical: out + in
    spec: Identity
    example: Example


def _draw(shape: tuple[int, ...], domain: str, generator: torch.Generator) -> torch.Tensor:
    return construction(shape, domain).sample(1, generator)[0][0]


def cases(n: int, seed: int = 0) -> list[Case]:
    g = torch.Generator().manual_seed(seed + n)
    src = Source("benchmark", "oracles")
    out = []

    x, a = _draw((n,), "general", g), _draw((n, n), "general", g)
    spec = Identity(
        name="bench_quadratic",
        statement="x^T A x",
        source=src,
        inputs={"x": vector("n"), "A": matrix("n", "n")},
        wrt="x",
        function=lambda x, A: x @ A @ x,
        claimed=lambda x, A: x @ (A + A.T),
    )
    out.append(
        Case(
            "x^T A x",
            n,
            lambda v: v @ a @ v,
            x,
            (a + a.T) @ x,
            spec,
            Example({"n": n}, {"x": x, "A": a}),
        )
    )

    # W scaled by 1/sqrt(n) so that W x + b stays of unit size and tanh does not saturate.
    w = _draw((n, n), "general", g) / math.sqrt(n)
    b, x = _draw((n,), "general", g), _draw((n,), "general", g)
    t = torch.tanh(w @ x + b)
    spec = Identity(
        name="bench_tanh",
        statement="tanh(Wx + b)",
        source=src,
        inputs={"x": vector("n"), "W": matrix("n", "n"), "b": vector("n")},
        wrt="x",
        function=lambda x, W, b: torch.tanh(W @ x + b),
        claimed=lambda x, W, b: (1 - torch.tanh(W @ x + b) ** 2)[:, None] * W,
    )
    out.append(
        Case(
            "tanh(Wx + b)",
            n,
            lambda v: torch.tanh(w @ v + b),
            x,
            (1 - t**2)[:, None] * w,
            spec,
            Example({"n": n}, {"x": x, "W": w, "b": b}),
        )
    )

    side = math.isqrt(n)
    big_x = _draw((side, side), "invertible", g)
    spec = Identity(
        name="bench_logdet",
        statement="ln |det X|",
        source=src,
        inputs={"X": matrix("n", "n", "invertible")},
        wrt="X",
        form="gradient",
        function=lambda X: torch.linalg.slogdet(X)[1],
        claimed=lambda X: torch.linalg.inv(X).T,
    )
    out.append(
        Case(
            "ln det X",
            n,
            lambda v: torch.linalg.slogdet(v)[1],
            big_x,
            torch.linalg.inv(big_x).T,
            spec,
            Example({"n": side}, {"X": big_x}),
        )
    )

    wv, x = _draw((n,), "general", g), _draw((n,), "general", g)
    z = 0.5 + 3.5 * torch.rand((), generator=g, dtype=torch.float64)  # w.x + b in [0.5, 4]
    bias = z - wv @ x
    spec = Identity(
        name="bench_relu",
        statement="relu(w.x + b)",
        source=src,
        inputs={"x": vector("n"), "w": vector("n"), "b": vector(1)},
        wrt="x",
        function=lambda x, w, b: torch.relu(w @ x + b[0]),
        claimed=lambda x, w, b: (w @ x + b[0] > 0).double() * w,
    )
    out.append(
        Case(
            "relu(w.x + b)",
            n,
            lambda v: torch.relu(wv @ v + bias),
            x,
            wv,
            spec,
            Example({"n": n}, {"x": x, "w": wv, "b": bias.reshape(1)}),
        )
    )
    return out


def digits(estimate: torch.Tensor, exact: torch.Tensor) -> float:
    """Correct digits of ``estimate``: -log10(max|estimate - exact| / max|exact|), at most 16."""
    error = float((estimate.reshape(exact.shape) - exact).abs().max())
    if error == 0.0:
        return 16.0
    return round(min(16.0, -math.log10(error / float(exact.abs().max()))), 2)


def timed(fn: Callable[[], object], *, at_least: float = 0.2, repeats: int = 5) -> float:
    """The median time of ``fn()`` over up to ``repeats`` runs (fewer when slow)."""
    times = []
    while len(times) < repeats and (not times or sum(times) < at_least or len(times) < 3):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
        if times[-1] > 5.0:
            break
    return sorted(times)[len(times) // 2]


def _gradcheck_jacobian(case: Case) -> torch.Tensor:
    x = case.x.detach().clone().requires_grad_(True)
    (columns,) = _get_numerical_jacobian(case.f, (x,), eps=GRADCHECK_EPS)[0]
    # gradcheck's layout is (input, output); ours is (output, input).
    out_numel = case.exact.numel() // case.x.numel()
    return columns.reshape(case.x.numel(), out_numel).T


def _gradcheck(case: Case, fast: bool) -> bool:
    x = case.x.detach().clone().requires_grad_(True)
    return torch.autograd.gradcheck(case.f, (x,), eps=GRADCHECK_EPS, fast_mode=fast)


@torch_policy()
def run(sizes: tuple[int, ...] = SIZES, progress: Callable[[str], None] = print) -> list[dict]:
    rows: list[dict] = []
    slow_estimate: dict[str, float] = {}
    every = [(n, case) for n in sizes for case in cases(n)]
    with bar(every, desc="oracles", unit="case") as cases_bar:
        for n, case in cases_bar:
            _run_case(n, case, rows, slow_estimate, progress)
    return rows


def _run_case(
    n: int,
    case: Case,
    rows: list[dict],
    slow_estimate: dict[str, float],
    progress: Callable[[str], None],
) -> None:
    """One function at one size: our oracle, gradcheck, the projected check; one row."""
    ours = finite_difference_jacobian(case.f, case.x).value
    row = {
        "function": case.function,
        "n": n,
        "ours_s": timed(lambda c=case: finite_difference_jacobian(c.f, c.x)),
        "ours_digits": digits(ours, case.exact),
    }
    estimate = slow_estimate.get(case.function, 0.0)
    if estimate <= GRADCHECK_BUDGET_S:
        row["gradcheck_s"] = timed(lambda c=case: _gradcheck(c, False), repeats=3)
        row["gradcheck_digits"] = digits(_gradcheck_jacobian(case), case.exact)
        # Dense functions cost ~n per evaluation and n evaluations: ~n^2.
        slow_estimate[case.function] = row["gradcheck_s"] * 16
    else:
        row["gradcheck_s"], row["gradcheck_digits"] = None, None
    row["gradcheck_fast_s"] = timed(lambda c=case: _gradcheck(c, True))
    verdict = check(case.spec, case.example, projections=PROJECTIONS)
    if verdict.status != CONFIRMED:
        raise RuntimeError(f"projected check of {case.function} at n={n}: {render_report(verdict)}")
    row["projection_s"] = timed(lambda c=case: check(c.spec, c.example, projections=PROJECTIONS))
    row["claim_s"] = timed(lambda c=case: c.spec.claimed(**c.example.values))
    progress(
        f"  {case.function:<14} n={n:<5} ours {row['ours_s'] * 1e3:9.2f} ms "
        f"{row['ours_digits']:5.2f} digits | gradcheck "
        + (
            f"{row['gradcheck_s'] * 1e3:9.2f} ms {row['gradcheck_digits']:5.2f} digits"
            if row["gradcheck_s"] is not None
            else "skipped"
        )
        + f" | fast {row['gradcheck_fast_s'] * 1e3:8.2f} ms"
        + f" | projection {row['projection_s'] * 1e3:7.2f} ms"
    )
    rows.append(row)
