"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4.3, derivatives involving scalar expansion (y = x + z and y = xz with a scalar z
expanded to z 1), and their summary in section 8.3.

A derivative with respect to the scalar z of a vector is a column (m x 1): "a vertical
vector, not a diagonal matrix".
"""

import dataclasses

import torch

from identities.spec import Identity, Source, scalar, smooth_map, vector

DOC = "parr-howard-2018"

#: x is n x 1, z a scalar that does not depend on x.
INPUTS = {"x": vector("n"), "z": scalar()}
#: One entry x_i of x and the scalar z.
ENTRY = {"x_i": scalar(), "z": scalar()}


def _eye(x):
    return torch.eye(x.shape[0], dtype=torch.float64)


def _ones(x):
    return torch.ones(x.shape[0], dtype=torch.float64)


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


def _op(H, x, z):
    """x_i (op) z = H(x_i, z) entry by entry."""
    return torch.stack([H(torch.stack([x[i], z])) for i in range(x.shape[0])])


def _op_slope_first(H, x, z):
    """d/dx_i H(x_i, z), entry by entry, from H's closed-form Jacobian."""
    return torch.stack([H.jacobian(torch.stack([x[i], z]))[0] for i in range(x.shape[0])])


ph_4_3_1__add_expands = Identity(
    name="ph_4_3_1__add_expands",
    statement=r"\mathbf{y} = \mathbf{x} + z \text{ is really } \mathbf{y} = \mathbf{f(x)} + "
    r"\mathbf{g}(z),\ \mathbf{f(x)} = \mathbf{x},\ \mathbf{g}(z) = "
    r"\overrightarrow{\mathbf 1} z",
    source=Source(DOC, "PH-4.3.1"),
    inputs=INPUTS,
    form="value",
    function=lambda x, z: x + z,
    claimed=lambda x, z: x + _ones(x) * z,
)

ph_4_3_1__scale_expands = Identity(
    name="ph_4_3_1__scale_expands",
    statement=r"\mathbf{y} = \mathbf{x} z \text{ is really } \mathbf{y} = \mathbf{f(x)} "
    r"\otimes \mathbf{g}(z) = \mathbf{x} \otimes \overrightarrow{\mathbf 1}z",
    source=Source(DOC, "PH-4.3.1"),
    inputs=INPUTS,
    form="value",
    function=lambda x, z: x * z,
    claimed=lambda x, z: x * (_ones(x) * z),
)

ph_4_3_2__diagonal = Identity(
    name="ph_4_3_2__diagonal",
    statement=r"\frac{\partial \mathbf{y}}{\partial \mathbf{x}} = diag \left( \ldots "
    r"\frac{\partial}{\partial x_i} ( f_i(x_i) \bigcirc g_i(z) ) \ldots \right)",
    source=Source(DOC, "PH-4.3.2"),
    conditions="f(x) = x, g(z) = 1 z satisfy the element-wise diagonal condition; a (op) b = "
    "H(a, b) any element-wise operator (H: R^2 -> R a generated smooth map)",
    inputs={"x": vector("n"), "z": scalar(), "H": smooth_map(2, None)},
    wrt="x",
    function=_op,
    claimed=lambda H, x, z: torch.diag(_op_slope_first(H, x, z)),
)

ph_4_3_3__add_entry_wrt_x = Identity(
    name="ph_4_3_3__add_entry_wrt_x",
    statement=r"\frac{\partial}{\partial x_i} ( f_i(x_i) + g_i(z) ) = "
    r"\frac{\partial (x_i + z)}{\partial x_i} = \frac{\partial x_i}{\partial x_i} + "
    r"\frac{\partial z}{\partial x_i} = 1 + 0 = 1",
    source=Source(DOC, "PH-4.3.3"),
    inputs=ENTRY,
    wrt="x_i",
    function=lambda x_i, z: x_i + z,
    claimed=lambda x_i, z: torch.ones_like(x_i),
)

ph_4_3_4__add_wrt_x = Identity(
    name="ph_4_3_4__add_wrt_x",
    statement=r"\frac{\partial}{\partial \mathbf{x}} ( \mathbf{x} + z ) = "
    r"diag(\overrightarrow{\mathbf 1}) = I",
    source=Source(DOC, "PH-4.3.4"),
    inputs=INPUTS,
    wrt="x",
    function=lambda x, z: x + z,
    claimed=lambda x, z: _eye(x),
)

