"""A PDF read back with poppler, the tools a reader's viewer is built on (pdftotext,
pdftohtml, pdfinfo, pdffonts): its pages' text, links, outline and properties. A test
that needs them skips with a message where poppler-utils is not installed."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

TIMEOUT = 120


def poppler(tool: str, *args: str) -> str:
    """The output of a poppler tool; the test is skipped when poppler is missing."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: apt-get install poppler-utils)")
    done = subprocess.run([tool, *args], capture_output=True, text=True, check=True,
                          timeout=TIMEOUT)
    return done.stdout


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdftotext extracts it (no ligature unfolded), whitespace single."""
    pages = poppler("pdftotext", str(path), "-").split("\f")
    return [" ".join(page.split()) for page in pages[:-1]]  # the last \f ends the last page


def properties(path: Path) -> dict[str, str]:
    """pdfinfo's fields: Title, Author, Pages, Tagged…"""
    lines = poppler("pdfinfo", str(path)).splitlines()
    return {name.strip(): value.strip()
            for name, _, value in (line.partition(":") for line in lines)}


@dataclass(frozen=True, slots=True)
class OutlineItem:
    title: str
    page: int
    children: tuple[OutlineItem, ...]


@dataclass(frozen=True, slots=True)
class LinksAndOutline:
    links: tuple[str, ...]  # each link's target: a URL, or "<file>#<page>" within the PDF
    outline: tuple[OutlineItem, ...]


def _items(element: ET.Element) -> tuple[OutlineItem, ...]:
    """pdftohtml's <outline>: <item>s, each followed by an <outline> of its children."""
    items: list[OutlineItem] = []
    for child in element:
        if child.tag == "item":
            items.append(OutlineItem(child.text or "", int(child.get("page") or 0), ()))
        elif child.tag == "outline" and items:
            last = items.pop()
            items.append(OutlineItem(last.title, last.page, _items(child)))
    return tuple(items)


def links_and_outline(path: Path) -> LinksAndOutline:
    """The link annotations and the outline (bookmarks), as pdftohtml -xml lists them."""
    root = ET.fromstring(poppler("pdftohtml", "-xml", "-i", "-q", "-stdout", str(path)))
    links = tuple(a.get("href") or "" for a in root.iter("a"))
    outline = root.find("outline")
    return LinksAndOutline(links, _items(outline) if outline is not None else ())
