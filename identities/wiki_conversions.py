"""Wikipedia, "Matrix calculus": the table "Conversion from differential to derivative form"
(W-CV-1 to W-CV-6, the derivative in numerator layout) and the article's note 3 (W-N3).

Each conversion is checked on a concrete function whose differential has the canonical
form of the row, with the coefficient (a, a, A, ...) read off that differential in closed
form; the claim is that coefficient, as a derivative in numerator layout (form="jacobian").
"""

import torch

from identities.spec import Identity, Source, matrix, scalar, smooth_map, vector

DOC = "wikipedia-matrix-calculus"


def _conversion(ref, differential, derivative, **fields):
    """The spec of conversion row ``ref``: from ``differential`` to ``derivative``."""
    return Identity(
        name=f"wiki_{ref[2:].replace('-', '_')}__numerator",
        statement=rf"{differential}\ \Rightarrow\ {derivative}"
        r"\quad\text{(numerator layout)}",
        source=Source(DOC, ref),
        **fields,
    )


wiki_CV_1__numerator = _conversion(
    "W-CV-1",
    r"dy = a\,dx",
    r"\frac{dy}{dx} = a",
    conditions="none stated; here y = x sin x, so dy = (sin x + x cos x) dx",
    inputs={"x": scalar()},
    wrt="x",
    function=lambda x: x * torch.sin(x),
    claimed=lambda x: torch.sin(x) + x * torch.cos(x),
)


def _cv_2_a(x, b, C):
    """a with dy = a^T dx for y = b^T tanh(C x): a = C^T ((1 - tanh^2(C x)) o b)."""
    return C.T @ ((1 - torch.tanh(C @ x) ** 2) * b)


wiki_CV_2__numerator = _conversion(
    "W-CV-2",
    r"dy = \mathbf{a}^\top d\mathbf{x}",
    r"\frac{dy}{d\mathbf{x}} = \mathbf{a}^\top",
    conditions="none stated; here y = b^T tanh(C x) (tanh element-wise), so dy = a^T dx with "
    "a = C^T ((1 - tanh^2(C x)) o b)",
    inputs={"x": vector("n"), "b": vector("m"), "C": matrix("m", "n")},
    wrt="x",
    function=lambda x, b, C: b @ torch.tanh(C @ x),
    claimed=lambda x, b, C: _cv_2_a(x, b, C).reshape(1, -1),
)

wiki_CV_3__numerator = _conversion(
    "W-CV-3",
    r"dy = \operatorname{tr}(\mathbf{A}\,d\mathbf{X})",
    r"\frac{dy}{d\mathbf{X}} = \mathbf{A}",
    conditions="none stated; here y = tr(C sin(X)) (sin element-wise, X p x q, C q x p), so "
    "dy = tr(A dX) with A = C o cos(X)^T (q x p)",
    inputs={"X": matrix("p", "q"), "C": matrix("q", "p")},
    wrt="X",
    function=lambda X, C: torch.trace(C @ torch.sin(X)),
    claimed=lambda X, C: C * torch.cos(X).T,
)

wiki_CV_4__numerator = _conversion(
    "W-CV-4",
    r"d\mathbf{y} = \mathbf{a}\,dx",
    r"\frac{d\mathbf{y}}{dx} = \mathbf{a}",
    conditions="none stated; here y(x) = sin(x) p + x^2 q (p, q constant vectors), so "
    "dy = a dx with a = cos(x) p + 2 x q",
    inputs={"x": scalar(), "p": vector("m"), "q": vector("m")},
    wrt="x",
    function=lambda x, p, q: torch.sin(x) * p + x**2 * q,
    claimed=lambda x, p, q: (torch.cos(x) * p + 2 * x * q).reshape(-1, 1),
)

wiki_CV_5__numerator = _conversion(
    "W-CV-5",
    r"d\mathbf{y} = \mathbf{A}\,d\mathbf{x}",
    r"\frac{d\mathbf{y}}{d\mathbf{x}} = \mathbf{A}",
    conditions="none stated; here y = tanh(C x) + B x (tanh element-wise), so dy = A dx with "
    "A = diag(1 - tanh^2(C x)) C + B (m x n)",
    inputs={"x": vector("n"), "B": matrix("m", "n"), "C": matrix("m", "n")},
    wrt="x",
    function=lambda x, B, C: torch.tanh(C @ x) + B @ x,
    claimed=lambda x, B, C: (1 - torch.tanh(C @ x) ** 2)[:, None] * C + B,
)

