"""Parr and Howard, "The Matrix Calculus You Need For Deep Learning" (arXiv 1802.01528):
section 6, the gradient of the neural network loss C(w, b, X, y) = (1/N) sum_i
(y_i - max(0, w . x_i + b))^2 with respect to the weights (6.1) and the bias (6.2), and
the bias folded into the weights.

X = [x_1, ..., x_N]^T is N x n, one sample a row, as the source writes it; y holds the N
targets. Every w . x_i + b is built at a distance from the ReLU kink: each row of a drawn
matrix is moved along w until w . x_i + b equals a drawn z_i with 0.5 <= |z_i| <= 4. The
per-sample rules (u, v of one sample) are checked away from the kink and at it, where only
autograd's convention can be checked (torch.relu: the source's z <= 0 branch).
"""

import torch

from identities.notation import away_and_at_kink
from identities.spec import Identity, Source, derived, matrix, scalar, vector

DOC = "parr-howard-2018"


def _samples(w, b, R, z):
    """X from the rows r_i of R: x_i = r_i + (z_i - b - w . r_i) w / (w . w), so that
    w . x_i + b = z_i."""
    return R + torch.outer((z - b - R @ w) / (w @ w), w)


def _batch(z_domain):
    """w, b, the targets y and the samples X with w . x_i + b drawn in ``z_domain``."""
    return {
        "w": vector("n", "nonzero"),  # w . w >= 0.25 n: the shift along w is well defined
        "b": scalar(),
        "y": vector("N"),
        "X": derived(_samples, R=matrix("N", "n"), z=vector("N", z_domain)),
    }


#: Activations of both signs, mixed within a batch.
MIXED = _batch("nonzero")
#: Every activation nonzero: w . x_i + b > 0 for every sample.
ACTIVE = _batch("positive")
MIXED_TEXT = "every w . x_i + b != 0 by construction (0.5 <= |w . x_i + b| <= 4), signs mixed"
NONZERO_ACTIVATION = (
    "'For the nonzero activation cases' read as: every sample's activation "
    "is nonzero, w . x_i + b > 0 for all i (built so), the case in which "
    "the sum over all N samples is the derivative."
)

#: One sample: u(w, b, x) = max(0, w . x + b), v(y, u) = y - u.
AWAY = {
    "w": vector("n"),
    "x": vector("n"),
    "y": scalar(),
    "b": derived(lambda w, x, z: z - w @ x, z=scalar("nonzero")),
}
KINK = {"w": vector("n"), "x": vector("n"), "y": scalar(), "b": derived(lambda w, x: -(w @ x))}
AWAY_TEXT = "w . x + b != 0 by construction (0.5 <= |w . x + b| <= 4), both signs"
KINK_TEXT = (
    "w . x + b = 0 exactly (b = -w . x): the case <= 0 at its boundary, where "
    "max(0, z) has no derivative; the source's value, checked against autograd "
    "only (torch.relu)"
)


def _cases(z, if_positive, otherwise):
    """The source's piecewise derivative: ``otherwise`` for z <= 0, ``if_positive`` for z > 0."""
    return torch.where(z > 0, if_positive, otherwise)


def _piecewise(ref, name, statement, wrt, function, claimed):
    """A per-sample rule: one spec away from the kink, one at it (torch.relu's convention)."""
    return away_and_at_kink(
        DOC,
        ref,
        name,
        statement,
        wrt,
        function,
        claimed,
        away=AWAY,
        away_text=AWAY_TEXT,
        kink=KINK,
        kink_text=KINK_TEXT,
    )


def _u(w, b, x):
    return torch.relu(w @ x + b)


def cost(w, b, y, X):
    """C = (1/N) sum_i (y_i - max(0, w . x_i + b))^2."""
    return ((y - torch.relu(X @ w + b)) ** 2).mean()


