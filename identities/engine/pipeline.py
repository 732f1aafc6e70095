"""One example through the stages: spec -> problem -> oracles -> judgement -> verdict.

``check`` is the authority on one example. ``confirmed`` is the batched door the sweep
uses: the same target, arrangement and judgement in tensor operations only, so that
``torch.vmap`` runs it over a batch; any example it does not confirm is checked again by
``check``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import torch

from identities.engine.finite_differences import (
    FiniteDifference,
    finite_difference_hessian,
    finite_difference_jacobian,
    refined,
    refined_hessian,
    with_noise,
)
from identities.engine.forms import accepted_shapes, arranger
from identities.engine.judgement import (
    ROUNDING_RTOL,
    UNSETTLED_RTOL,
    compare,
    judge,
    judge_tensors,
)
from identities.engine.oracles import Answers, full, other_path, projected
from identities.engine.problem import (
    Problem,
    differential_noise,
    evaluate_value,
    one_if_differential,
    pose,
    target,
)
from identities.engine.rounding import SAMPLES, Measured, measure, measure_value
from identities.engine.torch_policy import torch_policy
from identities.engine.verdict import (
    CONFIRMED,
    CONFLICT,
    INCONCLUSIVE,
    REFUTED,
    Verdict,
    conflict_cause,
    status_of,
)
from identities.spec import Identity

AT_KINK = (
    "at a kink: autograd's convention only; finite differences do not apply where "
    "the derivative does not exist"
)


@torch_policy()
def check(spec: Identity, example: Any, projections: int = 0) -> Verdict:
    """Compare ``spec``'s claim with the oracles at one drawn example.

    With ``projections`` > 0 (large shapes), first compare ``u^T J v`` for that many random
    signed directions ``u`` and ``v`` (see ``oracles.projected``); anything but a
    confirmation falls back to the full Jacobians, so that a report always shows the full
    picture.
    """
    if spec.form == "value":
        return _check_value(spec, example)
    problem = pose(spec, example)
    if projections:
        try:
            verdict = _verdict(spec, example, projected(problem, projections))
        except Exception:  # noqa: BLE001 - the full check below reports what went wrong
            verdict = None
        if verdict is not None and verdict.status == CONFIRMED:
            return verdict
    answers = full(spec, problem)
    verdict = _verdict(spec, example, answers)
    if verdict.status == CONFIRMED:
        return verdict
    # Not confirmed under the strict error model: measure the rounding of the claim and
    # both oracles at this example (``rounding``), and judge again with it. One sample
    # first; the others unless it confirms, or leaves a refutation by far (``_decisive``).
    strict, measured = answers, None
    for seeds in (range(1), range(1, SAMPLES)):
        measured = measure(spec, example, problem, strict, seeds, measured)
        if measured is None:
            break
        answers = _with_rounding(problem, strict, measured)
        verdict = _verdict(spec, example, answers)
        if verdict.status == CONFIRMED or (verdict.status == REFUTED and _decisive(verdict)):
            break
    if verdict.status == CONFLICT and answers.fd is not None:
        # Finite differences changed with the step, or disagree with autograd: smaller
        # steps, until they settle.
        answers = (
            _refined_hessian(problem, answers) if problem.hessian else _refined(problem, answers)
        )
        verdict = _verdict(spec, example, answers)
    if verdict.status in (CONFLICT, INCONCLUSIVE):
        # The verdict must not depend on which of torch's autograd paths was taken: where
        # the oracles disagree, take autograd by its other path too, and keep it if it ends
        # the disagreement with finite differences.
        other = other_path(spec, problem, answers)
        if other is not None:
            second = _verdict(spec, example, other)
            if second.status not in (CONFLICT, INCONCLUSIVE):
                return second
            verdict.note = (verdict.note + "; " if verdict.note else "") + str(other.note)
    return verdict


#: A refutation by more than this many times the tolerance, in every comparison that
#: refutes, is not undone by another sample of the rounding (each is within SAFETY).
DECISIVE = 16.0


def _decisive(verdict: Verdict) -> bool:
    """Whether a refutation exceeds its tolerances by far, by autograd and by finite
    differences alike."""
    compared = [c for c in (verdict.exact, verdict.numerical) if c is not None]
    return all(bool((c.difference > DECISIVE * c.tolerance).any()) for c in compared)


def _with_rounding(problem: Problem, answers: Answers, measured: Measured) -> Answers:
    """``answers`` with the measured rounding in their tolerances: the claim's and
    autograd's, and the evaluation error finite differences assume."""
    fd = answers.fd
    if fd is not None and measured.noise is not None:
        fd = (
            finite_difference_hessian(
                problem.f, problem.x, evaluation_error=measured.noise, scale=problem.size
            )
            if problem.hessian
            else with_noise(fd, measured.noise)
        )
    return dataclasses.replace(
        answers,
        fd=fd,
        rounding=measured.exact,
        rounding_text=" + measured rounding",
        evaluation_error=measured.noise,
    )


