"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 5, the gradient of neuron activation max(0, w . x + b): the dot product by the
vector chain rule, the affine function, and the piecewise derivative of max(0, z); with the
dot product as the summary restates it (section 8.4) and as the notation defines it (9.1).

max(0, z) has no derivative at z = 0; the source takes the z <= 0 branch there (value 0).
Each piecewise rule has two specs: away from the kink, where w . x + b (or z) is built at a
distance of at least 0.5 from 0 (b = z - w . x with a drawn nonzero z), and at the kink,
z = 0 exactly, where only autograd's convention can be checked (``at_kink``). The
activation is written with torch.relu, whose backward at 0 is 0, the source's convention
(torch.maximum(z, 0) gives 0.5 there, torch.clamp(z, min=0) gives 1).
"""

import dataclasses

import torch

from identities.notation import away_and_at_kink
from identities.spec import Identity, Source, derived, integer, scalar, vector

DOC = "parr-howard-2018"

#: w and x are n x 1 with the same n.
PAIR = {"w": vector("n"), "x": vector("n")}
#: b with w . x + b = z, a drawn value with 0.5 <= |z| <= 4: never at the kink.
AWAY = {
    "w": vector("n"),
    "x": vector("n"),
    "b": derived(lambda w, x, z: z - w @ x, z=scalar("nonzero")),
}
#: b = -(w . x), so w . x + b = 0 exactly: the kink.
KINK = {"w": vector("n"), "x": vector("n"), "b": derived(lambda w, x: -(w @ x))}
AWAY_TEXT = "w . x + b != 0 by construction (0.5 <= |w . x + b| <= 4), both signs"
KINK_TEXT = (
    "w . x + b = 0 exactly (b = -w . x): the case <= 0 at its boundary, where "
    "max(0, z) has no derivative; the source's value, checked against autograd "
    "only (torch.relu)"
)


def _ones(x):
    return torch.ones(x.shape[0], dtype=torch.float64)


def _cases(z, if_positive, otherwise):
    """The source's piecewise derivative: ``otherwise`` for z <= 0, ``if_positive`` for z > 0."""
    return torch.where(z > 0, if_positive, otherwise)


def _restated(spec, ref, name, statement, **changes):
    """``spec`` again, for the entry ``ref`` that states the same rule in its own words."""
    return dataclasses.replace(
        spec,
        name=f"ph_{ref[3:].replace('.', '_')}__{name}",
        source=Source(DOC, ref),
        statement=statement,
        **changes,
    )


def _piecewise(
    ref,
    name,
    statement,
    wrt,
    function,
    claimed,
    away=AWAY,
    kink=KINK,
    away_text=AWAY_TEXT,
    kink_text=KINK_TEXT,
):
    """A piecewise rule: one spec away from the kink, one at it (torch.relu's convention)."""
    return away_and_at_kink(
        DOC,
        ref,
        name,
        statement,
        wrt,
        function,
        claimed,
        away=away,
        away_text=away_text,
        kink=kink,
        kink_text=kink_text,
    )


def _activation(w, x, b):
    return torch.relu(w @ x + b)


# -- the dot product y = w . x = sum(w (x) x) by the vector chain rule ------------------------
ph_5_2__sum_of_products = Identity(
    name="ph_5_2__sum_of_products",
    statement=r"\sum_i^n (w_i x_i) = sum(\mathbf{w} \otimes \mathbf{x})",
    source=Source(DOC, "PH-5.2"),
    inputs=PAIR,
    form="value",
    function=lambda w, x: sum(w[i] * x[i] for i in range(w.shape[0])),
    claimed=lambda w, x: torch.sum(w * x),
)

ph_5_2__dot_is_wT_x = Identity(
    name="ph_5_2__dot_is_wT_x",
    statement=r"\mathbf{w} \cdot \mathbf{x} = \mathbf{w}^{T} \mathbf{x}",
    source=Source(DOC, "PH-5.2"),
    conditions="w^T x, the row w^T times the column x (1-d tensors), a 1 x 1 product "
    "compared as the scalar the entry equates it with",
    inputs=PAIR,
    form="value",
    function=lambda w, x: torch.dot(w, x),
    claimed=lambda w, x: w @ x,
)