def _mean_of_cases(s, if_positive, otherwise):
    """(1/N) sum_i of the cases on s_i = w . x_i + b, inside the sum: ``otherwise(i)`` where
    s_i <= 0, ``if_positive(i)`` where s_i > 0."""
    N = s.shape[0]
    return sum(torch.where(s[i] > 0, if_positive(i), otherwise(i)) for i in range(N)) / N


# -- section 6.1: the gradient with respect to the weights ------------------------------------
PER_SAMPLE = [
    *_piecewise(
        "PH-6.1.1",
        "u_wrt_w",
        r"\frac{\partial }{\partial \mathbf{w}} u(\mathbf{w},b,\mathbf{x}) = \begin{cases} "
        r"\overrightarrow{\mathbf 0}^T & \mathbf{w} \cdot \mathbf{x} + b \leq 0\\ "
        r"\mathbf{x}^T & \mathbf{w} \cdot \mathbf{x} + b > 0 \end{cases}",
        "w",
        lambda w, x, y, b: _u(w, b, x),
        lambda w, x, y, b: _cases(w @ x + b, x, torch.zeros_like(x)),
    ),
    *_piecewise(
        "PH-6.1.2",
        "v_wrt_w",
        r"\frac{\partial v(y,u)}{\partial \mathbf{w}} = \overrightarrow{\mathbf 0}^T - "
        r"\frac{\partial u}{\partial \mathbf{w}} = \begin{cases} \overrightarrow{\mathbf 0}^T "
        r"& \mathbf{w} \cdot \mathbf{x} + b \leq 0\\ -\mathbf{x}^T & \mathbf{w} \cdot "
        r"\mathbf{x} + b > 0 \end{cases}",
        "w",
        lambda w, x, y, b: y - _u(w, b, x),
        lambda w, x, y, b: _cases(w @ x + b, -x, torch.zeros_like(x)),
    ),
]


def _dv_dw(w, b, X, i):
    """dv_i/dw from PH-6.1.2: -x_i^T where w . x_i + b > 0, 0^T otherwise."""
    return _cases(X[i] @ w + b, -X[i], torch.zeros_like(w))


ph_6_1_3__chain = Identity(
    name="ph_6_1_3__chain",
    statement=r"\frac{\partial C(v)}{\partial \mathbf{w}} = \frac{1}{N} \sum_{i=1}^N "
    r"\frac{\partial v^2}{\partial v} \frac{\partial v}{\partial \mathbf{w}} = "
    r"\frac{1}{N} \sum_{i=1}^N 2v \frac{\partial v}{\partial \mathbf{w}}",
    source=Source(DOC, "PH-6.1.3"),
    conditions=MIXED_TEXT + "; v read as v_i = y_i - max(0, w . x_i + b) inside the sum, "
    "dv_i/dw as in PH-6.1.2",
    inputs=MIXED,
    wrt="w",
    function=cost,
    claimed=lambda w, b, y, X: (
        sum(2 * (y[i] - torch.relu(X[i] @ w + b)) * _dv_dw(w, b, X, i) for i in range(X.shape[0]))
        / X.shape[0]
    ),
)

ph_6_1_3__cases_with_max = Identity(
    name="ph_6_1_3__cases_with_max",
    statement=r"\frac{\partial C(v)}{\partial \mathbf{w}} = \frac{1}{N} \sum_{i=1}^N "
    r"\begin{cases} \overrightarrow{\mathbf 0}^T & \mathbf{w} \cdot \mathbf{x}_i + "
    r"b \leq 0\\ -2(y_i-max(0, \mathbf{w}\cdot\mathbf{x}_i+b))\mathbf{x}_i^T & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.1.3"),
    conditions=MIXED_TEXT + " (the lines with -2v x_i^T and -2(y_i - u) x_i^T are this one "
    "with v = y_i - u, u = max(0, w . x_i + b))",
    inputs=MIXED,
    wrt="w",
    function=cost,
    claimed=lambda w, b, y, X: _mean_of_cases(
        X @ w + b,
        lambda i: -2 * (y[i] - torch.relu(X[i] @ w + b)) * X[i],
        lambda i: torch.zeros_like(w),
    ),
)

