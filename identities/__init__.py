"""A catalog of matrix-calculus identities, each checked against two oracles.

Write a spec with the names below; drop the module into this folder (or a folder given with
``--identities-path``) and it is picked up with no registration step.

Importing the package sets torch's default dtype to float64: the suite's rule is float64
everywhere, so ``torch.eye(n)`` in a spec is float64 without saying so. It also sets one
intra-op thread per process: the suite works on tiny tensors, one process per core (pytest
-n auto), and torch's thread pool made a 3x3 triu take milliseconds on a busy 2-core machine.
"""

import torch

from identities.spec import (
    COOKBOOK,
    FORMS,
    LAYOUTS,
    Document,
    Identity,
    Source,
    SpecError,
    column,
    cookbook,
    derived,
    entrywise,
    index,
    integer,
    matrix,
    row,
    scalar,
    size,
    smooth_map,
    vector,
)

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

__all__ = [
    "COOKBOOK",
    "FORMS",
    "LAYOUTS",
    "Document",
    "Identity",
    "Source",
    "SpecError",
    "column",
    "cookbook",
    "derived",
    "entrywise",
    "index",
    "integer",
    "matrix",
    "row",
    "scalar",
    "size",
    "smooth_map",
    "vector",
]
