"""Lazy pandera validation of many tables at once: one error that lists every problem with file and column."""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa


class ValidationError(RuntimeError):
    """One or more tables broke their schema; the message lists every failure."""

    def __init__(self, report: pd.DataFrame):
        self.report = report
        lines = [
            f"{r.file}: column {r.column!r}: {r.check} (e.g. {r.failure_case!r}, {r.n_failures} row(s))"
            for r in report.itertuples()
        ]
        super().__init__("Validation failed:\n  " + "\n  ".join(lines))


def failures(name: str, df: pd.DataFrame, schema: pa.DataFrameSchema) -> pd.DataFrame:
    """Failure cases of one table as a tidy frame (empty if it is valid)."""
    cols = ["file", "column", "check", "failure_case", "n_failures"]
    try:
        schema.validate(df, lazy=True)
    except pa.errors.SchemaErrors as err:
        fc = err.failure_cases.copy()
        fc["column"] = fc["column"].fillna("<table>").astype(str)
        fc["check"] = fc["check"].astype(str)
        fc["failure_case"] = fc["failure_case"].astype(str)
        grouped = (
            fc.groupby(["column", "check"], sort=True)
            .agg(failure_case=("failure_case", "first"), n_failures=("failure_case", "size"))
            .reset_index()
        )
        grouped.insert(0, "file", name)
        return grouped[cols]
    return pd.DataFrame(columns=cols)


def validate_tables(tables: dict[str, tuple[pd.DataFrame, pa.DataFrameSchema]]) -> pd.DataFrame:
    """Validate every (frame, schema) pair; raise ValidationError listing all failures, else return a summary."""
    reports = [failures(name, df, schema) for name, (df, schema) in sorted(tables.items())]
    report = pd.concat(reports, ignore_index=True) if reports else pd.DataFrame()
    if len(report):
        raise ValidationError(report)
    return pd.DataFrame(
        {"file": sorted(tables), "rows": [len(tables[n][0]) for n in sorted(tables)], "status": "valid"}
    )