ph_6_1_3__cases_substituted = Identity(
    name="ph_6_1_3__cases_substituted",
    statement=r"\frac{\partial C(v)}{\partial \mathbf{w}} = \frac{1}{N} \sum_{i=1}^N "
    r"\begin{cases} \overrightarrow{\mathbf 0}^T & \mathbf{w} \cdot \mathbf{x}_i + "
    r"b \leq 0\\ -2(y_i-(\mathbf{w}\cdot\mathbf{x}_i+b))\mathbf{x}_i^T & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.1.3"),
    conditions=MIXED_TEXT,
    inputs=MIXED,
    wrt="w",
    function=cost,
    claimed=lambda w, b, y, X: _mean_of_cases(
        X @ w + b, lambda i: -2 * (y[i] - (X[i] @ w + b)) * X[i], lambda i: torch.zeros_like(w)
    ),
)


def _cases_outside_the_sum(w, b, y, X):
    """The last lines as printed: 0^T when w . x_i + b <= 0 (for every i, the only batch for
    which the first case can be meant), else (2/N) sum over all N samples."""
    s = X @ w + b
    full_sum = 2 / X.shape[0] * ((s - y)[:, None] * X).sum(dim=0)
    return torch.where((s <= 0).all(), torch.zeros_like(w), full_sum)


ph_6_1_3__cases_outside_the_sum = Identity(
    name="ph_6_1_3__cases_outside_the_sum",
    statement=r"\frac{\partial C(v)}{\partial \mathbf{w}} = \begin{cases} "
    r"\overrightarrow{\mathbf 0}^T & \mathbf{w} \cdot \mathbf{x}_i + b \leq 0\\ "
    r"\frac{2}{N} \sum_{i=1}^N (\mathbf{w}\cdot\mathbf{x}_i+b-y_i)\mathbf{x}_i^T & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.1.3"),
    conditions=MIXED_TEXT + "; the cases name x_i outside the sum over i: the first case "
    "taken when w . x_i + b <= 0 for every i, the second otherwise; N = 2 or 3 "
    "samples (a single sample is always on one side of the kink)",
    inputs=MIXED,
    wrt="w",
    function=cost,
    dims={"N": (2, 3)},
    claimed=_cases_outside_the_sum,
    holds=False,
    counterpart="ph_6_1_3__cases_inside_the_sum",
    lesson="The last two lines pull the cases out of the sum, but the condition "
    "w . x_i + b > 0 belongs to each sample: it cannot be decided once for the whole "
    "sum. When the activations of a batch have mixed signs, no choice of case is "
    "right: 0^T misses the active samples, and (2/N) sum over all N samples adds the "
    "inactive samples' terms (w . x_i + b - y_i) x_i^T, which the ReLU has zeroed "
    "(for them u = 0 does not depend on w). The gradient keeps the cases inside the "
    "sum: (2/N) sum_i [w . x_i + b > 0] (w . x_i + b - y_i) x_i^T, a sum over the "
    "active samples only. The printed form is right when every sample is on the same "
    "side of the kink (all active, or all inactive).",
)

ph_6_1_3__cases_inside_the_sum = Identity(
    name="ph_6_1_3__cases_inside_the_sum",
    statement=r"\frac{\partial C(v)}{\partial \mathbf{w}} = \frac{2}{N} \sum_{i=1}^N "
    r"\begin{cases} \overrightarrow{\mathbf 0}^T & \mathbf{w} \cdot \mathbf{x}_i + "
    r"b \leq 0\\ (\mathbf{w}\cdot\mathbf{x}_i+b-y_i)\mathbf{x}_i^T & \mathbf{w} "
    r"\cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.1.3"),
    conditions=MIXED_TEXT,
    reading="The cases kept inside the sum over i, as in the lines above the last two: only "
    "the samples with w . x_i + b > 0 contribute.",
    inputs=MIXED,
    wrt="w",
    function=cost,
    claimed=lambda w, b, y, X: (
        2
        * _mean_of_cases(
            X @ w + b, lambda i: (X[i] @ w + b - y[i]) * X[i], lambda i: torch.zeros_like(w)
        )
    ),
)

