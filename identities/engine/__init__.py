"""The engine: what checks a spec. One module per stage of the path, read top-down:

* ``autograd``, ``finite_differences`` - the two independent oracles (the numerical one with
  its error model);
* ``forms`` - how a claim is arranged (forms and layouts, shapes);
* ``problem`` - what the oracles differentiate, built from a spec and one example;
* ``oracles`` - both oracles' answers on a problem (full, or projected for large shapes);
* ``judgement`` - the claim against the oracles, entry by entry (one example or a batch);
* ``verdict`` - the statuses, the verdict's named parts, the one ``decides`` rule;
* ``report`` - the text a user reads;
* ``pipeline`` - one example through the stages (``check``), and the batched door the
  sweep uses (``confirmed``);

then the ``runner`` (search, registry, regressions, profiles), the ``cli`` and the ``tools``
(sweep, mutate, soak, coverage, teach). ``display`` shows values in messages;
``torch_policy`` is the float64, one-thread context every evaluation runs in.

This module is the engine's face: tests and benchmarks import what they use from here. The
names are imported when first used (``identities._lazy``), so that loading the pytest plugin
(``identities.engine.plugin``) imports neither torch nor Hypothesis. The public API, for use
from another project, is ``identities.check_identity`` and ``identities.assert_identity``
(``identities.engine.api``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from identities._lazy import exports

if TYPE_CHECKING:
    from identities.engine.autograd import (
        NoGraph,
        autograd_hessian,
        autograd_jacobian,
    )
    from identities.engine.finite_differences import (
        EVAL_RTOL,
        FiniteDifference,
        finite_difference_hessian,
        finite_difference_jacobian,
    )
    from identities.engine.judgement import (
        ROUNDING_RTOL,
        Comparison,
        judge_tensors,
    )
    from identities.engine.pipeline import check, confirmed
    from identities.engine.report import render_report
    from identities.engine.runner import profiles, regressions
    from identities.engine.runner.registry import (
        BrokenSpec,
        Catalog,
        load_catalog,
    )
    from identities.engine.runner.search import (
        Outcome,
        investigate,
        run_entry,
    )
    from identities.engine.torch_policy import torch_policy
    from identities.engine.verdict import (
        CONFIRMED,
        CONFLICT,
        INCONCLUSIVE,
        REFUTED,
        Status,
        Verdict,
        decides,
    )

__all__ = [
    "CONFIRMED",
    "CONFLICT",
    "EVAL_RTOL",
    "INCONCLUSIVE",
    "REFUTED",
    "ROUNDING_RTOL",
    "BrokenSpec",
    "Catalog",
    "Comparison",
    "FiniteDifference",
    "NoGraph",
    "Outcome",
    "Status",
    "Verdict",
    "autograd_hessian",
    "autograd_jacobian",
    "check",
    "confirmed",
    "decides",
    "finite_difference_hessian",
    "finite_difference_jacobian",
    "investigate",
    "judge_tensors",
    "load_catalog",
    "profiles",
    "regressions",
    "render_report",
    "run_entry",
    "torch_policy",
]

__getattr__ = exports(
    __name__,
    {
        "NoGraph": "identities.engine.autograd",
        "autograd_hessian": "identities.engine.autograd",
        "autograd_jacobian": "identities.engine.autograd",
        "EVAL_RTOL": "identities.engine.finite_differences",
        "FiniteDifference": "identities.engine.finite_differences",
        "finite_difference_hessian": "identities.engine.finite_differences",
        "finite_difference_jacobian": "identities.engine.finite_differences",
        "ROUNDING_RTOL": "identities.engine.judgement",
        "Comparison": "identities.engine.judgement",
        "judge_tensors": "identities.engine.judgement",
        "check": "identities.engine.pipeline",
        "confirmed": "identities.engine.pipeline",
        "render_report": "identities.engine.report",
        "BrokenSpec": "identities.engine.runner.registry",
        "Catalog": "identities.engine.runner.registry",
        "load_catalog": "identities.engine.runner.registry",
        "Outcome": "identities.engine.runner.search",
        "investigate": "identities.engine.runner.search",
        "run_entry": "identities.engine.runner.search",
        "torch_policy": "identities.engine.torch_policy",
        "CONFIRMED": "identities.engine.verdict",
        "CONFLICT": "identities.engine.verdict",
        "INCONCLUSIVE": "identities.engine.verdict",
        "REFUTED": "identities.engine.verdict",
        "Status": "identities.engine.verdict",
        "Verdict": "identities.engine.verdict",
        "decides": "identities.engine.verdict",
        "profiles": "identities.engine.runner.profiles:",
        "regressions": "identities.engine.runner.regressions:",
    },
)
