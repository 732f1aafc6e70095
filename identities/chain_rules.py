"""The single-variable, total-derivative and vector chain rules (seed: "The Chain Rules",
"Example", "Single-variable total-derivative chain rule", "Vector chain rule")."""

import math

import torch

from identities.spec import Identity, Source, derived, integer, scalar, smooth_map, vector

CHAIN_RULES = Source("seed", "The Chain Rules")
EXAMPLE = Source("seed", "Example (The Chain Rules)")
TOTAL = Source("seed", "Single-variable total-derivative chain rule")
VECTOR = Source("seed", "Vector chain rule")

#: x with x^3 = s + k pi, s in (0.4, pi - 0.4): |sin(x^3)| > sin(0.4), so ln(sin(x^3)^2)
#: is defined and smooth. k in -2..1 covers -2 pi < x^3 < 2 pi symmetrically; beyond (or
#: closer to a zero), the zeros of sin(x^3), whose spacing in x shrinks like 1 / x^2, come
#: within the finite-difference stencil. torch.sign(c) |c|^(1/3) is the real cube root.
AWAY_FROM_ZEROS = (
    "Checked on |x^3| < 2 pi with |sin(x^3)| > sin(0.4) only: nearer the "
    "zeros of sin(x^3) finite differences cannot resolve the function."
)
AWAY_FROM_ZEROS_OF_SIN_CUBE = derived(
    lambda s, k: torch.sign(s + k * math.pi) * (s + k * math.pi).abs() ** (1 / 3),
    s=scalar((0.4, math.pi - 0.4)),
    k=integer(-2, 1),
)


def _ln_sin_cube_by_intermediates(x):
    """6 u2 x^2 cos(u1) / u3 with u1 = x^3, u2 = sin(u1), u3 = u2^2 (not substituted)."""
    u1 = x**3
    u2 = torch.sin(u1)
    u3 = u2**2
    return 6 * u2 * x**2 * torch.cos(u1) / u3


chain_rule__ln_sin_cube__intermediates = Identity(
    name="chain_rule__ln_sin_cube__intermediates",
    statement=r"y = \ln(\sin(x^3)^2):\ \frac{dy}{dx} = \frac{du_4}{du_3}\frac{du_3}{du_2}"
    r"\frac{du_2}{du_1}\frac{du_1}{dx} = \frac{6u_2x^2\cos(u_1)}{u_3},\quad "
    r"u_1 = x^3,\ u_2 = \sin(u_1),\ u_3 = u_2^2",
    source=EXAMPLE,
    conditions="implicit: sin(x^3) != 0",
    reading=AWAY_FROM_ZEROS,
    inputs={"x": AWAY_FROM_ZEROS_OF_SIN_CUBE},
    wrt="x",
    function=lambda x: torch.log(torch.sin(x**3) ** 2),
    claimed=_ln_sin_cube_by_intermediates,
)

chain_rule__ln_sin_cube__substituted = Identity(
    name="chain_rule__ln_sin_cube__substituted",
    statement=r"\frac{d}{dx}\ln(\sin(x^3)^2) = \frac{6x^2\cos(x^3)}{\sin(x^3)}",
    source=EXAMPLE,
    conditions="implicit: sin(x^3) != 0",
    reading=AWAY_FROM_ZEROS,
    inputs={"x": AWAY_FROM_ZEROS_OF_SIN_CUBE},
    wrt="x",
    function=lambda x: torch.log(torch.sin(x**3) ** 2),
    claimed=lambda x: 6 * x**2 * torch.cos(x**3) / torch.sin(x**3),
)

chain_rule__single_variable = Identity(
    name="chain_rule__single_variable",
    statement=r"\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx},\quad y = f(u),\ u = g(x)",
    source=CHAIN_RULES,
    conditions="f, g: R -> R differentiable (generated)",
    inputs={"x": scalar(), "f": smooth_map(None, None), "g": smooth_map(None, None)},
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) * g.jacobian(x),
)

chain_rule__total_derivative = Identity(
    name="chain_rule__total_derivative",
    statement=r"\frac{\partial u}{\partial t_i} = \frac{\partial u}{\partial x_1}"
    r"\frac{\partial x_1}{\partial t_i} + \dots + \frac{\partial u}{\partial x_n}"
    r"\frac{\partial x_n}{\partial t_i},\quad i = 1, \dots, m",
    source=TOTAL,
    conditions="u: R^n -> R and x: R^m -> R^n differentiable (generated); u has one "
    "dimensional output",
    inputs={"t": vector("m"), "u": smooth_map("n", None), "x": smooth_map("m", "n")},
    wrt="t",
    function=lambda t, u, x: u(x(t)),
    claimed=lambda t, u, x: torch.stack(
        [
            sum(u.jacobian(x(t))[j] * x.jacobian(t)[j, i] for j in range(x(t).shape[0]))
            for i in range(t.shape[0])
        ]
    ),
)

