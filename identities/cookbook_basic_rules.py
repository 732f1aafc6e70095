"""Matrix Cookbook (2012), section 2 "Derivatives": the basic differential rules (33)-(44).

Here the Cookbook's partial is a differential: each rule is tested along a straight curve
X(t) = X + t dX (form="differential"): the claim is d/dt f(X + t dX) at t = 0, written with
the direction dX in place of the Cookbook's "partial X". (45), the conjugate transpose of a
complex matrix, is not tested: the suite works with real float64 tensors only.
"""

import torch

from identities.notation import adjugate as _adjugate
from identities.notation import det_leibniz
from identities.spec import Identity, derived, matrix, scalar, vector
from identities.spec import cookbook as _eq

#: Singular n x n matrices: X = G - (G w) w^T / (w^T w), so X w = 0 (rank n - 1 generically).
SINGULAR = derived(
    lambda G, w: G - torch.outer(G @ w, w) / (w @ w),
    G=matrix("n", "n"),
    w=vector("n", "nonzero"),
)

cookbook_033__constant = Identity(
    name="cookbook_033__constant",
    statement=r"\partial \mathbf{A} = 0",
    source=_eq("33"),
    conditions="A is a constant; X(t) = X + t dX is the varying matrix, A does not depend on it",
    inputs={"X": matrix("m", "n"), "A": matrix("p", "q")},
    wrt="X",
    form="differential",
    function=lambda X, A: A,
    claimed=lambda X, A, dX: torch.zeros_like(A),
)

cookbook_034__scalar_multiple = Identity(
    name="cookbook_034__scalar_multiple",
    statement=r"\partial(\alpha \mathbf{X}) = \alpha\, \partial \mathbf{X}",
    source=_eq("34"),
    conditions="alpha is a constant scalar",
    inputs={"alpha": scalar(), "X": matrix("m", "n")},
    wrt="X",
    form="differential",
    function=lambda alpha, X: alpha * X,
    claimed=lambda alpha, X, dX: alpha * dX,
)

cookbook_035__sum = Identity(
    name="cookbook_035__sum",
    statement=r"\partial(\mathbf{X} + \mathbf{Y}) = \partial \mathbf{X} + \partial \mathbf{Y}",
    source=_eq("35"),
    conditions="X and Y of the same shape, both varying",
    inputs={"X": matrix("m", "n"), "Y": matrix("m", "n")},
    wrt=("X", "Y"),
    form="differential",
    function=lambda X, Y: X + Y,
    claimed=lambda X, Y, dX, dY: dX + dY,
)

cookbook_036__trace = Identity(
    name="cookbook_036__trace",
    statement=r"\partial(\operatorname{Tr}(\mathbf{X})) = \operatorname{Tr}(\partial \mathbf{X})",
    source=_eq("36"),
    conditions="implicit: X square (the trace is defined)",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="differential",
    function=lambda X: torch.trace(X),
    claimed=lambda X, dX: torch.trace(dX),
)

cookbook_037__product = Identity(
    name="cookbook_037__product",
    statement=r"\partial(\mathbf{X}\mathbf{Y}) = (\partial \mathbf{X})\mathbf{Y} "
    r"+ \mathbf{X}(\partial \mathbf{Y})",
    source=_eq("37"),
    conditions="X (m x n) and Y (n x p) conformable, both varying",
    inputs={"X": matrix("m", "n"), "Y": matrix("n", "p")},
    wrt=("X", "Y"),
    form="differential",
    function=lambda X, Y: X @ Y,
    claimed=lambda X, Y, dX, dY: dX @ Y + X @ dY,
)

cookbook_038__hadamard = Identity(
    name="cookbook_038__hadamard",
    statement=r"\partial(\mathbf{X} \circ \mathbf{Y}) = (\partial \mathbf{X}) \circ \mathbf{Y} "
    r"+ \mathbf{X} \circ (\partial \mathbf{Y})",
    source=_eq("38"),
    conditions="X and Y of the same shape (Hadamard product), both varying",
    inputs={"X": matrix("m", "n"), "Y": matrix("m", "n")},
    wrt=("X", "Y"),
    form="differential",
    function=lambda X, Y: X * Y,
    claimed=lambda X, Y, dX, dY: dX * Y + X * dY,
)

