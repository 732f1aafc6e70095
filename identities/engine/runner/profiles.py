"""Hypothesis profiles, shared by the pytest plugin, the public API and the command line.

Registered under our own prefix, so that Hypothesis's built-in ``ci`` profile and a host
project's own profiles are never overwritten:

* ``identities-dev`` (the default): quick, randomized, keeps failures in the example database.
* ``identities-ci`` (the default when the environment variable CI is set): derandomized, no
  deadline, no example database, so every run on every machine tries the same examples.
* ``identities-thorough``: many more examples, for a soak before a release or a lecture.
* ``identities-large``: large shapes (vectors up to n = 1024, matrices up to 32 x 32), each
  example checked by random projections first (``SUITE``), a few examples per identity.

Which profile a search runs under (``current``): the profile loaded in Hypothesis when it is
a chosen one (``pytest --hypothesis-profile=identities-thorough``, a host project's
``settings.load_profile(...)``, the CLI's ``--profile``); else the one named by the
environment variable ``HYPOTHESIS_PROFILE``; else ``identities-ci`` when CI is set, else
``identities-dev``. The short names (``dev``, ``ci``, ``thorough``, ``large``) are accepted
where a name is ours to read: the CLI's ``--profile`` and, when no Hypothesis profile of that
name exists, ``HYPOTHESIS_PROFILE``. Nothing here loads a profile for the whole process
except ``load``, which the CLI calls.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import settings

PREFIX = "identities-"

#: Our profiles by their short names; registered as ``PREFIX + name``.
OPTIONS: dict[str, dict[str, Any]] = {
    "dev": {"max_examples": 50, "deadline": None},
    "ci": {
        "max_examples": 100,
        "deadline": None,
        "derandomize": True,
        "database": None,
        "print_blob": False,
    },
    "thorough": {"max_examples": 2000, "deadline": None},
    "large": {"max_examples": 10, "deadline": None},
}
SHORT_NAMES = tuple(OPTIONS)
PROFILES = tuple(PREFIX + name for name in OPTIONS)

#: The suite's own options per profile (beyond Hypothesis settings): ``large`` shapes and
#: the number of random ``projections`` checked before the full Jacobians.
SUITE: dict[str, dict] = {PREFIX + "large": {"large": True, "projections": 4}}

#: Profile names that mean "nothing chosen": Hypothesis's own default, and its ``ci``
#: profile, which Hypothesis loads by itself when it detects a CI environment.
_UNCHOSEN = ("default", "ci")


def register() -> None:
    """Register our profiles (idempotent; no other profile is touched)."""
    for name, options in OPTIONS.items():
        settings.register_profile(PREFIX + name, **options)


def full_name(name: str) -> str:
    """``name`` as one of our profile names (``thorough`` -> ``identities-thorough``), or
    ``name`` itself if it is not one of ours."""
    return PREFIX + name if name in OPTIONS else name


def _registered(name: str) -> bool:
    try:
        settings.get_profile(name)
    except Exception:  # noqa: BLE001 - Hypothesis raises InvalidArgument for an unknown name
        return False
    return True


def from_environment() -> str | None:
    """The profile ``HYPOTHESIS_PROFILE`` names: a registered Hypothesis profile of that name,
    else ours by its short name; ``None`` when the variable is not set."""
    name = os.environ.get("HYPOTHESIS_PROFILE")
    if not name:
        return None
    register()
    if _registered(name):
        return name
    if _registered(full_name(name)):
        return full_name(name)
    raise ValueError(
        f"HYPOTHESIS_PROFILE={name!r} is not a registered Hypothesis profile; ours are "
        f"{', '.join(PROFILES)}."
    )


def default_profile() -> str:
    """Ours when nothing is chosen: ``identities-ci`` when CI is set, else ``identities-dev``."""
    return PREFIX + ("ci" if os.environ.get("CI") else "dev")


def current() -> str:
    """The name of the profile the engine's searches run under (see the module's doc)."""
    register()
    loaded = settings.get_current_profile_name()
    if loaded not in _UNCHOSEN:
        return loaded
    return from_environment() or default_profile()


def resolve(name: str | None = None) -> str:
    """The profile a search runs under: ``name`` (ours by its short name), else ``current()``;
    our profiles are registered."""
    register()
    return full_name(name) if name else current()


def current_settings() -> settings:
    """The Hypothesis settings of ``current()``, the parent of every search's settings."""
    return settings.get_profile(current())


def load(name: str | None = None) -> str:
    """Register our profiles and load ``name`` for the whole process (the CLI's choice: a
    short name is ours), or the profile ``current()`` names; return the name loaded."""
    chosen = resolve(name)
    settings.load_profile(chosen)
    return chosen
