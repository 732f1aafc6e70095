"""A malformed spec gets a clear message (file, spec, field, value, fix); the rest still runs.

Each row is one kind of mistake people make when writing a spec file. The message must
name the file, the spec, the field or what went wrong, the offending value, and the fix.
"""

import pytest

from identities.engine import load_catalog, run_entry
from tests.helpers import SPEC_HEADER, spec_text

HEADER, spec = SPEC_HEADER, spec_text


# kind -> (file text, fragments the message must contain)
CASES = {
    "wrt not an input": (spec(wrt="'C'"), ["wrt='C' is not one of its inputs", "('x',)"]),
    "dimension only in the output": (
        spec(dims="{'k': (1, 3)}"),
        ["dimension 'k'", "in no input", "fixed by an input"],
    ),
    "claim of the wrong shape": (
        spec(claimed="lambda x: (2 * x)[:, None]"),
        ["claimed returns shape (", ", 1)", "numerator layout", "has shape (", " or (1, "],
    ),
    "function not differentiable (numpy)": (
        spec(function="lambda x: torch.tensor(np.sum(x.numpy() ** 2))"),
        ["function is not differentiable by torch", "torch operations only"],
    ),
    "function breaks the graph (.detach())": (
        spec(function="lambda x: (x.detach() ** 2).sum()"),
        ["not differentiable by torch", "no dependence on 'x'", "torch operations only"],
    ),
    "function non-finite on the domain": (
        spec(function="lambda x: torch.log(x).sum()", claimed="lambda x: 1 / x"),
        ["function returned non-finite values", "at inputs n=", "constrain the inputs"],
    ),
    "claim that raises on the domain": (
        spec(
            inputs="{'A': matrix('n', 'n')}",
            wrt="'A'",
            function="lambda A: A.sum()",
            claimed="lambda A: torch.linalg.inv(A - A)",
            form="'gradient'",
        ),
        ["claimed raised", "LinAlgError", "at inputs n=", "defined on the declared domain"],
    ),
    "claim non-finite on the domain": (
        spec(claimed="lambda x: x / (x - x)"),
        ["claimed returned non-finite values", "constrain the inputs"],
    ),
    "holds=False without a lesson": (
        spec(holds="False", claimed="lambda x: x"),
        ["holds=False needs a lesson", "what is true instead"],
    ),
    "no source": (spec(source="'my notes'"), ["source='my notes' must be a Source(document, ref)"]),
    "unknown domain": (
        spec(inputs="{'x': vector('n', 'positve')}"),
        ["domain='positve' is not a known domain", "'positive'"],
    ),
    "domain that cannot be satisfied": (
        spec(inputs="{'x': vector('n', (1.0, 1.0000000000000002))}"),
        ["inputs cannot be generated", "cannot be satisfied", "(1.0, 1.0000000000000002)"],
    ),
    "matrix domain on a non-square shape": (
        spec(
            inputs="{'A': matrix('m', 'n', 'symmetric')}",
            wrt="'A'",
            function="lambda A: A.sum()",
            claimed="lambda A: A",
        ),
        ["domain='symmetric' needs a square matrix", "matrix('n', 'n', 'symmetric')"],
    ),
    "claim with the wrong arguments": (
        spec(claimed="lambda x, A: 2 * x"),
        ["claimed takes arguments ('x', 'A')", "should take ('x',)", "lambda x: ..."],
    ),
    "a float32 claim": (
        spec(claimed="lambda x: (2 * x).float()"),
        ["dtype torch.float32", "keep every tensor float64"],
    ),
    "unknown form": (spec(form="'jacobain'"), ["form='jacobain' is not one of"]),
    "gradient of a non-scalar function": (
        spec(form="'gradient'", function="lambda x: 2 * x", claimed="lambda x: 2 + 0 * x"),
        ["form='gradient' needs a scalar function", "use form='jacobian'"],
    ),
    "a module that fails to import": (
        "import no_such_package_here\n",
        ["failed to import", "no_such_package_here", "its specs were not run"],
    ),
}


def diagnose(folder) -> dict[str, str]:
    """What the suite says about each entry from ``folder``: name -> message ('' if it
    passes)."""
    catalog = load_catalog([folder])
    user = [s for s in catalog.specs if str(folder) in catalog.files[s.name]]
    said = {}
    for entry in [*user, *catalog.problems]:
        passed, message, _ = run_entry(entry, catalog.files.get(entry.name, ""))
        said[entry.name] = "" if passed else message
    return said


@pytest.mark.parametrize("kind", CASES)
def test_a_bad_spec_gets_a_clear_message_and_the_rest_still_runs(kind, tmp_path):
    text, fragments = CASES[kind]
    (tmp_path / "bad_spec.py").write_text(HEADER + text)
    (tmp_path / "good_spec.py").write_text(HEADER + spec(name="good"))
    said = diagnose(tmp_path)
    assert said.get("good") == "", f"the good spec did not run cleanly: {said}"
    messages = [m for name, m in said.items() if name != "good" and m]
    assert len(messages) == 1, f"expected one message for {kind!r}, got {said}"
    message = messages[0]
    assert "bad_spec.py" in message, message
    if kind != "a module that fails to import":
        assert "spec 's'" in message, message
    for fragment in fragments:
        assert fragment in message, f"{kind}: missing {fragment!r} in\n{message}"


def test_duplicate_names_are_refused_with_both_files(tmp_path):
    (tmp_path / "first.py").write_text(HEADER + spec(name="twin"))
    (tmp_path / "second.py").write_text(HEADER + spec(name="twin"))
    catalog = load_catalog([tmp_path])
    [problem] = [p for p in catalog.problems if "twin" in p.name]
    assert "second.py" in problem.message and "first.py" in problem.message
    assert "name='twin' is already used in" in problem.message
    assert "give each spec a unique name" in problem.message


def test_the_table_covers_at_least_15_kinds():
    assert len(CASES) + 1 >= 15  # the rows above and the duplicate-name test: 19 kinds
