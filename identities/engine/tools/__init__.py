"""Tools built on the check: the batched ``sweep``, mutation testing (``mutate``), the
``soak``, the ``coverage`` of a reference, and lessons from refutations (``teach``)."""
