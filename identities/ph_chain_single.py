"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4.5.1, the single-variable chain rule: the rule, its reversed order, the table of
forward and backward differentiation, the example sin(x^2) and the first two steps of
ln(sin(x^3)^2) (steps 3 and 4 are in ``ph_engine_limits``: finite differences cannot resolve
them on the whole domain).

The rules hold for every differentiable f and g: they are checked on generated smooth maps
R -> R, whose derivatives are known in closed form.
"""

import dataclasses

import torch

from identities.spec import Identity, Source, scalar, smooth_map

DOC = "parr-howard-2018"

#: y = f(u), u = g(x): f, g: R -> R, drawn.
MAPS = {"x": scalar(), "f": smooth_map(None, None), "g": smooth_map(None, None)}
GENERATED = "y = f(u), u = g(x); f, g: R -> R any differentiable functions (generated)"

#: The source prints d/x, d/u_1, d/u_2, d/u_3 for the derivatives of step 2.
D_OVER = (
    "The source prints \\frac{d}{x} u_1 (and d/u_1, d/u_2, d/u_3: the d of the "
    "denominator missing); read as d/dx, d/du_1, d/du_2, d/du_3."
)


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


# -- the example sin(x^2) ---------------------------------------------------------------------
ph_4_5_1_1__sin_of_square = Identity(
    name="ph_4_5_1_1__sin_of_square",
    statement=r"\frac{d}{dx} sin(x^2) = 2xcos(x^2)",
    source=Source(DOC, "PH-4.5.1.1"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: torch.sin(x**2),
    claimed=lambda x: 2 * x * torch.cos(x**2),
)

ph_4_5_1_1__square = Identity(
    name="ph_4_5_1_1__square",
    statement=r"\frac{d}{dx}x^2 = 2x",
    source=Source(DOC, "PH-4.5.1.1"),
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**2,
    claimed=lambda x: 2 * x,
)

ph_4_5_1_1__sin = Identity(
    name="ph_4_5_1_1__sin",
    statement=r"\frac{d}{du} sin(u) = cos(u)",
    source=Source(DOC, "PH-4.5.1.1"),
    inputs={"u": scalar()},
    wrt="u",
    function=lambda u: torch.sin(u),
    claimed=lambda u: torch.cos(u),
)

ph_4_5_1_2__chain_rule = Identity(
    name="ph_4_5_1_2__chain_rule",
    statement=r"\frac{dy}{dx} = \frac{dy}{du}\frac{du}{dx}\quad(y' = f'(g(x))g'(x))",
    source=Source(DOC, "PH-4.5.1.2"),
    conditions=GENERATED + "; a single dataflow path from x to y",
    inputs=MAPS,
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: f.jacobian(g(x)) * g.jacobian(x),
)

ph_4_5_1_4__du_dx = _restated(
    ph_4_5_1_1__square, "PH-4.5.1.4", "du_dx", r"\frac{du}{dx} = 2x\quad(u = x^2)"
)

ph_4_5_1_4__dy_du = _restated(
    ph_4_5_1_1__sin,
    "PH-4.5.1.4",
    "dy_du",
    r"\frac{dy}{du} = cos(u)\quad(y = sin(u);\ \text{with respect to } u \text{ not } x)",
)

ph_4_5_1_5__combined = Identity(
    name="ph_4_5_1_5__combined",
    statement=r"\frac{dy}{dx} = \frac{dy}{du} \frac{du}{dx} = cos(u)2x",
    source=Source(DOC, "PH-4.5.1.5"),
    conditions="u = x^2, y = sin(u)",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: torch.sin(x**2),
    claimed=lambda x: torch.cos(x**2) * 2 * x,
)

ph_4_5_1_6__substituted = _restated(
    ph_4_5_1_1__sin_of_square,
    "PH-4.5.1.6",
    "substituted",
    r"\frac{dy}{dx} = \frac{dy}{du} \frac{du}{dx} = cos(x^2)2x = 2xcos(x^2)",
)

ph_4_5_1_7__reversed_order = Identity(
    name="ph_4_5_1_7__reversed_order",
    statement=r"\frac{dy}{dx} = \frac{du}{dx}\frac{dy}{du}",
    source=Source(DOC, "PH-4.5.1.7"),
    conditions=GENERATED,
    inputs=MAPS,
    wrt="x",
    function=lambda x, f, g: f(g(x)),
    claimed=lambda x, f, g: g.jacobian(x) * f.jacobian(g(x)),
)

ph_4_5_1_8__forward = _restated(
    ph_4_5_1_7__reversed_order,
    "PH-4.5.1.8",
    "forward",
    r"\text{Forward differentiation from } x \text{ to } y: \frac{dy}{dx} = "
    r"\frac{du}{dx}\frac{dy}{du}",
)

ph_4_5_1_8__backward = _restated(
    ph_4_5_1_2__chain_rule,
    "PH-4.5.1.8",
    "backward",
    r"\text{Backward differentiation from } y \text{ to } x: \frac{dy}{dx} = "
    r"\frac{dy}{du} \frac{du}{dx}",
    conditions=GENERATED,
)

# -- the example y = ln(sin(x^3)^2), step 2: each intermediate's derivative ------------------
ph_4_5_1_10__d_u1 = Identity(
    name="ph_4_5_1_10__d_u1",
    statement=r"\frac{d}{x} u_1 = \frac{d}{x} x^3 = 3x^2",
    source=Source(DOC, "PH-4.5.1.10"),
    reading=D_OVER,
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x**3,
    claimed=lambda x: 3 * x**2,
)

ph_4_5_1_10__d_u2 = Identity(
    name="ph_4_5_1_10__d_u2",
    statement=r"\frac{d}{u_1} u_2 = \frac{d}{u_1} sin(u_1) = cos(u_1)",
    source=Source(DOC, "PH-4.5.1.10"),
    reading=D_OVER,
    inputs={"u_1": scalar()},
    wrt="u_1",
    function=lambda u_1: torch.sin(u_1),
    claimed=lambda u_1: torch.cos(u_1),
)

ph_4_5_1_10__d_u3 = Identity(
    name="ph_4_5_1_10__d_u3",
    statement=r"\frac{d}{u_2} u_3 = \frac{d}{u_2} u_2^2 = 2u_2",
    source=Source(DOC, "PH-4.5.1.10"),
    reading=D_OVER,
    inputs={"u_2": scalar()},
    wrt="u_2",
    function=lambda u_2: u_2**2,
    claimed=lambda u_2: 2 * u_2,
)

ph_4_5_1_10__d_u4 = Identity(
    name="ph_4_5_1_10__d_u4",
    statement=r"\frac{d}{u_3} u_4 = \frac{d}{u_3} ln(u_3) = \frac{1}{u_3}",
    source=Source(DOC, "PH-4.5.1.10"),
    conditions="implicit: u_3 = u_2^2 > 0, so that ln(u_3) is defined",
    reading=D_OVER,
    inputs={"u_3": scalar("positive")},
    wrt="u_3",
    function=lambda u_3: torch.log(u_3),
    claimed=lambda u_3: 1 / u_3,
)
