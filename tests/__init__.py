"""The suite's own tests (a package, so that the import contracts can read it)."""
