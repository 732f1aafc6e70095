"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 4.4, the vector sum reduction y = sum(f(x)), and its summary in section 8.4 (the
dot product of 8.4 is with section 5, in ``ph_neuron``).

The gradient of a scalar by a vector is a row (1 x n), numerator layout.
"""

import dataclasses

import torch

from identities.spec import Identity, Source, scalar, smooth_map, vector

DOC = "parr-howard-2018"

#: x is n x 1, z a scalar.
INPUTS = {"x": vector("n"), "z": scalar()}


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


ph_4_4_1__sum_of_f = Identity(
    name="ph_4_4_1__sum_of_f",
    statement=r"\frac{\partial y}{\partial \mathbf{x}} = \begin{bmatrix} "
    r"\frac{\partial}{\partial x_1} \sum_i f_i(\mathbf{x}),~ \ldots,~ "
    r"\frac{\partial}{\partial x_n} \sum_i f_i(\mathbf{x}) \end{bmatrix} = "
    r"\begin{bmatrix} \sum_i \frac{\partial f_i(\mathbf{x})}{\partial x_1},~ "
    r"\ldots,~ \sum_i \frac{\partial f_i(\mathbf{x})}{\partial x_n} \end{bmatrix}",
    source=Source(DOC, "PH-4.4.1"),
    conditions="y = sum(f(x)) = sum_i f_i(x); each f_i may use all of x (f: R^n -> R^m a "
    "generated smooth map); the gradient is a row (1 x n)",
    inputs={"x": vector("n"), "f": smooth_map("n", "m")},
    wrt="x",
    function=lambda x, f: f(x).sum(),
    claimed=lambda x, f: f.jacobian(x).sum(dim=0).reshape(1, -1),
)

ph_4_4_2__sum_of_x = Identity(
    name="ph_4_4_2__sum_of_x",
    statement=r"\nabla y = \begin{bmatrix} \sum_i \frac{\partial x_i}{\partial x_1},~ "
    r"\sum_i \frac{\partial x_i}{\partial x_2},~ \ldots,~ \sum_i "
    r"\frac{\partial x_i}{\partial x_n} \end{bmatrix}",
    source=Source(DOC, "PH-4.4.2"),
    conditions="y = sum(x), f_i(x) = x_i; dx_i/dx_j is 1 for i = j and 0 otherwise",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x.sum(),
    claimed=lambda x: torch.eye(x.shape[0], dtype=torch.float64).sum(dim=0).reshape(1, -1),
)

ph_4_4_3__ones_row = Identity(
    name="ph_4_4_3__ones_row",
    statement=r"\nabla y = \begin{bmatrix} \frac{\partial x_1}{\partial x_1},~ \ldots,~ "
    r"\frac{\partial x_n}{\partial x_n} \end{bmatrix} = \begin{bmatrix}1, 1, \ldots, "
    r"1\end{bmatrix} = \overrightarrow{\mathbf 1}^T",
    source=Source(DOC, "PH-4.4.3"),
    conditions="y = sum(x); the result is horizontal (1 x n)",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x.sum(),
    claimed=lambda x: _ones(x).reshape(1, -1),
)

ph_4_4_4__sum_of_xz_wrt_x = Identity(
    name="ph_4_4_4__sum_of_xz_wrt_x",
    statement=r"\frac{\partial y}{\partial \mathbf{x}} = \begin{bmatrix} "
    r"\frac{\partial}{\partial x_1} x_1 z,~ \ldots,~ \frac{\partial}{\partial x_n} "
    r"x_n z \end{bmatrix} = \begin{bmatrix} z, z, \ldots, z \end{bmatrix}",
    source=Source(DOC, "PH-4.4.4"),
    conditions="y = sum(xz), f_i(x, z) = x_i z, z a constant scalar",
    inputs=INPUTS,
    wrt="x",
    function=lambda x, z: (x * z).sum(),
    claimed=lambda x, z: (_ones(x) * z).reshape(1, -1),
)

ph_4_4_5__sum_of_xz_wrt_z = Identity(
    name="ph_4_4_5__sum_of_xz_wrt_z",
    statement=r"\frac{\partial y}{\partial z} = \frac{\partial}{\partial z} \sum_{i=1}^n "
    r"x_i z = \sum_i \frac{\partial}{\partial z} x_i z = \sum_i x_i = "
    r"sum(\mathbf{x})",
    source=Source(DOC, "PH-4.4.5"),
    conditions="y = sum(xz); a scalar by a scalar",
    inputs=INPUTS,
    wrt="z",
    function=lambda x, z: (x * z).sum(),
    claimed=lambda x, z: x.sum(),
)

# -- section 8.4: the summary, the rules of section 4.4 restated -------------------------------
ph_8_4_1__sum_of_f = _restated(
    ph_4_4_1__sum_of_f,
    "PH-8.4.1",
    "sum_of_f",
    r"\nabla_{\mathbf{x}} y = \frac{\partial y}{\partial \mathbf{x}} = "
    r"\begin{bmatrix} \frac{\partial y}{\partial x_1}, \ldots, \frac{\partial y}"
    r"{\partial x_n} \end{bmatrix} = \begin{bmatrix} \sum_i \frac{\partial "
    r"f_i(\mathbf{x})}{\partial x_1},~ \ldots,~ \sum_i \frac{\partial "
    r"f_i(\mathbf{x})}{\partial x_n} \end{bmatrix}",
    conditions="y = sum(f(x)) (f: R^n -> R^m a generated smooth map)",
)

ph_8_4_2__ones_row = _restated(
    ph_4_4_3__ones_row,
    "PH-8.4.2",
    "ones_row",
    r"\nabla_\mathbf{x} y = \overrightarrow{\mathbf 1}^T",
    conditions="y = sum(x)",
)

ph_8_4_3__sum_of_xz_wrt_x = _restated(
    ph_4_4_4__sum_of_xz_wrt_x,
    "PH-8.4.3",
    "sum_of_xz_wrt_x",
    r"\nabla_\mathbf{x} y = [z, z, \ldots, z]",
    conditions="y = sum(xz), n = |x|",
)

ph_8_4_3__sum_of_xz_wrt_z = _restated(
    ph_4_4_5__sum_of_xz_wrt_z,
    "PH-8.4.3",
    "sum_of_xz_wrt_z",
    r"\nabla_z y = sum(\mathbf{x})",
    conditions="y = sum(xz)",
)