def _with_refined(answers: Answers, fd: FiniteDifference) -> Answers:
    """``answers`` with the refined finite differences ``fd``, and a note of how far."""
    shrunk = max(shrink for shrink, _ in fd.tried)
    note = f"finite differences refined, steps down to 1/{shrunk:.0f} of the first"
    return dataclasses.replace(
        answers, fd=fd, note=(answers.note + "; " if answers.note else "") + note
    )


def _refined_hessian(problem: Problem, answers: Answers) -> Answers:
    """``answers`` with the Hessian's nested differences at smaller steps, until they
    settle (``finite_differences.refined_hessian``)."""
    first = answers.fd
    assert first is not None

    def settled(fd: FiniteDifference) -> bool:
        judged = judge(
            answers.claim,
            answers.autograd,
            fd,
            answers.arrange,
            answers.mask,
            answers.scale,
            answers.rounding,
        )
        return not bool(judged["unreliable"]) and bool(judged["agree"])

    fd = refined_hessian(problem.f, problem.x, first, settled, answers.evaluation_error)
    return _with_refined(answers, fd)


def _refined(problem: Problem, answers: Answers) -> Answers:
    """``answers`` with finite differences refined where they change with the step
    (``finite_differences.refined``), and a note of the steps tried."""
    first = answers.fd
    assert first is not None
    judged = judge(
        answers.claim,
        answers.autograd,
        first,
        answers.arrange,
        answers.mask,
        answers.scale,
        answers.rounding,
    )
    # The judgement's quantities are arranged like the claim, a differential's scaled by
    # its direction's scale; the finite differences are refined in canonical units.
    unit = answers.arrange(torch.ones_like(first.value)).abs().amax()
    fd = refined(
        problem.f,
        problem.x,
        first,
        UNSETTLED_RTOL * judged["size"] / unit,
        reference=answers.canonical_autograd,
        slack=judged["tol_ad"].amax() / unit,
    )
    return _with_refined(answers, fd)


def _check_value(spec: Identity, example: Any) -> Verdict:
    """An algebraic identity: the claim against the function's value, both evaluated."""
    actual, claim = evaluate_value(spec, example)
    judged = judge_tensors(claim, actual)
    text = f"{ROUNDING_RTOL:.1e} * max|value|"
    if not bool(judged["confirmed"]):
        measured = measure_value(spec, example, actual, claim)
        if measured is not None:
            judged = judge_tensors(claim, actual, rounding=measured)
            text += " + measured rounding"
    direct = compare("direct evaluation", claim, actual, judged["tol_ad"], text)
    return Verdict(
        spec, example, CONFIRMED if bool(judged["confirmed"]) else REFUTED, claim, direct
    )