ph_6_1_4__error_form = Identity(
    name="ph_6_1_4__error_form",
    statement=r"\frac{\partial C}{\partial \mathbf{w}} = \frac{2}{N} \sum_{i=1}^N "
    r"e_i\mathbf{x}_i^T\quad\text{(for the nonzero activation cases)},\quad "
    r"e_i = \mathbf{w}\cdot\mathbf{x}_i+b-y_i",
    source=Source(DOC, "PH-6.1.4"),
    conditions="as stated: for the nonzero activation cases",
    reading=NONZERO_ACTIVATION,
    inputs=ACTIVE,
    wrt="w",
    function=cost,
    claimed=lambda w, b, y, X: 2 / X.shape[0] * ((X @ w + b - y)[:, None] * X).sum(dim=0),
)

ph_6_1_5__one_sample = Identity(
    name="ph_6_1_5__one_sample",
    statement=r"\frac{\partial C}{\partial \mathbf{w}} = 2e_1\mathbf{x}_1^T\quad(N = 1)",
    source=Source(DOC, "PH-6.1.5"),
    conditions="N = |X| = 1; e_1 = w . x_1 + b - y_1; the nonzero activation case of PH-6.1.4",
    reading=NONZERO_ACTIVATION,
    inputs=ACTIVE,
    wrt="w",
    dims={"N": (1, 1)},
    function=cost,
    claimed=lambda w, b, y, X: 2 * (X[0] @ w + b - y[0]) * X[0],
)

# -- section 6.2: the derivative with respect to the bias -------------------------------------
PER_SAMPLE_BIAS = [
    *_piecewise(
        "PH-6.2.2",
        "u_wrt_b",
        r"\frac{\partial u}{\partial b} = \begin{cases} 0 & \mathbf{w} \cdot \mathbf{x} + b "
        r"\leq 0\\ 1 & \mathbf{w} \cdot \mathbf{x} + b > 0 \end{cases}",
        "b",
        lambda w, x, y, b: _u(w, b, x),
        lambda w, x, y, b: _cases(w @ x + b, torch.ones_like(b), torch.zeros_like(b)),
    ),
    *_piecewise(
        "PH-6.2.3",
        "v_wrt_b",
        r"\frac{\partial v(y,u)}{\partial b} = 0 - \frac{\partial u}{\partial b} = "
        r"\begin{cases} 0 & \mathbf{w} \cdot \mathbf{x} + b \leq 0\\ -1 & \mathbf{w} \cdot "
        r"\mathbf{x} + b > 0 \end{cases}",
        "b",
        lambda w, x, y, b: y - _u(w, b, x),
        lambda w, x, y, b: _cases(w @ x + b, -torch.ones_like(b), torch.zeros_like(b)),
    ),
]

ph_6_2_4__chain = Identity(
    name="ph_6_2_4__chain",
    statement=r"\frac{\partial C(v)}{\partial b} = \frac{1}{N} \sum_{i=1}^N 2v "
    r"\frac{\partial v}{\partial b}",
    source=Source(DOC, "PH-6.2.4"),
    conditions=MIXED_TEXT + "; v read as v_i = y_i - max(0, w . x_i + b) inside the sum, "
    "dv_i/db as in PH-6.2.3",
    inputs=MIXED,
    wrt="b",
    function=cost,
    claimed=lambda w, b, y, X: _mean_of_cases(
        X @ w + b,
        lambda i: 2 * (y[i] - torch.relu(X[i] @ w + b)) * -1,
        lambda i: torch.zeros_like(b),
    ),
)

