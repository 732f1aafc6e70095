"""A catalog of matrix-calculus identities, each checked against two oracles.

Write a spec with the names below; drop the module into this folder (or a folder given with
``--identities-path``) and it is picked up with no registration step.

Importing the package sets torch's default dtype to float64: the suite's rule is float64
everywhere, so ``torch.eye(n)`` in a spec is float64 without saying so.
"""

import torch

from identities.spec import (
    FORMS,
    LAYOUTS,
    Identity,
    Source,
    SpecError,
    derived,
    integer,
    matrix,
    scalar,
    smooth_map,
    vector,
)

torch.set_default_dtype(torch.float64)

__all__ = [
    "FORMS", "LAYOUTS", "Identity", "Source", "SpecError", "derived", "integer", "matrix",
    "scalar", "smooth_map", "vector",
]
