"""A scalar z added to or multiplying a vector x is expanded to z 1 (seed: "Derivatives
involving scalar expansion" and its two "Example" slides)."""

import torch

from identities.spec import Identity, Source, scalar, vector

SLIDE = Source("seed", "Derivatives involving scalar expansion")
EXAMPLE = Source("seed", "Example (Derivatives involving scalar expansion)")

DIV_INSTANCE = (
    "An instance of the printed rule on x / z (not among the seed's examples); adds z != 0."
)
#: x is n x 1, z is a scalar.
INPUTS = {"x": vector("n"), "z": scalar()}


def _eye(x):
    return torch.eye(x.shape[0], dtype=torch.float64)


scalar_expansion__add__means_ones = Identity(
    name="scalar_expansion__add__means_ones",
    statement=r"\mathbf{y} = \mathbf{x} + z \text{ means } \mathbf{y} = \mathbf{x} + "
    r"z\vec{\mathbf{1}}",
    source=SLIDE,
    inputs=INPUTS,
    form="value",
    function=lambda x, z: x + z,
    claimed=lambda x, z: x + z * torch.ones(x.shape[0], dtype=torch.float64),
)

scalar_expansion__add__wrt_x = Identity(
    name="scalar_expansion__add__wrt_x",
    statement=r"\frac{\partial}{\partial \mathbf{x}}(\mathbf{x} + z) = \mathbf{I}",
    source=EXAMPLE,
    inputs=INPUTS,
    wrt="x",
    function=lambda x, z: x + z,
    claimed=lambda x, z: _eye(x),
)

scalar_expansion__add__wrt_z = Identity(
    name="scalar_expansion__add__wrt_z",
    statement=r"\frac{\partial}{\partial z}(\mathbf{x} + z) = \vec{\mathbf{1}}"
    r"\quad\text{(a column vector, not a matrix)}",
    source=EXAMPLE,
    inputs=INPUTS,
    wrt="z",
    function=lambda x, z: x + z,
    claimed=lambda x, z: torch.ones(x.shape[0], 1, dtype=torch.float64),
)

scalar_expansion__scale__wrt_x = Identity(
    name="scalar_expansion__scale__wrt_x",
    statement=r"\frac{\partial}{\partial \mathbf{x}} z\mathbf{x} = "
    r"\mathrm{diag}(z\vec{1}) = z\mathbf{I}",
    source=EXAMPLE,
    inputs=INPUTS,
    wrt="x",
    function=lambda x, z: z * x,
    claimed=lambda x, z: z * _eye(x),
)

scalar_expansion__scale__wrt_z = Identity(
    name="scalar_expansion__scale__wrt_z",
    statement=r"\frac{\partial}{\partial z} z\mathbf{x} = \mathbf{x}",
    source=EXAMPLE,
    inputs=INPUTS,
    wrt="z",
    function=lambda x, z: z * x,
    claimed=lambda x, z: x.reshape(-1, 1),
)

# The general rule, J_x = diag(d op_i(x_i, z) / d x_i) and dy/dz = d op(x, z) / dz, on x / z.

scalar_expansion__div__wrt_x = Identity(
    name="scalar_expansion__div__wrt_x",
    statement=r"\mathbf{J}_x = \frac{\partial}{\partial \mathbf{x}}(\mathbf{x} \oslash "
    r"z\vec{\mathbf{1}}) = \mathrm{diag}\left(\cdots \frac{\partial}{\partial x_i}"
    r"\frac{x_i}{z} \cdots\right) = \mathrm{diag}(\cdots 1/z \cdots)",
    source=SLIDE,
    conditions="z != 0",
    reading=DIV_INSTANCE,
    inputs={"x": vector("n"), "z": scalar("nonzero")},
    wrt="x",
    function=lambda x, z: x / z,
    claimed=lambda x, z: torch.diag(torch.ones(x.shape[0], dtype=torch.float64) / z),
)

scalar_expansion__div__wrt_z = Identity(
    name="scalar_expansion__div__wrt_z",
    statement=r"\frac{\partial \mathbf{y}}{\partial z} = \frac{\partial}{\partial z}"
    r"(\mathbf{x} \oslash z\vec{\mathbf{1}}) = -\frac{\mathbf{x}}{z^2}",
    source=SLIDE,
    conditions="z != 0",
    reading=DIV_INSTANCE,
    inputs={"x": vector("n"), "z": scalar("nonzero")},
    wrt="z",
    function=lambda x, z: x / z,
    claimed=lambda x, z: (-x / z**2).reshape(-1, 1),
)
