"""The runner: Hypothesis searches over specs (``search``), finding specs (``registry``),
stored counterexamples (``regressions``) and the Hypothesis profiles (``profiles``)."""
