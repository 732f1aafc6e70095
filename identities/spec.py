"""The identity spec: the declarative record that every catalog entry is.

A spec says what a source claims, in the source's own notation and layout:

* ``function`` - the function, written with torch operations, taking the inputs by name;
* ``claimed`` - the derivative (or value) as the source prints it, same arguments;
* ``inputs`` - every input with a symbolic shape and a domain;
* ``wrt`` - the input the derivative is taken with respect to;
* ``form`` and ``layout`` - how the claim is arranged (see ``FORMS``).

The engine (``identities.engine``) compares the claim with two independent oracles.
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import difflib
import inspect
import itertools
import re
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, ClassVar

import torch

#: How a claim is arranged.
#:
#: * ``jacobian`` - the matrix of partials; ``layout="numerator"`` puts outputs first
#:   (shape ``out + in``: a scalar-by-vector derivative is a row, accepted as ``(n,)`` or
#:   ``(1, n)``; a scalar-by-matrix derivative is laid out by X^T, ``q x p`` for a ``p x q``
#:   X, as Wikipedia's numerator layout); ``layout="denominator"`` is its transpose
#:   (``in + out``; scalar-by-matrix shaped like X).
#: * ``gradient`` - for a scalar function: shaped like the input (the Matrix Cookbook's
#:   convention for scalar-by-matrix derivatives). For a structured input (a symmetric,
#:   diagonal or Toeplitz domain) each entry is the derivative with respect to that entry
#:   with the entries tied to it moving along (the Cookbook's section 2.8): both oracles
#:   differentiate along the structure, and only the entries the structure frees are compared.
#: * ``differential`` - a differential rule: ``claimed`` also takes a direction ``d<name>`` for
#:   each input named in ``wrt`` (a name or a tuple of names) and returns the directional
#:   derivative d/dt f(X + t dX) at t = 0. Directions of structured inputs keep the structure.
#: * ``hessian`` - the second derivative of a scalar function, shape ``in + in``.
#: * ``value`` - an algebraic identity: the claim is compared with the function's value.
FORMS = ("jacobian", "gradient", "differential", "hessian", "value")
LAYOUTS = ("numerator", "denominator")

Dim = str | int


class SpecError(ValueError):
    """A malformed spec. The message names the spec, the field, the value and the fix."""


def did_you_mean(word: object, choices: Sequence[str]) -> str:
    """`` (did you mean 'x'?)`` for the choice closest to ``word`` by similarity, or ''."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


#: True while spec files are loaded (``collecting``): a malformed ``Identity`` is then kept,
#: marked ``broken``, instead of raising, so that the module goes on to define its other specs.
_COLLECTING: contextvars.ContextVar[bool] = contextvars.ContextVar("collecting", default=False)


@contextlib.contextmanager
def collecting() -> Iterator[None]:
    """Load spec files inside this: every malformed spec is recorded on its own (its
    ``broken`` problems and ``defined_at`` lines) rather than stopping its module."""
    token = _COLLECTING.set(True)
    try:
        yield
    finally:
        _COLLECTING.reset(token)


def _callers() -> tuple[tuple[str, int], ...]:
    """The (file, line) of the frames that built a spec, innermost first, outside this
    module and the dataclass machinery."""
    out: list[tuple[str, int]] = []
    frame: Any = sys._getframe(1)
    while frame is not None and len(out) < 12:
        name = frame.f_code.co_filename
        if name != __file__ and not name.startswith("<"):
            out.append((name, frame.f_lineno))
        frame = frame.f_back
    return tuple(out)


@dataclasses.dataclass(frozen=True)
class Source:
    """Where an identity is printed.

    * ``document`` - ``"seed"`` (the lecture notes), ``"matrix-cookbook-2012"``, or your own.
    * ``ref`` - the place in it: the seed's slide title, the Cookbook's equation number.
    """

    document: str
    ref: str

    def __str__(self) -> str:
        return f'{self.document}, "{self.ref}"'