ph_5_4__hadamard_wrt_w = Identity(
    name="ph_5_4__hadamard_wrt_w",
    statement=r"\frac{\partial \mathbf{u}}{\partial \mathbf{w}} = \frac{\partial }"
    r"{\partial \mathbf{w}} (\mathbf{w} \otimes \mathbf{x}) = diag(\mathbf{x})",
    source=Source(DOC, "PH-5.4"),
    conditions="u = w (x) x",
    inputs=PAIR,
    wrt="w",
    function=lambda w, x: w * x,
    claimed=lambda w, x: torch.diag(x),
)

ph_5_4__sum_wrt_u = Identity(
    name="ph_5_4__sum_wrt_u",
    statement=r"\frac{\partial y}{\partial \mathbf{u}} = \frac{\partial }{\partial \mathbf{u}}"
    r" sum(\mathbf{u}) = \overrightarrow{\mathbf 1}^T",
    source=Source(DOC, "PH-5.4"),
    conditions="y = sum(u)",
    inputs={"u": vector("n")},
    wrt="u",
    function=lambda u: u.sum(),
    claimed=lambda u: _ones(u).reshape(1, -1),
)

ph_5_5__chain = Identity(
    name="ph_5_5__chain",
    statement=r"\frac{\partial y}{\partial \mathbf{w}} = \frac{\partial y}{\partial \mathbf{u}}"
    r" \frac{\partial \mathbf{u}}{\partial \mathbf{w}} = "
    r"\overrightarrow{\mathbf 1}^T diag(\mathbf{x})",
    source=Source(DOC, "PH-5.5"),
    conditions="u = w (x) x, y = sum(u); the row 1^T (1 x n) times diag(x) (n x n)",
    inputs=PAIR,
    wrt="w",
    function=lambda w, x: torch.sum(w * x),
    claimed=lambda w, x: _ones(x).reshape(1, -1) @ torch.diag(x),
)

ph_5_5__result = Identity(
    name="ph_5_5__result",
    statement=r"\frac{\partial y}{\partial \mathbf{w}} = \overrightarrow{\mathbf 1}^T "
    r"diag(\mathbf{x}) = \mathbf{x}^T",
    source=Source(DOC, "PH-5.5"),
    conditions="y = sum(w (x) x)",
    inputs=PAIR,
    wrt="w",
    function=lambda w, x: torch.sum(w * x),
    claimed=lambda w, x: x.reshape(1, -1),
)


def _with_entry(w, j, w_j):
    """w with its j-th entry replaced by the input w_j (so that w_j can be differentiated)."""
    j = int(j)
    return torch.cat([w[:j], w_j.reshape(1), w[j + 1 :]])


ph_5_6__one_entry = Identity(
    name="ph_5_6__one_entry",
    statement=r"\frac{\partial y}{\partial w_j} = \frac{\partial}{\partial w_j} \sum_i "
    r"(w_i x_i) = \sum_i \frac{\partial}{\partial w_j} (w_i x_i) = "
    r"\frac{\partial}{\partial w_j} (w_j x_j) = x_j",
    source=Source(DOC, "PH-5.6"),
    conditions="y = w . x = sum_i w_i x_i; w_j the j-th entry of w, for any j in 1..n (the "
    "input w_j put at position j, drawn)",
    inputs={
        "w": vector("n"),
        "x": vector("n"),
        "w_j": scalar(),
        "j": derived(lambda w, k: k % w.shape[0], k=integer(0, 3)),
    },
    wrt="w_j",
    function=lambda w, x, w_j, j: _with_entry(w, j, w_j) @ x,
    claimed=lambda w, x, w_j, j: x[int(j)],
)

ph_5_7__gradient = Identity(
    name="ph_5_7__gradient",
    statement=r"\frac{\partial y}{\partial \mathbf{w}} = [ x_1, \ldots, x_n ] = \mathbf{x}^T",
    source=Source(DOC, "PH-5.7"),
    conditions="y = w . x",
    inputs=PAIR,
    wrt="w",
    function=lambda w, x: w @ x,
    claimed=lambda w, x: x.reshape(1, -1),
)

AFFINE = {"w": vector("n"), "x": vector("n"), "b": scalar()}

