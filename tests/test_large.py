"""Large shapes: batched constructions, the seeded draw, projections, the large profile."""

import pytest
import torch
from hypothesis import Phase, given, settings
from hypothesis.database import InMemoryExampleDatabase, choices_to_bytes

from identities import vector
from identities.engine import CONFIRMED, REFUTED, check
from identities.strategies import Example, examples
from identities.strategies.arrays import LARGE_ENTRIES, MATRICES, construction, signed_values
from identities.strategies.inputs import LARGE_MATRIX, LARGE_VECTOR, large_ranges
from tests.helpers import quadratic_spec

DOMAINS = ["general", "nonzero", "positive", "negative", (0.1, 0.9), *MATRICES]


def in_domain(domain, a):
    """Independent membership tests for one value of each domain."""
    if domain == "general":
        return bool((a.abs() <= 4).all())
    if domain == "nonzero":
        return bool(((a.abs() >= 0.5) & (a.abs() <= 4)).all())
    if domain == "positive":
        return bool(((a >= 0.5) & (a <= 4)).all())
    if domain == "negative":
        return bool(((a <= -0.5) & (a >= -4)).all())
    if isinstance(domain, tuple):
        return bool(((a > domain[0]) & (a < domain[1])).all())
    eye = torch.eye(a.shape[0], dtype=torch.float64)
    symmetric = torch.equal(a, a.T)
    dominant = bool((2 * a.diagonal().abs() > a.abs().sum(dim=1)).all())
    return {
        "symmetric": symmetric,
        "invertible": dominant,
        "positive_determinant": dominant and bool((a.diagonal() > 0).all()),
        "spd": symmetric and float(torch.linalg.eigvalsh(a).min()) > 0,
        "symmetric_invertible": symmetric and dominant,
        "orthogonal": torch.allclose(a.T @ a, eye, atol=1e-12),
        "symmetric_separated": torch.allclose(a, a.T, atol=1e-12)
        and bool((torch.linalg.eigvalsh(a).diff() >= 1 - 1e-9).all()),
        "diagonal": torch.equal(a, torch.diag(a.diagonal())),
        "toeplitz": all(
            torch.equal(a.diagonal(k), a.diagonal(k)[:1].expand(a.shape[0] - abs(k)))
            for k in range(-a.shape[0] + 1, a.shape[0])
        ),
        "symmetric_toeplitz": symmetric and torch.equal(a[0], a[:, 0]),
    }[domain]


@pytest.mark.parametrize("domain", DOMAINS, ids=str)
def test_a_sampled_batch_lies_in_its_domain_and_replays_exactly_through_hypothesis(domain):
    shape = (4, 4) if domain in MATRICES else (3, 2)
    made = construction(shape, domain)
    values, raws = made.sample(64, torch.Generator().manual_seed(3))
    assert values.shape == (64, *shape)
    assert all(in_domain(domain, v) for v in values)
    # The sweep hands an example to Hypothesis as its raw entries (the flat strategy's
    # choices); replaying them must rebuild exactly that example.
    database, key, seen = InMemoryExampleDatabase(), b"replay", []
    database.save(key + b".secondary", choices_to_bytes(tuple(made.choices(raws, 5))))

    @settings(database=database, phases=[Phase.reuse], max_examples=1)
    @given(made.flat_strategy())
    def replay(value):
        seen.append(value)

    replay._hypothesis_internal_database_key = key
    replay()
    # What is handed over is exact: the raw entries, built alone, give the replayed value
    # bit for bit.
    alone = made.build(*[signed_values(None if n is None else n[5], m[5]) for n, m in raws])
    assert torch.equal(seen[0], alone)
    # The build of a batch of 64 and of one example may round differently (MKL picks other
    # kernels per size and per CPU): equal within a few roundings of the entries' size.
    bound = 64 * torch.finfo(torch.float64).eps * float(values[5].abs().amax())
    assert float((alone - values[5]).abs().amax()) <= bound


LARGE_INVERTIBLE = construction((32, 32), "invertible")


@settings(max_examples=5)
@given(LARGE_INVERTIBLE.strategy())
def test_large_shapes_are_drawn_from_a_seed_and_stay_in_the_domain(value):
    assert LARGE_INVERTIBLE.entries > LARGE_ENTRIES
    assert value.shape == (32, 32) and in_domain("invertible", value)
    assert torch.equal(LARGE_INVERTIBLE.seeded(7), LARGE_INVERTIBLE.seeded(7))


quadratic = quadratic_spec


def test_large_ranges_size_vectors_and_matrices_apart():
    assert large_ranges(quadratic()) == {"n": (1, LARGE_MATRIX)}
    vec = quadratic(
        inputs={"x": vector("n"), "w": vector("n")},
        function=lambda x, w: x @ w,
        claimed=lambda x, w: w,
    )
    assert large_ranges(vec) == {"n": (1, LARGE_VECTOR)}


def example_at(n, seed=0):
    g = torch.Generator().manual_seed(seed)
    x = construction((n,), "general").sample(1, g)[0][0]
    a = construction((n, n), "general").sample(1, g)[0][0]
    return Example({"n": n}, {"x": x, "A": a})


def test_a_projection_confirms_a_true_claim_at_n_1024():
    verdict = check(quadratic(), example_at(1024), projections=4)
    assert verdict.status == CONFIRMED
    assert "projected on 4 random signed directions" in verdict.note
    assert verdict.claimed.shape == (1, 4)  # u^T J v, not the full gradient


@pytest.mark.parametrize(
    "wrong",
    [
        lambda x, A: 2 * x @ A,  # the symmetric rule
        lambda x, A: x @ (A + A.T) * (1 + 1e-6),  # a relative error of 1e-6
        lambda x, A: x @ (A + A.T) + 1e-3 * torch.eye(len(x))[-1],  # one entry off
    ],
    ids=["symmetric-rule", "relative-1e-6", "one-entry"],
)
def test_a_wrong_claim_is_refuted_with_the_full_gradient_in_the_report(wrong):
    verdict = check(quadratic(claimed=wrong), example_at(256), projections=4)
    assert verdict.status == REFUTED
    assert "projected" not in verdict.note  # the report shows the full picture
    assert verdict.claimed.shape == (256,)


def test_the_large_profile_checks_large_shapes(monkeypatch):
    from identities.engine import investigate

    sizes = []
    spec = quadratic()
    real = examples

    def recording(s, *args, **kwargs):
        return real(s, *args, **kwargs).map(lambda e: sizes.append(e.dims["n"]) or e)

    monkeypatch.setattr("identities.engine.runner.search.examples", recording)
    outcome = investigate(spec, replay=False, derandomize=True, database=None, profile="large")
    assert outcome.passed and outcome.examples_run == 10
    assert max(sizes) > 4 and max(sizes) <= LARGE_MATRIX
