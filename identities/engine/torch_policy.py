"""The engine's torch policy, applied only around its own evaluations.

The suite's rule is float64 everywhere, so that ``torch.eye(n)`` in a spec's function, claim
or construction is float64 without saying so; and one intra-op thread (the suite works on
tiny tensors, one process per core under ``pytest -n auto``, and torch's thread pool made a
3 x 3 ``triu`` take milliseconds on a busy 2-core machine). Both are torch's process-wide
state, so the engine sets them on entering ``torch_policy()`` and restores them on leaving:
importing the package or checking a spec leaves a host project's torch as it found it.

``torch_policy()`` nests (an inner one restores what the outer one set) and decorates a
function as well as a ``with`` block. Every entry point that runs a spec's code goes through
it: the search, one example's check, the sweep, the catalog's loading, and the tools.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import torch

DTYPE = torch.float64
THREADS = 1


@contextlib.contextmanager
def torch_policy() -> Iterator[None]:
    """float64 as torch's default dtype and one intra-op thread, restored on exit."""
    dtype, threads = torch.get_default_dtype(), torch.get_num_threads()
    torch.set_default_dtype(DTYPE)
    if threads != THREADS:
        torch.set_num_threads(THREADS)
    try:
        yield
    finally:
        torch.set_default_dtype(dtype)
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
