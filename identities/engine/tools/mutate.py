"""Built-in mutation testing: does the suite catch wrong claims, not only confirm right ones?

Each true identity's claim is mutated in generic ways (negate, scale by 2, transpose the
result or a square input, drop an input's contribution, swap two inputs of the same shape,
relative perturbations of 1e-3 and 1e-6), and each mutant is searched like a spec:

* ``killed`` - an example refutes it (both oracles agree, and disagree with the mutant);
* ``equivalent`` - the mutant equals the original claim on the whole domain (transposing a
  symmetric result, say): checked on the spec's own examples, directions included;
* ``survived`` - neither: weak inputs or a loose tolerance. Mend the strategy or the error
  model, never the mutant.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from typing import Any

import torch
from hypothesis import Phase, given, settings

from identities.engine.judgement import judge_tensors
from identities.engine.rounding import measured_rounding
from identities.engine.runner import profiles
from identities.engine.runner.search import check_shapes, investigate
from identities.engine.tools.progress import bar
from identities.engine.torch_policy import torch_policy
from identities.spec import Array, Identity, SpecError
from identities.strategies import examples as examples_of
from identities.strategies import structure_basis

NO_SHRINK: dict[str, Any] = {"phases": [Phase.explicit, Phase.reuse, Phase.generate]}


@dataclasses.dataclass(frozen=True)
class Mutant:
    spec: Identity
    label: str
    claimed: Callable

    @property
    def name(self) -> str:
        return f"{self.spec.name} ~ {self.label}"


def _wrap(claimed: Callable, change: Callable[[torch.Tensor], torch.Tensor]) -> Callable:
    return lambda **kw: change(claimed(**kw))


def _with_inputs(claimed: Callable, change: Callable[[dict], dict]) -> Callable:
    return lambda **kw: claimed(**change(dict(kw)))


def _transposed(name: str) -> Callable[[dict], dict]:
    return lambda kw: {**kw, name: kw[name].mT}


def _dropped(name: str) -> Callable[[dict], dict]:
    return lambda kw: {**kw, name: torch.zeros_like(kw[name])}


def _swapped(a: str, b: str) -> Callable[[dict], dict]:
    return lambda kw: _swap(kw, a, b)


def _swap(kw: dict, a: str, b: str) -> dict:
    kw[a], kw[b] = kw[b], kw[a]
    return kw


def mutants(spec: Identity) -> list[Mutant]:
    """The generic mutants of a spec's claim."""
    c = spec.claimed
    out = [
        Mutant(spec, "negate", _wrap(c, lambda t: -t)),
        Mutant(spec, "scale by 2", _wrap(c, lambda t: 2 * t)),
        Mutant(spec, "relative 1e-3", _wrap(c, lambda t: t * (1 + 1e-3))),
        Mutant(spec, "relative 1e-6", _wrap(c, lambda t: t * (1 + 1e-6))),
        Mutant(spec, "transpose the result", _wrap(c, lambda t: t.mT if t.dim() >= 2 else t)),
    ]
    arrays = {k: d for k, d in spec.inputs.items() if isinstance(d, Array)}
    for name, decl in arrays.items():
        if len(decl.shape) == 2 and decl.shape[0] == decl.shape[1]:
            out.append(Mutant(spec, f"transpose input {name}", _with_inputs(c, _transposed(name))))
        out.append(Mutant(spec, f"drop input {name}", _with_inputs(c, _dropped(name))))
    names = list(arrays)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if arrays[a].shape == arrays[b].shape:
                out.append(Mutant(spec, f"swap {a} and {b}", _with_inputs(c, _swapped(a, b))))
    return out


def _masked(spec: Identity, fn: Callable) -> Callable:
    """For a structured gradient, only the entries the structure frees are compared."""
    decl = spec.inputs.get(spec.variable) if isinstance(spec.wrt, str) else None
    if spec.form != "gradient" or not isinstance(decl, Array) or len(decl.shape) != 2:
        return fn

    def masked(**kw):
        value = fn(**kw)
        basis = structure_basis(decl.domain, kw[spec.variable].shape[0])
        return value if basis is None else torch.where(basis.sum(0) > 0, value, 0.0)

    return masked


@torch_policy()
def equivalent(mutant: Mutant, examples: int) -> bool:
    """True when the mutant's claim equals the original claim (up to rounding) on every
    example of the spec's own domain, directions included."""
    spec = mutant.spec
    original, changed = _masked(spec, spec.claimed), _masked(spec, mutant.claimed)

    @settings(
        profiles.current_settings(),
        max_examples=examples,
        database=None,
        deadline=None,
        report_multiple_bugs=False,
        **NO_SHRINK,
    )
    @given(examples_of(spec))
    def same(example) -> None:
        def both(e: Any) -> tuple[torch.Tensor, torch.Tensor]:
            args = {**e.values, **e.directions}
            return original(**args), changed(**args)

        a, b = both(example)
        assert a.shape == b.shape
        # Equal up to rounding, as check judges: the strict tolerance, else the measured.
        if not bool(judge_tensors(a, b)["by_ad"]):
            rounding = measured_rounding(both, example, (a, b))
            assert rounding is not None
            assert bool(judge_tensors(a, b, rounding=rounding)["by_ad"])

    try:
        same()
    except Exception:
        return False
    return True


@torch_policy()
def judge(mutant: Mutant, examples: int) -> str:
    """'killed', 'equivalent' or 'survived'.

    The mutant is searched like a false statement: the search goes on past examples that
    cannot decide (a derivative below finite-difference resolution) until one refutes it.
    """
    mutated = dataclasses.replace(
        mutant.spec,
        name=_slug(mutant.name),
        claimed=mutant.claimed,
        holds=False,
        lesson="a mutant of a true claim",
    )
    try:
        if investigate(mutated, max_examples=examples, replay=False, **NO_SHRINK).passed:
            return "killed"
    except SpecError:
        return "killed"  # the suite rejects it outright (wrong shape, raises on the domain)
    return "equivalent" if equivalent(mutant, examples) else "survived"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]+", "-", text)


@torch_policy()
def run(specs: Iterable[Identity], examples: int = 50, progress: bool = True) -> dict:
    """Mutate every true identity in ``specs``; returns the counts, the survivors, and the
    specs not mutated because they are wrong themselves (``spec_errors``)."""
    result: dict[str, Any] = {
        "killed": 0,
        "survived": 0,
        "equivalent": 0,
        "survivors": [],
        "spec_errors": [],
    }
    every = []
    for spec in specs:
        if not spec.holds or spec.at_kink:
            continue
        try:  # a spec whose own claim is wrong (a shape, an error) would "kill" every mutant
            check_shapes(spec)
        except SpecError as err:
            result["spec_errors"].append({"name": spec.name, "message": str(err)})
            continue
        every.extend(mutants(spec))
    with bar(every, desc="mutate", unit="mutant", show=progress) as mutants_bar:
        for mutant in mutants_bar:
            verdict = judge(mutant, examples)
            result[verdict] += 1
            if verdict == "survived":
                result["survivors"].append(mutant.name)
            mutants_bar.set_postfix(
                killed=result["killed"],
                equivalent=result["equivalent"],
                survived=result["survived"],
                refresh=False,
            )
    return result
