"""Draw a complete example for a spec: its dimensions first, then each input."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import torch
from hypothesis import strategies as st

from identities.spec import Array, Derived, Identity, Input, Integer, SmoothMap
from strategies.arrays import arrays, direction_domain
from strategies.maps import smooth_maps

#: Default range of every symbolic dimension; a spec's ``dims`` overrides it per symbol.
DIM_RANGE = (1, 4)


@dataclasses.dataclass
class Example:
    """One drawn example: the dimensions, the value of every input, and (for a
    differential rule) a direction ``d<name>`` for each input differentiated."""

    dims: dict[str, int]
    values: dict[str, Any]
    directions: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __repr__(self) -> str:
        dims = "  ".join(f"{k}={v}" for k, v in self.dims.items())
        vals = "  ".join(f"{k}={_show(v)}" for k, v in {**self.values,
                                                        **self.directions}.items())
        return f"Example({dims}  {vals})".replace("(  ", "(")


def _show(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return repr(value.tolist())
    return repr(value)


def dimensions(spec: Identity, dim_range: tuple[int, int] = DIM_RANGE
               ) -> st.SearchStrategy[dict[str, int]]:
    """Values for the spec's symbolic dimensions; shrinks toward the smallest sizes.

    Symbols listed in ``spec.distinct`` get pairwise different values.
    """
    @st.composite
    def draw_dims(draw: st.DrawFn) -> dict[str, int]:
        out: dict[str, int] = {}
        if spec.distinct:
            lo, hi = dim_range
            values = draw(st.lists(st.integers(lo, max(hi, lo + len(spec.distinct) - 1)),
                                   min_size=len(spec.distinct),
                                   max_size=len(spec.distinct), unique=True),
                          label="distinct dims")
            out.update(zip(spec.distinct, values, strict=True))
        for sym in spec.symbols:
            if sym not in out:
                lo, hi = spec.dims.get(sym, dim_range)
                out[sym] = draw(st.integers(lo, hi), label=sym)
        return out

    return draw_dims()


def _size(d: str | int | None, dims: dict[str, int]) -> int | None:
    return dims[d] if isinstance(d, str) else d


def value_of(decl: Input, dims: dict[str, int]) -> st.SearchStrategy[Any]:
    """The strategy for one non-derived input declaration, given the dimensions."""
    if isinstance(decl, Array):
        return arrays(tuple(_size(d, dims) for d in decl.shape), decl.domain)
    if isinstance(decl, Integer):
        return st.integers(decl.low, decl.high)
    if isinstance(decl, SmoothMap):
        return smooth_maps(dim_in=_size(decl.dim_in, dims), dim_out=_size(decl.dim_out, dims))
    raise TypeError(f"no strategy for input declaration {decl!r}")


def examples(spec: Identity, dim_range: tuple[int, int] = DIM_RANGE
             ) -> st.SearchStrategy[Example]:
    """Complete examples for ``spec``: dims, then inputs in order, derived ones built last."""
    dims_strategy = dimensions(spec, dim_range)

    @st.composite
    def draw_example(draw: st.DrawFn) -> Example:
        dims = draw(dims_strategy)
        values: dict[str, Any] = {}
        for name, decl in spec.inputs.items():
            if not isinstance(decl, Derived):
                values[name] = draw(value_of(decl, dims), label=name)
        for name, decl in spec.inputs.items():
            if isinstance(decl, Derived):
                extra = {k: draw(value_of(d, dims), label=f"{name}.{k}")
                         for k, d in decl.extra.items()}
                wanted = inspect.signature(decl.build).parameters
                args = {k: v for k, v in {**values, **extra}.items() if k in wanted}
                values[name] = torch.as_tensor(decl.build(**args), dtype=torch.float64)
        ordered = {name: values[name] for name in spec.inputs}
        directions = {}
        if spec.form == "differential":
            for name in spec.wrt_names:
                decl = spec.inputs[name]
                domain = direction_domain(decl.domain if isinstance(decl, Array) else "")
                shape = tuple(values[name].shape)
                directions[f"d{name}"] = draw(arrays(shape, domain), label=f"d{name}")
        return Example(dims, ordered, directions)

    return draw_example()
