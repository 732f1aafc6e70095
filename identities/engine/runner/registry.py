"""Find every spec: the catalog modules of this package, and spec files in user folders.

No registration step: any module in ``identities/`` (other than the vocabulary, ``spec`` and
``notation``, and the engine package) whose name does not start with ``_``,
and any ``*.py`` file in a folder given with ``--identities-path``, is imported, and every
``Identity`` it defines at module level (alone, or in a list or tuple) joins the catalog.
A malformed or duplicate spec becomes a ``BrokenSpec`` entry of its own (the module is
loaded with ``identities.spec.collecting``, so that it goes on to define its other specs),
and so does a module that fails to import: each is reported in one line (file, line, spec,
field, fix) while every other spec still runs. A user folder is importable while its specs
load and run: a spec file there may import a helper module beside it (``import helpers``,
or ``from . import helpers``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib
import importlib.util
import pkgutil
import sys
import traceback
import types
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType

from identities.engine.torch_policy import torch_policy
from identities.spec import Document, Identity, SpecError, collecting, did_you_mean

PACKAGE_DIR = Path(__file__).resolve().parents[2]  # identities/
#: The catalog's modules that hold its vocabulary, not specs.
VOCABULARY = ("spec", "notation")


@dataclasses.dataclass(frozen=True)
class BrokenSpec:
    """A spec file that could not be used, with the message to show."""

    name: str
    file: str
    message: str
    spec: str = ""  # the spec's name, when the problem is one spec's (not its module's)


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

    def why_missing(self, name: str) -> str:
        """Why there is no sound spec ``name``: its own problem, or the problem of a file that
        mentions it and could not be loaded; else a "did you mean" by similarity."""
        own = [p.message for p in self.problems if p.spec == name]
        if own:
            return "\n".join(own)
        for problem in self.problems:
            if not problem.spec and _mentions(problem.file, name):
                return f"{name!r} is in a file that could not be loaded:\n{problem.message}"
        known = [s.name for s in self.specs] + [p.spec for p in self.problems if p.spec]
        hint = did_you_mean(name, known)
        if not hint:
            close = [k for k in known if name.lower() in k.lower()][:8]
            hint = f" (names that contain it: {', '.join(close)})" if close else ""
        return f"No identity named {name!r}{hint}. See `python -m identities list`."


def _mentions(file: str, name: str) -> bool:
    try:
        text = Path(file).read_text(errors="replace")
    except OSError:
        return False
    return f"'{name}'" in text or f'"{name}"' in text


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
    package = _user_package(folder)
    for path in sorted(folder.glob("*.py")):
        if not path.name.startswith("_"):
            yield f"{package}.{path.stem}", path


def _user_package(folder: Path) -> str:
    """The package a user folder's spec files are loaded into (``from . import helpers``
    works there); the folder also goes on ``sys.path`` (``import helpers`` works)."""
    folder = folder.resolve()
    package = f"user_identities_{hashlib.sha1(str(folder).encode()).hexdigest()[:8]}"
    if package not in sys.modules:
        module = types.ModuleType(package)
        module.__path__ = [str(folder)]
        sys.modules[package] = module
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
    return package


def _import_problem(shown: str, path: Path, err: BaseException) -> str:
    """One line for a module that failed to import: where (the deepest line in the file
    itself), what, and that its specs were not run."""
    line = getattr(err, "lineno", None) if isinstance(err, SyntaxError) else None
    if line is None:
        frames = [
            f
            for f in traceback.extract_tb(err.__traceback__)
            if Path(f.filename).resolve() == path.resolve()
        ]
        line = frames[-1].lineno if frames else None
    where = f"{shown}:{line}" if line else shown
    what = err.msg if isinstance(err, SyntaxError) else str(err)
    return (
        f"{where}: the module failed to import ({type(err).__name__}: {what}); "
        "its specs were not run."
    )


def _broken_message(shown: str, path: Path, spec: Identity) -> str:
    """One line per problem of a spec built while collecting: file:line, spec, problem."""
    lines = [line for file, line in spec.defined_at if Path(file).resolve() == path.resolve()]
    where = f"{shown}:{lines[0]}" if lines else shown
    return "\n".join(f"{where}: spec {spec.name!r}: {problem}" for problem in spec.broken)


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
            with collecting():
                module = _import(module_name, path)
        except SpecError as err:
            catalog.problems.append(BrokenSpec(f"{path.stem}:spec-error", shown, f"{shown}: {err}"))
            continue
        except Exception as err:
            catalog.problems.append(
                BrokenSpec(f"{path.stem}:import-error", shown, _import_problem(shown, path, err))
            )
            continue
        for value in vars(module).values():
            if isinstance(value, Document):
                catalog.documents.setdefault(value.id, value)
        for spec in _specs_in(module):
            if spec.broken:
                catalog.problems.append(
                    BrokenSpec(
                        f"{spec.name}:spec-error",
                        shown,
                        _broken_message(shown, path, spec),
                        spec.name,
                    )
                )
                continue
            if spec.name in catalog.files:
                catalog.problems.append(
                    BrokenSpec(
                        f"{spec.name}:duplicate",
                        shown,
                        f"{shown}: spec {spec.name!r}: name={spec.name!r} is already used in "
                        f"{catalog.files[spec.name]}; give each spec a unique name.",
                        spec.name,
                    )
                )
                continue
            catalog.files[spec.name] = shown
            catalog.specs.append(spec)
    return catalog
