"""Hypothesis strategies for the identity suite: dimensions, domains, inner functions.

Every constraint is built by construction (never by rejecting draws), so shrunk examples
stay valid; see each function's docstring for what it makes and how it shrinks.
"""

from identities.strategies.arrays import (
    BOUND,
    DOMAINS,
    MARGIN,
    arrays,
    direction_domain,
    elementwise,
    floats,
    orthogonal_matrices,
    structure_basis,
    symmetric_matrices,
    toeplitz_matrices,
)
from identities.strategies.inputs import DIM_RANGE, Example, dimensions, examples
from identities.strategies.maps import GeneratedMap, smooth_maps

__all__ = [
    "BOUND",
    "DIM_RANGE",
    "DOMAINS",
    "MARGIN",
    "Example",
    "GeneratedMap",
    "arrays",
    "dimensions",
    "direction_domain",
    "elementwise",
    "examples",
    "floats",
    "orthogonal_matrices",
    "smooth_maps",
    "structure_basis",
    "symmetric_matrices",
    "toeplitz_matrices",
]
