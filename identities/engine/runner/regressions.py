"""Stored counterexamples: replayed first on every run, so a refutation never depends on
luck or on the example database.

``identities/regressions.json`` maps a spec name to one example (dims, input values as
numbers or nested lists, directions). ``python -m identities teach --record`` refreshes it
from the minimal counterexamples that the search finds.
"""

from __future__ import annotations

import json
import sysconfig
from pathlib import Path
from typing import Any

import torch

from identities.spec import Identity, Index, Integer, Size, SmoothMap
from identities.strategies import Example, GeneratedMap
from identities.strategies.maps import Activation, Affine

STORE = Path(__file__).resolve().parents[2] / "regressions.json"  # identities/regressions.json


def store_to_write(path: str | Path | None = None) -> Path:
    """Where ``teach --record`` writes: ``path`` if given, else the checkout's
    ``identities/regressions.json``; never into an installed package (site-packages), which
    an upgrade would overwrite: there ``path`` is required."""
    if path is not None:
        return Path(path)
    installed = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}
    if any(folder in STORE.parents for folder in installed):
        raise ValueError(
            f"teach --record: the package is installed ({STORE.parent}); give --store PATH "
            "to record the counterexamples in a file of yours."
        )
    return STORE


def _map_to_json(g: GeneratedMap) -> dict:
    layers = [
        {"weight": layer.weight.tolist(), "bias": layer.bias.tolist()}
        if isinstance(layer, Affine)
        else {"activation": layer.name}
        for layer in g.layers
    ]
    return {"map": layers, "dim_in": g.dim_in, "dim_out": g.dim_out}


def _map_from_json(data: dict) -> GeneratedMap:
    layers = [
        Activation(layer["activation"])
        if "activation" in layer
        else Affine(
            torch.tensor(layer["weight"], dtype=torch.float64),
            torch.tensor(layer["bias"], dtype=torch.float64),
        )
        for layer in data["map"]
    ]
    return GeneratedMap(layers, data["dim_in"], data["dim_out"])


def to_json(example: Example) -> dict | None:
    """The example as plain JSON, or ``None`` if an input has no such form."""

    def plain(value: Any) -> Any:
        if isinstance(value, torch.Tensor):
            return value.tolist()
        if isinstance(value, GeneratedMap):
            return _map_to_json(value)
        if isinstance(value, (int, float)):
            return value
        raise TypeError(type(value).__name__)

    try:
        return {
            "dims": dict(example.dims),
            "values": {k: plain(v) for k, v in example.values.items()},
            "directions": {k: plain(v) for k, v in example.directions.items()},
        }
    except TypeError:
        return None


def from_json(spec: Identity, data: dict) -> Example:
    values: dict[str, Any] = {}
    for name, value in data["values"].items():
        if isinstance(spec.inputs.get(name), (Integer, Size, Index)):
            values[name] = int(value)
        elif isinstance(spec.inputs.get(name), SmoothMap):
            values[name] = _map_from_json(value)
        else:
            values[name] = torch.tensor(value, dtype=torch.float64)
    directions = {
        k: torch.tensor(v, dtype=torch.float64) for k, v in data.get("directions", {}).items()
    }
    return Example(dict(data["dims"]), values, directions)


def load(path: Path | None = None) -> dict[str, dict]:
    path = STORE if path is None else path
    return json.loads(path.read_text()) if path.exists() else {}


def stored_example(spec: Identity, store: dict[str, dict] | None = None) -> Example | None:
    """The stored counterexample of ``spec``, if any and if it still fits the spec."""
    data = (load() if store is None else store).get(spec.name)
    if data is None or set(data["values"]) != set(spec.inputs):
        return None
    return from_json(spec, data)


def save(entries: dict[str, dict], path: Path | None = None) -> None:
    path = STORE if path is None else path
    path.write_text(json.dumps(dict(sorted(entries.items())), indent=1) + "\n")
