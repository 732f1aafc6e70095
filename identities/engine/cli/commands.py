"""The commands of ``python -m identities``, one function each: they take the parsed
arguments and the catalog, print, and return the exit code (``parser.EXIT_CODES``).

Every JSON output is one indented object (``emit_json``) with snake_case keys and a
``problems`` list of the broken specs; ``coverage --json`` keeps its documented shape (an
array of entries per document). A spec error found while a spec runs is printed as the
same one line the test suite shows (``runner.search.located``), never as a traceback.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
from pathlib import Path
from typing import Any

from identities.engine.cli.parser import FAILED, OK, USAGE
from identities.engine.report import render_report
from identities.engine.runner.registry import BrokenSpec, Catalog
from identities.engine.runner.search import investigate, located
from identities.engine.tools import coverage, mutate, soak, sweep
from identities.engine.tools.progress import bar
from identities.spec import COOKBOOK, Identity, SpecError


def emit_json(value: object) -> None:
    """Every JSON output of the command line, in one style."""
    print(json.dumps(value, indent=2))


def problem_record(problem: BrokenSpec) -> dict:
    """The JSON record of one broken spec (or of a file that could not be loaded)."""
    return {"name": problem.spec, "file": problem.file, "message": problem.message}


def say_error(message: str) -> None:
    print(message, file=sys.stderr)


def spec_record(spec: Identity, catalog: Catalog) -> dict:
    """The JSON record of one spec."""
    return {
        "name": spec.name,
        "statement": spec.statement,
        "holds": spec.holds,
        "wrt": spec.wrt,
        "form": spec.form,
        "layout": spec.layout,
        "source": {"document": spec.source.document, "ref": spec.source.ref},
        "conditions": spec.conditions,
        "lesson": spec.lesson,
        "file": catalog.files[spec.name],
    }


def cmd_list(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.json:
        emit_json(
            {
                "identities": [spec_record(s, catalog) for s in catalog.specs],
                "problems": [problem_record(p) for p in catalog.problems],
            }
        )
    else:
        width = max((len(s.name) for s in catalog.specs), default=4)
        print(f"{'name':<{width}}  holds  {'wrt':<4} source")
        for s in catalog.specs:
            print(f"{s.name:<{width}}  {str(s.holds):<5}  {str(s.wrt):<4} {s.source}")
        broken = f", {len(catalog.problems)} broken (on stderr)" if catalog.problems else ""
        print(f"\n{len(catalog.specs)} identities{broken}")
    return USAGE if catalog.problems else OK


def find(catalog: Catalog, name: str) -> Identity | None:
    """The spec named ``name``, or None after saying why there is none (it is broken, its
    file could not be loaded, or no spec has that name: the closest names)."""
    try:
        return catalog.get(name)
    except KeyError:
        say_error(catalog.why_missing(name))
        return None


def select(catalog: Catalog, pattern: str, *, true_only: bool = False) -> list[Identity]:
    """The specs whose name contains ``pattern`` (only true ones with ``true_only``); a
    message when there are none."""
    specs = [s for s in catalog.specs if pattern in s.name and (s.holds or not true_only)]
    if not specs:
        kind = "true identity (holds=True)" if true_only else "identity"
        say_error(
            f"no {kind} matches --pattern {pattern!r}; see `python -m identities list`."
            if pattern
            else f"no {kind} in the catalog."
        )
    return specs


def rerun_line(args: argparse.Namespace, name: str) -> str:
    """The command that runs this check again, options included: it works as printed."""
    words = ["python", "-m", "identities", "check", name]
    for folder in args.identities_path:
        words += ["--identities-path", folder]
    if args.profile:
        words += ["--profile", args.profile]
    if args.examples:
        words += ["--examples", str(args.examples)]
    return shlex.join(words)


def cmd_check(args: argparse.Namespace, catalog: Catalog) -> int:
    spec = find(catalog, args.name)
    if spec is None:
        return USAGE
    rerun = rerun_line(args, spec.name)
    record = {"name": spec.name, "holds": spec.holds, "profile": args.profile_loaded}
    try:
        outcome = investigate(spec, max_examples=args.examples)
    except SpecError as err:
        message = located(err, catalog.files[spec.name])
        if args.json:
            emit_json({**record, "passed": False, "status": "spec error", "report": message})
        say_error(message)
        return USAGE
    report = outcome.report(rerun)
    if args.json:
        emit_json(
            {
                **record,
                "passed": outcome.passed,
                "status": outcome.status,
                "examples": outcome.examples_run,
                "report": report,
                "rerun": rerun,
            }
        )
    else:
        verdict = "PASS" if outcome.passed else "FAIL"
        expected = "true" if spec.holds else "false"
        print(
            f"{verdict}: {spec.name} is declared {expected}; search says {outcome.status} "
            f"({outcome.examples_run} examples, profile {args.profile_loaded})."
        )
        print(report)
    return OK if outcome.passed else FAILED


def readme_with_block(text: str, name: str, block: str) -> str:
    """``text`` with the lines between ``<!-- name:begin -->`` and ``<!-- name:end -->``
    replaced by ``block``."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    head, found, rest = text.partition(begin)
    if not found or end not in rest:
        raise ValueError(f"README has no {begin} ... {end} block")
    return head + begin + "\n" + block + end + rest.partition(end)[2]