ph_5_8__affine_wrt_w = Identity(
    name="ph_5_8__affine_wrt_w",
    statement=r"\frac{\partial y}{\partial \mathbf{w}} = \frac{\partial }{\partial \mathbf{w}}"
    r"\mathbf{w} \cdot \mathbf{x} + \frac{\partial }{\partial \mathbf{w}}b = "
    r"\mathbf{x}^T + \overrightarrow{\mathbf 0}^T = \mathbf{x}^T",
    source=Source(DOC, "PH-5.8"),
    conditions="y = w . x + b",
    inputs=AFFINE,
    wrt="w",
    function=lambda w, x, b: w @ x + b,
    claimed=lambda w, x, b: x.reshape(1, -1) + torch.zeros(1, x.shape[0]),
)

ph_5_8__affine_wrt_b = Identity(
    name="ph_5_8__affine_wrt_b",
    statement=r"\frac{\partial y}{\partial b} = \frac{\partial }{\partial b}\mathbf{w} "
    r"\cdot \mathbf{x} + \frac{\partial }{\partial b}b = 0 + 1 = 1",
    source=Source(DOC, "PH-5.8"),
    conditions="y = w . x + b",
    inputs=AFFINE,
    wrt="b",
    function=lambda w, x, b: w @ x + b,
    claimed=lambda w, x, b: torch.ones_like(b),
)

# -- max(0, z) and the activation max(0, w . x + b) -------------------------------------------
Z_TEXT = "z != 0 by construction (0.5 <= |z| <= 4), both signs"
Z_KINK_TEXT = (
    "z = 0 exactly, where max(0, z) has no derivative; the source takes the "
    "z <= 0 branch (0), checked against autograd only (torch.relu)"
)

PIECEWISE = [
    *_piecewise(
        "PH-5.9",
        "relu_wrt_z",
        r"\frac{\partial}{\partial z}max(0,z) = \begin{cases} 0 & z \leq 0\\ \frac{dz}{dz}=1 "
        r"& z > 0 \end{cases}",
        "z",
        lambda z: torch.relu(z),
        lambda z: _cases(z, torch.ones_like(z), torch.zeros_like(z)),
        away={"z": scalar("nonzero")},
        kink={"z": scalar("zero")},
        away_text=Z_TEXT,
        kink_text=Z_KINK_TEXT,
    ),
    *_piecewise(
        "PH-5.11",
        "relu_entry",
        r"\frac{\partial}{\partial x_i}max(0,x_i) = \begin{cases} 0 & x_i \leq 0\\ "
        r"\frac{dx_i}{dx_i}=1 & x_i > 0 \end{cases}",
        "x_i",
        lambda x_i: torch.relu(x_i),
        lambda x_i: _cases(x_i, torch.ones_like(x_i), torch.zeros_like(x_i)),
        away={"x_i": scalar("nonzero")},
        kink={"x_i": scalar("zero")},
        away_text=Z_TEXT.replace("z", "x_i"),
        kink_text=Z_KINK_TEXT.replace("z", "x_i"),
    ),
]

ph_5_14__chain = Identity(
    name="ph_5_14__chain",
    statement=r"\frac{\partial activation}{\partial \mathbf{w}} = \frac{\partial activation}"
    r"{\partial z}\frac{\partial z}{\partial \mathbf{w}}",
    source=Source(DOC, "PH-5.14"),
    conditions="z = w . x + b, activation(z) = max(0, z); d activation/dz from PH-5.9 "
    "(1 for z > 0, 0 for z <= 0), dz/dw = x^T; " + AWAY_TEXT,
    inputs=AWAY,
    wrt="w",
    function=_activation,
    claimed=lambda w, x, b: (
        _cases(w @ x + b, torch.ones_like(b), torch.zeros_like(b)) * x.reshape(1, -1)
    ),
)

ACTIVATION = [
    *_piecewise(
        "PH-5.15",
        "cases_in_z",
        r"\frac{\partial activation}{\partial \mathbf{w}} = \begin{cases} 0\frac{\partial z}"
        r"{\partial \mathbf{w}}=\overrightarrow{\mathbf 0}^T & z \leq 0\\ 1\frac{\partial z}"
        r"{\partial \mathbf{w}}= \mathbf{x}^T & z > 0 \end{cases}",
        "w",
        _activation,
        lambda w, x, b: _cases(w @ x + b, 1 * x, 0 * x),
    ),
    *_piecewise(
        "PH-5.16",
        "wrt_w",
        r"\frac{\partial activation}{\partial \mathbf{w}} = \begin{cases} "
        r"\overrightarrow{\mathbf 0}^T & \mathbf{w} \cdot \mathbf{x} + b \leq 0\\ "
        r"\mathbf{x}^T & \mathbf{w} \cdot \mathbf{x} + b > 0 \end{cases}",
        "w",
        _activation,
        lambda w, x, b: _cases(w @ x + b, x, torch.zeros_like(x)),
    ),
    *_piecewise(
        "PH-5.17",
        "wrt_b",
        r"\frac{\partial activation}{\partial b} = \begin{cases} 0\frac{\partial z}{\partial b}"
        r" = 0 & \mathbf{w} \cdot \mathbf{x} + b \leq 0\\ 1\frac{\partial z}{\partial b} = 1 "
        r"& \mathbf{w} \cdot \mathbf{x} + b > 0 \end{cases}",
        "b",
        _activation,
        lambda w, x, b: _cases(w @ x + b, torch.ones_like(b), torch.zeros_like(b)),
    ),
]

