"""Misconceptions: familiar wrong derivatives, each refuted with a minimal counterexample.

Every spec here is declared false (``holds=False``): the suite passes only when it finds an
example that refutes it, and ``python -m identities teach`` turns that example into a
lesson. Each spec says, in ``lesson``, why the statement fails, what is true instead and when
the wrong form happens to hold, and names in ``counterpart`` the catalog's spec of the true
statement. ``source`` cites where the correct statement is printed; a Cookbook-cited
misconception sets ``reading`` so that the Cookbook coverage table does not count it as the
printed equation.

The inputs are chosen to make the point: a general (never symmetric) square matrix where a
missing transpose is the error, square Jacobians where only the order of the factors is,
a non-symmetric matrix with det > 0 for ln det X.

Further misconceptions live next to their true forms: ``quadratic_form__symmetric_rule_on_
general_A`` (quadratic_forms), ``composite__symmetric_rule_on_general_A`` (composite_forms),
``chain_rule__vector__factors_swapped`` (chain_rules), ``neuron__maximum_at_kink`` and
``neuron__clamp_at_kink`` (neuron).
"""

import torch

from identities.spec import Identity, Source, cookbook, derived, matrix, scalar, vector

FORMULAS = Source("seed", "Some matrix differentiation formulas")
JACOBIAN = Source("seed", "Jacobian")
ELEMENTWISE = Source("seed", "Examples (Derivatives of vector element-wise binary operators)")
LOSS = Source("seed", "The gradient of the neural network loss function")


# -- quadratic and bilinear forms ---------------------------------------------------------

misconception__quadratic_form__half_gradient = Identity(
    name="misconception__quadratic_form__half_gradient",
    statement=r"\frac{\partial\, x^\top A x}{\partial x} = x^\top A"
    r"\quad\text{(A symmetric)}",
    source=FORMULAS,
    conditions="A is n x n symmetric and does not depend on x",
    inputs={"x": vector("n"), "A": matrix("n", "n", "symmetric")},
    wrt="x",
    function=lambda x, A: x @ A @ x,
    claimed=lambda x, A: x @ A,
    holds=False,
    counterpart="quadratic_form__symmetric_A",
    lesson="x appears twice in x^T A x, and the product rule differentiates each "
    "occurrence: d(x^T A x) = dx^T A x + x^T A dx = x^T (A + A^T) dx. Writing x^T A "
    "keeps one of the two terms, half the gradient; for a symmetric A the true "
    "derivative is 2 x^T A (for a general A, x^T (A + A^T)). The wrong form holds "
    "only where x^T A = 0, where both sides vanish; already the 1 x 1 case "
    "d(a x^2)/dx = 2 a x shows the missing 2.",
)

misconception__bilinear_form__wrt_y_without_transpose = Identity(
    name="misconception__bilinear_form__wrt_y_without_transpose",
    statement=r"\alpha = y^\top A x \implies \frac{\partial \alpha}{\partial y} = x^\top A",
    source=FORMULAS,
    conditions="x, y are n x 1, A is n x n (square, so that x^T A has the right shape), "
    "not assumed symmetric; A and x do not depend on y",
    inputs={"y": vector("n"), "A": matrix("n", "n"), "x": vector("n")},
    wrt="y",
    function=lambda y, A, x: y @ A @ x,
    claimed=lambda y, A, x: x @ A,
    holds=False,
    counterpart="bilinear_form__wrt_y",
    lesson="alpha = y^T A x is a scalar, so it equals its transpose x^T A^T y, which is "
    "linear in y with the row x^T A^T in front: d alpha/dy = x^T A^T. Dropping the "
    "transpose differentiates as if y stood to the right of A. For a non-square A "
    "the shapes already object (x^T A does not exist); for a square A only the "
    "values do. The wrong form holds when A is symmetric, or when "
    "x^T (A - A^T) = 0 (for instance n = 1).",
)

misconception__squared_norm__missing_2 = Identity(
    name="misconception__squared_norm__missing_2",
    statement=r"\frac{\partial\, x^\top x}{\partial x} = x^\top",
    source=FORMULAS,
    conditions="x is n x 1",
    inputs={"x": vector("n")},
    wrt="x",
    function=lambda x: x @ x,
    claimed=lambda x: x,
    holds=False,
    counterpart="squared_norm",
    lesson="x^T x = sum_i x_i^2, and d(x_i^2)/dx_i = 2 x_i: the derivative is 2 x^T. "
    "x^T alone differentiates only one of the two factors of x^T x (the product rule "
    "gives dx^T x + x^T dx = 2 x^T dx). It is x^T x / 2 whose derivative is x^T, "
    "which is why a 1/2 is often put in front of a squared error. The wrong form "
    "holds only at x = 0.",
)

