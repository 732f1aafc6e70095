"""Batches of examples, sampled by torch's random generator: the batched sweep's inputs.

A batch is drawn in the same order as a Hypothesis example (``strategies.inputs.draw_inputs``)
and by the same constructions (``strategies.arrays.Construction``), so the raw entries of
one example of a batch are exactly the choices by which the flat strategies
(``examples(spec, fixed_dims=...)``) draw it again: Hypothesis can replay and shrink it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import torch

from identities.spec import Array, Derived, Identity, Index, Input, Integer, Size
from identities.strategies.arrays import construction
from identities.strategies.inputs import Example, draw_inputs


@dataclasses.dataclass
class Batch:
    """A sampled batch: the dimensions, the batched inputs and directions, and the raw
    parts of every array (to rebuild one example's choices)."""

    dims: dict[str, int]
    values: dict[str, Any]
    directions: dict[str, torch.Tensor]
    raws: list[tuple[Any, Any]]  # (construction or None for an integer, raw parts or int)

    def example(self, i: int) -> Example:
        def pick(v: Any) -> Any:
            return v[i] if isinstance(v, torch.Tensor) else v

        return Example(
            dict(self.dims),
            {k: pick(v) for k, v in self.values.items()},
            {k: v[i] for k, v in self.directions.items()},
        )

    def choices(self, i: int) -> tuple:
        """The choices of the flat strategies that draw example ``i``."""
        out: list = []
        for made, raw in self.raws:
            out += [raw] if made is None else made.choices(raw, i)
        return tuple(out)


def sample_dims(
    spec: Identity, dim_range: tuple[int, int], generator: torch.Generator
) -> dict[str, int]:
    """The dimensions of one batch: ``spec.distinct`` pairwise different, each symbol in
    its range (``spec.dims``, else ``dim_range``)."""

    def uniform(lo: int, hi: int) -> int:
        return int(torch.randint(lo, hi + 1, (), generator=generator))

    dims: dict[str, int] = {}
    if spec.distinct:
        lo, hi = dim_range
        pool = (
            torch.randperm(max(hi, lo + len(spec.distinct) - 1) - lo + 1, generator=generator)[
                : len(spec.distinct)
            ]
            + lo
        )
        dims.update(zip(spec.distinct, (int(v) for v in pool), strict=True))
    for sym in spec.symbols:
        if sym not in dims:
            dims[sym] = uniform(*spec.dims.get(sym, dim_range))
    return dims


def sample(spec: Identity, dims: dict[str, int], count: int, generator: torch.Generator) -> Batch:
    """``count`` examples at ``dims``, in the order ``examples`` draws them."""
    raws: list = []

    def draw(decl: Input, dims: dict[str, int], label: str) -> Any:
        if isinstance(decl, Array):
            shape = tuple(dims[d] if isinstance(d, str) else d for d in decl.shape)
            made = construction(shape, decl.domain)
            value, raw = made.sample(count, generator)
            raws.append((made, raw))
            return value
        if isinstance(decl, Size):  # no choice: the flat strategy draws nothing
            return dims[decl.symbol]
        if isinstance(decl, Index):
            low, high = 0, dims[decl.symbol] - 1
        else:
            assert isinstance(decl, Integer), f"the sweep draws no {type(decl).__name__}"
            low, high = decl.low, decl.high
        number = int(torch.randint(low, high + 1, (), generator=generator))
        raws.append((None, number))
        return number

    def build(decl: Derived, args: dict[str, Any]) -> torch.Tensor:
        batched = {k: v for k, v in args.items() if isinstance(v, torch.Tensor)}
        fixed = {k: v for k, v in args.items() if not isinstance(v, torch.Tensor)}
        if not batched:  # built from constants only (a worked example's numbers)
            value = torch.as_tensor(decl.build(**fixed), dtype=torch.float64)
            return value.expand(count, *value.shape).clone()
        return torch.vmap(lambda b: decl.build(**b, **fixed))(batched)

    values, directions = draw_inputs(spec, dims, draw, build, lambda value: tuple(value.shape[1:]))
    return Batch(dims, values, directions, raws)
