"""Text that reads the same in every Markdown renderer people open an export in.

Issue 15 opened the chronology in pandoc, python-markdown and GitHub-flavoured
(CommonMark) renderers. What each of them accepts differs, so every rule here is the one
all three agree on:

- Emphasis, code, link and escape characters are backslash-escaped: each of the three
  reads ``\\*`` as a literal ``*``.
- Characters that only some dialects treat as markup (pandoc's ``^superscript^``,
  ``~subscript~`` and ``$math$``, GitHub's ``~strike~``, pandoc's ``@citation``, pipes)
  are written as numeric character references: python-markdown shows ``\\^`` or
  ``\\|`` with its backslash, while ``&#94;`` reads as ``^`` everywhere.
- Web addresses are autolinks, ``<https://…>``, never escaped: a backslash inside an
  address is part of it, and an escaped address stopped linking at its first "_".
  Inside the brackets no escape applies, so what would end or break the link (spaces,
  ``<``, ``>``, quotes, non-ASCII) is percent-encoded, the way a browser sends it.
"""

from __future__ import annotations

import re
from urllib.parse import quote

# Inline specials every renderer unescapes (CommonMark escapes all ASCII punctuation;
# python-markdown only its own list, which holds these).
_BACKSLASHED = re.compile(r"([\\`*_\[\]])")
# Markup in some dialects only, shown literally by all three as a character reference.
_REFERENCED = {"~": "&#126;", "|": "&#124;", "^": "&#94;", "$": "&#36;"}
_REFERENCED_CHARS = re.compile(r"[~|^$]|(?<!\w)@")  # pandoc cites only a word-start "@"
# pandoc's "smart" typography makes "--" a dash; escaped hyphens stay hyphens. (Its curly
# quotes are left to it: escaped quotes show their backslash in python-markdown.)
_HYPHEN_RUN = re.compile(r"-{2,}")
# What opens a block at the start of a line: an ordered-list number or letter (pandoc's
# fancy lists too: "a.", "iv)", "(1)"), a heading, a quote or a bullet.
_BLOCK_OPENING = re.compile(r"^(\(?[A-Za-z0-9]{1,9})([.)])(?=\s|$)|^([#>+-])")
# Everything an address may hold unencoded: RFC 3986's reserved and unreserved
# characters, and "%" for the escapes it already has.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%"
# An address in running text ends where linkifiers end it: at a space, quote or bracket.
_URL = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
# Punctuation after an address in running text belongs to the sentence, not to it.
_SENTENCE_END = ".,;:!?'\"’”)]}>"


def markdown_escape(text: str) -> str:
    """Text shown literally by Markdown renderers: specials escaped, HTML neutralised,
    on one line (whitespace runs, line breaks among them, become one space)."""
    return _escaped(_one_line(text))


def autolink(url: str) -> str:
    """A web address as an autolink, percent-encoded where the brackets need it."""
    return f"<{quote(url, safe=_URL_SAFE)}>"


def markdown_text(text: str) -> str:
    """Running text on one line, escaped, with each web address in it an autolink."""
    line = _one_line(text)
    parts: list[str] = []
    done = 0
    for found in _URL.finditer(line):
        url = _without_sentence_end(found[0])
        parts += [_escaped(line[done:found.start()]), autolink(url)]
        done = found.start() + len(url)
    parts.append(_escaped(line[done:]))
    return "".join(parts)


def markdown_source(label: str) -> str:
    """A source label ('Outlet, “Title”, 31 Jan 2026, URL', services.records.citations
    .source_label) on one line: its address runs to the end, spaces included (a stored
    address may hold them), and is one link."""
    lowered = label.lower()
    start = max(lowered.rfind(", http://"), lowered.rfind(", https://"))
    if start < 0:
        return markdown_text(label)
    return f"{markdown_text(label[:start])}, {autolink(label[start + 2:].strip())}"


def block_safe(markdown: str) -> str:
    """Inline Markdown made safe to start a block (a footnote, a list item): a leading
    "1." or "#" is escaped so it reads as text, not as a list or a heading."""
    return _BLOCK_OPENING.sub(
        lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", markdown, count=1)


def _without_sentence_end(url: str) -> str:
    while url and url[-1] in _SENTENCE_END:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break  # a balanced parenthesis is the address's own (Wikipedia's titles)
        url = url[:-1]
    return url


def _one_line(text: str) -> str:
    return " ".join(text.replace("\x00", "").split())


def _escaped(line: str) -> str:
    escaped = _BACKSLASHED.sub(r"\\\1", line)
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;")
    escaped = _HYPHEN_RUN.sub(lambda m: "\\-" * len(m[0]), escaped)
    return _REFERENCED_CHARS.sub(lambda m: _REFERENCED.get(m[0], "&#64;"), escaped)