cookbook_039__kronecker = Identity(
    name="cookbook_039__kronecker",
    statement=r"\partial(\mathbf{X} \otimes \mathbf{Y}) = (\partial \mathbf{X}) \otimes "
    r"\mathbf{Y} + \mathbf{X} \otimes (\partial \mathbf{Y})",
    source=_eq("39"),
    conditions="X (m x n), Y (p x q) of any shapes (Kronecker product), both varying",
    inputs={"X": matrix("m", "n"), "Y": matrix("p", "q")},
    wrt=("X", "Y"),
    form="differential",
    function=lambda X, Y: torch.kron(X, Y),
    claimed=lambda X, Y, dX, dY: torch.kron(dX, Y) + torch.kron(X, dY),
)

cookbook_040__inverse = Identity(
    name="cookbook_040__inverse",
    statement=r"\partial(\mathbf{X}^{-1}) = -\mathbf{X}^{-1}(\partial \mathbf{X})\mathbf{X}^{-1}",
    source=_eq("40"),
    conditions="implicit: X square and invertible",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="differential",
    function=lambda X: torch.linalg.inv(X),
    claimed=lambda X, dX: -torch.linalg.inv(X) @ dX @ torch.linalg.inv(X),
)

cookbook_041__det_adjugate = Identity(
    name="cookbook_041__det_adjugate",
    statement=r"\partial(\det(\mathbf{X})) = \operatorname{Tr}(\operatorname{adj}(\mathbf{X})"
    r"\,\partial \mathbf{X})",
    source=_eq("41"),
    conditions="implicit: X square (no invertibility needed: adj is the cofactor transpose)",
    inputs={"X": matrix("n", "n")},
    wrt="X",
    form="differential",
    function=det_leibniz,
    dims={"n": (1, 4)},  # the Leibniz formula has n! terms: n stays small in every profile
    claimed=lambda X, dX: torch.trace(_adjugate(X) @ dX),
)

cookbook_041__det_adjugate__singular = Identity(
    name="cookbook_041__det_adjugate__singular",
    statement=r"\partial(\det(\mathbf{X})) = \operatorname{Tr}(\operatorname{adj}(\mathbf{X})"
    r"\,\partial \mathbf{X})",
    source=_eq("41"),
    conditions="implicit: X square; here X singular (X w = 0 by construction)",
    reading="X is restricted to singular matrices, where (42) is undefined but (41) still "
    "applies, to exercise that case on every example.",
    inputs={"X": SINGULAR},
    wrt="X",
    form="differential",
    function=det_leibniz,
    dims={"n": (1, 4)},  # the Leibniz formula has n! terms: n stays small in every profile
    claimed=lambda X, dX: torch.trace(_adjugate(X) @ dX),
)

cookbook_042__det = Identity(
    name="cookbook_042__det",
    statement=r"\partial(\det(\mathbf{X})) = \det(\mathbf{X})\operatorname{Tr}"
    r"(\mathbf{X}^{-1}\partial \mathbf{X})",
    source=_eq("42"),
    conditions="implicit: X square and invertible",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="differential",
    function=lambda X: torch.linalg.det(X),
    claimed=lambda X, dX: torch.linalg.det(X) * torch.trace(torch.linalg.solve(X, dX)),
)

cookbook_043__log_det = Identity(
    name="cookbook_043__log_det",
    statement=r"\partial(\ln(\det(\mathbf{X}))) = \operatorname{Tr}"
    r"(\mathbf{X}^{-1}\partial \mathbf{X})",
    source=_eq("43"),
    conditions="implicit: X invertible with det X > 0 (the real logarithm is defined)",
    inputs={"X": matrix("n", "n", "positive_determinant")},
    wrt="X",
    form="differential",
    function=lambda X: torch.log(torch.linalg.det(X)),
    claimed=lambda X, dX: torch.trace(torch.linalg.solve(X, dX)),
)

cookbook_043__log_abs_det = Identity(
    name="cookbook_043__log_abs_det",
    statement=r"\partial(\ln|\det(\mathbf{X})|) = \operatorname{Tr}"
    r"(\mathbf{X}^{-1}\partial \mathbf{X})",
    source=_eq("43"),
    conditions="X invertible, det X of either sign",
    reading="ln(det X) is read as ln|det X|, so that X with det X < 0 is covered too.",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="differential",
    function=lambda X: torch.linalg.slogdet(X).logabsdet,
    claimed=lambda X, dX: torch.trace(torch.linalg.solve(X, dX)),
)

cookbook_044__transpose = Identity(
    name="cookbook_044__transpose",
    statement=r"\partial \mathbf{X}^T = (\partial \mathbf{X})^T",
    source=_eq("44"),
    inputs={"X": matrix("m", "n")},
    wrt="X",
    form="differential",
    function=lambda X: X.T,
    claimed=lambda X, dX: dX.T,
)
