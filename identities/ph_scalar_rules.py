"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 2, the table of scalar derivative rules (each row: the rule and its example) and
the linearity example; section 3, the partial derivatives and the gradient of 3x^2 y.

The rules of the table hold for every differentiable f and g: they are checked on
generated smooth maps (affine, tanh, sin, exp and their compositions, each with its
derivative in closed form), so the claim is computed without either oracle.
"""

import torch

from identities.spec import Identity, Source, integer, scalar, smooth_map, vector

DOC = "parr-howard-2018"

#: f, g: R -> R, drawn.
MAPS = {"x": scalar(), "f": smooth_map(None, None), "g": smooth_map(None, None)}
GENERATED = "f, g: R -> R any differentiable functions (generated smooth maps)"


def _const(x, value):
    """The constant ``value`` as a 0-d float64 tensor (x gives dtype and shape)."""
    return torch.full_like(x, value)


# -- section 2: the table of scalar derivative rules ----------------------------------------
ph_2_1__constant = Identity(
    name="ph_2_1__constant",
    statement=r"f(x) = c:\quad \frac{d}{dx} c = 0",
    source=Source(DOC, "PH-2.1"),
    conditions="c a constant: it does not depend on x",
    inputs={"x": scalar(), "c": scalar()},
    wrt="x",
    function=lambda x, c: c,
    claimed=lambda x, c: torch.zeros_like(x),
)

ph_2_1__constant__example = Identity(
    name="ph_2_1__constant__example",
    statement=r"\frac{d}{dx}99 = 0",
    source=Source(DOC, "PH-2.1"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: _const(x, 99.0),
    claimed=lambda x: torch.zeros_like(x),
)

ph_2_2__times_constant = Identity(
    name="ph_2_2__times_constant",
    statement=r"\frac{d}{dx}(cf) = c \frac{df}{dx}",
    source=Source(DOC, "PH-2.2"),
    conditions="c a constant; f: R -> R any differentiable function (a generated smooth map)",
    inputs={"x": scalar(), "c": scalar(), "f": smooth_map(None, None)},
    wrt="x",
    function=lambda x, c, f: c * f(x),
    claimed=lambda x, c, f: c * f.jacobian(x),
)

ph_2_2__times_constant__example = Identity(
    name="ph_2_2__times_constant__example",
    statement=r"\frac{d}{dx}3x = 3",
    source=Source(DOC, "PH-2.2"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: 3 * x,
    claimed=lambda x: _const(x, 3.0),
)

ph_2_3__power__integer_n = Identity(
    name="ph_2_3__power__integer_n",
    statement=r"\frac{d}{dx}x^n = nx^{n-1}",
    source=Source(DOC, "PH-2.3"),
    conditions="n an integer, here -3..5; implicit: x != 0, so that x^(n-1) is defined for "
    "every integer n (0.5 <= |x| <= 4)",
    inputs={"x": scalar("nonzero"), "n": integer(-3, 5)},
    wrt="x",
    function=lambda x, n: x**n,
    claimed=lambda x, n: n * x ** (n - 1),
)

ph_2_3__power__real_n = Identity(
    name="ph_2_3__power__real_n",
    statement=r"\frac{d}{dx}x^n = nx^{n-1}",
    source=Source(DOC, "PH-2.3"),
    conditions="n a real number in [-4, 4]; implicit: x > 0, so that x^n is defined for a "
    "real exponent",
    inputs={"x": scalar("positive"), "n": scalar()},
    wrt="x",
    function=lambda x, n: x**n,
    claimed=lambda x, n: n * x ** (n - 1),
)

ph_2_3__power__example = Identity(
    name="ph_2_3__power__example",
    statement=r"\frac{d}{dx}x^3 = 3x^2",
    source=Source(DOC, "PH-2.3"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**3,
    claimed=lambda x: 3 * x**2,
)

ph_2_4__sum = Identity(
    name="ph_2_4__sum",
    statement=r"\frac{d}{dx}(f + g) = \frac{df}{dx} + \frac{dg}{dx}",
    source=Source(DOC, "PH-2.4"),
    conditions=GENERATED,
    inputs=MAPS,
    wrt="x",
    function=lambda x, f, g: f(x) + g(x),
    claimed=lambda x, f, g: f.jacobian(x) + g.jacobian(x),
)

ph_2_4__sum__example = Identity(
    name="ph_2_4__sum__example",
    statement=r"\frac{d}{dx} (x^2 + 3x) = 2x + 3",
    source=Source(DOC, "PH-2.4"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**2 + 3 * x,
    claimed=lambda x: 2 * x + 3,
)

ph_2_5__difference = Identity(
    name="ph_2_5__difference",
    statement=r"\frac{d}{dx}(f - g) = \frac{df}{dx} - \frac{dg}{dx}",
    source=Source(DOC, "PH-2.5"),
    conditions=GENERATED,
    inputs=MAPS,
    wrt="x",
    function=lambda x, f, g: f(x) - g(x),
    claimed=lambda x, f, g: f.jacobian(x) - g.jacobian(x),
)

ph_2_5__difference__example = Identity(
    name="ph_2_5__difference__example",
    statement=r"\frac{d}{dx}(x^2 - 3x) = 2x - 3",
    source=Source(DOC, "PH-2.5"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**2 - 3 * x,
    claimed=lambda x: 2 * x - 3,
)

ph_2_6__product = Identity(
    name="ph_2_6__product",
    statement=r"\frac{d}{dx}(fg) = f \frac{dg}{dx} + \frac{df}{dx} g",
    source=Source(DOC, "PH-2.6"),
    conditions=GENERATED,
    inputs=MAPS,
    wrt="x",
    function=lambda x, f, g: f(x) * g(x),
    claimed=lambda x, f, g: f(x) * g.jacobian(x) + f.jacobian(x) * g(x),
)

ph_2_6__product__example = Identity(
    name="ph_2_6__product__example",
    statement=r"\frac{d}{dx}x^2x = x^2 + x2x",
    source=Source(DOC, "PH-2.6"),
    conditions="f = x^2, g = x",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**2 * x,
    claimed=lambda x: x**2 + x * 2 * x,
)

ph_2_6__product__example_simplified = Identity(
    name="ph_2_6__product__example_simplified",
    statement=r"\frac{d}{dx}x^2x = 3x^2",
    source=Source(DOC, "PH-2.6"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**2 * x,
    claimed=lambda x: 3 * x**2,
)

ph_2_7__chain = Identity(
    name="ph_2_7__chain",
    statement=r"\frac{d}{dx}f(g(x)) = \frac{df(u)}{du}\frac{du}{dx},\quad u = g(x)",
    source=Source(DOC, "PH-2.7"),
    conditions=GENERATED,
    inputs=MAPS,
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) * g.jacobian(x),
)

ph_2_7__chain__example = Identity(
    name="ph_2_7__chain__example",
    statement=r"\frac{d}{dx} ln(x^2) = \frac{1}{x^2}2x",
    source=Source(DOC, "PH-2.7"),
    conditions="implicit: x != 0, so that ln(x^2) is defined",
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=lambda x: torch.log(x**2),
    claimed=lambda x: 1 / x**2 * 2 * x,
)

ph_2_7__chain__example_simplified = Identity(
    name="ph_2_7__chain__example_simplified",
    statement=r"\frac{d}{dx} ln(x^2) = \frac{2}{x}",
    source=Source(DOC, "PH-2.7"),
    conditions="implicit: x != 0, so that ln(x^2) is defined",
    inputs={"x": scalar("nonzero")},
    wrt="x",
    function=lambda x: torch.log(x**2),
    claimed=lambda x: 2 / x,
)

ph_2_8__linearity = Identity(
    name="ph_2_8__linearity",
    statement=r"\frac{d}{dx} 9(x + x^2) = 9 (\frac{d}{dx}x + \frac{d}{dx}x^2) = 9(1 + 2x)",
    source=Source(DOC, "PH-2.8"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: 9 * (x + x**2),
    claimed=lambda x: 9 * (1 + 2 * x),
)

ph_2_8__linearity__simplified = Identity(
    name="ph_2_8__linearity__simplified",
    statement=r"\frac{d}{dx} 9(x + x^2) = 9 + 18x",
    source=Source(DOC, "PH-2.8"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: 9 * (x + x**2),
    claimed=lambda x: 9 + 18 * x,
)

# -- section 3: partial derivatives of f(x, y) = 3x^2 y ---------------------------------------
ph_3_1__partial_x = Identity(
    name="ph_3_1__partial_x",
    statement=r"\frac{\partial}{\partial x} 3yx^2 = 3y\frac{\partial}{\partial x} x^2 "
    r"= 3y2x = 6yx",
    source=Source(DOC, "PH-3.1"),
    conditions="y held constant (an input not differentiated)",
    inputs={"x": scalar(), "y": scalar()},
    wrt="x",
    function=lambda x, y: 3 * y * x**2,
    claimed=lambda x, y: 6 * y * x,
)

ph_3_2__partial_y = Identity(
    name="ph_3_2__partial_y",
    statement=r"\frac{\partial}{\partial y} 3x^2y = 3x^2\frac{\partial y}{\partial y} "
    r"= 3x^2 \times 1 = 3x^2",
    source=Source(DOC, "PH-3.2"),
    conditions="x held constant (an input not differentiated)",
    inputs={"x": scalar(), "y": scalar()},
    wrt="y",
    function=lambda x, y: 3 * x**2 * y,
    claimed=lambda x, y: 3 * x**2,
)

ph_3_3__gradient = Identity(
    name="ph_3_3__gradient",
    statement=r"\nabla f(x,y) = [ \frac{\partial f(x,y)}{\partial x}, "
    r"\frac{\partial f(x,y)}{\partial y}] = [6yx, 3x^2]",
    source=Source(DOC, "PH-3.3"),
    conditions="f(x, y) = 3x^2 y; v = (x, y); the gradient is a horizontal vector (1 x 2)",
    inputs={"v": vector(2)},
    wrt="v",
    function=lambda v: 3 * v[0] ** 2 * v[1],
    claimed=lambda v: torch.stack([6 * v[1] * v[0], 3 * v[0] ** 2]).reshape(1, 2),
)
