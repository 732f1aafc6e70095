"""Find every spec: the catalog modules of this package, and spec files in user folders.

No registration step: any module in ``identities/`` (other than the vocabulary, ``spec`` and
``notation``, and the engine package) whose name does not start with ``_``,
and any ``*.py`` file in a folder given with ``--identities-path``, is imported, and every
``Identity`` it defines at module level (alone, or in a list or tuple) joins the catalog.
A module that fails to import, or defines a malformed or duplicate spec, becomes a
``BrokenSpec`` entry: reported on its own, while every other spec still runs.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.util
import pkgutil
import sys
import traceback
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from identities.engine.torch_policy import torch_policy
from identities.spec import Document, Identity, SpecError

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # identities/
#: The catalog's modules that hold its vocabulary, not specs.
VOCABULARY = ("spec", "notation")


@dataclasses.dataclass(frozen=True)
class BrokenSpec:
    """A spec file that could not be used, with the message to show."""

    name: str
    file: str
    message: str


@dataclasses.dataclass
class Catalog:
    """Every spec found, every broken file, and the references checked entry by entry."""

    specs: list[Identity]
    problems: list[BrokenSpec]
    files: dict[str, str]  # spec name -> the file that defines it
    documents: dict[str, Document] = dataclasses.field(default_factory=dict)  # by id

    def get(self, name: str) -> Identity:
        for spec in self.specs:
            if spec.name == name:
                return spec
        raise KeyError(name)


def _specs_in(module: ModuleType) -> list[Identity]:
    found: list[Identity] = []
    for value in vars(module).values():
        if isinstance(value, Identity):
            found.append(value)
        elif (
            isinstance(value, (list, tuple))
            and value
            and all(isinstance(v, Identity) for v in value)
        ):
            found.extend(value)
    unique: dict[int, Identity] = {}
    for spec in found:
        unique.setdefault(id(spec), spec)
    return list(unique.values())


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _catalog_modules() -> Iterable[tuple[str, Path]]:
    for info in sorted(pkgutil.iter_modules([str(PACKAGE_DIR)]), key=lambda i: i.name):
        if not info.name.startswith("_") and info.name not in VOCABULARY and not info.ispkg:
            yield f"identities.{info.name}", PACKAGE_DIR / f"{info.name}.py"


def _user_modules(folder: Path) -> Iterable[tuple[str, Path]]:
    tag = hashlib.sha1(str(folder.resolve()).encode()).hexdigest()[:8]
    for path in sorted(folder.glob("*.py")):
        if not path.name.startswith("_"):
            yield f"user_identities_{tag}.{path.stem}", path


def _import(module_name: str, path: Path) -> ModuleType:
    if module_name.startswith("identities."):
        return importlib.import_module(module_name)
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} cannot be imported as a module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    sys.path.insert(0, str(path.parent))  # a spec file may import a helper module beside it
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[module_name]
        raise
    finally:
        sys.path.remove(str(path.parent))
    return module


@torch_policy()
def load_catalog(extra_paths: Iterable[str | Path] = ()) -> Catalog:
    """Every spec of the package and of ``extra_paths``, in a fixed order."""
    sources = list(_catalog_modules())
    for folder in extra_paths:
        folder = Path(folder)
        if not folder.is_dir():
            raise FileNotFoundError(f"--identities-path {str(folder)!r} is not a folder.")
        sources.extend(_user_modules(folder))

    catalog = Catalog([], [], {})
    for module_name, path in sources:
        shown = _relative(path)
        try:
            module = _import(module_name, path)
        except SpecError as err:
            catalog.problems.append(BrokenSpec(f"{path.stem}:spec-error", shown, f"{shown}: {err}"))
            continue
        except Exception:
            detail = traceback.format_exc(limit=-3)
            catalog.problems.append(
                BrokenSpec(
                    f"{path.stem}:import-error",
                    shown,
                    f"{shown}: the module failed to import; its specs were not run.\n{detail}",
                )
            )
            continue
        for value in vars(module).values():
            if isinstance(value, Document):
                catalog.documents.setdefault(value.id, value)
        for spec in _specs_in(module):
            if spec.name in catalog.files:
                catalog.problems.append(
                    BrokenSpec(
                        f"{spec.name}:duplicate",
                        shown,
                        f"{shown}: spec {spec.name!r}: name={spec.name!r} is already used in "
                        f"{catalog.files[spec.name]}; give each spec a unique name.",
                    )
                )
                continue
            catalog.files[spec.name] = shown
            catalog.specs.append(spec)
    return catalog
