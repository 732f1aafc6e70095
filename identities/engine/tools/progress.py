"""The progress bars of the long runs (mutate, soak, sweep, teach, coverage, benchmarks):
tqdm's, on stderr, with a rate and an ETA, sized to the terminal; none when stderr is not
a terminal (``disable=None``: nothing written into logs) or when the caller asks for none."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, TextIO

from tqdm import tqdm


def bar(
    iterable: Iterable[Any] | None = None,
    *,
    desc: str,
    total: int | None = None,
    unit: str = "it",
    show: bool = True,
    **options: Any,
) -> tqdm:
    """A progress bar over ``iterable`` (or updated by hand, up to ``total``)."""
    return tqdm(
        iterable,
        desc=desc,
        total=total,
        unit=unit,
        disable=None if show else True,
        dynamic_ncols=True,
        file=sys.stderr,
        **options,
    )


def note(text: str, file: TextIO | None = None) -> None:
    """A line of its own (on stderr by default) that does not break a bar being drawn."""
    tqdm.write(text, file=file or sys.stderr)