# -- layout ---------------------------------------------------------------------------------


def _f_g(v):
    """The seed's pair f(x, y) = 3x^2 y, g(x, y) = 2x + 4y^2, as one vector v = (x, y)."""
    x, y = v
    return torch.stack([3 * x**2 * y, 2 * x + 4 * y**2])


misconception__jacobian__denominator_layout_given = Identity(
    name="misconception__jacobian__denominator_layout_given",
    statement=r"J = \frac{\partial (f, g)}{\partial (x, y)} = "
    r"\begin{bmatrix}6xy & 2\\ 3x^2 & 8y\end{bmatrix}"
    r"\quad\text{(asked in numerator layout)}",
    source=JACOBIAN,
    conditions="f(x, y) = 3x^2 y, g(x, y) = 2x + 4y^2; v = (x, y); the Jacobian is asked "
    "in numerator layout (one row per output)",
    inputs={"v": vector(2)},
    wrt="v",
    function=_f_g,
    claimed=lambda v: torch.stack(
        [
            torch.stack([6 * v[0] * v[1], torch.ones_like(v[0]) * 2]),
            torch.stack([3 * v[0] ** 2, 8 * v[1]]),
        ]
    ),
    holds=False,
    counterpart="jacobian__example__numerator",
    lesson="In numerator layout row i is the gradient of output i: the rows are "
    "grad f = [6xy, 3x^2] and grad g = [2, 8y]. The matrix with those gradients as "
    "columns is the denominator-layout Jacobian, the transpose. Both layouts are in "
    "use, so a formula copied from a source in the other layout comes out "
    "transposed. For a Jacobian that is not symmetric (here the entries 3x^2 and 2 "
    "differ) the transpose is a different matrix; the two agree only where the "
    "Jacobian is symmetric (here where 3x^2 = 2), and for scalar-by-scalar "
    "derivatives.",
)

# -- element-wise operators -----------------------------------------------------------------

misconception__elementwise_div__wrt_x_wrong_sign = Identity(
    name="misconception__elementwise_div__wrt_x_wrong_sign",
    statement=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{x}} = "
    r"\mathrm{diag}\left(\dots \frac{w_i}{x_i^2} \dots\right)",
    source=ELEMENTWISE,
    conditions="x_i != 0",
    inputs={"w": vector("n"), "x": vector("n", "nonzero")},
    wrt="x",
    function=lambda w, x: w / x,
    claimed=lambda w, x: torch.diag(w / x**2),
    holds=False,
    counterpart="elementwise__div__wrt_x",
    lesson="w_i / x_i = w_i x_i^(-1), and d(x^(-1))/dx = -x^(-2): the derivative is "
    "diag(-w_i / x_i^2). Increasing the divisor decreases the quotient (for w_i > 0), "
    "so the slope must be negative there; the power rule brings down the exponent "
    "-1, sign included. The wrong sign holds only where w_i = 0 for every i.",
)

misconception__elementwise_div__wrt_x_as_reciprocal_of_w = Identity(
    name="misconception__elementwise_div__wrt_x_as_reciprocal_of_w",
    statement=r"\frac{\partial(\mathbf{w} \oslash \mathbf{x})}{\partial \mathbf{x}} = "
    r"\mathrm{diag}\left(\dots \frac{1}{w_i} \dots\right)",
    source=ELEMENTWISE,
    conditions="w_i != 0, x_i != 0",
    inputs={"w": vector("n", "nonzero"), "x": vector("n", "nonzero")},
    wrt="x",
    function=lambda w, x: w / x,
    claimed=lambda w, x: torch.diag(1 / w),
    holds=False,
    counterpart="elementwise__div__wrt_x",
    lesson="diag(1/w_i) is the Jacobian of x / w, the quotient the other way round, in "
    "which x is the numerator and enters linearly. In w / x the variable is the "
    "divisor: w_i / x_i = w_i x_i^(-1), whose derivative is -w_i / x_i^2, so the "
    "Jacobian is diag(-w_i / x_i^2). The two would agree only where "
    "x_i^2 = -w_i^2, which no real nonzero w_i allows: the wrong form never holds.",
)

