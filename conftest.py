"""Suite-wide set-up: the Hypothesis profiles and the --identities-path option.

Importing identities sets float64 as torch's default dtype."""

from identities.engine import profiles

profiles.load()


def pytest_addoption(parser):
    parser.addoption(
        "--identities-path",
        action="append",
        default=[],
        metavar="DIR",
        help="also check the spec files (*.py) in DIR; may be given more than once.",
    )