# -- section 8.4: the dot product in the summary ----------------------------------------------
ph_8_4_4__dot_is_sum_of_products = _restated(
    ph_5_2__sum_of_products,
    "PH-8.4.4",
    "dot_is_sum_of_products",
    r"y = \mathbf{f(w)} \cdot \mathbf{g(x)} = \sum_i^n (w_i x_i) = "
    r"sum(\mathbf{w} \otimes \mathbf{x})",
    conditions="f(w) = w, g(x) = x",
)

ph_8_4_4__hadamard_wrt_x = Identity(
    name="ph_8_4_4__hadamard_wrt_x",
    statement=r"\frac{d \mathbf{u}}{d\mathbf{x}} = \frac{d}{d\mathbf{x}} (\mathbf{w} \otimes "
    r"\mathbf{x}) = diag(\mathbf{w})",
    source=Source(DOC, "PH-8.4.4"),
    conditions="u = w (x) x",
    inputs=PAIR,
    wrt="x",
    function=lambda w, x: w * x,
    claimed=lambda w, x: torch.diag(w),
)

ph_8_4_4__sum_wrt_u = _restated(
    ph_5_4__sum_wrt_u,
    "PH-8.4.4",
    "sum_wrt_u",
    r"\frac{dy}{d\mathbf{u}} = \frac{d}{d\mathbf{u}} sum(\mathbf{u}) = "
    r"\overrightarrow{\mathbf 1}^T",
)

ph_8_4_4__dot_wrt_x__chain = Identity(
    name="ph_8_4_4__dot_wrt_x__chain",
    statement=r"\frac{dy}{d\mathbf{x}} = \frac{dy}{d\mathbf{u}} \times \frac{d\mathbf{u}}"
    r"{d\mathbf{x}} = \overrightarrow{\mathbf 1}^T \times diag(\mathbf{w})",
    source=Source(DOC, "PH-8.4.4"),
    conditions="y = sum(w (x) x); the row 1^T (1 x n) times diag(w) (n x n)",
    inputs=PAIR,
    wrt="x",
    function=lambda w, x: torch.sum(w * x),
    claimed=lambda w, x: _ones(w).reshape(1, -1) @ torch.diag(w),
)

ph_8_4_4__dot_wrt_x = Identity(
    name="ph_8_4_4__dot_wrt_x",
    statement=r"\frac{dy}{d\mathbf{x}} = \mathbf{w}^T",
    source=Source(DOC, "PH-8.4.4"),
    conditions="y = sum(w (x) x)",
    inputs=PAIR,
    wrt="x",
    function=lambda w, x: torch.sum(w * x),
    claimed=lambda w, x: w.reshape(1, -1),
)

ph_8_4_4__dot_wrt_w = _restated(
    ph_5_5__result,
    "PH-8.4.4",
    "dot_wrt_w",
    r"\frac{dy}{d\mathbf{w}} = \mathbf{x}^T",
    conditions="y = sum(w (x) x); 'similarly'",
)

# -- section 9: the dot product of the notation -----------------------------------------------
ph_9_1__dot_is_sum_of_products = _restated(
    ph_5_2__sum_of_products,
    "PH-9.1",
    "dot_is_sum_of_products",
    r"\mathbf{w} \cdot \mathbf{x}: \sum_i^n (w_i x_i) = sum(\mathbf{w} \otimes \mathbf{x})",
)

ph_9_1__dot_is_wT_x = _restated(
    ph_5_2__dot_is_wT_x, "PH-9.1", "dot_is_wT_x", r"\mathbf{w} \cdot \mathbf{x} = w^T x"
)
