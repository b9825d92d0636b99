"""The ``verify`` table."""

from __future__ import annotations

from typing import Any

from lawdiff.amend.verify import Report


def _counts(r: Report) -> dict[str, int]:
    out = {"consistent": 0, "inconsistent": 0, "unverifiable": 0}
    for c in r.checks:
        out[c.status] = out.get(c.status, 0) + 1
    return out


def rows(reports: list[Report]) -> list[dict[str, Any]]:
    out = []
    for r in reports:
        c = _counts(r)
        out.append(
            {
                "law": r.law,
                "revision": r.revision,
                "mode": r.mode,
                "instructions": r.instructions,
                "operations": r.operations,
                "checks": f"{c['consistent']} ok / {c['inconsistent']} bad / {c['unverifiable']} n/a"
                if r.checks
                else "—",
                "articles": f"{r.equal} equal / {r.different} different",
                "result": "OK" if r.ok else "DIFFERENT",
            }
        )
    return out


def reports_json(reports: list[Report]) -> list[dict[str, Any]]:
    return [r._asdict() | {"checks": [c._asdict() for c in r.checks], "ok": r.ok} for r in reports]


def print_reports(reports: list[Report], *, verbose: bool) -> None:
    from lawdiff.export.listing import print_table

    print_table(
        rows(reports),
        ["law", "revision", "mode", "instructions", "operations", "checks", "articles", "result"],
        ["law", "revision", "mode", "instructions", "operations", "checks", "articles", "result"],
        title="verify",
    )
    for r in reports:
        if r.first_difference:
            print(f"{r.law} {r.revision}: first difference: {r.first_difference}")
        if verbose:
            for c in r.checks:
                where = f" {c.article}" if c.article else ""
                print(
                    f"  {r.law} {r.revision} instruction {c.instruction:6} {c.op:14} {c.status:12}{where} {c.detail}"
                )
