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


#: The imports a spec file written by a test starts with.
SPEC_HEADER = (
    "import numpy as np\nimport torch\n"
    "from identities import Identity, Source, matrix, scalar, vector\n"
    "S = Source('my notes', 'p. 1')\n"
)


def spec_text(name: str = "s", **fields: str) -> str:
    """The source of one spec of ``d(x.x)/dx = 2x`` named ``name``, with fields (source
    text) overridden."""
    defaults = {
        "statement": "'s'",
        "source": "S",
        "inputs": "{'x': vector('n')}",
        "wrt": "'x'",
        "function": "lambda x: x @ x",
        "claimed": "lambda x: 2 * x",
    }
    defaults.update(fields)
    body = ", ".join(f"{k}={v}" for k, v in defaults.items())
    return f"{name} = Identity(name={name!r}, {body})\n"
