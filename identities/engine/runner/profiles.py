"""Hypothesis profiles, shared by the pytest suite and the command line.

* ``dev`` (the default): quick, randomized, keeps failures in the example database.
* ``ci`` (chosen when the environment variable CI is set): derandomized, no deadline,
  no example database, so every run on every machine tries the same examples.
* ``thorough``: many more examples, for a soak before a release or a lecture.
* ``large``: large shapes (vectors up to n = 1024, matrices up to 32 x 32), each example
  checked by random projections first (``SUITE``), a few examples per identity.

Choose with ``HYPOTHESIS_PROFILE=thorough`` or ``pytest --hypothesis-profile=thorough``.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import settings

PROFILES: dict[str, dict[str, Any]] = {
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

#: The suite's own options per profile (beyond Hypothesis settings): ``large`` shapes and
#: the number of random ``projections`` checked before the full Jacobians.
SUITE: dict[str, dict] = {"large": {"large": True, "projections": 4}}


def suite_options() -> dict:
    """The suite options of the Hypothesis profile now loaded."""
    return SUITE.get(settings.get_current_profile_name(), {})


def register() -> None:
    for name, options in PROFILES.items():
        settings.register_profile(name, **options)


def default_profile() -> str:
    return os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")


def load(name: str | None = None) -> str:
    """Register the profiles and load ``name`` (default: from the environment)."""
    register()
    name = name or default_profile()
    settings.load_profile(name)
    return name
