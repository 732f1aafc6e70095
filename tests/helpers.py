"""Shared test fixtures: the quadratic form, the suite's running example."""

from identities import Identity, Source, matrix, vector

SRC = Source("test", "engine")


def quadratic_spec(**overrides) -> Identity:
    """d(x^T A x)/dx = x^T (A + A^T), with any field overridden."""
    fields = dict(
        name="t",
        statement="s",
        source=SRC,
        inputs={"x": vector("n"), "A": matrix("n", "n")},
        wrt="x",
        function=lambda x, A: x @ A @ x,
        claimed=lambda x, A: x @ (A + A.T),
    )
    fields.update(overrides)
    return Identity(**fields)
