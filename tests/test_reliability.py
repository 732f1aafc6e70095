"""Mutation testing and the soak, as a user runs them from the command line."""

import json

from identities import _mutate
from identities._cli import main
from identities._registry import load_catalog


def test_mutants_of_the_quadratic_form_are_killed_or_recognized_as_equivalent():
    spec = load_catalog().get("quadratic_form__general_A")
    verdicts = {m.label: _mutate.judge(m, examples=30) for m in _mutate.mutants(spec)}
    assert verdicts == {
        "negate": "killed", "scale by 2": "killed", "relative 1e-3": "killed",
        "relative 1e-6": "killed", "drop input x": "killed", "drop input A": "killed",
        # a vector result has no transpose; x^T (A + A^T) does not change when A -> A^T
        "transpose the result": "equivalent", "transpose input A": "equivalent",
    }


def test_a_mutant_that_changes_the_claim_is_killed_not_called_equivalent():
    spec = load_catalog().get("elementwise__mul__wrt_w")
    swap = [m for m in _mutate.mutants(spec) if m.label == "swap w and x"]
    assert swap and _mutate.judge(swap[0], examples=30) == "killed"


def test_mutate_command_prints_counts_as_json(capsys):
    code = main(["mutate", "--pattern", "squared_norm", "--examples", "30", "--json",
                 "--quiet"])
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"killed", "survived", "equivalent", "survivors"}
    assert code == 0 and result["survived"] == 0 and result["killed"] > 0


def test_soak_counts_examples_and_false_alarms(capsys):
    code = main(["soak", "--pattern", "squared_norm", "--seeds", "2", "--examples", "20",
                 "--json", "--quiet"])
    result = json.loads(capsys.readouterr().out)
    true_specs = [s for s in load_catalog().specs if s.holds and "squared_norm" in s.name]
    assert result["identities"] == len(true_specs) >= 2
    assert result["examples"] == 20 * 2 * len(true_specs)
    assert code == 0 and result["false_alarms"] == 0