def write_coverage(root: Path, catalog: Catalog) -> list[Path]:
    """Bring the generated coverage pages (``docs/coverage/``) and README's summary block
    under ``root`` up to date; returns the files written."""
    folder = root / "docs" / "coverage"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in bar(coverage.ordered(catalog), desc="coverage", unit="document"):
        path = folder / coverage.page_name(doc)
        path.write_text(coverage.page(doc, coverage.coverage(catalog, doc.id)))
        written.append(path)
    readme = root / "README.md"
    readme.write_text(
        readme_with_block(readme.read_text(), "coverage", coverage.readme_block(catalog))
    )
    return [*written, readme]


def cmd_coverage(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.write:
        for path in write_coverage(Path(args.write), catalog):
            print(f"wrote {path}")
        return OK
    if args.json and not args.document:
        emit_json(
            {
                d.id: [r.as_json(coverage.json_key(d)) for r in coverage.coverage(catalog, d.id)]
                for d in coverage.ordered(catalog)
            }
        )
        return OK
    try:
        doc = coverage.document(catalog, args.document or COOKBOOK)
    except KeyError as err:
        say_error(err.args[0])
        return USAGE
    rows = coverage.coverage(catalog, doc.id)
    if args.json:
        emit_json([r.as_json(coverage.json_key(doc)) for r in rows])
    elif args.markdown:
        print(coverage.markdown(rows, doc), end="")
    else:
        width = max((len(r.ref) for r in rows), default=3)
        for r in rows:
            label = f"({r.ref:>3})" if doc.id == COOKBOOK else f"{r.ref:<{width}}"
            print(
                f"{label} {r.verdict:<18} {', '.join(r.specs) or '-'}"
                + (f"\n       {r.reason}" if r.reason else "")
            )
        print(coverage.headline(doc, rows))
    return OK


def cmd_teach(args: argparse.Namespace, catalog: Catalog) -> int:
    try:
        from identities.engine.tools.teach import teach  # matplotlib: only for this command
    except ModuleNotFoundError as err:
        say_error(str(err))
        return USAGE

    for name in args.names:
        spec = find(catalog, name)
        if spec is None:
            return USAGE
        if spec.holds:
            say_error(f"{name!r} is declared true (holds=True); teach takes holds=False specs.")
            return USAGE
    try:
        lessons = teach(
            catalog,
            args.out,
            record=args.record,
            store=args.store,
            names=args.names or None,
            show_bar=not args.quiet,
        )
    except (SpecError, ValueError) as err:
        say_error(str(err))
        return USAGE
    missed = [lesson.spec.name for lesson in lessons if not lesson.refuted]
    if missed:
        say_error(f"not refuted (no lesson written): {', '.join(missed)}")
    print(f"lessons in {Path(args.out) / 'index.md'}")
    return FAILED if missed else OK


def cmd_mutate(args: argparse.Namespace, catalog: Catalog) -> int:
    specs = select(catalog, args.pattern, true_only=True)
    if not specs:
        return USAGE
    result = mutate.run(specs, examples=args.examples, progress=not args.quiet)
    if args.json:
        emit_json({**result, "problems": [problem_record(p) for p in catalog.problems]})
    else:
        print(
            f"mutants: {result['killed']} killed, {result['equivalent']} equivalent, "
            f"{result['survived']} survived"
        )
        for name in result["survivors"]:
            print(f"  survived: {name}")
    if spec_errors(catalog, result["spec_errors"]):
        return USAGE
    return OK if result["survived"] == 0 else FAILED


def cmd_soak(args: argparse.Namespace, catalog: Catalog) -> int:
    if not select(catalog, args.pattern, true_only=True):
        return USAGE
    result = soak.run(
        args.identities_path,
        examples=args.examples,
        seeds=list(range(1, args.seeds + 1)),
        pattern=args.pattern,
        progress=not args.quiet,
    )
    if args.json:
        emit_json({**result, "problems": [problem_record(p) for p in catalog.problems]})
    else:
        print(
            f"soak: {result['identities']} true identities x {len(result['seeds'])} seeds x "
            f"{result['examples_per_search']} examples: {result['examples']} examples run, "
            f"{result['false_alarms']} false alarms ({result['seconds']} s)"
        )
        for alarm in result["alarms"]:
            print(f"\nseed {alarm['seed']}:\n{alarm['report']}")
    if spec_errors(catalog, result["spec_errors"]):
        return USAGE
    return OK if result["false_alarms"] == 0 else FAILED


def spec_errors(catalog: Catalog, errors: list[dict]) -> bool:
    """Say each spec error a run met (one line, with the spec's file); True if any."""
    for error in errors:
        say_error(located(error["message"], catalog.files.get(error["name"], "")))
    return bool(errors)


def _sweep_one(args: argparse.Namespace, spec: Identity) -> sweep.SweepResult:
    result = sweep.sweep(spec, args.examples, seed=args.seed, progress=not args.quiet)
    if args.json:
        return result
    if result.skipped:
        print(f"SKIP: {spec.name}: not swept: {result.skipped}")
        return result
    word = "PASS" if result.passed else "FAIL"
    status = result.as_json()["status"]
    print(
        f"{word}: {spec.name} is declared {'true' if spec.holds else 'false'}; the "
        f"sweep says {status} ({result.examples} examples, {result.seconds:.1f} s, "
        f"{result.examples / max(result.seconds, 1e-9):,.0f} examples/s)"
    )
    if result.verdict is not None and (not result.passed or args.name):
        if result.shrunk is not None:
            print("shrunk by Hypothesis:\n" + render_report(result.shrunk))
        else:
            print(
                "as found (Hypothesis could not reproduce it to shrink it):\n"
                + render_report(result.verdict)
            )
    return result


def cmd_sweep(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.name:
        spec = find(catalog, args.name)
        specs = [spec] if spec is not None else []
    else:
        specs = select(catalog, args.pattern)
    if not specs:
        return USAGE
    results, errors = [], []
    for spec in specs:
        try:
            results.append(_sweep_one(args, spec))
        except SpecError as err:
            errors.append({"name": spec.name, "message": str(err)})
    swept = [r for r in results if not r.skipped]
    summary: dict[str, Any] = {
        "swept": len(swept),
        "skipped": len(results) - len(swept),
        "examples": sum(r.examples for r in swept),
        "seconds": round(sum(r.seconds for r in swept), 1),
        "failed": [r.spec.name for r in swept if not r.passed],
    }
    if args.json:
        emit_json(
            {
                **summary,
                "results": [r.as_json() for r in results],
                "spec_errors": errors,
                "problems": [problem_record(p) for p in catalog.problems],
            }
        )
    elif len(specs) > 1:
        print(
            f"sweep: {summary['swept']} identities swept ({summary['skipped']} not "
            f"sweepable), {summary['examples']} examples in {summary['seconds']:.1f} s, "
            f"{len(summary['failed'])} failed"
        )
    if spec_errors(catalog, errors):
        return USAGE
    return OK if all(r.passed for r in results) else FAILED
