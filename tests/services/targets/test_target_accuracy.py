"""The rules against 480 hand-labelled real UCDP events (docs/target-categories.md).

Targets from issue 18: precision ≥ 0.9 and recall ≥ 0.7 on energy, transport,
residential and medical. Where the measured figure misses, the test is an expected
failure that says so (strict: it fails once the figure is met, so the mark must go).
The rules were not tuned to these labels.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench" / "target_accuracy.py"
MISSED = {("energy", "precision"): "measured 0.67 (2 of 3; 2 energy events labelled)",
          ("medical", "precision"): "measured 0.77 (10 of 13)"}


@cache
def _accuracy() -> ModuleType:
    spec = importlib.util.spec_from_file_location("target_accuracy", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@cache
def _scores() -> dict[str, object]:
    accuracy = _accuracy()
    return {score.category: score for score in accuracy.scores(accuracy.suggested_categories())}


def _cases() -> list[object]:
    cases = []
    for category in ("energy", "transport", "residential", "medical"):
        for measure, floor in (("precision", 0.9), ("recall", 0.7)):
            marks = []
            if (category, measure) in MISSED:
                marks = [pytest.mark.xfail(reason=f"missed: {MISSED[category, measure]}",
                                           strict=True)]
            cases.append(pytest.param(category, measure, floor, marks=marks,
                                      id=f"{category}-{measure}"))
    return cases


@pytest.mark.parametrize(("category", "measure", "floor"), _cases())
def test_the_rules_meet_the_issues_targets(category: str, measure: str,
                                           floor: float) -> None:
    value = getattr(_scores()[category], measure)
    assert value is not None and value >= floor


def test_the_fixture_holds_at_least_300_labelled_events() -> None:
    assert sum(score.support for score in _scores().values()) >= 300