misconception__elementwise_mul__full_jacobian = Identity(
    name="misconception__elementwise_mul__full_jacobian",
    statement=r"\frac{\partial(\mathbf{w} \otimes \mathbf{x})}{\partial \mathbf{w}} = "
    r"\vec{1}\, \mathbf{x}^\top = "
    r"\begin{bmatrix}\mathbf{x}^\top\\ \vdots\\ \mathbf{x}^\top\end{bmatrix}",
    source=ELEMENTWISE,
    conditions="w, x are n x 1",
    inputs={"w": vector("n"), "x": vector("n")},
    wrt="w",
    function=lambda w, x: w * x,
    claimed=lambda w, x: torch.ones(w.shape[0], 1) * x[None, :],
    holds=False,
    counterpart="elementwise__mul__wrt_w",
    lesson="Output i of w (x) x is w_i x_i: it depends on w_i only, so dy_i/dw_j = 0 for "
    "j != i and the Jacobian is diagonal, diag(x). A full matrix with x^T in every "
    "row is the derivative as if each output were the dot product w . x = sum_j "
    "w_j x_j. The two agree only for n = 1 (a 1 x 1 Jacobian is its own diagonal) "
    "or at x = 0; from n = 2 the off-diagonal entries x_j betray it.",
)

# -- the product rule -----------------------------------------------------------------------

misconception__inner_product__product_rule_term_missing = Identity(
    name="misconception__inner_product__product_rule_term_missing",
    statement=r"\alpha = y^\top x \implies \frac{\partial \alpha}{\partial z} = "
    r"y^\top \frac{\partial x}{\partial z}\quad\text{(x and y both depend on z)}",
    source=FORMULAS,
    conditions="x = B z and y = C z, both n x 1 functions of the p-vector z (linear maps, "
    "drawn as matrices so that the counterexample is plain numbers)",
    inputs={"z": vector("p"), "B": matrix("n", "p"), "C": matrix("n", "p")},
    wrt="z",
    function=lambda z, B, C: (C @ z) @ (B @ z),
    claimed=lambda z, B, C: (C @ z) @ B,
    holds=False,
    counterpart="composite__inner_product_wrt_z",
    lesson="When both factors depend on z, the product rule has a term for each: "
    "d(y^T x)/dz = x^T dy/dz + y^T dx/dz. y^T dx/dz treats y as a constant and "
    "keeps one term only. It is right when y does not depend on z (dy/dz = 0), "
    "which is the bilinear-form rule y^T A x with a fixed y; otherwise the missing "
    "term x^T dy/dz is as large as the one kept (here, with x = Bz and y = Cz, the "
    "truth is (Cz)^T B + (Bz)^T C).",
)

# -- the loss of a ReLU neuron --------------------------------------------------------------


def _samples(w, b, R, z):
    """Samples x_i = r_i + (z_i - b - w.r_i) w / (w.w), so that w.x_i + b = z_i exactly
    (the construction of the loss module, kept here so that this module stands alone)."""
    return R + torch.outer(w, (z - b - w @ R) / (w @ w))


LOSS_INPUTS = {
    "w": vector("n", "nonzero"),
    "b": scalar(),
    "y": vector("N"),
    "X": derived(_samples, R=matrix("n", "N"), z=vector("N", "nonzero")),
}
LOSS_CONDITIONS = (
    "C(w, b) = (1/N) sum_i (y_i - max(0, w.x_i + b))^2, X = [x_1 ... x_N]; "
    "every w.x_i + b != 0 by construction (0.5 <= |w.x_i + b| <= 4)"
)


def _mse_relu(w, b, y, X):
    return ((y - torch.relu(w @ X + b)) ** 2).mean()