chain_rule__vector_example = Identity(
    name="chain_rule__vector_example",
    statement=r"\frac{\partial}{\partial x}\begin{bmatrix}\ln(x^2)\\ \sin(3x)\end{bmatrix}"
    r" = \begin{bmatrix}\frac{2}{x}\\ 3\cos(3x)\end{bmatrix}",
    source=VECTOR,
    conditions="x is a 1 by 1 vector; implicit: x != 0",
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=lambda x: torch.stack([torch.log(x**2), torch.sin(3 * x)]),
    claimed=lambda x: torch.stack([2 / x, 3 * torch.cos(3 * x)]).reshape(2, 1),
)

chain_rule__vector_example__factored = Identity(
    name="chain_rule__vector_example__factored",
    statement=r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}\frac{\partial \mathbf{g}}"
    r"{\partial x} = \begin{bmatrix}\frac{1}{g_1} & 0\\ 0 & \cos(g_2)\end{bmatrix}"
    r"\begin{bmatrix}2x\\ 3\end{bmatrix},\quad g_1 = x^2,\ g_2 = 3x",
    source=VECTOR,
    conditions="f(g) = [ln(g_1), sin(g_2)]; implicit: x != 0",
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=lambda x: torch.stack([torch.log(x**2), torch.sin(3 * x)]),
    claimed=lambda x: (
        torch.diag(torch.stack([1 / x**2, torch.cos(3 * x)]))
        @ torch.stack([2 * x, torch.tensor(3.0, dtype=torch.float64)])
    ),
)

chain_rule__vector__scalar_x = Identity(
    name="chain_rule__vector__scalar_x",
    statement=r"\frac{\partial}{\partial x}\mathbf{f}(\mathbf{g}(x)) = "
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}"
    r"\frac{\partial \mathbf{g}}{\partial x}",
    source=VECTOR,
    conditions="x scalar, g: R -> R^k, f: R^k -> R^m differentiable (generated)",
    inputs={"x": scalar(), "f": smooth_map("k", "m"), "g": smooth_map(None, "k")},
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) @ g.jacobian(x),
)

chain_rule__vector__general = Identity(
    name="chain_rule__vector__general",
    statement=r"\frac{\partial}{\partial \mathbf{x}}\mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}"
    r"\frac{\partial \mathbf{g}}{\partial \mathbf{x}}\quad(m \times k)(k \times n)",
    source=VECTOR,
    conditions="x in R^n, g: R^n -> R^k, f: R^k -> R^m differentiable (generated); drawn "
    "with m, k, n pairwise different so that every shape is told apart",
    inputs={"x": vector("n"), "f": smooth_map("k", "m"), "g": smooth_map("n", "k")},
    wrt="x",
    distinct=("m", "k", "n"),
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) @ g.jacobian(x),
)

chain_rule__vector__factors_swapped = Identity(
    name="chain_rule__vector__factors_swapped",
    statement=r"\frac{\partial}{\partial \mathbf{x}}\mathbf{f}(\mathbf{g}(\mathbf{x})) = "
    r"\frac{\partial \mathbf{g}}{\partial \mathbf{x}}"
    r"\frac{\partial \mathbf{f}}{\partial \mathbf{g}}"
    r"\quad\text{(wrong order; square Jacobians so that the shapes fit)}",
    source=VECTOR,
    conditions="x in R^n, g: R^n -> R^n, f: R^n -> R^n differentiable (generated)",
    inputs={"x": vector("n"), "f": smooth_map("n", "n"), "g": smooth_map("n", "n")},
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: g.jacobian(x) @ f.jacobian(g(x)),
    holds=False,
    counterpart="chain_rule__vector__general",
    lesson="Matrix multiplication does not commute, so the order of the factors matters: "
    "the Jacobian of f(g(x)) is (df/dg)(dg/dx), the outer function's Jacobian "
    "(evaluated at g(x)) on the left. Entry (i, j) of the true product sums "
    "df_i/dg_l dg_l/dx_j over the intermediate g_l; the swapped product sums "
    "dg_i/dx_l df_l/dg_j, which pairs the wrong variables. Unless m = n the swapped "
    "product (k x n times m x k) is not even defined; with square Jacobians it is, "
    "and only the values betray it. It happens to hold when the two Jacobians "
    "commute: 1 x 1 (the single-variable rule), diagonal ones (element-wise maps), "
    "or when one of them is a multiple of the identity.",
)