#: ``Source.document`` of the Matrix Cookbook, version of November 15, 2012.
COOKBOOK = "matrix-cookbook-2012"


def cookbook(equation: str) -> Source:
    """The source of a Matrix Cookbook (2012) equation, e.g. ``cookbook("49")``."""
    return Source(COOKBOOK, equation)


@dataclasses.dataclass(frozen=True)
class Document:
    """A reference checked entry by entry: what its coverage table lists.

    * ``id`` - the ``Source.document`` its specs cite, e.g. ``"barnes-2006"``;
    * ``title`` - the reference as a reader names it;
    * ``entries`` - every entry's ID (``Source.ref``), in the order the source prints them;
    * ``not_testable`` - entry ID -> why it cannot be checked numerically (a definition, a
      notation, a statement with no formula);
    * ``pending`` - entry ID -> what the spec format still lacks to check it as printed.

    Every entry has specs, a reason in ``not_testable``, or a note in ``pending``.
    """

    id: str
    title: str
    entries: tuple[str, ...]
    not_testable: Mapping[str, str] = dataclasses.field(default_factory=dict)
    pending: Mapping[str, str] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class Array:
    """A float64 tensor input with a symbolic shape and a domain (``DOMAIN_NAMES``).

    ``domain`` is a domain name, or a ``(low, high)`` pair for an open interval of reals.
    """

    shape: tuple[Dim, ...]
    domain: str | tuple[float, float] = "general"


@dataclasses.dataclass(frozen=True)
class Integer:
    """An integer drawn from ``low..high`` (inclusive); never differentiated."""

    low: int
    high: int


@dataclasses.dataclass(frozen=True)
class Size:
    """The value of a dimension symbol, as an int input: a size the formula uses (a
    factor ``n``, a ``1/N``). Its value is the drawn dimension; never differentiated."""

    symbol: str


@dataclasses.dataclass(frozen=True)
class Index:
    """An index into a dimension: an int in ``0 .. n - 1`` for the symbol's drawn size
    ``n`` (0-based, as torch indexes; a source's ``i = 1..n`` is ``i - 1`` here). Names the
    entry of ``wrt="X[i, j]"``; never differentiated."""

    symbol: str


@dataclasses.dataclass(frozen=True)
class SmoothMap:
    """A generated differentiable map with a Jacobian known in closed form.

    ``dim_in`` / ``dim_out`` are the sizes of its argument and value; ``None`` means a
    scalar. The drawn object is called as ``g(x)`` and has ``g.jacobian(x)`` (numerator
    layout), so a chain-rule claim can be evaluated without either oracle.
    """

    dim_in: Dim | None
    dim_out: Dim | None


@dataclasses.dataclass(frozen=True)
class Derived:
    """An input computed from other inputs and from extra draws, to build a constraint.

    ``build`` takes, by name, earlier inputs and the ``extra`` draws, and returns the value.
    Example: ``b`` with ``w @ x + b`` at a distance from the ReLU kink is
    ``derived(lambda w, x, z: z - w @ x, z=scalar("nonzero"))``.
    """

    build: Callable
    extra: Mapping[str, Input]

    def arguments(self, available: Mapping[str, object]) -> dict:
        """Those of ``available`` (earlier inputs and the extra draws) that build takes."""
        wanted = inspect.signature(self.build).parameters
        return {k: v for k, v in available.items() if k in wanted}


Input = Array | Integer | Size | Index | SmoothMap | Derived


#: Domains whose entries are drawn one by one, for a tensor of any shape.
ELEMENTWISE_DOMAINS = ("general", "nonzero", "positive", "negative", "zero")

#: Domains of square matrices -> the linear structure their values share ("" for none).
#: Directions of a differential rule keep the structure (a symmetric dA for a symmetric A),
#: and a gradient with respect to a structured matrix is taken along it (Cookbook 2.8).
SQUARE_DOMAINS: dict[str, str] = {
    "symmetric": "symmetric",
    "invertible": "",
    "positive_determinant": "",
    "spd": "symmetric",
    "symmetric_invertible": "symmetric",
    "orthogonal": "",
    "symmetric_separated": "symmetric",
    "diagonal": "diagonal",
    "toeplitz": "toeplitz",
    "symmetric_toeplitz": "symmetric_toeplitz",
}

