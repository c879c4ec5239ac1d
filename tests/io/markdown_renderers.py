"""The Markdown renderers people open an export in, and a reading of the HTML they make.

pandoc (the program), python-markdown with its footnotes extension, and markdown-it-py
with the GFM-like preset and the footnote plugin (GitHub's dialect: CommonMark, linkify,
footnotes). Each renderer is skipped with a message where it is not installed; none
reaches the network.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest

Renderer = Callable[[str], str]
RENDERERS = ("pandoc", "python-markdown", "markdown-it-py")


def renderer(name: str) -> Renderer:
    """The renderer called *name* (one of RENDERERS), or a skip saying what is missing."""
    if name == "pandoc":
        program = shutil.which("pandoc")
        if program is None:
            pytest.skip("pandoc is not installed (Debian: apt-get install pandoc)")
        return lambda text: subprocess.run(
            [program, "-f", "markdown", "-t", "html"], input=text, capture_output=True,
            text=True, check=True, timeout=60).stdout
    if name == "python-markdown":
        markdown = pytest.importorskip("markdown", reason="python-markdown is not installed")
        return lambda text: markdown.markdown(text, extensions=["footnotes"])
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    footnote = pytest.importorskip("mdit_py_plugins.footnote",
                                   reason="mdit-py-plugins is not installed")
    pytest.importorskip("linkify_it", reason="linkify-it-py (GFM's autolinks) is not installed")
    parser = markdown_it.MarkdownIt("gfm-like").use(footnote.footnote_plugin)
    return parser.render


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def find_all(self, tag: str) -> list[Element]:
        return [element for element in self.walk() if element.tag == tag]

    @property
    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text
                       for child in self.children)

    @property
    def own_text(self) -> str:
        """Its text outside nested lists: a list item's line without its sub-items."""
        return "".join(child if isinstance(child, str) else
                       "" if child.tag in ("ul", "ol") else child.own_text
                       for child in self.children)


_VOID = {"br", "hr", "img", "meta", "link", "input"}


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("root", {})
        self._open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self._open[-1].children.append(element)
        if tag not in _VOID:
            self._open.append(element)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        assert self._open[-1].tag == tag, f"</{tag}> closes <{self._open[-1].tag}>"
        self._open.pop()

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)


def parse(markup: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


# A reference to a note (pandoc "#fn1", python-markdown "#fn:1", markdown-it "#fn1"),
# not a note's link back to it ("#fnref1").
_NOTE_REFERENCE = re.compile(r"#fn:?\d+")


def is_note_reference(element: Element) -> bool:
    return element.tag == "a" and bool(_NOTE_REFERENCE.fullmatch(element.attrs.get("href", "")))


def runs_of_references(element: Element) -> list[int]:
    """How many note references stand together, with no text between them, for each run
    in *element*: [1, 1] for "¹,²", [2] for "¹²" (what reads as one number)."""
    runs: list[int] = []
    together = False

    def visit(node: Element) -> None:
        nonlocal together
        for child in node.children:
            if isinstance(child, str):
                together = together and not child.strip()
            elif is_note_reference(child):
                if together:
                    runs[-1] += 1
                else:
                    runs.append(1)
                together = True
            else:
                if child.tag != "sup":  # a marker's own superscript is no text between
                    together = False
                visit(child)

    visit(element)
    return runs


def nested_lists(root: Element) -> list[tuple[Element, Element]]:
    """Each list item and a list nested in it."""
    return [(item, inner) for item in root.find_all("li") for inner in item.children
            if isinstance(inner, Element) and inner.tag in ("ul", "ol")]
