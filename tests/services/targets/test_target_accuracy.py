"""The rules against hand-labelled real UCDP events (docs/target-categories.md).

Targets from issue 18: precision ≥ 0.9 and recall ≥ 0.7 on energy, transport,
residential and medical. Three sets (tests/data/target_labels/README.md): the first
revision was read from the **development** set; the **held-out** set measured it and was
read for the second revision; the **second held-out** set, labelled blind, measured the
second revision and was read for the third. Every labelled event is development data
now: no held-out figure exists for the third revision. The targets are asserted on each
set (the second held-out set's precision over all 504 events, its recall over its recall
strata), on the first two together (912 events) and on all three (``all``, 1,416); a
figure that still misses is a strict expected failure naming it (strict: it fails once
the figure is met, so the mark must go); a figure that cannot exist (no such event
labelled or suggested in the set) is named as such and skipped.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "target_accuracy.py"
# Figures that still miss a target after the third revision, as measured. Transport's
# recall: events told only by their where-description (a bus depot under a data digest,
# a highway as the place), a crossing and a "stop" the rules have no word for, and the
# Antonovsky bridge "unsuitable for use" (no harm told in words, so only its place).
# Medical's precision: "gunmen kill wounded servicemen at hospital" (the servicemen are
# what the killing is told of) and "reporter dies of wounds …: doctor" (the doctor is
# who spoke). Residential: one event of a week's tally ("damaging 29 houses", labelled
# military), one told only by its where-description.
MISSED = {("held-out", "transport", "recall"): "0.33 (1 of 3)",
          ("first two", "transport", "recall"): "0.67 (8 of 12) on the 912 events",
          ("second held-out", "transport", "recall"): "0.50 (2 of 4) on all 504 events",
          ("second held-out", "residential", "precision"): "0.00 (0 of 1)",
          ("second held-out", "residential", "recall"): "0.00 (0 of 1) on all 504 events",
          ("second held-out", "medical", "precision"): "0.60 (3 of 5)",
          ("second held-out, recall strata", "transport", "recall"): "0.33 (1 of 3)",
          ("second held-out, recall strata", "residential", "recall"): "0.00 (0 of 1)",
          ("all", "transport", "recall"): "0.62 (10 of 16) on the 1,416 events",
          ("all", "medical", "precision"): "0.89 (17 of 19) on the 1,416 events"}
# Figures that do not exist: nothing of the category suggested (precision) or labelled
# (recall) in the set.
NO_FIGURE = {("second held-out", "energy", "precision"),
             ("second held-out", "energy", "recall"),
             ("second held-out, recall strata", "energy", "precision"),
             ("second held-out, recall strata", "energy", "recall"),
             ("second held-out, recall strata", "residential", "precision"),
             ("second held-out, recall strata", "medical", "precision"),
             ("second held-out, recall strata", "medical", "recall")}
SETS = ("development", "held-out", "first two", "second held-out",
        "second held-out, recall strata", "all")

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
    score = _scores(name).get(category)
    value = None if score is None else getattr(score, measure)
    if (name, category, measure) in NO_FIGURE:
        assert value is None
        which = "suggested" if measure == "precision" else "labelled"
        pytest.skip(f"no {category} event {which} in {name}: no {measure}")
    assert value is not None and value >= floor


@pytest.mark.parametrize("name", ("development", "held-out", "second held-out"))
def test_each_set_holds_at_least_300_labelled_events(name: str) -> None:
    assert sum(score.support for score in _scores(name).values()) >= 300


def test_no_event_is_in_two_sets() -> None:
    accuracy = _accuracy()
    first, second, third = (accuracy.labels(name).keys()
                            for name in ("development", "held-out", "second held-out"))
    assert not first & second and not first & third and not second & third
    assert len(accuracy.labels("all")) == len(first) + len(second) + len(third)