#: Every domain name a spec may use (see ``strategies.DOMAINS`` for what each one draws).
DOMAIN_NAMES = (*ELEMENTWISE_DOMAINS, *SQUARE_DOMAINS)


def structure(domain: str | tuple[float, float]) -> str:
    """The linear structure of a domain's values: "symmetric", "diagonal", "toeplitz",
    "symmetric_toeplitz", or "" (none: an interval, an element-wise or unstructured domain)."""
    return SQUARE_DOMAINS.get(domain, "") if isinstance(domain, str) else ""


def _declaration_problems(where: str, decl: Input) -> list[str]:
    """What is wrong with one input declaration (domain, interval, range, shape)."""
    if isinstance(decl, Derived):
        out = [] if callable(decl.build) else [f"{where}: derived(build=...) needs a callable."]
        for k, extra in decl.extra.items():
            out.extend(_declaration_problems(f"{where}.{k}", extra))
        return out
    if isinstance(decl, (Size, Index)):
        if not isinstance(decl.symbol, str) or not decl.symbol:
            return [
                f"{where}: {type(decl).__name__.lower()}({decl.symbol!r}) needs a "
                "dimension symbol such as 'n'."
            ]
        return []
    if isinstance(decl, Integer):
        if not (isinstance(decl.low, int) and isinstance(decl.high, int) and decl.low <= decl.high):
            return [f"{where}: integer({decl.low!r}, {decl.high!r}) needs ints with low <= high."]
        return []
    if not isinstance(decl, Array):
        return []
    domain = decl.domain
    if isinstance(domain, tuple):
        if len(domain) != 2 or not domain[0] < domain[1]:
            return [
                f"{where}: domain={domain!r} is an empty interval; give (low, high) "
                "with low < high."
            ]
        return []
    if domain not in DOMAIN_NAMES:
        return [
            f"{where}: domain={domain!r} is not a known domain"
            + (
                did_you_mean(domain, DOMAIN_NAMES) + "."
                or f"; use one of {sorted(DOMAIN_NAMES)} or a (low, high) interval."
            )
        ]
    if domain in SQUARE_DOMAINS and (len(decl.shape) != 2 or decl.shape[0] != decl.shape[1]):
        return [
            f"{where}: domain={domain!r} needs a square matrix, but the shape is "
            f"{decl.shape}; declare it as matrix('n', 'n', {domain!r})."
        ]
    return []


def scalar(domain: str | tuple[float, float] = "general") -> Array:
    """A 0-d float64 tensor."""
    return Array((), domain)


def vector(n: Dim, domain: str | tuple[float, float] = "general") -> Array:
    """A 1-d float64 tensor of length ``n`` (a column vector in the sources' notation)."""
    return Array((n,), domain)


def matrix(m: Dim, n: Dim, domain: str | tuple[float, float] = "general") -> Array:
    """An ``m`` by ``n`` float64 tensor."""
    return Array((m, n), domain)


def integer(low: int, high: int) -> Integer:
    """An integer in ``low..high``."""
    return Integer(low, high)


def column(n: Dim, domain: str | tuple[float, float] = "general") -> Array:
    """An ``n`` x 1 float64 matrix: a column vector kept apart from a 1-d ``vector`` (the
    layouts of column and row vectors are 2-d: a scalar-by-column derivative is a 1 x n row
    in numerator layout, and a claim of the other orientation is a shape error)."""
    return Array((n, 1), domain)


def row(n: Dim, domain: str | tuple[float, float] = "general") -> Array:
    """A 1 x ``n`` float64 matrix: a row vector (see ``column``)."""
    return Array((1, n), domain)


