"""The Matrix Cookbook (Petersen and Pedersen, version of November 15, 2012), chapter 2,
"Derivatives", equations (33)-(144): the entries its coverage table lists. The specs are in
the ``cookbook_*`` modules."""

from identities.spec import COOKBOOK, Document

DOCUMENT = Document(
    id=COOKBOOK,
    title="The Matrix Cookbook (2012), chapter 2",
    # "64a" is the unnumbered result between (64) and (65).
    entries=tuple([str(k) for k in range(33, 65)] + ["64a"] + [str(k) for k in range(65, 145)]),
    not_testable={
        "45": "complex-valued: (dX)^H for a complex X of a real parameter; the suite is real "
        "float64 (the real case is (44))",
        "95": "a definition (f = x^T A x + b^T x), used by (96) and (97)",
        "134": "a definition: the structure matrix S^ij = dA/dA_ij",
        "135": "notation: dg(U)/dX written for dg(f(X))/dX",
    },
)
