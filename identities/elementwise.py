"""Jacobians of element-wise binary operators y = w (op) x are diagonal (seed: "Derivatives of
vector element-wise binary operators" and its two "Examples" tables)."""

import torch

from identities.spec import Identity, Source, derived, vector

SLIDE = Source("seed", "Derivatives of vector element-wise binary operators")
EXAMPLES = Source("seed", "Examples (Derivatives of vector element-wise binary operators)")

#: w and x are n x 1 with the same n.
GENERAL = {"w": vector("n"), "x": vector("n")}
#: The divisor x of w / x is kept away from 0.
DIVISOR = {"w": vector("n"), "x": vector("n", "nonzero")}
#: x = w + d with |d| >= 0.5: no ties w_i = x_i, where max(w, x) has a kink.
UNTIED = {"w": vector("n"), "x": derived(lambda w, d: w + d, d=vector("n", "nonzero"))}
#: w > 0, so that w^x and ln w are defined.
POSITIVE_BASE = {"w": vector("n", "positive"), "x": vector("n")}
#: The seed prints the general rule and the four operators above; max and ^ are instances.
MAX_INSTANCE = (
    "An instance of the printed rule, on max (not in the seed's tables); adds "
    "w_i != x_i, since max has no derivative at a tie."
)
POW_INSTANCE = (
    "An instance of the printed rule, on w^x (not in the seed's tables); adds "
    "w_i > 0, so that w_i^x_i and ln w_i are defined."
)


def _eye(v):
    return torch.eye(v.shape[0], dtype=torch.float64)


elementwise__add__wrt_w = Identity(
    name="elementwise__add__wrt_w",
    statement=r"\frac{\partial(\mathbf{w} + \mathbf{x})}{\partial \mathbf{w}} = "
    r"\mathrm{diag}(\vec{1}) = I",
    source=EXAMPLES,
    inputs=GENERAL,
    wrt="w",
    function=lambda w, x: w + x,
    claimed=lambda w, x: _eye(w),
)

elementwise__sub__wrt_w = Identity(
    name="elementwise__sub__wrt_w",
    statement=r"\frac{\partial(\mathbf{w} - \mathbf{x})}{\partial \mathbf{w}} = "
    r"\mathrm{diag}(\vec{1}) = I",
    source=EXAMPLES,
    inputs=GENERAL,
    wrt="w",
    function=lambda w, x: w - x,
    claimed=lambda w, x: _eye(w),
)

elementwise__mul__wrt_w = Identity(
    name="elementwise__mul__wrt_w",
    statement=r"\frac{\partial(\mathbf{w} \otimes \mathbf{x})}{\partial \mathbf{w}} = "
    r"\mathrm{diag}(\mathbf{x})",
    source=EXAMPLES,
    inputs=GENERAL,
    wrt="w",
    function=lambda w, x: w * x,
    claimed=lambda w, x: torch.diag(x),
)

elementwise__div__wrt_w = Identity(
    name="elementwise__div__wrt_w",
    statement=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{w}} = "
    r"\mathrm{diag}(\dots 1/x_i \dots)",
    source=EXAMPLES,
    conditions="implicit: x_i != 0",
    inputs=DIVISOR,
    wrt="w",
    function=lambda w, x: w / x,
    claimed=lambda w, x: torch.diag(1 / x),
)

elementwise__add__wrt_x = Identity(
    name="elementwise__add__wrt_x",
    statement=r"\frac{\partial(\mathbf{w} + \mathbf{x})}{\partial \mathbf{x}} = "
    r"\mathrm{diag}(\vec{1}) = I",
    source=EXAMPLES,
    inputs=GENERAL,
    wrt="x",
    function=lambda w, x: w + x,
    claimed=lambda w, x: _eye(x),
)

elementwise__sub__wrt_x = Identity(
    name="elementwise__sub__wrt_x",
    statement=r"\frac{\partial(\mathbf{w} - \mathbf{x})}{\partial \mathbf{x}} = "
    r"\mathrm{diag}(-\vec{1}) = -I",
    source=EXAMPLES,
    inputs=GENERAL,
    wrt="x",
    function=lambda w, x: w - x,
    claimed=lambda w, x: -_eye(x),
)

elementwise__mul__wrt_x = Identity(
    name="elementwise__mul__wrt_x",
    statement=r"\frac{\partial(\mathbf{w} \otimes \mathbf{x})}{\partial \mathbf{x}} = "
    r"\mathrm{diag}(\mathbf{w})",
    source=EXAMPLES,
    inputs=GENERAL,
    wrt="x",
    function=lambda w, x: w * x,
    claimed=lambda w, x: torch.diag(w),
)

elementwise__div__wrt_x = Identity(
    name="elementwise__div__wrt_x",
    statement=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{x}} = "
    r"\mathrm{diag}\left(\dots -\frac{w_i}{x_i^2} \dots\right)",
    source=EXAMPLES,
    conditions="implicit: x_i != 0",
    inputs=DIVISOR,
    wrt="x",
    function=lambda w, x: w / x,
    claimed=lambda w, x: torch.diag(-w / x**2),
)

# The general statement, J = diag(d op_i(w_i, x_i) / d w_i), on two more operators.

elementwise__max__wrt_w = Identity(
    name="elementwise__max__wrt_w",
    statement=r"J_{\mathbf{w}} = \mathrm{diag}\left(\frac{\partial}{\partial w_i}"
    r"\max(w_i, x_i)\right) = \mathrm{diag}(\mathbb{1}[w_i > x_i])",
    source=SLIDE,
    conditions="w_i != x_i for every i (max has a kink at ties)",
    reading=MAX_INSTANCE,
    inputs=UNTIED,
    wrt="w",
    function=lambda w, x: torch.maximum(w, x),
    claimed=lambda w, x: torch.diag((w > x).to(torch.float64)),
)

elementwise__max__wrt_x = Identity(
    name="elementwise__max__wrt_x",
    statement=r"J_{\mathbf{x}} = \mathrm{diag}\left(\frac{\partial}{\partial x_i}"
    r"\max(w_i, x_i)\right) = \mathrm{diag}(\mathbb{1}[x_i > w_i])",
    source=SLIDE,
    conditions="w_i != x_i for every i (max has a kink at ties)",
    reading=MAX_INSTANCE,
    inputs=UNTIED,
    wrt="x",
    function=lambda w, x: torch.maximum(w, x),
    claimed=lambda w, x: torch.diag((x > w).to(torch.float64)),
)

elementwise__pow__wrt_w = Identity(
    name="elementwise__pow__wrt_w",
    statement=r"J_{\mathbf{w}} = \mathrm{diag}\left(\frac{\partial}{\partial w_i}"
    r"w_i^{x_i}\right) = \mathrm{diag}(x_i w_i^{x_i - 1})",
    source=SLIDE,
    conditions="w_i > 0",
    reading=POW_INSTANCE,
    inputs=POSITIVE_BASE,
    wrt="w",
    function=lambda w, x: w**x,
    claimed=lambda w, x: torch.diag(x * w ** (x - 1)),
)

elementwise__pow__wrt_x = Identity(
    name="elementwise__pow__wrt_x",
    statement=r"J_{\mathbf{x}} = \mathrm{diag}\left(\frac{\partial}{\partial x_i}"
    r"w_i^{x_i}\right) = \mathrm{diag}(w_i^{x_i} \ln w_i)",
    source=SLIDE,
    conditions="w_i > 0",
    reading=POW_INSTANCE,
    inputs=POSITIVE_BASE,
    wrt="x",
    function=lambda w, x: w**x,
    claimed=lambda w, x: torch.diag(w**x * torch.log(w)),
)
