"""The pytest plugin, registered through the ``pytest11`` entry point: installed with the
package, it is loaded by every pytest run of the environment.

* ``pytest --identities-path specs/`` (may be repeated) checks the spec files (``*.py``) of
  each folder as well as the run's other tests: one test per spec, the spec's name as its id
  (``specs/mine.py::my_spec``), and one per file that cannot be used (a module that fails to
  import, a malformed or duplicate spec).
* The ini option ``identities_paths = specs`` (``[tool.pytest.ini_options]`` of
  pyproject.toml, or pytest.ini) names folders relative to the ini file, collected like
  ``testpaths``: with the run's default paths, or when a path given on the command line
  points into them.
* A failure shows the report (claim, both oracles, the largest difference against its
  tolerance, inputs, source) and a ``rerun`` line that checks that spec again from the
  directory pytest was started in. Works under ``pytest -n auto`` (pytest-xdist).
* Our Hypothesis profiles (``identities-dev``, ``identities-ci``, ``identities-thorough``,
  ``identities-large``) are registered before Hypothesis loads the one chosen with
  ``--hypothesis-profile``; ``HYPOTHESIS_PROFILE`` is read as well (see
  ``identities.engine.runner.profiles``). No profile is loaded for the whole run, so a
  host project's own Hypothesis tests keep their settings.

Importing this module imports neither torch nor Hypothesis: the engine is imported only when
a spec folder is configured, or a spec is checked.
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from identities.engine.runner.registry import BrokenSpec, Catalog
    from identities.spec import Identity

PROFILE_PREFIX = "identities-"  # as identities.engine.runner.profiles.PREFIX
_FOLDERS = pytest.StashKey[list[Path]]()
_OPTION_FOLDERS = pytest.StashKey[list[str]]()
_CATALOGS = pytest.StashKey[dict[Path, "Catalog"]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("identities", "matrix-calculus identities")
    group.addoption(
        "--identities-path",
        action="append",
        default=[],
        metavar="DIR",
        help="check the spec files (*.py) in DIR, one test per spec; may be given more than once.",
    )
    parser.addini(
        "identities_paths",
        type="paths",
        default=[],
        help="folders of spec files (*.py) to check, relative to the ini file, collected "
        "with the run's default paths.",
    )


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    chosen = config.getoption("--hypothesis-profile", default=None)
    if isinstance(chosen, str) and chosen.startswith(PROFILE_PREFIX):
        from identities.engine.runner import profiles  # before Hypothesis loads it

        profiles.register()
    typed: list[str] = list(config.getoption("identities_path") or [])
    start = config.invocation_params.dir
    from_option = [(start / folder).resolve() for folder in typed]
    from_ini = [Path(p).resolve() for p in config.getini("identities_paths")]
    for folder, name in [(f, "--identities-path") for f in from_option] + [
        (f, "identities_paths") for f in from_ini
    ]:
        if not folder.is_dir():
            raise pytest.UsageError(f"{name} {str(folder)!r} is not a folder.")
    folders = list(dict.fromkeys(from_option + from_ini))
    config.stash[_FOLDERS] = folders
    config.stash[_OPTION_FOLDERS] = typed
    config.stash[_CATALOGS] = {}
    default_paths = config.args_source != pytest.Config.ArgsSource.ARGS
    for folder in from_option + (from_ini if default_paths else []):
        if not any(_overlaps(folder, start / arg.split("::")[0]) for arg in config.args):
            config.args.append(str(folder))


def _overlaps(folder: Path, arg: Path) -> bool:
    arg = arg.resolve()
    return arg == folder or folder in arg.parents or arg in folder.parents


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    folders = parent.config.stash.get(_FOLDERS, [])
    if (
        file_path.suffix == ".py"
        and not file_path.name.startswith("_")
        and file_path.resolve().parent in folders
    ):
        return SpecFile.from_parent(parent, path=file_path)
    return None


class SpecFile(pytest.File):
    """A spec file of a configured folder: one item per spec it defines."""

    def collect(self) -> list[pytest.Item]:
        folder = self.path.resolve().parent
        catalogs = self.config.stash[_CATALOGS]
        if folder not in catalogs:
            from identities.engine.runner.registry import load_catalog

            catalogs[folder] = load_catalog([folder])
        catalog = catalogs[folder]
        mine = self.path.resolve()
        entries: list[Identity | BrokenSpec] = [
            spec for spec in catalog.specs if Path(catalog.files[spec.name]).resolve() == mine
        ]
        entries += [p for p in catalog.problems if Path(p.file).resolve() == mine]
        return [
            SpecItem.from_parent(
                self, name=entry.name, entry=entry, file=catalog.files.get(entry.name, "")
            )
            for entry in entries
        ]


class SpecItem(pytest.Item):
    """One spec (or one unusable file) as a test."""

    def __init__(self, *, entry: Identity | BrokenSpec, file: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.entry = entry
        self.file = file

    def runtest(self) -> None:
        check_entry(self.entry, self, self.file)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"identity {self.name}"


def rerun_command(node: pytest.Item) -> str:
    """The command that runs ``node`` again, from the directory pytest was started in."""
    config = node.config
    start = config.invocation_params.dir
    try:
        where = str(node.path.resolve().relative_to(start.resolve()))
    except ValueError:
        where = str(node.path)
    words = ["pytest", f"{where}::{node.nodeid.split('::', 1)[1]}"]
    for folder in config.stash.get(_OPTION_FOLDERS, []):
        words += ["--identities-path", folder]
    return " ".join(shlex.quote(w) for w in words)


def check_entry(entry: Identity | BrokenSpec, node: pytest.Item, file: str = "") -> None:
    """Run one catalog entry as a test of ``node``: fail it with the readable report and a
    rerun line, with no traceback. The number of examples run is recorded as the test's
    ``examples`` property (in junit XML)."""
    from identities.engine.runner.search import run_entry

    passed, message, examples = run_entry(entry, file)
    node.user_properties.append(("examples", examples))
    if not passed:
        pytest.fail(f"{message}\n  rerun   {rerun_command(node)}", pytrace=False)
