"""Draw a complete example for a spec: its dimensions first, then each input."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import torch
from hypothesis import strategies as st

from identities.spec import Array, Derived, Identity, Index, Input, Integer, Size, SmoothMap
from identities.strategies.arrays import arrays, construction, direction_domain
from identities.strategies.maps import smooth_maps

#: Default range of every symbolic dimension; a spec's ``dims`` overrides it per symbol.
DIM_RANGE = (1, 4)

#: Large shapes (the ``large`` profile): vectors up to this length, matrices up to this side.
LARGE_VECTOR = 1024
LARGE_MATRIX = 32


def _declarations(spec: Identity) -> list[Input]:
    """Every input declaration, the extra draws of derived inputs included."""
    out: list[Input] = []
    for decl in spec.inputs.values():
        out += list(decl.extra.values()) if isinstance(decl, Derived) else [decl]
    return out


def large_ranges(spec: Identity) -> dict[str, tuple[int, int]]:
    """Ranges of the symbols for large shapes: a symbol that only sizes vectors goes up to
    ``LARGE_VECTOR``, one that sizes a matrix (or more) up to ``LARGE_MATRIX``. Symbols
    with their own range in ``spec.dims``, distinct symbols, and the sizes of generated maps
    keep their ranges."""
    out = {}
    decls = _declarations(spec)
    for sym in spec.symbols:
        if sym in spec.dims or sym in spec.distinct:
            continue
        if any(isinstance(d, SmoothMap) and sym in (d.dim_in, d.dim_out) for d in decls):
            continue
        ranks = [len(d.shape) for d in decls if isinstance(d, Array) and sym in d.shape]
        out[sym] = (1, LARGE_VECTOR if max(ranks, default=1) == 1 else LARGE_MATRIX)
    return out


@dataclasses.dataclass
class Example:
    """One drawn example: the dimensions, the value of every input, and (for a
    differential rule) a direction ``d<name>`` for each input differentiated."""

    dims: dict[str, int]
    values: dict[str, Any]
    directions: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __repr__(self) -> str:
        dims = "  ".join(f"{k}={v}" for k, v in self.dims.items())
        vals = "  ".join(f"{k}={_show(v)}" for k, v in {**self.values, **self.directions}.items())
        return f"Example({dims}  {vals})".replace("(  ", "(")


def _show(value: Any) -> str:
    if isinstance(value, torch.Tensor):
        return repr(value.tolist())
    return repr(value)


def dimensions(
    spec: Identity,
    dim_range: tuple[int, int] = DIM_RANGE,
    ranges: dict[str, tuple[int, int]] | None = None,
) -> st.SearchStrategy[dict[str, int]]:
    """Values for the spec's symbolic dimensions; shrinks toward the smallest sizes.

    Symbols listed in ``spec.distinct`` get pairwise different values; ``ranges`` gives
    some symbols their own range (as ``large_ranges`` does), ahead of ``spec.dims``.
    """
    ranges = ranges or {}
    if not spec.symbols and not spec.distinct:
        return st.just({})

    @st.composite
    def draw_dims(draw: st.DrawFn) -> dict[str, int]:
        out: dict[str, int] = {}
        if spec.distinct:
            lo, hi = dim_range
            values = draw(
                st.lists(
                    st.integers(lo, max(hi, lo + len(spec.distinct) - 1)),
                    min_size=len(spec.distinct),
                    max_size=len(spec.distinct),
                    unique=True,
                ),
                label="distinct dims",
            )
            out.update(zip(spec.distinct, values, strict=True))
        for sym in spec.symbols:
            if sym not in out:
                lo, hi = ranges.get(sym) or spec.dims.get(sym, dim_range)
                out[sym] = draw(st.integers(lo, hi), label=sym)
        return out

    return draw_dims()


def _size(d: str | int | None, dims: dict[str, int]) -> int | None:
    return dims[d] if isinstance(d, str) else d


def value_of(decl: Input, dims: dict[str, int], flat: bool = False) -> st.SearchStrategy[Any]:
    """The strategy for one non-derived input declaration, given the dimensions
    (``flat``: raw entries as plain floats in order; see ``strategies.arrays.Raw``)."""
    if isinstance(decl, Array):
        shape = tuple(_size(d, dims) for d in decl.shape)
        if flat:
            return construction(shape, decl.domain).flat_strategy()
        return arrays(shape, decl.domain)
    if isinstance(decl, Integer):
        return st.integers(decl.low, decl.high)
    if isinstance(decl, Size):
        return st.just(dims[decl.symbol])
    if isinstance(decl, Index):
        return st.integers(0, dims[decl.symbol] - 1)
    if isinstance(decl, SmoothMap):
        return smooth_maps(dim_in=_size(decl.dim_in, dims), dim_out=_size(decl.dim_out, dims))
    raise TypeError(f"no strategy for input declaration {decl!r}")


def draw_inputs(
    spec: Identity,
    dims: dict[str, int],
    draw: Callable[[Input, dict[str, int], str], Any],
    build: Callable[[Derived, dict[str, Any]], Any],
    shape_of: Callable[[Any], tuple[int, ...]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The one draw order of every example, one at a time (Hypothesis) or a batch at a time
    (``strategies.batches``): each input in order, derived ones last (their extra draws,
    then the build), then the directions of a differential rule. Returns (values,
    directions).

    * ``draw(decl, dims, label)`` - a value of one non-derived declaration;
    * ``build(decl, arguments)`` - a derived input from the arguments its build takes;
    * ``shape_of(value)`` - the shape of one example's value (without a batch dimension).
    """
    values: dict[str, Any] = {}
    for name, decl in spec.inputs.items():
        if not isinstance(decl, Derived):
            values[name] = draw(decl, dims, name)
    for name, decl in spec.inputs.items():
        if isinstance(decl, Derived):
            extra = {k: draw(d, dims, f"{name}.{k}") for k, d in decl.extra.items()}
            values[name] = build(decl, decl.arguments({**values, **extra}))
    ordered = {name: values[name] for name in spec.inputs}
    directions = {}
    if spec.form == "differential":
        for name in spec.wrt_names:
            decl = spec.inputs[name]
            domain = direction_domain(decl.domain if isinstance(decl, Array) else "")
            directions[f"d{name}"] = draw(Array(shape_of(values[name]), domain), dims, f"d{name}")
    return ordered, directions


def examples(
    spec: Identity,
    dim_range: tuple[int, int] = DIM_RANGE,
    *,
    large: bool = False,
    fixed_dims: dict[str, int] | None = None,
) -> st.SearchStrategy[Example]:
    """Complete examples for ``spec``: dims, then the inputs in ``draw_inputs``' order.

    With ``large``, the symbols take ``large_ranges``. With ``fixed_dims``, the dimensions
    are those and every array is drawn flat (to shrink an example found by the sweep, whose
    raw entries are the choices; ``strategies.batches``)."""
    flat = fixed_dims is not None
    dims_strategy = (
        st.just(dict(fixed_dims))
        if fixed_dims is not None
        else dimensions(spec, dim_range, large_ranges(spec) if large else None)
    )

    @st.composite
    def draw_example(draw: st.DrawFn) -> Example:
        dims = draw(dims_strategy)
        values, directions = draw_inputs(
            spec,
            dims,
            lambda decl, dims, label: draw(value_of(decl, dims, flat), label=label),
            lambda decl, args: torch.as_tensor(decl.build(**args), dtype=torch.float64),
            lambda value: tuple(value.shape),
        )
        return Example(dims, values, directions)

    return draw_example()
