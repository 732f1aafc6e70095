"""The neuron activation max(0, w.x + b) (seed: "The gradient of neuron activation").

Derivatives in w, b and z = w.x + b. Away from the kink, w.x + b is kept at a distance
of at least 0.5 from 0 by construction (b is built from a drawn nonzero z). At z = 0, where
max(0, z) has no derivative, the seed defines it as 0: those specs check autograd's
convention only (``at_kink=True``), and each torch spelling of max(0, z) has its own.
"""

import torch

from identities.spec import Identity, Source, derived, scalar, vector

SLIDE = Source("seed", "The gradient of neuron activation")

#: b such that w.x + b = z, a drawn value with 0.5 <= |z| <= 4: never at the kink.
AWAY_FROM_KINK = derived(lambda w, x, z: z - w @ x, z=scalar("nonzero"))
AWAY = "w.x + b != 0 by construction (0.5 <= |w.x + b| <= 4); the value at 0 is a convention"


def _cases(z, if_positive, otherwise):
    """The seed's piecewise derivative: ``otherwise`` for z <= 0, ``if_positive`` for z > 0."""
    return torch.where(z > 0, if_positive, otherwise)


neuron__affine_wrt_b = Identity(
    name="neuron__affine_wrt_b",
    statement=r"\frac{\partial}{\partial b}\, w \cdot x + b = 1",
    source=SLIDE,
    inputs={"w": vector("n"), "x": vector("n"), "b": scalar()},
    wrt="b",
    function=lambda w, x, b: w @ x + b,
    claimed=lambda w, x, b: torch.ones_like(b),
)

neuron__affine_wrt_w = Identity(
    name="neuron__affine_wrt_w",
    statement=r"\frac{\partial}{\partial w}\, w \cdot x + b = x^\top",
    source=SLIDE,
    inputs={"w": vector("n"), "x": vector("n"), "b": scalar()},
    wrt="w",
    function=lambda w, x, b: w @ x + b,
    claimed=lambda w, x, b: x,
)

neuron__relu_wrt_z = Identity(
    name="neuron__relu_wrt_z",
    statement=r"\frac{\partial}{\partial z} \max(0, z) = "
    r"\begin{cases} 0 & z \le 0 \\ 1 & z > 0 \end{cases}",
    source=SLIDE,
    conditions="z != 0 (0.5 <= |z| <= 4); the value at z = 0 is a convention",
    inputs={"z": scalar("nonzero")},
    wrt="z",
    function=lambda z: torch.relu(z),
    claimed=lambda z: _cases(z, torch.ones_like(z), torch.zeros_like(z)),
)

neuron__relu_wrt_w = Identity(
    name="neuron__relu_wrt_w",
    statement=r"\frac{\partial \max(0, w \cdot x + b)}{\partial w} = \begin{cases} "
    r"\vec{0}^\top & w \cdot x + b \le 0 \\ x^\top & w \cdot x + b > 0 \end{cases}",
    source=SLIDE,
    conditions=AWAY,
    inputs={"w": vector("n"), "x": vector("n"), "b": AWAY_FROM_KINK},
    wrt="w",
    function=lambda w, x, b: torch.relu(w @ x + b),
    claimed=lambda w, x, b: _cases(w @ x + b, x, torch.zeros_like(x)),
)

neuron__relu_wrt_b = Identity(
    name="neuron__relu_wrt_b",
    statement=r"\frac{\partial \max(0, w \cdot x + b)}{\partial b} = \begin{cases} "
    r"0 & w \cdot x + b \le 0 \\ 1 & w \cdot x + b > 0 \end{cases}",
    source=SLIDE,
    conditions=AWAY,
    inputs={"w": vector("n"), "x": vector("n"), "b": AWAY_FROM_KINK},
    wrt="b",
    function=lambda w, x, b: torch.relu(w @ x + b),
    claimed=lambda w, x, b: _cases(w @ x + b, torch.ones_like(b), torch.zeros_like(b)),
)

# -- the convention at the kink z = 0 ------------------------------------------------------
KINK = (
    "z = 0 exactly, where max(0, z) is not differentiable; the seed defines the "
    "derivative there as 0 (a convention, checked against autograd only)"
)

neuron__relu_at_kink = Identity(
    name="neuron__relu_at_kink",
    statement=r"\frac{\partial\, \mathrm{relu}(z)}{\partial z} \Big|_{z=0} = 0"
    r"\quad\text{(torch.relu: the seed's } \max'(0) := 0)",
    source=SLIDE,
    conditions=KINK,
    inputs={"z": scalar("zero")},
    wrt="z",
    function=lambda z: torch.relu(z),
    claimed=lambda z: torch.zeros_like(z),
    at_kink=True,
)

neuron__relu_wrt_w_at_kink = Identity(
    name="neuron__relu_wrt_w_at_kink",
    statement=r"\frac{\partial \max(0, w \cdot x + b)}{\partial w} \Big|_{w \cdot x + b = 0}"
    r" := \vec{0}^\top\quad\text{(torch.relu)}",
    source=SLIDE,
    conditions="b = -w.x, so w.x + b = 0 exactly: the case w.x + b <= 0 at its boundary, "
    "a convention (checked against autograd only)",
    inputs={"w": vector("n"), "x": vector("n"), "b": derived(lambda w, x: -(w @ x))},
    wrt="w",
    function=lambda w, x, b: torch.relu(w @ x + b),
    claimed=lambda w, x, b: torch.zeros_like(x),
    at_kink=True,
)

neuron__maximum_at_kink = Identity(
    name="neuron__maximum_at_kink",
    statement=r"\frac{\partial\, \mathrm{maximum}(z, 0)}{\partial z} \Big|_{z=0} = 0"
    r"\quad\text{(as the seed's } \max'(0) := 0)",
    source=SLIDE,
    conditions=KINK,
    inputs={"z": scalar("zero")},
    wrt="z",
    function=lambda z: torch.maximum(z, torch.zeros_like(z)),
    claimed=lambda z: torch.zeros_like(z),
    holds=False,
    counterpart="neuron__relu_at_kink",
    at_kink=True,
    lesson="At z = 0 max(0, z) has no derivative (the one-sided slopes are 0 and 1), so any "
    "value is a convention. The seed fixes it at 0, which is what torch.relu "
    "returns; torch.maximum(z, 0) splits the gradient evenly between its two "
    "arguments on a tie and returns 0.5. To follow the seed's convention, write the "
    "activation with torch.relu.",
)

neuron__clamp_at_kink = Identity(
    name="neuron__clamp_at_kink",
    statement=r"\frac{\partial\, \mathrm{clamp}(z, \min = 0)}{\partial z} \Big|_{z=0} = 0"
    r"\quad\text{(as the seed's } \max'(0) := 0)",
    source=SLIDE,
    conditions=KINK,
    inputs={"z": scalar("zero")},
    wrt="z",
    function=lambda z: torch.clamp(z, min=0),
    claimed=lambda z: torch.zeros_like(z),
    holds=False,
    counterpart="neuron__relu_at_kink",
    at_kink=True,
    lesson="At z = 0 max(0, z) has no derivative (the one-sided slopes are 0 and 1), so any "
    "value is a convention. The seed fixes it at 0, which is what torch.relu "
    "returns; torch.clamp(z, min=0) passes the gradient through whenever z >= 0, "
    "bound included, and returns 1. To follow the seed's convention, write the "
    "activation with torch.relu.",
)