def size(symbol: str) -> Size:
    """The drawn value of the dimension ``symbol``, as an int input (see ``Size``)."""
    return Size(symbol)


def index(symbol: str) -> Index:
    """An index ``0 .. n - 1`` into the dimension ``symbol`` (see ``Index``)."""
    return Index(symbol)


def entrywise(shape: Sequence[int], entry: Callable[..., Any]) -> torch.Tensor:
    """A tensor written entry by entry, as index notation writes it: ``entry(i, j, ...)``
    for every index tuple of ``shape`` (0-based), stacked in row-major order. For example
    the claim ``[dX/dX_ij]_kl = delta_ik delta_jl`` reads
    ``entrywise(X.shape, lambda p, q: float(p == i and q == j))``; the sizes may come from
    an input's shape or from ``size("n")`` inputs."""
    shape = tuple(int(d) for d in shape)
    cells = [
        torch.as_tensor(entry(*idx), dtype=torch.float64)
        for idx in itertools.product(*(range(d) for d in shape))
    ]
    if not cells:
        return torch.zeros(shape, dtype=torch.float64)
    return torch.stack(cells).reshape(shape)


def smooth_map(dim_in: Dim | None, dim_out: Dim | None) -> SmoothMap:
    """A generated map from ``dim_in`` to ``dim_out`` (``None``: a scalar)."""
    return SmoothMap(dim_in, dim_out)


def derived(build: Callable, **extra: Input) -> Derived:
    """An input built from earlier inputs and ``extra`` draws."""
    return Derived(build, extra)


_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
#: ``wrt="X[i, j]"``: the derivative with respect to one entry of X.
_ENTRY = re.compile(r"^\s*([A-Za-z_]\w*)\s*\[\s*(\w+(?:\s*,\s*\w+)*)\s*\]\s*$")


