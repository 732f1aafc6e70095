"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4.5.2, the single-variable total-derivative chain rule: the example y = x + x^2
(with the two derivations the source itself calls wrong), the perturbation check at x = 1,
the rule in its three forms, and the examples sin(x + x^2) and x * x^2.

The generic rules are checked on generated smooth maps. A function of n + 1 arguments
cannot take its size from a drawn symbol n, so those rules are checked with n = 3 or
n = 2 intermediate variables (named in each spec's conditions).
"""

import dataclasses

import torch

from identities.spec import Identity, Source, derived, scalar, smooth_map

DOC = "parr-howard-2018"

#: u2(x, u1) with x and u1 independent inputs: the partial derivatives hold the other fixed.
PARTIALS = {"x": scalar(), "u_1": scalar()}
SOURCE_ANSWER = (
    "Corrected as the source corrects it: the direct dependence of u2 on x is "
    "kept, dy/dx = du2/dx + (du2/du1)(du1/dx) = 1 + 1 x 2x = 1 + 2x, the "
    "source's 'right answer 1 + 2x'."
)


def _one():
    return torch.tensor(1.0, dtype=torch.float64)


def _x_plus_square(x):
    """y = f(x) = u2(x, u1(x)) = x + u1 with u1(x) = x^2."""
    return x + x**2


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


def _corrected(ref, name):
    """The source's own right answer for y = x + x^2, the counterpart of a wrong derivation."""
    return Identity(
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        statement=r"\frac{dy}{dx} = \frac{\partial u_2}{\partial x} + \frac{\partial u_2}"
        r"{\partial u_1}\frac{\partial u_1}{\partial x} = 1 + 2x",
        source=Source(DOC, ref),
        conditions="u1(x) = x^2, u2(x, u1) = x + u1, y = u2(x, u1(x))",
        reading=SOURCE_ANSWER,
        inputs={"x": scalar()},
        wrt="x",
        function=_x_plus_square,
        claimed=lambda x: 1 + 2 * x,
    )


def _codependent(k):
    """f(x, u_1(x), ..., u_k(x)): F: R^(k+1) -> R and u: R -> R^k, both drawn."""
    return {"x": scalar(), "F": smooth_map(k + 1, None), "u": smooth_map(None, k)}


def _f_of_x_and_u(x, F, u):
    return F(torch.cat([x.reshape(1), u(x)]))


def _total_derivative(x, F, u):
    """df/dx + sum_i (df/du_i)(du_i/dx), from the closed-form Jacobians."""
    grad = F.jacobian(torch.cat([x.reshape(1), u(x)]))
    return grad[0] + (grad[1:] * u.jacobian(x)).sum()


def _f_of_u_and_alias(x, F, u):
    """f(u_1, ..., u_n, u_(n+1)) with the alias u_(n+1) = x last."""
    return F(torch.cat([u(x), x.reshape(1)]))


def _alias_vectors(x, F, u):
    """df/du (a row) and du/dx (a column) for u = (u_1, ..., u_n, x)."""
    grad = F.jacobian(torch.cat([u(x), x.reshape(1)]))
    return grad, torch.cat([u.jacobian(x), _one().reshape(1)])


ph_4_5_2_1__sum_rule = Identity(
    name="ph_4_5_2_1__sum_rule",
    statement=r"\frac{dy}{dx} = \frac{d}{dx}x + \frac{d}{dx}x^2 = 1 + 2x",
    source=Source(DOC, "PH-4.5.2.1"),
    conditions="y = f(x) = x + x^2",
    inputs={"x": scalar()},
    wrt="x",
    function=_x_plus_square,
    claimed=lambda x: 1 + 2 * x,
)

# -- the derivation that misses the direct path from x to u2 ---------------------------------
ph_4_5_2_3__single_path = Identity(
    name="ph_4_5_2_3__single_path",
    statement=r"\frac{du_2}{du_1} = 0 + 1 = 1,\ \frac{du_1}{dx} = 2x:\quad \frac{dy}{dx} = "
    r"\frac{du_2}{dx} = \frac{du_2}{du_1} \frac{du_1}{dx} = 2x",
    source=Source(DOC, "PH-4.5.2.3"),
    conditions="u1(x) = x^2, u2(x, u1) = x + u1, y = u2(x, u1(x)); the source says it gives "
    "the wrong answer",
    inputs={"x": scalar()},
    wrt="x",
    function=_x_plus_square,
    claimed=lambda x: 2 * x,
    holds=False,
    counterpart="ph_4_5_2_3__total_derivative",
    lesson="The single-variable chain rule follows one path from x to y, but x reaches "
    "u2 = x + u1 twice: directly and through u1 = x^2. The product (du2/du1)(du1/dx) "
    "= 2x counts only the path through u1 and drops the direct term du2/dx = 1. The "
    "total derivative adds every path: dy/dx = du2/dx + (du2/du1)(du1/dx) = 1 + 2x. "
    "The single-path answer is right only when u2 does not use x directly.",
)

ph_4_5_2_3__total_derivative = _corrected("PH-4.5.2.3", "total_derivative")

# -- the partials of u1 and u2, and the one that is 'not quite right' -------------------------
ph_4_5_2_4__du1_dx = Identity(
    name="ph_4_5_2_4__du1_dx",
    statement=r"\frac{\partial u_1(x)}{\partial x} = 2x",
    source=Source(DOC, "PH-4.5.2.4"),
    conditions="u1(x) = x^2",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**2,
    claimed=lambda x: 2 * x,
)

ph_4_5_2_4__du2_du1 = Identity(
    name="ph_4_5_2_4__du2_du1",
    statement=r"\frac{\partial u_2(x,u_1)}{\partial u_1} = \frac{\partial }{\partial u_1}"
    r"(x + u_1) = 0 + 1 = 1",
    source=Source(DOC, "PH-4.5.2.4"),
    conditions="u2(x, u1) = x + u1; x held fixed",
    inputs=PARTIALS,
    wrt="u_1",
    function=lambda x, u_1: x + u_1,
    claimed=lambda x, u_1: torch.ones_like(u_1),
)

ph_4_5_2_4__du2_dx_holding_u1 = Identity(
    name="ph_4_5_2_4__du2_dx_holding_u1",
    statement=r"\frac{\partial u_2(x,u_1)}{\partial x} = \frac{\partial }{\partial x}"
    r"(x + u_1) = 1 + 0 = 1",
    source=Source(DOC, "PH-4.5.2.4"),
    conditions="u1(x) = x^2, u2(x, u1) = x + u1, so u2 = x + x^2; the source flags this row "
    "('something's not quite right here!')",
    inputs={"x": scalar()},
    wrt="x",
    function=_x_plus_square,
    claimed=lambda x: torch.ones_like(x),
    holds=False,
    counterpart="ph_4_5_2_4__total_derivative",
    lesson="Writing d/dx (x + u1) = 1 + 0 treats u1 as a constant, but u1 = x^2 changes with "
    "x: its derivative 2x is not 0. The derivative of u2 with respect to x, with u1 "
    "a function of x, is the total derivative du2/dx + (du2/du1)(du1/dx) = 1 + 2x. "
    "The value 1 is the partial derivative with u1 held fixed, which answers a "
    "different question; the two agree only where du1/dx = 0 (here x = 0).",
)

ph_4_5_2_4__total_derivative = _corrected("PH-4.5.2.4", "total_derivative")

# -- the perturbation check at x = 1, dx = 1 --------------------------------------------------
AT_ONE = {"x": derived(lambda: torch.tensor(1.0)), "dx": derived(lambda: torch.tensor(1.0))}

ph_4_5_2_6__perturbed_value = Identity(
    name="ph_4_5_2_6__perturbed_value",
    statement=r"\hat y = (x + \Delta x) + (x + \Delta x)^2 = (1+1) + (1+1)^2 = 2 + 4 = 6",
    source=Source(DOC, "PH-4.5.2.6"),
    conditions="x = 1, Delta x = 1",
    inputs=AT_ONE,
    form="value",
    function=lambda x, dx: (x + dx) + (x + dx) ** 2,
    claimed=lambda x, dx: torch.tensor(6.0, dtype=torch.float64),
)

ph_4_5_2_6__change = Identity(
    name="ph_4_5_2_6__change",
    statement=r"\Delta y = \hat y - y = 6 - 2 = 4",
    source=Source(DOC, "PH-4.5.2.6"),
    conditions="x = 1, Delta x = 1, y = x + x^2",
    inputs=AT_ONE,
    form="value",
    function=lambda x, dx: ((x + dx) + (x + dx) ** 2) - (x + x**2),
    claimed=lambda x, dx: torch.tensor(4.0, dtype=torch.float64),
)

# -- the rule ---------------------------------------------------------------------------------
ph_4_5_2_7__total_derivative = Identity(
    name="ph_4_5_2_7__total_derivative",
    statement=r"\frac{dy}{dx} = \frac{\partial u_2(x,u_1)}{\partial x} = \frac{\partial u_2}"
    r"{\partial x}\frac{\partial x}{\partial x} + \frac{\partial u_2}{\partial u_1}"
    r"\frac{\partial u_1}{\partial x} = \frac{\partial u_2}{\partial x} + "
    r"\frac{\partial u_2}{\partial u_1}\frac{\partial u_1}{\partial x}",
    source=Source(DOC, "PH-4.5.2.7"),
    conditions="f(x) = u2(x, u1(x)) depends on x directly and through u1; u2: R^2 -> R and "
    "u1: R -> R any differentiable functions (generated)",
    inputs=_codependent(1),
    wrt="x",
    function=_f_of_x_and_u,
    claimed=_total_derivative,
)

ph_4_5_2_8__example = Identity(
    name="ph_4_5_2_8__example",
    statement=r"\frac{dy}{dx} = \frac{\partial u_2}{\partial x} + \frac{\partial u_2}"
    r"{\partial u_1}\frac{\partial u_1}{\partial x} = 1 + 1 \times 2x = 1 + 2x",
    source=Source(DOC, "PH-4.5.2.8"),
    conditions="u1(x) = x^2, u2(x, u1) = x + u1",
    inputs={"x": scalar()},
    wrt="x",
    function=_x_plus_square,
    claimed=lambda x: 1 + 1 * 2 * x,
)

ph_4_5_2_9__rule = Identity(
    name="ph_4_5_2_9__rule",
    statement=r"\frac{\partial f(x,u_1,\ldots,u_n)}{\partial x} = \frac{\partial f}"
    r"{\partial x} + \sum_{i=1}^n \frac{\partial f}{\partial u_i}"
    r"\frac{\partial u_i}{\partial x}",
    source=Source(DOC, "PH-4.5.2.9"),
    conditions="n = 3 intermediate variables u_i(x); f: R^4 -> R and u: R -> R^3 any "
    "differentiable functions (generated); the left side is the total derivative",
    inputs=_codependent(3),
    wrt="x",
    function=_f_of_x_and_u,
    claimed=_total_derivative,
)

# -- the example sin(x + x^2) ----------------------------------------------------------------
ph_4_5_2_11__du1_dx = _restated(
    ph_4_5_2_4__du1_dx, "PH-4.5.2.11", "du1_dx", r"\frac{\partial u_1}{\partial x} = 2x"
)

ph_4_5_2_11__du2_dx = Identity(
    name="ph_4_5_2_11__du2_dx",
    statement=r"\frac{\partial u_2}{\partial x} = \frac{\partial x}{\partial x} + "
    r"\frac{\partial u_2}{\partial u_1}\frac{\partial u_1}{\partial x} = "
    r"1 + 1 \times 2x = 1+2x",
    source=Source(DOC, "PH-4.5.2.11"),
    conditions="u1(x) = x^2, u2(x, u1) = x + u1 (total derivative)",
    inputs={"x": scalar()},
    wrt="x",
    function=_x_plus_square,
    claimed=lambda x: 1 + 2 * x,
)

ph_4_5_2_11__df_dx = Identity(
    name="ph_4_5_2_11__df_dx",
    statement=r"\frac{\partial f(x)}{\partial x} = \frac{\partial u_3}{\partial x} + "
    r"\frac{\partial u_3}{\partial u_2}\frac{\partial u_2}{\partial x} = 0 + "
    r"cos(u_2)\frac{\partial u_2}{\partial x} = cos(x+x^2)(1+2x)",
    source=Source(DOC, "PH-4.5.2.11"),
    conditions="f(x) = u3(u2) = sin(u2), u2 = x + x^2",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: torch.sin(x + x**2),
    claimed=lambda x: torch.cos(x + x**2) * (1 + 2 * x),
)

# -- the example y = x * x^2 ------------------------------------------------------------------
ph_4_5_2_12__du1_dx = _restated(
    ph_4_5_2_4__du1_dx, "PH-4.5.2.12", "du1_dx", r"\frac{\partial u_1}{\partial x} = 2x"
)

ph_4_5_2_12__du2_dx = Identity(
    name="ph_4_5_2_12__du2_dx",
    statement=r"\frac{\partial u_2}{\partial x} = u_1\quad(u_2 = x u_1)",
    source=Source(DOC, "PH-4.5.2.12"),
    conditions="u2(x, u1) = x u1; u1 held fixed",
    inputs=PARTIALS,
    wrt="x",
    function=lambda x, u_1: x * u_1,
    claimed=lambda x, u_1: u_1,
)

ph_4_5_2_12__du2_du1 = Identity(
    name="ph_4_5_2_12__du2_du1",
    statement=r"\frac{\partial u_2}{\partial u_1} = x\quad(u_2 = x u_1)",
    source=Source(DOC, "PH-4.5.2.12"),
    conditions="u2(x, u1) = x u1; x held fixed",
    inputs=PARTIALS,
    wrt="u_1",
    function=lambda x, u_1: x * u_1,
    claimed=lambda x, u_1: x,
)

ph_4_5_2_12__sum_du2_dx = Identity(
    name="ph_4_5_2_12__sum_du2_dx",
    statement=r"\text{for } u_2 = x + u_1, \frac{\partial u_2}{\partial x} = 1",
    source=Source(DOC, "PH-4.5.2.12"),
    conditions="u1 held fixed",
    inputs=PARTIALS,
    wrt="x",
    function=lambda x, u_1: x + u_1,
    claimed=lambda x, u_1: torch.ones_like(x),
)

ph_4_5_2_12__sum_du2_du1 = _restated(
    ph_4_5_2_4__du2_du1,
    "PH-4.5.2.12",
    "sum_du2_du1",
    r"\text{for } u_2 = x + u_1, \frac{\partial u_2}{\partial u_1} = 1",
)

ph_4_5_2_13__total = Identity(
    name="ph_4_5_2_13__total",
    statement=r"\frac{dy}{dx} = \frac{\partial u_2}{\partial x} + \frac{\partial u_2}"
    r"{\partial u_1}\frac{d u_1}{\partial  x} = u_1 + x 2x",
    source=Source(DOC, "PH-4.5.2.13"),
    conditions="u1(x) = x^2, u2(x, u1) = x u1, y = x x^2",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x * x**2,
    claimed=lambda x: x**2 + x * 2 * x,
)

ph_4_5_2_13__simplified = Identity(
    name="ph_4_5_2_13__simplified",
    statement=r"\frac{dy}{dx} = x^2 + 2x^2 = 3x^2",
    source=Source(DOC, "PH-4.5.2.13"),
    conditions="y = x x^2",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x * x**2,
    claimed=lambda x: 3 * x**2,
)

# -- the rule restated, with the alias u_(n+1) = x, and as a product of vectors ---------------
ph_4_5_2_14__rule = _restated(
    ph_4_5_2_9__rule,
    "PH-4.5.2.14",
    "rule",
    ph_4_5_2_9__rule.statement,
    conditions="n = 2 intermediate variables u_i(x); f: R^3 -> R and u: R -> R^2 any "
    "differentiable functions (generated)",
    inputs=_codependent(2),
)

ph_4_5_2_15__alias = Identity(
    name="ph_4_5_2_15__alias",
    statement=r"\frac{\partial f(u_1,\ldots,u_{n+1})}{\partial x} = \sum_{i=1}^{n+1} "
    r"\frac{\partial f}{\partial u_i}\frac{\partial u_i}{\partial x}",
    source=Source(DOC, "PH-4.5.2.15"),
    conditions="the alias u_(n+1) = x, so du_(n+1)/dx = 1; n = 3; f: R^4 -> R and "
    "u: R -> R^3 any differentiable functions (generated)",
    inputs=_codependent(3),
    wrt="x",
    function=_f_of_u_and_alias,
    claimed=lambda x, F, u: (lambda g, d: (g * d).sum())(*_alias_vectors(x, F, u)),
)

ph_4_5_2_16__dot_product = Identity(
    name="ph_4_5_2_16__dot_product",
    statement=r"\frac{\partial f}{\partial \mathbf{u}} \cdot \frac{\partial \mathbf{u}}"
    r"{\partial x}",
    source=Source(DOC, "PH-4.5.2.16"),
    conditions="u = (u_1, ..., u_n, x) as in PH-4.5.2.15, n = 3; f: R^4 -> R and "
    "u: R -> R^3 generated",
    inputs=_codependent(3),
    wrt="x",
    function=_f_of_u_and_alias,
    claimed=lambda x, F, u: torch.dot(*_alias_vectors(x, F, u)),
)

ph_4_5_2_16__row_times_column = Identity(
    name="ph_4_5_2_16__row_times_column",
    statement=r"\frac{\partial f}{\partial \mathbf{u}} \frac{\partial \mathbf{u}}{\partial x}",
    source=Source(DOC, "PH-4.5.2.16"),
    conditions="u = (u_1, ..., u_n, x) as in PH-4.5.2.15, n = 3; the row df/du (1 x 4) "
    "times the column du/dx (4 x 1), the 1 x 1 product compared as the scalar "
    "derivative it is (1-d tensors: the product of a row and a column)",
    inputs=_codependent(3),
    wrt="x",
    function=_f_of_u_and_alias,
    claimed=lambda x, F, u: (lambda g, d: g @ d)(*_alias_vectors(x, F, u)),
)
