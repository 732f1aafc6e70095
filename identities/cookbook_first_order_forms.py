"""Matrix Cookbook (2012), section 2.4.1 "First Order" derivatives of vectors, matrices and
scalar forms, equations (69)-(75), and the first equation of section 2.4.2, (76).

Index forms (73)-(75) are 4-index Jacobians in numerator layout, indexed
[output indices..., input indices...]. The helpers ``single_entry`` (the Cookbook's J^{ij},
section 9.7) and ``by_entry`` (stack one matrix per input entry (i, j)) are shared with
``cookbook_second_order_forms`` and ``cookbook_higher_order_forms``.
"""

import torch

from identities.notation import by_entry, single_entry
from identities.spec import Identity, cookbook, matrix, vector

# -- (69) -----------------------------------------------------------------------------------

cookbook_069__x_T_a = Identity(
    name="cookbook_069__x_T_a",
    statement=r"\frac{\partial x^T a}{\partial x} = a",
    source=cookbook("69"),
    inputs={"x": vector("n"), "a": vector("n")},
    wrt="x",
    form="gradient",
    function=lambda x, a: x @ a,
    claimed=lambda x, a: a,
)

cookbook_069__a_T_x = Identity(
    name="cookbook_069__a_T_x",
    statement=r"\frac{\partial a^T x}{\partial x} = a",
    source=cookbook("69"),
    inputs={"x": vector("n"), "a": vector("n")},
    wrt="x",
    form="gradient",
    function=lambda x, a: a @ x,
    claimed=lambda x, a: a,
)

# -- (70)-(72) ------------------------------------------------------------------------------

cookbook_070__a_T_X_b = Identity(
    name="cookbook_070__a_T_X_b",
    statement=r"\frac{\partial a^T X b}{\partial X} = a b^T",
    source=cookbook("70"),
    inputs={"X": matrix("m", "n"), "a": vector("m"), "b": vector("n")},
    wrt="X",
    form="gradient",
    distinct=("m", "n"),
    function=lambda X, a, b: a @ X @ b,
    claimed=lambda X, a, b: torch.outer(a, b),
)

cookbook_071__a_T_XT_b = Identity(
    name="cookbook_071__a_T_XT_b",
    statement=r"\frac{\partial a^T X^T b}{\partial X} = b a^T",
    source=cookbook("71"),
    inputs={"X": matrix("m", "n"), "a": vector("n"), "b": vector("m")},
    wrt="X",
    form="gradient",
    distinct=("m", "n"),
    function=lambda X, a, b: a @ X.T @ b,
    claimed=lambda X, a, b: torch.outer(b, a),
)

cookbook_072__a_T_X_a = Identity(
    name="cookbook_072__a_T_X_a",
    statement=r"\frac{\partial a^T X a}{\partial X} = a a^T",
    source=cookbook("72"),
    conditions="implicit: X square (a^T X a)",
    inputs={"X": matrix("n", "n"), "a": vector("n")},
    wrt="X",
    form="gradient",
    function=lambda X, a: a @ X @ a,
    claimed=lambda X, a: torch.outer(a, a),
)

cookbook_072__a_T_XT_a = Identity(
    name="cookbook_072__a_T_XT_a",
    statement=r"\frac{\partial a^T X^T a}{\partial X} = a a^T",
    source=cookbook("72"),
    conditions="implicit: X square (a^T X^T a)",
    inputs={"X": matrix("n", "n"), "a": vector("n")},
    wrt="X",
    form="gradient",
    function=lambda X, a: a @ X.T @ a,
    claimed=lambda X, a: torch.outer(a, a),
)

# -- (73)-(75): index forms -----------------------------------------------------------------

cookbook_073__dX_dXij = Identity(
    name="cookbook_073__dX_dXij",
    statement=r"\frac{\partial X}{\partial X_{ij}} = J^{ij}",
    source=cookbook("73"),
    conditions="J^{ij} is the single-entry matrix (section 9.7); claim indexed [k, l, i, j]",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    distinct=("m", "n"),
    function=lambda X: X,
    claimed=lambda X: by_entry(*X.shape, lambda i, j: single_entry(*X.shape, i, j)),
)

cookbook_074__XA_by_delta = Identity(
    name="cookbook_074__XA_by_delta",
    statement=r"\frac{\partial (XA)_{ij}}{\partial X_{mn}} = \delta_{im} (A)_{nj}",
    source=cookbook("74"),
    conditions="X p x q, A q x r; claim indexed [i, j, m, n]",
    inputs={"X": matrix("p", "q"), "A": matrix("q", "r")},
    wrt="X",
    distinct=("p", "q", "r"),
    function=lambda X, A: X @ A,
    claimed=lambda X, A: torch.einsum("im,nj->ijmn", torch.eye(X.shape[0]), A),
)

cookbook_074__XA_by_J = Identity(
    name="cookbook_074__XA_by_J",
    statement=r"\frac{\partial (XA)_{ij}}{\partial X_{mn}} = (J^{mn} A)_{ij}",
    source=cookbook("74"),
    conditions="X p x q, A q x r; claim indexed [i, j, m, n]",
    inputs={"X": matrix("p", "q"), "A": matrix("q", "r")},
    wrt="X",
    distinct=("p", "q", "r"),
    function=lambda X, A: X @ A,
    claimed=lambda X, A: by_entry(*X.shape, lambda m, n: single_entry(*X.shape, m, n) @ A),
)

cookbook_075__XTA_by_delta = Identity(
    name="cookbook_075__XTA_by_delta",
    statement=r"\frac{\partial (X^T A)_{ij}}{\partial X_{mn}} = \delta_{in} (A)_{mj}",
    source=cookbook("75"),
    conditions="X p x q, A p x r; claim indexed [i, j, m, n]",
    inputs={"X": matrix("p", "q"), "A": matrix("p", "r")},
    wrt="X",
    distinct=("p", "q", "r"),
    function=lambda X, A: X.T @ A,
    claimed=lambda X, A: torch.einsum("in,mj->ijmn", torch.eye(X.shape[1]), A),
)

cookbook_075__XTA_by_J = Identity(
    name="cookbook_075__XTA_by_J",
    statement=r"\frac{\partial (X^T A)_{ij}}{\partial X_{mn}} = (J^{nm} A)_{ij}",
    source=cookbook("75"),
    conditions="X p x q, A p x r; J^{nm} is q x p; claim indexed [i, j, m, n]",
    inputs={"X": matrix("p", "q"), "A": matrix("p", "r")},
    wrt="X",
    distinct=("p", "q", "r"),
    function=lambda X, A: X.T @ A,
    claimed=lambda X, A: by_entry(
        *X.shape, lambda m, n: single_entry(X.shape[1], X.shape[0], n, m) @ A
    ),
)

# -- (76): first equation of section 2.4.2 --------------------------------------------------

cookbook_076__sum_of_products = Identity(
    name="cookbook_076__sum_of_products",
    statement=r"\frac{\partial}{\partial X_{ij}} \sum_{klmn} X_{kl} X_{mn} = 2 \sum_{kl} X_{kl}",
    source=cookbook("76"),
    conditions="the claim holds for every (i, j): a gradient whose every entry is 2 sum X",
    inputs={"X": matrix("m", "n")},
    wrt="X",
    form="gradient",
    function=lambda X: torch.einsum("kl,mn->", X, X),
    claimed=lambda X: 2 * X.sum() * torch.ones_like(X),
)
