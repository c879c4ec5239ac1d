"""Which command groups a command line imports: its own, or none for the window (issue 19)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from tracker.cli import _GROUPS, build_parser, command_word, group_modules


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    sub = next(action for action in parser._actions
               if isinstance(action, argparse._SubParsersAction))
    return list(sub.choices)


def test_the_group_table_names_every_command_its_module_registers() -> None:
    every = [command for _module, commands in _GROUPS for command in commands]
    assert _commands(build_parser()) == every  # the order of `tracker --help` too
    for module, commands in _GROUPS:
        assert group_modules(commands[0]) == [module]
        assert _commands(build_parser(commands[-1])) == list(commands)


@pytest.mark.parametrize(("argv", "word"), [
    ([], None),
    (["--db", "talks.db"], None),
    (["--db", "log", "--sample"], None),  # a database file named "log"
    (["--db=talks.db", "log", "--limit", "3"], "log"),
    (["--db", "talks.db", "analyse", "--all"], "analyse"),
    (["expotr"], "expotr"),
])
def test_the_command_word_skips_options_and_their_values(argv: list[str],
                                                          word: str | None) -> None:
    assert command_word(argv) == word


def test_an_unknown_command_is_refused_with_every_choice(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert group_modules("expotr") == [module for module, _commands in _GROUPS]
    with pytest.raises(SystemExit):
        build_parser("expotr").parse_args(["expotr"])
    assert "invalid choice: 'expotr'" in capsys.readouterr().err


def test_the_window_path_imports_no_command_group_and_no_sqlalchemy() -> None:
    code = (
        "import json, sys\n"
        "import tracker.cli as cli\n"
        "try:\n"
        "    cli.main(['--db', 'talks.db', '--version'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(name for name in sys.modules\n"
        "                        if name.startswith(('tracker.cli.', 'sqlalchemy')))))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert json.loads(done.stdout.splitlines()[-1]) == []
