"""Page 1 masthead and the page furniture of the demo PDFs, as drawing operations.

An operation is ``(x, y, text, style, size)`` with ``y`` the baseline; styles are those of
:data:`ingest.demo.writer.FONTS`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.demo.model import FICTIONAL_MARK, DemoDocument

Op = tuple[float, float, str, str, float]
Measure = Callable[[str, str, float], float]

X0, BODY, RIGHT, MIDDLE, WIDTH = 72.0, 100.0, 540.0, 330.0, 612.0


def _right(text: str, style: str, size: float, y: float, measure: Measure) -> Op:
    return (RIGHT - measure(text, style, size), y, text, style, size)


def masthead_ops(doc: DemoDocument, measure: Measure) -> tuple[list[Op], float]:
    """The masthead, session lines and title of page 1, and the baseline where the body starts."""
    ops: list[Op] = [(X0, 72.0, "United Nations", "hb", 14.0), _right(doc.symbol, "hb", 13.0, 72.0, measure)]
    for i, organ in enumerate(doc.organs):
        ops.append((X0, 102.0 + 20.0 * i, organ, "hb", 16.0))
    for y, text in ((98.0, f"Distr.: {doc.distribution}"), (110.0, doc.date), (134.0, f"Original: {doc.original}")):
        ops.append((400.0, y, text, "h", 9.5))
    y = 182.0
    bottom = y
    for column, lines in enumerate(doc.session):
        x, yy = (BODY if column == 0 else MIDDLE), y
        for k, line in enumerate(lines):
            ops.append((x, yy, line, "b" if k == 0 else "r", 10.0))
            yy += 12.0
        bottom = max(bottom, yy)
    y = bottom + 16.0
    for line in doc.title:
        ops.append((BODY, y, line, "b", 13.0))
        y += 16.0
    if doc.subtitle:
        y += 4.0
        ops.append((BODY, y, doc.subtitle, "b", 10.0))
        y += 12.0
    return ops, y + 8.0


def furniture_ops(doc: DemoDocument, number: int, total: int, measure: Measure) -> list[Op]:
    """Running header and footer of page ``number`` of ``total``, and the fictional-sample mark."""
    mark = (WIDTH - measure(FICTIONAL_MARK, "hb", 8.0)) / 2
    ops: list[Op] = [(mark, 30.0, FICTIONAL_MARK, "hb", 8.0)]
    short_job = doc.job.split(" ")[0]
    if number == 1:
        barcode = "*" + re.sub(r"\D", "", doc.job.split("(")[0]) + "*"
        ops += [(X0, 748.0, f"{doc.job}    {doc.job_date}".strip(), "h", 8.0), (X0, 762.0, barcode, "h", 9.0),
                _right("Please recycle", "h", 7.0, 762.0, measure)]
        return ops
    page_label = f"{number}/{total}"
    if number % 2 == 0:
        ops += [(X0, 58.0, doc.symbol, "hb", 9.0), (X0, 760.0, page_label, "h", 8.0),
                _right(short_job, "h", 8.0, 760.0, measure)]
    else:
        ops += [_right(doc.symbol, "hb", 9.0, 58.0, measure), _right(page_label, "h", 8.0, 760.0, measure),
                (X0, 760.0, short_job, "h", 8.0)]
    return ops
