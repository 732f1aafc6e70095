"""How values and inputs are shown in messages and reports: full precision, one line."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import torch


def show(value: Any) -> str:
    """Full precision, shortest round-trip repr, one line."""
    if isinstance(value, torch.Tensor):
        text = np.array2string(
            value.detach().numpy(), floatmode="unique", separator=", ", max_line_width=10**6
        )
        return re.sub(r"\s*\n\s*", " ", text)
    return repr(value)


def format_inputs(example: Any) -> str:
    """The dimensions, the inputs and the directions of an example, one line."""
    dims = [f"{k}={v}" for k, v in example.dims.items()]
    vals = [
        f"{k}={show(v)}"
        for k, v in {**example.values, **getattr(example, "directions", {})}.items()
    ]
    return "  ".join(dims + vals)