wiki_CV_6__numerator = _conversion(
    "W-CV-6",
    r"d\mathbf{Y} = \mathbf{A}\,dx",
    r"\frac{d\mathbf{Y}}{dx} = \mathbf{A}",
    conditions="none stated; here Y(x) = Y0 + sin(x) Y1 + cos(x) Y2 (constant m x n "
    "matrices), so dY = A dx with A = cos(x) Y1 - sin(x) Y2",
    inputs={"x": scalar(), "Y0": matrix("m", "n"), "Y1": matrix("m", "n"), "Y2": matrix("m", "n")},
    wrt="x",
    function=lambda x, Y0, Y1, Y2: Y0 + torch.sin(x) * Y1 + torch.cos(x) * Y2,
    claimed=lambda x, Y0, Y1, Y2: torch.cos(x) * Y1 - torch.sin(x) * Y2,
)

# -- W-N3: the constant a disappears ------------------------------------------------------------
# u = s e^{g(x)} with g a generated smooth map and s the sign of a, so that a u > 0 for a of
# either sign: du/dx = u g'(x).

_S_N3 = r"\frac{d\ln au}{dx} = "
_N3 = {
    "source": Source(DOC, "W-N3"),
    "conditions": "a a constant, u = u(x); implicit: a u > 0 (the logarithm is defined), a "
    "of either sign; here u(x) = sign(a) e^{g(x)}, g a generated smooth map",
    "inputs": {"x": scalar(), "a": scalar("nonzero"), "g": smooth_map(None, None)},
    "wrt": "x",
    "function": lambda x, a, g: torch.log(a * torch.sign(a) * torch.exp(g(x))),
}


def _u_du(x, a, g):
    """u and du/dx."""
    u = torch.sign(a) * torch.exp(g(x))
    return u, u * g.jacobian(x)


wiki_N3__first_chain = Identity(
    name="wiki_N3__first_chain",
    statement=_S_N3 + r"\frac{1}{au}\frac{d(au)}{dx} = \frac{1}{au}a\frac{du}{dx}",
    claimed=lambda x, a, g: a * _u_du(x, a, g)[1] / (a * _u_du(x, a, g)[0]),
    **_N3,
)

wiki_N3__first_chain__result = Identity(
    name="wiki_N3__first_chain__result",
    statement=_S_N3 + r"\frac{1}{u}\frac{du}{dx}",
    claimed=lambda x, a, g: _u_du(x, a, g)[1] / _u_du(x, a, g)[0],
    **_N3,
)

_N3_POSITIVE = {
    "source": Source(DOC, "W-N3"),
    "conditions": "a a constant, u = u(x); implicit: a > 0 and u > 0 (ln a and ln u are "
    "defined); here u(x) = e^{g(x)}, g a generated smooth map, so d ln a/dx = 0 "
    "and d ln u/dx = g'(x)",
    "inputs": {"x": scalar(), "a": scalar("positive"), "g": smooth_map(None, None)},
    "function": lambda x, a, g: torch.log(a * torch.exp(g(x))),
}

wiki_N3__second_chain__log_sum = Identity(
    name="wiki_N3__second_chain__log_sum",
    statement=r"\ln au = \ln a + \ln u,\quad\text{so}\quad\frac{d\ln au}{dx} = "
    r"\frac{d(\ln a + \ln u)}{dx} = \frac{d\ln a}{dx} + \frac{d\ln u}{dx}",
    form="value",
    claimed=lambda x, a, g: torch.log(a) + torch.log(torch.exp(g(x))),
    **_N3_POSITIVE,
)

wiki_N3__second_chain__result = Identity(
    name="wiki_N3__second_chain__result",
    statement=_S_N3 + r"\frac{d\ln a}{dx} + \frac{d\ln u}{dx} = \frac{d\ln u}{dx}",
    wrt="x",
    claimed=lambda x, a, g: 0 * a + g.jacobian(x),
    **_N3_POSITIVE,
)
