"""``tracker sample --db FILE [--scenario 2026|2022]``: a sample scenario written into a new
database (services/common/sample_scenarios.py says what each one holds)."""

from __future__ import annotations

import argparse

from tracker.cli.boundary import EXIT_OK, CommandError, Subparsers, add_command, opened
from tracker.services.common.sample import is_empty
from tracker.services.common.sample_scenarios import SCENARIOS, SampleScenario, build_sample


def add_parsers(sub: Subparsers) -> None:
    parser = add_command(sub, "sample", run_sample, database=False,
                         summary="write a sample scenario into a new database")
    parser.add_argument("--db", required=True, dest="sub_db", metavar="DB")
    parser.add_argument(
        "--scenario", choices=[scenario.value for scenario in SampleScenario],
        default=SampleScenario.TALKS_2026.value,
        help="; ".join(f"{info.scenario.value}: {info.title}" for info in SCENARIOS.values())
        + " (default: %(default)s)")


def run_sample(args: argparse.Namespace) -> int:
    scenario = SampleScenario(args.scenario)
    with opened(args, create=True) as db:
        with db.reading() as session:
            if not is_empty(session):
                raise CommandError(f"{db.label} already holds data; the sample goes into "
                                   "a new database")
        summary = build_sample(db, scenario)
    print(f"Sample scenario written to {db.label}: {summary.rounds} rounds, "
          f"{summary.factors} factors, {summary.events} events, {summary.links} links, "
          f"{summary.sources} sources (scenario {scenario.value})")
    return EXIT_OK