def _verdict(spec: Identity, example: Any, answers: Answers) -> Verdict:
    """The verdict from the oracles' answers: the judgement, its comparisons by name, the
    status and the note that explains it."""
    claim, ad, mask, fd = answers.claim, answers.autograd, answers.mask, answers.fd
    ad_text = f"{ROUNDING_RTOL:.1e} * {answers.scale_text}{answers.rounding_text}"
    judged = judge(claim, ad, fd, answers.arrange, mask, answers.scale, answers.rounding)
    by_ad = compare("autograd", claim, ad, judged["tol_ad"], ad_text, mask)
    if fd is None:
        status = CONFIRMED if bool(judged["confirmed"]) else REFUTED
        return Verdict(spec, example, status, claim, by_ad, note=AT_KINK)
    fd_value = answers.arrange(fd.value)
    fd_text = "finite-difference error bound + autograd tolerance"
    by_fd = compare("finite differences", claim, fd_value, judged["fd_tol"], fd_text, mask)
    agreement = compare(
        "autograd vs finite differences", ad, fd_value, judged["fd_tol"], fd_text, mask
    )
    status = status_of(judged)
    unconverged = None
    if bool(judged["unreliable"]):
        truncation, rounding = answers.arrange(fd.truncation), answers.arrange(fd.rounding)
        excess = torch.nan_to_num(truncation - rounding, nan=float("inf")).reshape(-1)
        flat = int(torch.argmax(excess))
        where = tuple(
            int(i) for i in torch.unravel_index(torch.tensor(flat), tuple(truncation.shape))
        )
        unconverged = (
            where,
            float(truncation.reshape(-1)[flat]),
            float(rounding.reshape(-1)[flat]),
        )
    notes = {
        CONFLICT: conflict_cause(bool(judged["unreliable"]), ad, fd_value),
        INCONCLUSIVE: "the claim agrees with one oracle only: the difference "
        "lies between the two oracles' resolutions",
    }
    note = notes.get(status, "")
    if unconverged is not None and len(fd.tried) > 1:
        where = unconverged[0]
        estimates = ", ".join(
            f"1/{shrink:.0f}: {float(answers.arrange(value)[where]):.6g}"
            for shrink, value in fd.tried
        )
        note += f"; the estimates at index {where}, step by step (step: estimate): {estimates}"
    if mask is not None and not bool(mask.all()):
        note = (note + "; " if note else "") + "entries outside the structure are not compared"
    if answers.note:
        note = (note + "; " if note else "") + answers.note
    return Verdict(spec, example, status, claim, by_ad, by_fd, agreement, note, unconverged)


def confirmed_one(spec: Identity, values: dict, directions: dict) -> torch.Tensor:
    """Whether one example is confirmed, in tensor operations only (batched by vmap; not
    for structured gradients, Hessians or generated maps)."""
    if spec.form == "value":
        actual = spec.function(**values)
        return judge_tensors(spec.claimed(**values).reshape(actual.shape), actual)["confirmed"]
    f, x, claim_args, scale = target(spec, values, directions)
    out_shape = tuple(f(x).shape)
    shape = accepted_shapes(spec, out_shape, tuple(x.shape))[0]
    arrange = arranger(spec, out_shape, shape, scale)
    claim = spec.claimed(**claim_args).reshape(shape)
    ad = arrange(torch.func.jacrev(f)(x))
    fd = None
    if not spec.at_kink:
        noise = differential_noise(spec, values) if spec.form == "differential" else None
        size = one_if_differential(spec, values)
        fd = finite_difference_jacobian(f, x, evaluation_error=noise, scale=size)
    return judge(claim, ad, fd, arrange)["confirmed"]


@torch_policy()
def confirmed(
    spec: Identity, values: dict[str, Any], directions: dict[str, torch.Tensor]
) -> torch.Tensor:
    """Which examples of a batch (values and directions with a leading batch dimension;
    integers shared) the claim is confirmed on: bool, one per example."""
    tensors = {k: v for k, v in values.items() if isinstance(v, torch.Tensor)}
    ints = {k: v for k, v in values.items() if not isinstance(v, torch.Tensor)}

    def one(vals: dict, dirs: dict) -> torch.Tensor:
        return confirmed_one(spec, {**vals, **ints}, dirs)

    return torch.vmap(one)(tensors, directions)
