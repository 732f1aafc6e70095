"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
the specs, true as printed, that the checker cannot confirm on their whole domain. They are
written as they should be and kept in a dict, which the catalog does not collect, until the
engine handles them; each was confirmed by autograd, and refused with an oracle conflict.

Section 4.5.1, steps 3 and 4 of the example y = ln(sin(x^3)^2), with u1 = x^3,
u2 = sin(u1), u3 = u2^2: for |x| beyond about 1.8 the zeros of sin(x^3), whose spacing
in x shrinks like pi / (3 x^2), come so close that the finite-difference stencil
(h = 2^-9 max(1, |x|)) changes with the step size, and the check reports "a kink or a domain
edge lies within the stencil" although sin(x^3) is at least sin(0.4) away from 0 there.
"""

import math

import torch

from identities.spec import Identity, Source, derived, integer, scalar

DOC = "parr-howard-2018"

#: x with x^3 = s + k pi, s in (0.4, pi - 0.4) and k in -21..20: |x| <= 4.03 (the general
#: domain), |sin(x^3)| > sin(0.4), so that ln(sin(x^3)^2) is defined; the real cube root.
AWAY_FROM_ZEROS_OF_SIN_CUBE = derived(
    lambda s, k: torch.sign(s + k * math.pi) * (s + k * math.pi).abs() ** (1 / 3),
    s=scalar((0.4, math.pi - 0.4)),
    k=integer(-21, 20),
)
DEFINED = (
    "implicit: sin(x^3) != 0, so that ln(sin(x^3)^2) is defined (|sin(x^3)| > "
    "sin(0.4) by construction, |x| up to 4)"
)


def _ln_sin_cube(x):
    return torch.log(torch.sin(x**3) ** 2)


def _u(x):
    """u1 = x^3, u2 = sin(u1), u3 = u2^2, not substituted."""
    u1 = x**3
    u2 = torch.sin(u1)
    return u1, u2, u2**2


def _ln_sin_cube_spec(ref, name, statement, claimed):
    """A step of the example y = ln(sin(x^3)^2)."""
    return Identity(
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        statement=statement,
        source=Source(DOC, ref),
        conditions=DEFINED,
        inputs={"x": AWAY_FROM_ZEROS_OF_SIN_CUBE},
        wrt="x",
        function=_ln_sin_cube,
        claimed=claimed,
    )


_SPECS = [
    _ln_sin_cube_spec(
        "PH-4.5.1.11",
        "product",
        r"\frac{dy}{dx} = \frac{d u_4}{du_3}\frac{du_3}{d u_2} \frac{du_2}{du_1} "
        r"\frac{du_1}{dx} = \frac{1}{u_3}  2u_2  cos(u_1)  3x^2",
        lambda x: (lambda u1, u2, u3: 1 / u3 * 2 * u2 * torch.cos(u1) * 3 * x**2)(*_u(x)),
    ),
    _ln_sin_cube_spec(
        "PH-4.5.1.11",
        "collected",
        r"\frac{dy}{dx} = \frac{6u_2x^2cos(u_1)}{u_3}",
        lambda x: (lambda u1, u2, u3: 6 * u2 * x**2 * torch.cos(u1) / u3)(*_u(x)),
    ),
    _ln_sin_cube_spec(
        "PH-4.5.1.12",
        "u2_substituted",
        r"\frac{dy}{dx} = \frac{6sin(u_1)x^2cos(x^3)}{u_2^2}",
        lambda x: (lambda u1, u2, u3: 6 * torch.sin(u1) * x**2 * torch.cos(x**3) / u2**2)(*_u(x)),
    ),
    _ln_sin_cube_spec(
        "PH-4.5.1.12",
        "u2_and_u1_substituted",
        r"\frac{dy}{dx} = \frac{6sin(x^3)x^2cos(x^3)}{sin(u_1)^2}",
        lambda x: 6 * torch.sin(x**3) * x**2 * torch.cos(x**3) / torch.sin(_u(x)[0]) ** 2,
    ),
    _ln_sin_cube_spec(
        "PH-4.5.1.12",
        "in_x",
        r"\frac{dy}{dx} = \frac{6sin(x^3)x^2cos(x^3)}{sin(x^3)^2}",
        lambda x: 6 * torch.sin(x**3) * x**2 * torch.cos(x**3) / torch.sin(x**3) ** 2,
    ),
    _ln_sin_cube_spec(
        "PH-4.5.1.12",
        "simplified",
        r"\frac{dy}{dx} = \frac{6x^2cos(x^3)}{sin(x^3)}",
        lambda x: 6 * x**2 * torch.cos(x**3) / torch.sin(x**3),
    ),
]

#: name -> spec; a dict, so that the catalog does not collect them (see the docstring).
ENGINE_LIMITS = {spec.name: spec for spec in _SPECS}
del _SPECS
