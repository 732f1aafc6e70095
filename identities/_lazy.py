"""Lazy exports for a package's face: a name is imported from its module when first used.

The faces of ``identities`` and ``identities.engine`` export through this, so that importing
the package (as pytest does with the plugin, in every run of a host project) costs no torch
import until a spec or a check is used."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def exports(package: str, names: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``names`` maps each exported name to the
    module that defines it, or to ``"module:"`` when the name is that module itself."""
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:
        where = names.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module_name, itself, _ = where.partition(":")
        module = importlib.import_module(module_name)
        value = module if itself else getattr(module, name)
        namespace[name] = value  # later lookups skip __getattr__
        return value

    return __getattr__
