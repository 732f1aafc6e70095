"""The public API (check_identity, assert_identity), the profiles under our prefix, and no
side effects on torch: not on import, not after a check."""

import subprocess
import sys

import pytest
import torch
from hypothesis import settings

import identities
from identities import CheckResult, assert_identity, check_identity
from identities.engine import profiles, torch_policy
from tests.helpers import quadratic_spec

WRONG = quadratic_spec(name="api__symmetric_rule", claimed=lambda x, A: 2 * x @ A)


def test_importing_the_package_and_the_plugin_leaves_torch_alone():
    code = (
        "import torch; torch.set_num_threads(2); "
        "import identities, identities.engine, identities.engine.plugin, identities.engine.api; "
        "from identities import Identity, check_identity; "
        "assert torch.get_default_dtype() == torch.float32, torch.get_default_dtype(); "
        "assert torch.get_num_threads() == 2, torch.get_num_threads()"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_loading_the_plugin_imports_neither_torch_nor_hypothesis():
    code = (
        "import sys, identities.engine.plugin; "
        "assert 'torch' not in sys.modules and 'hypothesis' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_check_restores_a_float32_default_and_the_thread_count():
    torch.set_default_dtype(torch.float32)  # inside the repo's float64 fixture: undone by it
    threads = torch.get_num_threads()
    torch.set_num_threads(2)
    try:
        result = check_identity(quadratic_spec(), max_examples=5)
        assert result.passed
        assert torch.ones(2).dtype == torch.float32
        assert torch.get_num_threads() == 2
    finally:
        torch.set_num_threads(threads)


def test_the_policy_nests_and_restores():
    with torch_policy():
        torch.set_default_dtype(torch.float32)
        with torch_policy():
            assert torch.get_default_dtype() == torch.float64
            assert torch.get_num_threads() == 1
        assert torch.get_default_dtype() == torch.float32


def test_check_identity_returns_the_verdict_examples_counterexample_and_report():
    result = check_identity(WRONG)
    assert isinstance(result, CheckResult)
    assert (result.passed, result.status, result.holds) == (False, "refuted", True)
    assert result.examples_run >= 1
    assert result.counterexample is not None
    assert set(result.counterexample.values) == {"x", "A"}
    assert result.report.startswith("Identity 'api__symmetric_rule' is false for these inputs")
    assert result.profile.startswith(profiles.PREFIX)
    assert "CheckResult(name='api__symmetric_rule', passed=False" in repr(result)
    good = check_identity(quadratic_spec(), max_examples=10, profile="dev")
    assert good.passed and good.status == "confirmed" and good.counterexample is None
    assert good.profile == "identities-dev" and good.examples_run == 10


def test_assert_identity_fails_with_the_report_and_nothing_else():
    with pytest.raises(AssertionError) as raised:
        assert_identity(WRONG)
    message = str(raised.value)
    assert message == check_identity(WRONG).report
    assert "Outcome(" not in message and "Identity(name=" not in message
    assert assert_identity(quadratic_spec(), max_examples=5).passed


def test_the_public_face_is_small_and_versioned():
    assert {"check_identity", "assert_identity", "CheckResult", "__version__"} <= set(
        identities.__all__
    )
    assert identities.__version__[0].isdigit()
    with pytest.raises(AttributeError):
        identities.no_such_name  # noqa: B018


def test_our_profiles_leave_hypothesis_ci_and_other_profiles_alone():
    settings.register_profile("host-project", max_examples=7)
    ci = settings.get_profile("ci")
    profiles.register()
    assert settings.get_profile("ci") is ci and settings.get_profile("ci").print_blob
    assert settings.get_profile("host-project").max_examples == 7
    assert settings.get_profile("identities-ci").derandomize
    assert set(profiles.PROFILES) == {
        "identities-dev",
        "identities-ci",
        "identities-thorough",
        "identities-large",
    }


@pytest.fixture
def nothing_loaded():
    """Hypothesis's default profile loaded, as in a run where no profile was chosen (an
    in-process CLI test loads one for the process), and the previous one restored."""
    previous = settings.get_current_profile_name()
    settings.load_profile("default")
    yield
    settings.load_profile(previous)


def test_the_profile_is_chosen_by_environment_as_hypothesis_users_expect(
    monkeypatch, nothing_loaded
):
    monkeypatch.delenv("HYPOTHESIS_PROFILE", raising=False)
    monkeypatch.setenv("CI", "true")
    assert profiles.current() == "identities-ci"
    monkeypatch.delenv("CI")
    assert profiles.current() == "identities-dev"
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "thorough")  # no Hypothesis profile of that name
    assert profiles.current() == "identities-thorough"
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "identities-large")
    assert profiles.current() == "identities-large"
    monkeypatch.setenv("HYPOTHESIS_PROFILE", "no-such-profile")
    with pytest.raises(ValueError, match="not a registered Hypothesis profile"):
        profiles.current()
    settings.load_profile("identities-thorough")  # a chosen profile comes first
    assert profiles.current() == "identities-thorough"


def test_the_cookbook_source_helper_is_not_shadowed_by_a_catalog_module():
    # Loading the catalog imports every module of identities/; none may be named like a
    # name the package exports (a module identities/cookbook.py replaced the function).
    from identities.engine import load_catalog

    load_catalog([])
    from identities import cookbook

    assert callable(cookbook) and cookbook("57").ref == "57"
