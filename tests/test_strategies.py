"""Strategies build every constraint by construction, and their draws discriminate."""

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from identities import Identity, Source, derived, scalar, smooth_map, vector
from identities.engine import autograd_jacobian
from identities.strategies import MARGIN, arrays, dimensions, examples, smooth_maps

sides = st.integers(1, 6)


@given(data=st.data())
def test_invertible_matrices_have_bounded_condition_number(data):
    n = data.draw(sides, label="n")
    for domain in ("invertible", "positive_determinant", "spd", "symmetric_invertible"):
        a = data.draw(arrays((n, n), domain), label=domain)
        cond = torch.linalg.cond(a, p=float("inf"))
        assert cond <= 2 + 4 * (n - 1) + 1e-9, f"{domain}: cond_inf {cond} for {a.tolist()}"


@given(data=st.data())
def test_structured_domains_have_their_structure(data):
    n = data.draw(sides, label="n")
    sym = data.draw(arrays((n, n), "symmetric"), label="symmetric")
    assert torch.equal(sym, sym.T)
    spd = data.draw(arrays((n, n), "spd"), label="spd")
    assert torch.equal(spd, spd.T) and float(torch.linalg.eigvalsh(spd).min()) > 0
    syminv = data.draw(arrays((n, n), "symmetric_invertible"), label="symmetric_invertible")
    assert torch.equal(syminv, syminv.T) and abs(float(torch.linalg.det(syminv))) > 0
    pos = data.draw(arrays((n, n), "positive_determinant"), label="posdet")
    assert float(torch.linalg.det(pos)) > 0
    q = data.draw(arrays((n, n), "orthogonal"), label="orthogonal")
    assert torch.allclose(q.T @ q, torch.eye(n), atol=1e-12)
    d = data.draw(arrays((n, n), "diagonal"), label="diagonal")
    assert torch.equal(d, torch.diag(torch.diagonal(d)))


@given(data=st.data())
def test_elementwise_domains_keep_their_distance_from_zero(data):
    shape = (data.draw(sides, label="n"),)
    assert bool((data.draw(arrays(shape, "nonzero")).abs() >= MARGIN).all())
    assert bool((data.draw(arrays(shape, "positive")) >= MARGIN).all())
    assert bool((data.draw(arrays(shape, "negative")) <= -MARGIN).all())
    inside = data.draw(arrays(shape, (0.3, 2.8)))
    assert bool(((inside > 0.3) & (inside < 2.8)).all())


def test_general_square_matrices_are_non_symmetric_in_nearly_every_draw():
    asymmetric, total = 0, 0

    @settings(max_examples=300, database=None)
    @given(arrays((2, 2), "general"))
    def collect(a):
        nonlocal asymmetric, total
        total += 1
        asymmetric += float((a - a.T).abs().max()) > 1e-3 * max(1.0, float(a.abs().max()))

    collect()
    assert asymmetric >= 0.9 * total, f"only {asymmetric} of {total} draws are non-symmetric"


SRC = Source("test", "strategies")


@given(data=st.data())
def test_distinct_dimensions_differ(data):
    spec = Identity(
        name="d",
        statement="s",
        source=SRC,
        inputs={"f": smooth_map("k", "m"), "g": smooth_map("n", "k"), "x": vector("n")},
        wrt="x",
        function=lambda f, g, x: f(g(x)),
        claimed=lambda f, g, x: f.jacobian(g(x)) @ g.jacobian(x),
        distinct=("m", "k", "n"),
    )
    dims = data.draw(dimensions(spec))
    assert len({dims["m"], dims["k"], dims["n"]}) == 3


@given(data=st.data())
def test_derived_inputs_keep_the_neuron_away_from_its_kink(data):
    spec = Identity(
        name="k",
        statement="s",
        source=SRC,
        inputs={
            "w": vector("n"),
            "x": vector("n"),
            "b": derived(lambda w, x, z: z - w @ x, z=scalar("nonzero")),
        },
        wrt="w",
        function=lambda w, x, b: torch.relu(w @ x + b),
        claimed=lambda w, x, b: torch.where(w @ x + b > 0, x, 0 * x),
    )
    ex = data.draw(examples(spec))
    w, x, b = ex.values["w"], ex.values["x"], ex.values["b"]
    assert abs(float(w @ x + b)) >= MARGIN - 1e-12


@settings(max_examples=50)
@given(data=st.data())
def test_generated_maps_know_their_jacobian(data):
    n_in = data.draw(st.one_of(st.none(), st.integers(1, 4)), label="dim_in")
    n_out = data.draw(st.one_of(st.none(), st.integers(1, 4)), label="dim_out")
    g = data.draw(smooth_maps(dim_in=n_in, dim_out=n_out), label="g")
    x = data.draw(arrays(() if n_in is None else (n_in,), "general"), label="x")
    assert torch.allclose(g.jacobian(x), autograd_jacobian(g, x), rtol=1e-12, atol=1e-12)


@given(data=st.data())
def test_separated_spectra_and_toeplitz_structure(data):
    n = data.draw(sides, label="n")
    a = data.draw(arrays((n, n), "symmetric_separated"), label="A")
    lam = torch.linalg.eigvalsh(a)
    assert torch.equal(a, a.T) and bool((lam.diff() >= 1 - 1e-9).all()), lam
    t = data.draw(arrays((n, n), "toeplitz"), label="T")
    for i in range(1, n):
        assert torch.equal(t[i, 1:], t[i - 1, :-1]), t
    s = data.draw(arrays((n, n), "symmetric_toeplitz"), label="S")
    assert torch.equal(s, s.T) and (n == 1 or torch.equal(s[1, 1:], s[0, :-1]))
