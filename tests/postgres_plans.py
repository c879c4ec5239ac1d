"""PostgreSQL's plans for the statements a call really runs, as EXPLAIN (FORMAT JSON) trees.

The statements are captured the way tests/query_plans.py captures them (a
``before_cursor_execute`` listener) and explained with the parameters they ran with, so
a test reads the plan of the SQL the service sends, never a hand-written copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from tests.query_plans import statements_of
from tracker.storage.database import Database

T = TypeVar("T")
Node = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Read:
    """One node that reads a table or an index: its type ("Seq Scan", "Index Scan",
    "Index Only Scan", "Bitmap Index Scan"…), the table, and the index if any."""

    node_type: str
    relation: str | None
    index: str | None
    rows: float


@dataclass(frozen=True, repr=False)
class Plan:
    sql: str
    parameters: Any
    root: Node

    def nodes(self) -> Iterator[Node]:
        """Every node, the root first (subplans and init plans are children too)."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.get("Plans", [])))

    def node_types(self) -> list[str]:
        return [node["Node Type"] for node in self.nodes()]

    def reads(self) -> list[Read]:
        """Every table or index read. A Bitmap Index Scan names no table: it reads for
        the Bitmap Heap Scan above it (through any BitmapAnd or BitmapOr)."""
        found: list[Read] = []

        def visit(node: Node, heap: str | None) -> None:
            relation = node.get("Relation Name")
            if node["Node Type"] == "Bitmap Heap Scan":
                heap = relation
            if relation is not None or "Index Name" in node:
                found.append(Read(node["Node Type"], relation or heap, node.get("Index Name"),
                                  node.get("Plan Rows", 0)))
            for child in node.get("Plans", []):
                visit(child, heap)

        visit(self.root, None)
        return found

    def relations(self) -> set[str]:
        return {read.relation for read in self.reads() if read.relation is not None}

    def indexes(self, relation: str) -> set[str]:
        """The indexes *relation* is read through."""
        return {read.index for read in self.reads()
                if read.relation == relation and read.index is not None}

    def seq_scans(self) -> set[str]:
        """The tables read from end to end."""
        return {read.relation for read in self.reads()
                if read.node_type == "Seq Scan" and read.relation is not None}

    def sorted_rows(self) -> float:
        """The most rows one Sort node is expected to sort (0: nothing is sorted).

        An Incremental Sort is not counted: its input already comes in the order of its
        leading keys (its "Presorted Key"), off an index, and it only orders the rows that
        tie on them, a group at a time, stopping at the LIMIT.
        """
        return max((node.get("Plan Rows", 0) for node in self.nodes()
                    if node["Node Type"] == "Sort"), default=0)

    def presorted_keys(self) -> list[list[str]]:
        """The index order each Incremental Sort starts from."""
        return [node["Presorted Key"] for node in self.nodes()
                if node["Node Type"] == "Incremental Sort"]

    def __repr__(self) -> str:
        """The SQL and an outline of the plan, for assertion messages."""
        lines = [" ".join(self.sql.split())]

        def outline(node: Node, depth: int) -> None:
            where = " ".join(f"{key}={node[key]}" for key in (
                "Relation Name", "Index Name", "Presorted Key", "Sort Key", "Plan Rows")
                if key in node)
            lines.append(f"{'  ' * depth}{node['Node Type']} {where}")
            for child in node.get("Plans", []):
                outline(child, depth + 1)

        outline(self.root, 1)
        return "\n".join(lines)


def explain(db: Database, sql: str, parameters: Any) -> Node:
    """The root node of PostgreSQL's plan for *sql*, run as the driver received it."""
    assert not db.is_sqlite, "EXPLAIN (FORMAT JSON) is PostgreSQL's: see tests/query_plans.py"
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", parameters)
        [(document,)] = cursor.fetchall()
    finally:
        connection.close()  # back to the pool, rolled back
    root: Node = document[0]["Plan"]
    return root


def plans_of(db: Database, call: Callable[[Session], T]) -> tuple[T, list[Plan]]:
    """Run *call* in a read session; its result and PostgreSQL's plan of every SELECT
    it ran."""
    result, selects = statements_of(db, call)
    return result, [Plan(sql, parameters, explain(db, sql, parameters))
                    for sql, parameters in selects]


def reading(plans: list[Plan], relation: str) -> list[Plan]:
    """The plans that read *relation*."""
    return [plan for plan in plans if relation in plan.relations()]