misconception__loss__grad_w_without_relu_mask = Identity(
    name="misconception__loss__grad_w_without_relu_mask",
    statement=r"\frac{\partial C}{\partial w} = \frac{1}{N} \sum_{i=1}^N "
    r"-2(y_i - (w \cdot x_i + b))\, x_i^\top"
    r"\quad\text{(no case for } w \cdot x_i + b \le 0\text{)}",
    source=LOSS,
    conditions=LOSS_CONDITIONS,
    inputs=LOSS_INPUTS,
    wrt="w",
    function=_mse_relu,
    claimed=lambda w, b, y, X: (-2 * (y - (w @ X + b)) * X).sum(dim=1) / X.shape[1],
    holds=False,
    counterpart="loss__grad_w",
    lesson="The ReLU's derivative is 0 where w.x_i + b <= 0: an inactive sample's "
    "activation is 0 whatever w is, so it contributes nothing to dC/dw. The sum "
    "over every sample is the gradient of the linear model's loss, "
    "(1/N) sum_i (y_i - w.x_i - b)^2, with the ReLU left out. The true gradient keeps "
    "the mask: (1/N) sum over the active samples (w.x_i + b > 0) of "
    "-2(y_i - (w.x_i + b)) x_i^T. The wrong form holds when every sample is active, "
    "or when every inactive sample happens to have y_i = w.x_i + b.",
)

misconception__loss__grad_w_without_mean = Identity(
    name="misconception__loss__grad_w_without_mean",
    statement=r"\frac{\partial C}{\partial w} = \sum_{i=1}^N \begin{cases} "
    r"\vec{0}^\top & w \cdot x_i + b \le 0 \\ "
    r"-2(y_i - (w \cdot x_i + b))\, x_i^\top & w \cdot x_i + b > 0 \end{cases}"
    r"\quad\text{(no } 1/N\text{)}",
    source=LOSS,
    conditions=LOSS_CONDITIONS,
    inputs=LOSS_INPUTS,
    wrt="w",
    function=_mse_relu,
    claimed=lambda w, b, y, X: (
        torch.where(w @ X + b > 0, -2 * (y - (w @ X + b)), torch.zeros_like(y)) @ X.T
    ),
    holds=False,
    counterpart="loss__grad_w",
    lesson="The loss is a mean, C = (1/N) sum_i (y_i - max(0, w.x_i + b))^2, and "
    "differentiation is linear, so the 1/N stays in front of the gradient. Without "
    "it the gradient is N times too large: the gradient of the summed squared error, "
    "not of the mean (with plain gradient descent, the same as a learning rate N "
    "times larger). The wrong form holds for a single sample (N = 1), which is why "
    "the smallest counterexample has N = 2, and where the gradient is 0.",
)

# -- matrix functions (Matrix Cookbook) -----------------------------------------------------

misconception__cookbook_070__outer_product_swapped = Identity(
    name="misconception__cookbook_070__outer_product_swapped",
    statement=r"\frac{\partial a^T X b}{\partial X} = b a^T",
    source=cookbook("70"),
    reading="a common misreading: the outer product a b^T written in the other order; "
    "X square so that both orders have its shape",
    conditions="X is n x n, not assumed symmetric; a, b are n x 1",
    inputs={"X": matrix("n", "n"), "a": vector("n"), "b": vector("n")},
    wrt="X",
    form="gradient",
    function=lambda X, a, b: a @ X @ b,
    claimed=lambda X, a, b: torch.outer(b, a),
    holds=False,
    counterpart="cookbook_070__a_T_X_b",
    lesson="a^T X b = sum_ij a_i X_ij b_j, so d/dX_ij = a_i b_j: the gradient (shaped like "
    "X) is a b^T, with a, which multiplies the rows of X, in front. b a^T is its "
    "transpose, the gradient with respect to X^T. For a non-square X the shapes "
    "already object; for a square X only the values do. The wrong form holds when "
    "a b^T is symmetric: n = 1, or b a multiple of a.",
)

misconception__cookbook_100__trace_gradient_without_transpose = Identity(
    name="misconception__cookbook_100__trace_gradient_without_transpose",
    statement=r"\frac{\partial\, \mathrm{Tr}(AX)}{\partial X} = A",
    source=cookbook("100"),
    reading="a common misreading: (100) without the transpose (Tr(AX) = Tr(XA)); the "
    "gradient shaped like X, the Cookbook's convention",
    conditions="A, X are n x n, not assumed symmetric",
    inputs={"X": matrix("n", "n"), "A": matrix("n", "n")},
    wrt="X",
    form="gradient",
    function=lambda X, A: torch.trace(A @ X),
    claimed=lambda X, A: A,
    holds=False,
    counterpart="cookbook_100__trace_XA",
    lesson="Tr(AX) = sum_ij A_ji X_ij, so d/dX_ij = A_ji: the gradient shaped like X is "
    "A^T (Cookbook (100), with Tr(AX) = Tr(XA)). A itself is the derivative arranged "
    "the other way (the Jacobian d Tr(AX) / d vec(X) read in numerator layout, or "
    "the differential d Tr(AX) = Tr(A dX), whose 'coefficient' A pairs with dX "
    "through a trace, not entry by entry). The two agree only when A is symmetric "
    "(n = 1 included).",
)

