"""The sample scenarios a user can open, and building one into a database.

Two scenarios ship in resources/sample/ (its README says where each fact comes from):
``2026``, the seed's talks "for the coming week", whose events are known only to the
week (the Analysis places them by the week they fall in); and ``2022``, the
Russia–Ukraine rounds of spring 2022 and an exchange of September 2022, laid over the
UCDP events of 2022, so the Analysis counts real days.

A scenario with ``data_files`` has them imported first, by the same importer as File ›
Import Events (its own transaction), then its records loaded in a second one. A failure
between the two would leave the events alone in the database, so ``build_sample_file``
builds a new file beside its destination and moves it into place only when complete.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from importlib.resources import as_file
from pathlib import Path
from typing import Any

from tracker import resources
from tracker.io.import_formats import ImportFormat
from tracker.services.common.sample import (
    SCENARIO_RESOURCE,
    SampleSummary,
    is_empty,
    load_scenario,
    read_scenario,
)
from tracker.services.imports.importing import import_events
from tracker.storage.database import Database, open_database


class SampleScenario(StrEnum):
    """The scenarios by the name `tracker sample --scenario` takes."""

    TALKS_2026 = "2026"
    TALKS_2022 = "2022"


@dataclass(frozen=True, slots=True)
class ScenarioInfo:
    """What a scenario is called, where it is, and the file the window keeps it in."""

    scenario: SampleScenario
    resource: str
    file_name: str
    title: str
    description: str


SCENARIOS: dict[SampleScenario, ScenarioInfo] = {
    SampleScenario.TALKS_2026: ScenarioInfo(
        SampleScenario.TALKS_2026, SCENARIO_RESOURCE, "sample.db",
        "Talks announced for “the coming week” (2026)",
        "Trilateral talks whose date or venue may change, the factors they depend on, "
        "and strikes on energy and transport, from one news report. Its events are "
        "known only to the week: the Analysis shows them by the week they fall in."),
    SampleScenario.TALKS_2022: ScenarioInfo(
        SampleScenario.TALKS_2022, "sample/scenario-2022.json", "sample-2022.db",
        "Russia–Ukraine talks of 2022 over UCDP events",
        "The rounds in Belarus, the Antalya meeting, the video rounds and Istanbul "
        "(February–March 2022), and the prisoner exchange of 21 September 2022, each "
        "fact sourced, over the 536 UCDP events of 2022 (CC BY 4.0)."),
}


def build_sample(db: Database, scenario: SampleScenario) -> SampleSummary:
    """Import the scenario's data files into the empty *db*, then load its records.

    Raises ValueError when *db* holds rounds, factors or events already, and the import's
    own errors (InputFileError) if a shipped data file is refused.
    """
    data = read_scenario(SCENARIOS[scenario].resource)
    with db.reading() as session:
        if not is_empty(session):
            raise ValueError("The sample scenario can only be loaded into an empty "
                             "database; this one already holds rounds, factors or events")
    imported = sum(_import(db, spec) for spec in data.get("data_files", ()))
    with db.transaction() as session:
        summary = load_scenario(session, data)
    return replace(summary, events=summary.events + imported)


def build_sample_file(path: Path, scenario: SampleScenario) -> SampleSummary:
    """Write *scenario* into the new SQLite file *path*: built as a file beside it and
    renamed into place once complete, so *path* is either the whole sample or absent."""
    partial = path.with_name(f".{path.name}.building")
    for leftover in _with_companions(partial):
        leftover.unlink(missing_ok=True)  # an earlier build that was interrupted
    db = open_database(partial, create=True)
    try:
        summary = build_sample(db, scenario)
    except BaseException:
        db.close()
        for leftover in _with_companions(partial):
            leftover.unlink(missing_ok=True)
        raise
    db.close()  # checkpoints the WAL into the file, so the file alone is the database
    os.replace(partial, path)
    return summary


def _with_companions(path: Path) -> Iterator[Path]:
    """An SQLite file and the journal files that may sit beside it."""
    yield path
    for suffix in ("-wal", "-shm", "-journal"):
        yield path.with_name(path.name + suffix)


def _import(db: Database, spec: dict[str, Any]) -> int:
    fmt = ImportFormat(spec["format"])
    with contextlib.ExitStack() as stack:
        # A real file for the importer, also from a zipped wheel.
        path = stack.enter_context(as_file(resources.path(spec["resource"])))
        report = import_events(db, Path(path), fmt, strict=True)
    return report.added