ph_6_2_4__cases_with_max = Identity(
    name="ph_6_2_4__cases_with_max",
    statement=r"\frac{\partial C(v)}{\partial b} = \frac{1}{N} \sum_{i=1}^N \begin{cases} 0 & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b \leq 0\\ -2(y_i-max(0, \mathbf{w}\cdot"
    r"\mathbf{x}_i+b)) & \mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.2.4"),
    conditions=MIXED_TEXT + " (the line with -2v is this one with v = y_i - u)",
    inputs=MIXED,
    wrt="b",
    function=cost,
    claimed=lambda w, b, y, X: _mean_of_cases(
        X @ w + b, lambda i: -2 * (y[i] - torch.relu(X[i] @ w + b)), lambda i: torch.zeros_like(b)
    ),
)

ph_6_2_4__cases_substituted = Identity(
    name="ph_6_2_4__cases_substituted",
    statement=r"\frac{\partial C(v)}{\partial b} = \frac{1}{N} \sum_{i=1}^N \begin{cases} 0 & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b \leq 0\\ 2(\mathbf{w}\cdot\mathbf{x}_i+b-y_i)"
    r" & \mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.2.4"),
    conditions=MIXED_TEXT,
    inputs=MIXED,
    wrt="b",
    function=cost,
    claimed=lambda w, b, y, X: _mean_of_cases(
        X @ w + b, lambda i: 2 * (X[i] @ w + b - y[i]), lambda i: torch.zeros_like(b)
    ),
)

ph_6_2_4__factored = Identity(
    name="ph_6_2_4__factored",
    statement=r"\frac{\partial C(v)}{\partial b} = \frac{2}{N} \sum_{i=1}^N \begin{cases} 0 & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b \leq 0\\ \mathbf{w}\cdot\mathbf{x}_i+b-y_i & "
    r"\mathbf{w} \cdot \mathbf{x}_i + b > 0 \end{cases}",
    source=Source(DOC, "PH-6.2.4"),
    conditions=MIXED_TEXT,
    inputs=MIXED,
    wrt="b",
    function=cost,
    claimed=lambda w, b, y, X: (
        2 * _mean_of_cases(X @ w + b, lambda i: X[i] @ w + b - y[i], lambda i: torch.zeros_like(b))
    ),
)

ph_6_2_5__error_form = Identity(
    name="ph_6_2_5__error_form",
    statement=r"\frac{\partial C}{\partial b} = \frac{2}{N} \sum_{i=1}^N e_i\quad"
    r"\text{(for the nonzero activation case)}",
    source=Source(DOC, "PH-6.2.5"),
    conditions="as stated: for the nonzero activation case; e_i = w . x_i + b - y_i",
    reading=NONZERO_ACTIVATION,
    inputs=ACTIVE,
    wrt="b",
    function=cost,
    claimed=lambda w, b, y, X: 2 / X.shape[0] * (X @ w + b - y).sum(),
)

ph_6_2_7__bias_folded = Identity(
    name="ph_6_2_7__bias_folded",
    statement=r"\hat{\mathbf{w}} = [\mathbf{w}^T, b]^T,\ \hat{\mathbf{x}} = [\mathbf{x}^T,1]:"
    r"\quad \mathbf{w} \cdot \mathbf{x} + b \text{ becomes } \hat{\mathbf{w}} \cdot "
    r"\hat{\mathbf{x}}",
    source=Source(DOC, "PH-6.2.7"),
    conditions="x-hat is printed as a row, [x^T, 1], w-hat as a column; the dot product does "
    "not depend on the orientation",
    inputs={"w": vector("n"), "x": vector("n"), "b": scalar()},
    form="value",
    function=lambda w, x, b: w @ x + b,
    claimed=lambda w, x, b: torch.cat([w, b.reshape(1)]) @ torch.cat([x, torch.ones(1)]),
)