@dataclasses.dataclass(frozen=True, eq=False)
class Identity:
    """One identity as its source states it. See the module docstring for the fields.

    ``reading`` is empty when the spec is the source's statement exactly as printed, under
    exactly its stated conditions; otherwise it says how the spec departs from the print
    (a corrected term or an added condition, or another interpretation of the notation).
    ``counterpart`` names, for a false statement, the catalog's spec of what is true instead.
    """

    name: str
    statement: str
    source: Source
    inputs: Mapping[str, Input]
    function: Callable
    claimed: Callable
    wrt: str | tuple[str, ...] | None = None
    form: str = "jacobian"
    layout: str = "numerator"
    holds: bool = True
    lesson: str = ""
    conditions: str = ""
    reading: str = ""
    counterpart: str = ""
    distinct: tuple[str, ...] = ()
    dims: Mapping[str, tuple[int, int]] = dataclasses.field(default_factory=dict)
    at_kink: bool = False

    #: What is wrong with a spec built while ``collecting`` (one sentence each); ``()`` for a
    #: sound spec (a malformed one raises ``SpecError`` when not collecting).
    broken: ClassVar[tuple[str, ...]] = ()
    #: Where a broken spec was built: (file, line) of each caller, innermost first.
    defined_at: ClassVar[tuple[tuple[str, int], ...]] = ()

    def __post_init__(self) -> None:
        problems = self.problems()
        if problems:
            self._refuse(problems)

    def _refuse(self, problems: list[str]) -> None:
        if not _COLLECTING.get():
            raise SpecError(f"spec {self.name!r}: {problems[0]}")
        object.__setattr__(self, "broken", tuple(problems))
        object.__setattr__(self, "defined_at", _callers())

    # -- validation -------------------------------------------------------------------
    def problems(self) -> list[str]:
        """What is wrong with this spec, one sentence each (field, value, fix)."""
        out: list[str] = []
        if not isinstance(self.name, str) or not _NAME.match(self.name):
            out.append(
                f"name={self.name!r} must be a non-empty identifier-like string "
                "(letters, digits, '_', '.', '-')."
            )
        if not isinstance(self.source, Source):
            out.append(
                f"source={self.source!r} must be a Source(document, ref), "
                "e.g. Source('seed', 'Jacobian')."
            )
        if not isinstance(self.inputs, Mapping) or not self.inputs:
            out.append(
                f"inputs={self.inputs!r} must be a non-empty dict of name -> "
                "vector(...)/matrix(...)/scalar(...)."
            )
            return out
        for key, decl in self.inputs.items():
            if not isinstance(decl, (Array, Integer, Size, Index, SmoothMap, Derived)):
                out.append(
                    f"inputs[{key!r}]={decl!r} is not an input declaration; use "
                    "scalar(), vector(n), matrix(m, n), column(n), row(n), integer(), "
                    "size(n), index(n), smooth_map(), derived()."
                )
            else:
                out.extend(_declaration_problems(f"inputs[{key!r}]", decl))
        used = set(self.symbols)
        for sym in (*self.dims, *self.distinct):
            if sym not in used:
                out.append(
                    f"dimension {sym!r} appears in dims/distinct but in no input's "
                    f"shape (inputs use {sorted(used)}); every dimension must be "
                    "fixed by an input, not only by the output."
                )
        for sym, bounds in self.dims.items():
            if (
                not isinstance(bounds, tuple)
                or len(bounds) != 2
                or not all(isinstance(b, int) for b in bounds)
                or not 0 <= bounds[0] <= bounds[1]
            ):
                out.append(
                    f"dims[{sym!r}]={bounds!r} must be a (low, high) pair of ints "
                    "with 0 <= low <= high."
                )
        if self.form not in FORMS:
            out.append(f"form={self.form!r} is not one of {FORMS}{did_you_mean(self.form, FORMS)}.")
        if self.layout not in LAYOUTS:
            out.append(
                f"layout={self.layout!r} is not one of {LAYOUTS}"
                f"{did_you_mean(self.layout, LAYOUTS)}."
            )
        if self.form == "value":
            if self.wrt is not None:
                out.append(
                    f"wrt={self.wrt!r} must be None for form='value' "
                    "(an algebraic identity takes no derivative)."
                )
        elif not self.wrt_names:
            out.append(
                f"wrt={self.wrt!r}: form={self.form!r} takes a derivative; name the "
                f"input it is taken with respect to (one of {tuple(self.inputs)})."
            )
        elif isinstance(self.wrt, tuple) and self.form != "differential":
            out.append(
                f"wrt={self.wrt!r}: several inputs at once only with "
                "form='differential'; otherwise name one input."
            )
        elif self.entry and self.form != "jacobian":
            out.append(
                f"wrt={self.wrt!r}: a derivative with respect to one entry is a "
                "jacobian (shaped like the function's value); use form='jacobian'."
            )
        else:
            for name in self.entry:
                if not isinstance(self.inputs.get(name), (Index, Integer)):
                    out.append(
                        f"wrt={self.wrt!r}: the index {name!r} must be an input "
                        "declared as index('n') (or integer(lo, hi))."
                    )
            for name in self.wrt_names:
                if name not in self.inputs:
                    out.append(f"wrt={name!r} is not one of its inputs {tuple(self.inputs)}.")
                elif not isinstance(self.inputs[name], (Array, Derived)):
                    out.append(
                        f"wrt={name!r} names a {type(self.inputs[name]).__name__} "
                        "input; derivatives are taken with respect to tensor inputs."
                    )
        if not isinstance(self.holds, bool):
            out.append(f"holds={self.holds!r} must be True or False.")
        elif not self.holds and not self.lesson.strip():
            out.append(
                "holds=False needs a lesson: say why the statement fails and what is true instead."
            )
        for field in ("function", "claimed"):
            out.extend(self._signature_problems(field))
        return out

    def _signature_problems(self, field: str) -> list[str]:
        fn = getattr(self, field)
        if not callable(fn):
            return [f"{field}={fn!r} must be callable (a lambda of the inputs)."]
        try:
            params = inspect.signature(fn).parameters
        except (TypeError, ValueError):
            return []
        if any(p.kind is p.VAR_KEYWORD for p in params.values()):
            return []
        names = [p for p in params if params[p].default is inspect.Parameter.empty]
        wanted = list(self.inputs)
        if field == "claimed" and self.form == "differential":
            wanted += [f"d{w}" for w in self.wrt_names]
        if sorted(names) != sorted(wanted):
            return [
                f"{field} takes arguments {tuple(names)} but should take "
                f"{tuple(wanted)}; write it as lambda {', '.join(wanted)}: ..."
            ]
        return []

    @property
    def wrt_names(self) -> tuple[str, ...]:
        """The inputs differentiated, as a tuple (empty for a value identity)."""
        if self.wrt is None:
            return ()
        if isinstance(self.wrt, tuple):
            return self.wrt
        entry = _ENTRY.match(self.wrt)
        return (entry.group(1),) if entry else (self.wrt,)

    @property
    def variable(self) -> str:
        """The one input differentiated (not for a differential rule of several inputs)."""
        return self.wrt_names[0]

    @property
    def entry(self) -> tuple[str, ...]:
        """For ``wrt="X[i, j]"`` (the derivative with respect to one entry), the names of
        the index inputs, ``("i", "j")``; else ``()``."""
        entry = _ENTRY.match(self.wrt) if isinstance(self.wrt, str) else None
        return tuple(n.strip() for n in entry.group(2).split(",")) if entry else ()

    # -- facts the engine uses --------------------------------------------------------
    @property
    def symbols(self) -> tuple[str, ...]:
        """The symbolic dimensions used by the inputs, in order of appearance."""
        seen: dict[str, None] = {}

        def visit(decl: Input) -> None:
            if isinstance(decl, Array):
                dims: tuple = decl.shape
            elif isinstance(decl, (Size, Index)):
                dims = (decl.symbol,)
            elif isinstance(decl, SmoothMap):
                dims = (decl.dim_in, decl.dim_out)
            elif isinstance(decl, Derived):
                for extra in decl.extra.values():
                    visit(extra)
                return
            else:
                return
            for d in dims:
                if isinstance(d, str):
                    seen.setdefault(d)

        for decl in self.inputs.values():
            visit(decl)
        return tuple(seen)


