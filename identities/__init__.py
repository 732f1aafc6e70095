"""A catalog of matrix-calculus identities, each checked against two oracles.

Write a spec with the names below; drop the module into this folder (or a folder given with
``--identities-path``) and it is picked up with no registration step. Check a spec from your
own code with ``check_identity`` (a result object) or ``assert_identity`` (in a test); see
docs/using-from-your-project.md.

Importing the package changes nothing in torch: the engine makes float64 the default dtype
(so ``torch.eye(n)`` in a spec's function, claim or construction is float64 without saying
so) and uses one intra-op thread only while it evaluates a spec, and restores both after.
The names below are imported when first used, so that ``import identities`` (as pytest does
when it loads the plugin) imports neither torch nor Hypothesis.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

from identities._lazy import exports

if TYPE_CHECKING:
    from identities.engine.api import (
        CheckResult,
        Counterexample,
        assert_identity,
        check_identity,
    )
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

try:
    __version__ = version("matrix-calculus-identities")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"

__all__ = [
    "COOKBOOK",
    "FORMS",
    "LAYOUTS",
    "CheckResult",
    "Counterexample",
    "Document",
    "Identity",
    "Source",
    "SpecError",
    "__version__",
    "assert_identity",
    "check_identity",
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

__getattr__ = exports(
    __name__,
    {
        "COOKBOOK": "identities.spec",
        "FORMS": "identities.spec",
        "LAYOUTS": "identities.spec",
        "Document": "identities.spec",
        "Identity": "identities.spec",
        "Source": "identities.spec",
        "SpecError": "identities.spec",
        "column": "identities.spec",
        "cookbook": "identities.spec",
        "derived": "identities.spec",
        "entrywise": "identities.spec",
        "index": "identities.spec",
        "integer": "identities.spec",
        "matrix": "identities.spec",
        "row": "identities.spec",
        "scalar": "identities.spec",
        "size": "identities.spec",
        "smooth_map": "identities.spec",
        "vector": "identities.spec",
        "CheckResult": "identities.engine.api",
        "Counterexample": "identities.engine.api",
        "assert_identity": "identities.engine.api",
        "check_identity": "identities.engine.api",
    },
)
