"""The L2 loss of a ReLU neuron (seed: "The gradient of the neural network loss function").

C(w, b, X, y) = (1/N) sum_i (y_i - max(0, w.x_i + b))^2, X = [x_1 ... x_N] (n x N, one
sample a column), y an N-vector. Every w.x_i + b is kept away from the kink by construction:
each column of a drawn matrix is moved along w until w.x_i + b equals a drawn nonzero z_i.
"""

import torch

from identities.spec import Identity, Source, derived, matrix, scalar, vector

SLIDE = Source("seed", "The gradient of the neural network loss function")


def _samples(w, b, R, z):
    """X from the columns r_i of R: x_i = r_i + (z_i - b - w.r_i) w / (w.w), so w.x_i + b = z_i."""
    return R + torch.outer(w, (z - b - w @ R) / (w @ w))


INPUTS = {
    "w": vector("n", "nonzero"),  # w.w >= 0.25 n: the shift along w is well defined
    "b": scalar(),
    "y": vector("N"),
    "X": derived(_samples, R=matrix("n", "N"), z=vector("N", "nonzero")),
}
AWAY = "every w.x_i + b != 0 by construction (0.5 <= |w.x_i + b| <= 4), signs mixed"


def loss(w, b, y, X):
    return ((y - torch.relu(w @ X + b)) ** 2).mean()


def _mean_of_cases(s, if_positive, otherwise):
    """(1/N) sum_i of the seed's cases on s_i = w.x_i + b: ``otherwise(i)`` where s_i <= 0,
    ``if_positive(i)`` where s_i > 0."""
    N = len(s)
    return sum(torch.where(s[i] > 0, if_positive(i), otherwise(i)) for i in range(N)) / N


# The claims, with s_i = w.x_i + b for every sample i.
def grad_w_substituted(w, b, y, X):
    s = w @ X + b
    return _mean_of_cases(s, lambda i: -2 * (y[i] - s[i]) * X[:, i], lambda i: torch.zeros_like(w))


def grad_w_unsubstituted(w, b, y, X):
    s = w @ X + b
    return _mean_of_cases(
        s, lambda i: -2 * (y[i] - torch.relu(s[i])) * X[:, i], lambda i: torch.zeros_like(w)
    )


def grad_b(w, b, y, X):
    s = w @ X + b
    return _mean_of_cases(s, lambda i: 2 * (s[i] - y[i]), lambda i: torch.zeros_like(b))


loss__grad_w = Identity(
    name="loss__grad_w",
    statement=r"\frac{\partial C}{\partial w} = \frac{1}{N} \sum_{i=1}^N \begin{cases} "
    r"\vec{0}^\top & w \cdot x_i + b \le 0 \\ "
    r"-2(y_i - (w \cdot x + b))\, x_i^\top & w \cdot x_i + b > 0 \end{cases}",
    source=SLIDE,
    conditions=AWAY + "; the seed writes w.x + b without the index i inside the case, "
    "read as w.x_i + b",
    inputs=INPUTS,
    wrt="w",
    function=loss,
    claimed=grad_w_substituted,
)

loss__grad_w_unsubstituted = Identity(
    name="loss__grad_w_unsubstituted",
    statement=r"\frac{\partial C}{\partial w} = \frac{1}{N} \sum_{i=1}^N \begin{cases} "
    r"\vec{0}^\top & w \cdot x_i + b \le 0 \\ "
    r"-2(y_i - \max(0, w \cdot x + b))\, x_i^\top & w \cdot x_i + b > 0 \end{cases}",
    source=SLIDE,
    conditions=AWAY + "; the seed writes w.x + b without the index i inside the case, "
    "read as w.x_i + b",
    inputs=INPUTS,
    wrt="w",
    function=loss,
    claimed=grad_w_unsubstituted,
)

loss__grad_b = Identity(
    name="loss__grad_b",
    statement=r"\frac{\partial C}{\partial b} = \frac{1}{N} \sum_{i=1}^N \begin{cases} "
    r"0 & w \cdot x_i + b \le 0 \\ "
    r"2 (w \cdot x_i + b - y_i) & w \cdot x_i + b > 0 \end{cases}",
    source=SLIDE,
    conditions=AWAY,
    inputs=INPUTS,
    wrt="b",
    function=loss,
    claimed=grad_b,
)

# -- the intermediate variables u_i = max(0, w.x_i + b) and v_i = y_i - u_i, all i at once:
# row i of each Jacobian is the seed's derivative for sample x_i.
loss__activation_wrt_w = Identity(
    name="loss__activation_wrt_w",
    statement=r"\frac{\partial u(w, b, x)}{\partial w} = \begin{cases} "
    r"\vec{0}^\top & w \cdot x + b \le 0 \\ x^\top & w \cdot x + b > 0 \end{cases},"
    r"\quad u(w, b, x_i) = \max(0, w \cdot x_i + b)",
    source=SLIDE,
    conditions=AWAY + "; checked for every sample at once (row i is du_i/dw)",
    inputs=INPUTS,
    wrt="w",
    function=lambda w, b, y, X: torch.relu(w @ X + b),
    claimed=lambda w, b, y, X: torch.where((w @ X + b > 0)[:, None], X.T, torch.zeros_like(X.T)),
)

loss__residual_wrt_w = Identity(
    name="loss__residual_wrt_w",
    statement=r"\frac{\partial v(y, u)}{\partial w} = \vec{0}^\top - \frac{\partial u}"
    r"{\partial w} = \begin{cases} \vec{0}^\top & w \cdot x + b \le 0 \\ "
    r"-x^\top & w \cdot x + b > 0 \end{cases},\quad v(y, u) = y - u",
    source=SLIDE,
    conditions=AWAY + "; checked for every sample at once (row i is dv_i/dw)",
    inputs=INPUTS,
    wrt="w",
    function=lambda w, b, y, X: y - torch.relu(w @ X + b),
    claimed=lambda w, b, y, X: torch.where((w @ X + b > 0)[:, None], -X.T, torch.zeros_like(X.T)),
)
