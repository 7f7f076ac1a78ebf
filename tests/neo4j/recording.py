"""A recording stand-in for the ``neo4j`` driver's Driver → Session → ManagedTransaction → Result.

It records exactly what the real driver would receive (database, transaction kind, statement,
parameters) and answers reads from a function of the statement, so tests assert the Cypher the
Neo4j backend sends without a server. It is strict where the server is: a statement must be a
string, and its ``$parameters`` must be exactly the keys sent (none missing, none extra).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Self

PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")

Answer = Callable[[str, dict[str, Any]], list[dict[str, Any]]]


def parameters_of(query: str) -> set[str]:
    """The ``$names`` a statement uses."""
    return set(PARAMETER.findall(query))


@dataclass
class Call:
    query: str
    params: dict[str, Any]


@dataclass
class Transaction:
    mode: str  # "read" | "write"
    database: str | None
    calls: list[Call] = field(default_factory=list)

    @property
    def queries(self) -> list[str]:
        return [c.query for c in self.calls]


class RecordingResult:
    def __init__(self, rows: list[dict[str, Any]]) -> None:
        self._rows = rows

    def data(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._rows]

    def consume(self) -> None:
        return None


class RecordingTransaction:
    def __init__(self, driver: RecordingDriver, record: Transaction) -> None:
        self._driver = driver
        self._record = record

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kwparameters: Any) -> RecordingResult:
        assert isinstance(query, str), "a statement must be a string"
        params = {**(parameters or {}), **kwparameters}
        missing, extra = parameters_of(query) - set(params), set(params) - parameters_of(query)
        assert not missing and not extra, f"parameters missing {missing}, extra {extra} in:\n{query}"
        self._record.calls.append(Call(query, copy.deepcopy(params)))
        return RecordingResult(self._driver.answer(query, params))


class RecordingSession:
    def __init__(self, driver: RecordingDriver, database: str | None) -> None:
        self._driver = driver
        self._database = database

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _execute(self, mode: str, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        record = Transaction(mode, self._database)
        result = work(RecordingTransaction(self._driver, record), *args, **kwargs)
        self._driver.transactions.append(record)  # committed: the function returned
        return result

    def execute_read(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._execute("read", work, *args, **kwargs)

    def execute_write(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self._execute("write", work, *args, **kwargs)


class RecordingDriver:
    """Hands out recording sessions; ``answer(query, params)`` gives the rows a read returns."""

    def __init__(self, answer: Answer | None = None) -> None:
        self.answer: Answer = answer or (lambda query, params: [])
        self.transactions: list[Transaction] = []
        self.closed = False

    def session(self, *, database: str | None = None, **config: Any) -> RecordingSession:
        return RecordingSession(self, database)

    def close(self) -> None:
        self.closed = True

    def reset(self) -> None:
        self.transactions.clear()

    @property
    def calls(self) -> list[Call]:
        return [c for t in self.transactions for c in t.calls]


def answers(table: dict[str, list[dict[str, Any]]]) -> Answer:
    """An ``answer`` function giving fixed rows per statement (other statements return nothing)."""
    return lambda query, params: copy.deepcopy(table.get(query, []))
