"""Barnes (2006), "Matrix Differentiation (and some other stuff)", section 4 "Partioned
[sic] Matrices": Proposition 4, the partitioned inverse (21), and its proof (22).

The block sizes m1 and m2 are drawn as dimensions. The nonsingularity the proposition states
(A of order m = m1 + m2, A_11 and A_22) is built, not filtered: the diagonal blocks carry a
diagonal that dominates the whole row of A by a margin of at least 1, so A is strictly
diagonally dominant, and so are its principal blocks A_11, A_22 and the Schur complements
A_11 - A_12 A_22^-1 A_21 and A_22 - A_21 A_11^-1 A_12 (all nonsingular).
"""

import torch

from identities.spec import Identity, Source, derived, matrix, vector

DOC = "barnes-2006"
inv = torch.linalg.inv


def _dominant_block(G: torch.Tensor, beside: torch.Tensor, s: torch.Tensor) -> torch.Tensor:
    """G off the diagonal; on it, sign(s) times the sum of |G|'s other entries in the row,
    plus the row of |beside| (the off-diagonal block next to it in A), plus 1."""
    off = G - torch.diag(torch.diagonal(G))
    return off + torch.diag(torch.sign(s) * (off.abs().sum(dim=1) + beside.abs().sum(dim=1) + 1))


BLOCKS = {
    "A12": matrix("m1", "m2"),
    "A21": matrix("m2", "m1"),
    "A11": derived(
        lambda G, A12, s: _dominant_block(G, A12, s),
        G=matrix("m1", "m1"),
        s=vector("m1", "nonzero"),
    ),
    "A22": derived(
        lambda G, A21, s: _dominant_block(G, A21, s),
        G=matrix("m2", "m2"),
        s=vector("m2", "nonzero"),
    ),
}
BLOCK_CONDITIONS = (
    "A is square and nonsingular of order m; A_11 nonsingular of order m1, "
    "A_22 nonsingular of order m2, m1 + m2 = m (built strictly diagonally "
    "dominant, so the Schur complements inverted in (21) are nonsingular: "
    "implicit)"
)


def _whole(A11, A12, A21, A22):
    """A = [[A_11, A_12], [A_21, A_22]]."""
    return torch.cat([torch.cat([A11, A12], dim=1), torch.cat([A21, A22], dim=1)])


def _proposed_inverse(A11, A12, A21, A22):
    """The right-hand side of (21), block by block."""
    S1 = inv(A11 - A12 @ inv(A22) @ A21)
    S2 = inv(A22 - A21 @ inv(A11) @ A12)
    return _whole(S1, -inv(A11) @ A12 @ S2, -inv(A22) @ A21 @ S1, S2)


barnes_21__partitioned_inverse = Identity(
    name="barnes_21__partitioned_inverse",
    statement=r"\mathbf{A}^{-1}=\begin{bmatrix} \left(\mathbf{A}_{11}-\mathbf{A}_{12}"
    r"\mathbf{A}_{22}^{-1}\mathbf{A}_{21}\right)^{-1} & -\mathbf{A}_{11}^{-1}"
    r"\mathbf{A}_{12}\left(\mathbf{A}_{22}-\mathbf{A}_{21}\mathbf{A}_{11}^{-1}"
    r"\mathbf{A}_{12}\right)^{-1}\\ -\mathbf{A}_{22}^{-1}\mathbf{A}_{21}\left("
    r"\mathbf{A}_{11}-\mathbf{A}_{12}\mathbf{A}_{22}^{-1}\mathbf{A}_{21}\right)^{-1}"
    r" & \left(\mathbf{A}_{22}-\mathbf{A}_{21}\mathbf{A}_{11}^{-1}\mathbf{A}_{12}"
    r"\right)^{-1} \end{bmatrix}",
    source=Source(DOC, "21"),
    conditions=BLOCK_CONDITIONS,
    inputs=BLOCKS,
    form="value",
    function=lambda A12, A21, A11, A22: inv(_whole(A11, A12, A21, A22)),
    claimed=lambda A12, A21, A11, A22: _proposed_inverse(A11, A12, A21, A22),
)

barnes_22__proposed_inverse_times_A = Identity(
    name="barnes_22__proposed_inverse_times_A",
    statement=r"\mathbf{A}^{-1}\mathbf{A}=\mathbf{I}\quad\text{(}\mathbf{A}^{-1}"
    r"\text{ the block matrix proposed in (21))}",
    source=Source(DOC, "22"),
    conditions=BLOCK_CONDITIONS + "; 'direct multiplication of the proposed A^-1 and A'",
    inputs=BLOCKS,
    form="value",
    function=lambda A12, A21, A11, A22: (
        _proposed_inverse(A11, A12, A21, A22) @ _whole(A11, A12, A21, A22)
    ),
    claimed=lambda A12, A21, A11, A22: torch.eye(A11.shape[0] + A22.shape[0]),
)