_FIELDS = [f.name for f in dataclasses.fields(Identity)]
_REQUIRED = [
    f.name
    for f in dataclasses.fields(Identity)
    if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
]
_generated_init = Identity.__init__


def _checked_init(self: Identity, *args: Any, **kwargs: Any) -> None:
    """The dataclass constructor, with an unknown or missing field reported as a
    ``SpecError`` (the field, the closest known one, the fix) rather than a TypeError."""
    given = {**dict(zip(_FIELDS, args, strict=False)), **kwargs}
    problems, meant = [], set()
    for key in kwargs:
        if key not in _FIELDS:
            hint = did_you_mean(key, _FIELDS)
            meant.update(difflib.get_close_matches(key, _FIELDS, n=1, cutoff=0.6))
            problems.append(
                f"{key}= is not a field of Identity{hint}"
                + ("." if hint else f"; the fields are {', '.join(_FIELDS)}.")
            )
    problems += [
        f"{key}= is missing; every spec gives {', '.join(_REQUIRED)}."
        for key in _REQUIRED
        if key not in given and key not in meant
    ]
    if not problems and len(args) <= len(_FIELDS):
        _generated_init(self, *args, **kwargs)
        return
    # A placeholder marked broken: the fields given, the defaults, None for a missing one.
    defaults = {
        f.name: None if f.default is dataclasses.MISSING else f.default
        for f in dataclasses.fields(Identity)
    }
    defaults.update(dims={}, name=given.get("name", "?"))
    for key in _FIELDS:
        object.__setattr__(self, key, given.get(key, defaults[key]))
    self._refuse(problems or [f"Identity takes keyword fields, not {len(args)} positional ones."])


Identity.__init__ = _checked_init  # type: ignore[method-assign]