ph_4_3_5__add_entry_wrt_z = Identity(
    name="ph_4_3_5__add_entry_wrt_z",
    statement=r"\frac{\partial}{\partial z} ( f_i(x_i) + g_i(z) ) = "
    r"\frac{\partial (x_i + z)}{\partial z} = \frac{\partial x_i}{\partial z} + "
    r"\frac{\partial z}{\partial z} = 0 + 1 = 1",
    source=Source(DOC, "PH-4.3.5"),
    inputs=ENTRY,
    wrt="z",
    function=lambda x_i, z: x_i + z,
    claimed=lambda x_i, z: torch.ones_like(z),
)

ph_4_3_6__add_wrt_z = Identity(
    name="ph_4_3_6__add_wrt_z",
    statement=r"\frac{\partial}{\partial z} ( \mathbf{x} + z ) = \overrightarrow{\mathbf 1}"
    r"\quad\text{(a vertical vector, not a diagonal matrix)}",
    source=Source(DOC, "PH-4.3.6"),
    inputs=INPUTS,
    wrt="z",
    function=lambda x, z: x + z,
    claimed=lambda x, z: _ones(x).reshape(-1, 1),
)

ph_4_3_7__scale_entry_wrt_x = Identity(
    name="ph_4_3_7__scale_entry_wrt_x",
    statement=r"\frac{\partial}{\partial x_i} ( f_i(x_i) \otimes g_i(z) ) = x_i "
    r"\frac{\partial z}{\partial x_i} + z \frac{\partial x_i}{\partial x_i} = "
    r"0 + z = z",
    source=Source(DOC, "PH-4.3.7"),
    inputs=ENTRY,
    wrt="x_i",
    function=lambda x_i, z: x_i * z,
    claimed=lambda x_i, z: z,
)

ph_4_3_8__scale_wrt_x = Identity(
    name="ph_4_3_8__scale_wrt_x",
    statement=r"\frac{\partial}{\partial \mathbf{x}} ( \mathbf{x} z ) = "
    r"diag(\overrightarrow{\mathbf 1} z) = I z",
    source=Source(DOC, "PH-4.3.8"),
    inputs=INPUTS,
    wrt="x",
    function=lambda x, z: x * z,
    claimed=lambda x, z: _eye(x) * z,
)

ph_4_3_9__scale_entry_wrt_z = Identity(
    name="ph_4_3_9__scale_entry_wrt_z",
    statement=r"\frac{\partial}{\partial z} ( f_i(x_i) \otimes g_i(z) ) = x_i "
    r"\frac{\partial z}{\partial z} + z \frac{\partial x_i}{\partial z} = x_i + 0 "
    r"= x_i",
    source=Source(DOC, "PH-4.3.9"),
    inputs=ENTRY,
    wrt="z",
    function=lambda x_i, z: x_i * z,
    claimed=lambda x_i, z: x_i,
)

ph_4_3_10__scale_wrt_z = Identity(
    name="ph_4_3_10__scale_wrt_z",
    statement=r"\frac{\partial}{\partial z} ( \mathbf{x} z ) = \mathbf{x}"
    r"\quad\text{(a vertical vector)}",
    source=Source(DOC, "PH-4.3.10"),
    inputs=INPUTS,
    wrt="z",
    function=lambda x, z: x * z,
    claimed=lambda x, z: x.reshape(-1, 1),
)

# -- section 8.3: the summary, the rules of section 4.3 restated ---------------------------
ph_8_3_1__add_wrt_x = _restated(
    ph_4_3_4__add_wrt_x,
    "PH-8.3.1",
    "add_wrt_x",
    r"\frac{\partial}{\partial \mathbf{x}} ( \mathbf{x} + z ) = "
    r"diag(\overrightarrow{\mathbf 1}) = I",
    conditions="y = x + z = f(x) + g(z), f(x) = x, g(z) = 1 z",
)

ph_8_3_2__add_wrt_z = _restated(
    ph_4_3_6__add_wrt_z,
    "PH-8.3.2",
    "add_wrt_z",
    r"\frac{\partial}{\partial z} ( \mathbf{x} + z ) = \overrightarrow{\mathbf 1}",
)

ph_8_3_3__scale_wrt_x = _restated(
    ph_4_3_8__scale_wrt_x,
    "PH-8.3.3",
    "scale_wrt_x",
    r"\frac{\partial}{\partial \mathbf{x}} ( \mathbf{x} z ) = I z",
)

ph_8_3_4__scale_wrt_z = _restated(
    ph_4_3_10__scale_wrt_z,
    "PH-8.3.4",
    "scale_wrt_z",
    r"\frac{\partial}{\partial z} ( \mathbf{x} z ) = \mathbf{x}",
)