misconception__cookbook_057__log_det_gradient_without_transpose = Identity(
    name="misconception__cookbook_057__log_det_gradient_without_transpose",
    statement=r"\frac{\partial \ln \det X}{\partial X} = X^{-1}",
    source=cookbook("57"),
    reading="a common misreading: (57) without the transpose, for a non-symmetric X with det X > 0",
    conditions="X is n x n, not symmetric, det X > 0 (diagonally dominant, positive diagonal)",
    inputs={"X": matrix("n", "n", "positive_determinant")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.logdet(X),
    claimed=lambda X: torch.linalg.inv(X),
    holds=False,
    counterpart="cookbook_057__log_abs_det",
    lesson="d ln det X = Tr(X^(-1) dX) (Cookbook (43)) = sum_ij (X^(-1))_ji dX_ij, so the "
    "gradient shaped like X is (X^(-1))^T = X^(-T) (Cookbook (57)). X^(-1) is right "
    "for a symmetric X, for which X^(-1) is symmetric too, and that is where it is "
    "usually met: covariance and precision matrices in Gaussian likelihoods. For a "
    "general X the transpose matters; the two agree only when X^(-1) is symmetric "
    "(n = 1 included).",
)

misconception__cookbook_040__inverse_differential_commuted = Identity(
    name="misconception__cookbook_040__inverse_differential_commuted",
    statement=r"\partial(X^{-1}) = -X^{-2}\, \partial X",
    source=cookbook("40"),
    reading="a common misreading: (40) with the factors of -X^(-1) (dX) X^(-1) commuted, "
    "as for scalars",
    conditions="X is n x n invertible (diagonally dominant); the differential along a "
    "general direction dX",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="differential",
    function=lambda X: torch.linalg.inv(X),
    claimed=lambda X, dX: -torch.linalg.inv(X) @ torch.linalg.inv(X) @ dX,
    holds=False,
    counterpart="cookbook_040__inverse",
    lesson="For scalars d(1/x) = -dx / x^2, but matrices do not commute. Differentiate "
    "X X^(-1) = I: dX X^(-1) + X d(X^(-1)) = 0, so d(X^(-1)) = -X^(-1) dX X^(-1), with "
    "dX between the two inverses (Cookbook (40)). -X^(-2) dX moves dX to the right "
    "as if it commuted with X^(-1). The two agree when dX commutes with X^(-1): "
    "n = 1, dX a multiple of the identity, or dX a polynomial in X.",
)

misconception__cookbook_049__det_gradient_as_trace = Identity(
    name="misconception__cookbook_049__det_gradient_as_trace",
    statement=r"\frac{\partial \det X}{\partial X} = \det(X)\, \mathrm{Tr}(X^{-1})"
    r"\quad\text{(the same value in every entry)}",
    source=cookbook("49"),
    reading="a common misreading: Jacobi's formula d det X = det(X) Tr(X^(-1) dX) with dX "
    "dropped, the scalar spread over every entry of the gradient",
    conditions="X is n x n invertible (diagonally dominant), not symmetric",
    inputs={"X": matrix("n", "n", "invertible")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.linalg.det(X),
    claimed=lambda X: torch.linalg.det(X) * torch.trace(torch.linalg.inv(X)) * torch.ones_like(X),
    holds=False,
    counterpart="cookbook_049__det",
    lesson="Jacobi's formula d det X = det(X) Tr(X^(-1) dX) pairs X^(-1) with the "
    "direction dX inside the trace: entry (i, j) of the gradient is what multiplies "
    "dX_ij, det(X) (X^(-1))_ji, so the gradient is det(X) X^(-T) (Cookbook (49)), the "
    "transposed adjugate. Taking the trace of X^(-1) alone drops dX and leaves one "
    "number, det(X) Tr(X^(-1)) = Tr(adj X); spread over every entry, it says that "
    "every entry of X moves det X equally, and gives for the identity a gradient of "
    "all n's instead of I. It holds for 1 x 1 matrices only (det(x) Tr(1/x) = 1).",
)
