"""What a demo document is made of, before it is laid out on pages.

Inline mark-up in block texts: ``*italic*``, ``**bold**`` and ``[fn: footnote text]`` (a footnote,
numbered through the whole document in order of appearance, its marker printed as a superscript).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

FICTIONAL_MARK = "FICTIONAL SAMPLE - not a United Nations document"


class BlockKind(StrEnum):
    HEADING = "heading"  # "I. Introduction": label "I.", bold
    SUBHEADING = "subheading"  # "A. Early warning": label "A.", bold
    PARAGRAPH = "paragraph"  # numbered paragraph of a report: label "12."
    SUBPARAGRAPH = "subparagraph"  # "(a)" under a paragraph
    TEXT = "text"  # unnumbered running text (first line indented)
    PREAMBULAR = "preambular"  # resolution preamble: starts with an italic participle
    OPERATIVE = "operative"  # resolution operative paragraph: label "1.", italic verb
    RECOMMENDATION = "recommendation"  # UPR recommendation: label "98.1"
    PLAIN = "plain"  # a line at the body margin with no indent ("The Security Council,")


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Expected:
    """What a parser should read back from the rendered PDF (used by the tests)."""

    labels: tuple[str, ...]  # labels of numbered paragraphs, subparagraphs and recommendations
    citations: tuple[str, ...]  # symbols cited in the body and footnotes
    footnotes: int


@dataclass(frozen=True, slots=True)
class DemoDocument:
    """One fictional UN-style document: masthead data and body blocks."""

    filename: str
    symbol: str  # as printed top right, joint symbols joined by a hyphen
    organs: tuple[str, ...]  # masthead organ names ("General Assembly", "Security Council")
    date: str  # as printed: "12 March 2026"
    job: str  # "26-90001 (E)"
    job_date: str  # DDMMYY printed next to the job number
    session: tuple[tuple[str, ...], ...]  # one column of session lines per organ
    title: tuple[str, ...]  # bold title lines
    subtitle: str | None  # "Report of the Secretary-General"
    blocks: tuple[Block, ...]
    original: str = "English"
    distribution: str = "General"
    expected: Expected = field(default_factory=lambda: Expected((), (), 0))
