"""The repository's own run. The pytest plugin (``identities.engine.plugin``, installed with
the package) brings the ``--identities-path`` option, the ini option and the Hypothesis
profiles; this file only makes the engine's float64, one-thread torch policy the rule inside
the repository's own tests, which build tensors the way a spec does."""

import pytest

from identities.engine import torch_policy


@pytest.fixture(autouse=True)
def _engine_torch_policy():
    with torch_policy():
        yield
