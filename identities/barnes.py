"""Randal J. Barnes, "Matrix Differentiation (and some other stuff)", CE 8361, Spring 2006
(University of Minnesota): the record of the reference, checked entry by entry as printed.

Entries are the 71 numbered equations, by number, and the items without a number of their own
(Definition 2, Conventions 1 and 2), by name, in the order the source prints them. The specs
are in the modules ``barnes_products`` (section 3), ``barnes_partitioned`` (section 4),
``barnes_linear_maps``, ``barnes_forms``, ``barnes_chain_forms`` and
``barnes_inverse_derivative`` (section 5). Layout: numerator (Jacobian), Convention 3.
"""

from identities.spec import Document

DOC_ID = "barnes-2006"


def _setup(defines: str, follows: str) -> str:
    return f"a setup line: defines {defines} for the proposition that follows ({follows})"


DOCUMENT = Document(
    id=DOC_ID,
    title='Randal J. Barnes, "Matrix Differentiation (and some other stuff)", CE 8361, Spring 2006',
    entries=(
        "1",
        "2",
        "Definition 2",
        "Convention 1",
        "Convention 2",
        *(str(k) for k in range(3, 72)),
    ),
    not_testable={
        "1": "a definition (Definition 1): the array of real entries a_ij that is an m x n "
        "matrix; nothing to compute",
        "2": "notation (Definition 1): A = [a_ij] as shorthand for the array (1)",
        "Definition 2": "a definition: a vector is a matrix with one column, so every vector "
        "is a column vector; no formula",
        "Convention 1": "notation: bold upper case for matrices, bold lower case for vectors, "
        "and the symbols for transpose, inverse, determinant, rank, I and 0; "
        "no formula",
        "Convention 2": "notation: a matrix's dimension written beneath it; no formula",
        "3": "a definition (Definition 3): names the product C = AB whose entries (4) defines",
        "5": _setup("z = Ax", "6"),
        "7": _setup("z^T = y^T A", "8"),
        "9": _setup("alpha = y^T A x", "10"),
        "11": _setup("C = AB", "12"),
        "16": _setup("C = AB", "17"),
        "19": "a definition (Definition 4): names the blocks B, C, D, E of a partitioned "
        "matrix and their sizes; nothing to compute",
        "20": _setup("the blocks A_11, A_12, A_21, A_22 of A", "21"),
        "23": "a setup line: names the map y = psi(x) whose Jacobian (24) defines",
        "25": _setup("y = Ax", "26"),
        "30": _setup("y = Ax", "31"),
        "35": _setup("alpha = y^T A x", "36, 37"),
        "38": "a setup line of the proof: defines w^T = y^T A for the steps that follow (39, 40)",
        "43": _setup("alpha = x^T A x", "44"),
        "48": _setup("alpha = x^T A x", "49"),
        "50": _setup("alpha = y^T x", "51"),
        "55": _setup("alpha = x^T x", "56"),
        "57": _setup("alpha = y^T A x", "58"),
        "59": "a setup line of the proof: defines w^T = y^T A for the steps that follow (60, 61)",
        "63": _setup("alpha = x^T A x", "64"),
        "65": _setup("alpha = x^T A x", "66"),
    },
    pending={},
)
