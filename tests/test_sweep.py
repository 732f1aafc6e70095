"""The batched sweep: it confirms true identities in bulk, and a failure it finds is
checked alone and shrunk by Hypothesis."""

import json
import subprocess
import sys

import torch

from identities import Identity, smooth_map, vector
from identities.engine import REFUTED, check, confirmed
from identities.engine.tools.sweep import sweep, unsweepable
from identities.strategies.batches import sample
from tests.helpers import SRC, quadratic_spec

quadratic = quadratic_spec


def test_the_batched_judgement_agrees_with_the_single_check():
    wrong = quadratic(claimed=lambda x, A: 2 * x @ A, holds=False, lesson="l")
    for spec in (quadratic(), wrong):
        batch = sample(spec, {"n": 3}, 50, torch.Generator().manual_seed(0))
        ok = confirmed(spec, batch.values, batch.directions)
        single = [check(spec, batch.example(i)).status == "confirmed" for i in range(50)]
        assert ok.tolist() == single


def test_a_true_identity_is_confirmed_on_every_example():
    result = sweep(quadratic(), 20_000)
    assert result.passed and result.examples == 20_000 and result.verdict is None


def test_a_false_identity_is_refuted_and_hypothesis_shrinks_the_counterexample():
    spec = quadratic(claimed=lambda x, A: 2 * x @ A, holds=False, lesson="l")
    result = sweep(spec, 20_000, seed=1)
    assert result.passed and result.verdict.status == REFUTED
    found, shrunk = result.verdict.example, result.shrunk.example
    assert shrunk.dims == found.dims  # the dimensions stay
    assert result.shrunk.status == REFUTED
    # Shrunk toward simple values: every entry an integer, and no larger than found.
    for name in ("x", "A"):
        values = shrunk.values[name]
        assert torch.equal(values, values.round())
        assert float(values.abs().sum()) <= float(found.values[name].abs().sum())


def test_specs_that_cannot_be_batched_say_why():
    maps = Identity(
        name="m",
        statement="s",
        source=SRC,
        inputs={"g": smooth_map("n", "n"), "x": vector("n")},
        wrt="x",
        function=lambda g, x: g(x),
        claimed=lambda g, x: g.jacobian(x),
    )
    assert unsweepable(maps) == "it draws generated maps"
    assert unsweepable(quadratic()) == ""


def test_the_sweep_command_prints_json():
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "identities",
            "sweep",
            "quadratic_form__general_A",
            "--examples",
            "5000",
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    (record,) = json.loads(out.stdout)["results"]
    assert record["name"] == "quadratic_form__general_A"
    assert record["examples"] == 5000 and record["passed"] and record["status"] == "confirmed"
