"""The rules against hand-labelled real UCDP events (docs/target-categories.md).

Targets from issue 18: precision ≥ 0.9 and recall ≥ 0.7 on energy, transport,
residential and medical. Two sets (tests/data/target_labels/README.md): the first
revision was read from the **development** set; the **held-out** set, labelled before it,
measured it honestly and was then read for the second revision, so both are development
data now, and ``all`` is both together (912 events). The targets are asserted on each;
a figure that still misses is a strict expected failure naming it (strict: it fails once
the figure is met, so the mark must go). A new held-out set measures the second revision.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "target_accuracy.py"
# Figures that still miss a target after the second revision, as measured. The two
# transport suggestions left wrong are Donetsk-airport records whose airport headline
# names no force ("Donetsk airport", "claims control of Donetsk airport"); the transport
# event missed is told only by its where-description (a bus depot under a data digest).
MISSED = {("held-out", "transport", "precision"): "0.50 (2 of 4)",
          ("held-out", "transport", "recall"): "0.67 (2 of 3)",
          ("all", "transport", "precision"): "0.82 (9 of 11) on the 912 events"}
SETS = ("development", "held-out", "all")

@cache
def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("target_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@cache
def _suggested() -> dict[str, str]:
    return dict(_accuracy().suggested_categories())


@cache
def _scores(name: str) -> dict[str, object]:
    return {score.category: score for score in _accuracy().scores(_suggested(), name)}


def _cases() -> list[object]:
    cases = []
    for name in SETS:
        for category in ("energy", "transport", "residential", "medical"):
            for measure, floor in (("precision", 0.9), ("recall", 0.7)):
                marks = []
                if (name, category, measure) in MISSED:
                    marks = [pytest.mark.xfail(
                        reason=f"missed: {MISSED[name, category, measure]}", strict=True)]
                cases.append(pytest.param(name, category, measure, floor, marks=marks,
                                          id=f"{name}-{category}-{measure}"))
    return cases


@pytest.mark.parametrize(("name", "category", "measure", "floor"), _cases())
def test_the_rules_meet_the_issues_targets(name: str, category: str, measure: str,
                                           floor: float) -> None:
    value = getattr(_scores(name)[category], measure)
    assert value is not None and value >= floor


@pytest.mark.parametrize("name", SETS[:2])
def test_each_set_holds_at_least_300_labelled_events(name: str) -> None:
    assert sum(score.support for score in _scores(name).values()) >= 300


def test_no_held_out_event_is_in_the_development_set() -> None:
    accuracy = _accuracy()
    assert not accuracy.labels("development").keys() & accuracy.labels("held-out").keys()
