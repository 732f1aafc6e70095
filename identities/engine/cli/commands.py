"""The commands of ``python -m identities``, one function each: they take the parsed
arguments and the catalog, print, and return the exit code."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from identities.engine.report import render_report
from identities.engine.runner import profiles
from identities.engine.runner.registry import Catalog
from identities.engine.runner.search import investigate
from identities.engine.tools import coverage, mutate, soak, sweep
from identities.spec import COOKBOOK, Identity


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
        print(json.dumps([spec_record(s, catalog) for s in catalog.specs], indent=2))
        return 0
    width = max((len(s.name) for s in catalog.specs), default=4)
    print(f"{'name':<{width}}  holds  {'wrt':<4} source")
    for s in catalog.specs:
        print(f"{s.name:<{width}}  {str(s.holds):<5}  {str(s.wrt):<4} {s.source}")
    print(f"\n{len(catalog.specs)} identities", end="")
    print(f", {len(catalog.problems)} problems" if catalog.problems else "")
    for problem in catalog.problems:
        print(f"\nPROBLEM {problem.message}", file=sys.stderr)
    return 0


def find(catalog: Catalog, name: str) -> Identity | None:
    """The spec named ``name``, or None after saying which names come close."""
    try:
        return catalog.get(name)
    except KeyError:
        close = [s.name for s in catalog.specs if name.lower() in s.name.lower()]
        hint = (
            f" Did you mean: {', '.join(close[:8])}?"
            if close
            else " See `python -m identities list`."
        )
        print(f"No identity named {name!r}.{hint}", file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace, catalog: Catalog) -> int:
    spec = find(catalog, args.name)
    if spec is None:
        return 2
    profile = profiles.load(args.profile)
    outcome = investigate(spec, max_examples=args.examples)
    verdict = "PASS" if outcome.passed else "FAIL"
    expected = "true" if spec.holds else "false"
    print(
        f"{verdict}: {spec.name} is declared {expected}; search says {outcome.status} "
        f"({outcome.examples_run} examples, profile {profile})."
    )
    words = ["python -m identities check", spec.name]
    words += [f"--identities-path {p}" for p in args.identities_path]
    print(outcome.report(" ".join(words)))
    return 0 if outcome.passed else 1


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
    for doc in coverage.ordered(catalog):
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
        return 0
    if args.json and not args.document:
        print(
            json.dumps(
                {
                    d.id: [
                        r.as_json(coverage.json_key(d)) for r in coverage.coverage(catalog, d.id)
                    ]
                    for d in coverage.ordered(catalog)
                },
                indent=2,
            )
        )
        return 0
    try:
        doc = coverage.document(catalog, args.document or COOKBOOK)
    except KeyError as err:
        print(err.args[0], file=sys.stderr)
        return 2
    rows = coverage.coverage(catalog, doc.id)
    if args.json:
        print(json.dumps([r.as_json(coverage.json_key(doc)) for r in rows], indent=2))
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
    return 0


def cmd_teach(args: argparse.Namespace, catalog: Catalog) -> int:
    try:
        from identities.engine.tools.teach import teach  # matplotlib: only for this command
    except ModuleNotFoundError as err:
        print(err, file=sys.stderr)
        return 2
    try:
        lessons = teach(
            catalog, args.out, record=args.record, store=args.store, names=args.names or None
        )
    except KeyError as err:
        print(f"{err.args[0]}. See `python -m identities list`.", file=sys.stderr)
        return 2
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    missed = [lesson.spec.name for lesson in lessons if not lesson.refuted]
    if missed:
        print(f"not refuted (no lesson written): {', '.join(missed)}", file=sys.stderr)
    print(f"lessons in {Path(args.out) / 'index.md'}")
    return 1 if missed else 0


def cmd_mutate(args: argparse.Namespace, catalog: Catalog) -> int:
    profiles.load(args.profile)
    specs = [s for s in catalog.specs if args.pattern in s.name]
    result = mutate.run(specs, examples=args.examples, progress=not args.quiet)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"mutants: {result['killed']} killed, {result['equivalent']} equivalent, "
            f"{result['survived']} survived"
        )
        for name in result["survivors"]:
            print(f"  survived: {name}")
    return 0 if result["survived"] == 0 else 1


def cmd_soak(args: argparse.Namespace, catalog: Catalog) -> int:
    profiles.load(None)
    result = soak.run(
        args.identities_path,
        examples=args.examples,
        seeds=list(range(1, args.seeds + 1)),
        pattern=args.pattern,
        progress=not args.quiet,
    )
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"soak: {result['identities']} true identities x {len(result['seeds'])} seeds x "
            f"{result['examples_per_search']} examples: {result['examples']} examples run, "
            f"{result['false_alarms']} false alarms ({result['seconds']} s)"
        )
        for alarm in result["alarms"]:
            print(f"\nseed {alarm['seed']}:\n{alarm['report']}")
    return 0 if result["false_alarms"] == 0 else 1


def cmd_sweep(args: argparse.Namespace, catalog: Catalog) -> int:
    if args.name:
        spec = find(catalog, args.name)
        if spec is None:
            return 2
        specs = [spec]
    else:
        specs = [s for s in catalog.specs if args.pattern in s.name]
    results = []
    for spec in specs:
        result = sweep.sweep(spec, args.examples, seed=args.seed, progress=not args.quiet)
        results.append(result)
        if args.json:
            continue
        if result.skipped:
            print(f"SKIP: {spec.name}: not swept: {result.skipped}")
            continue
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
    if args.json:
        print(json.dumps([r.as_json() for r in results], indent=2))
    elif len(results) > 1:
        swept = [r for r in results if not r.skipped]
        total = sum(r.examples for r in swept)
        seconds = sum(r.seconds for r in swept)
        failed = [r.spec.name for r in swept if not r.passed]
        print(
            f"sweep: {len(swept)} identities swept ({len(results) - len(swept)} not "
            f"sweepable), {total} examples in {seconds:.1f} s, {len(failed)} failed"
        )
    return 0 if all(r.passed for r in results) else 1
