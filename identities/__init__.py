"""A catalog of matrix-calculus identities, each checked against two oracles.

Write a spec with the names below; drop the module into this folder (or a folder given with
``--identities-path``) and it is picked up with no registration step.

Importing the package changes nothing in torch: the engine makes float64 the default dtype
(so ``torch.eye(n)`` in a spec's function, claim or construction is float64 without saying
so) and uses one intra-op thread only while it evaluates a spec, and restores both after.
"""

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
