"""The ``verify`` table (and its JSON, which carries the reports as they are)."""

from __future__ import annotations

from typing import Any

from lawdiff.amend.verify import Report
from lawdiff.i18n import _, pgettext


def _counts(r: Report) -> dict[str, int]:
    out = {"consistent": 0, "inconsistent": 0, "unverifiable": 0}
    for c in r.checks:
        out[c.status] = out.get(c.status, 0) + 1
    return out


def mode_word(mode: str) -> str:
    words = {
        "replay": pgettext("verify mode", "replay"),
        "consistency": pgettext("verify mode", "consistency"),
        "derived": pgettext("verify mode", "derived"),
    }
    return words.get(mode, mode)


def check_word(status: str) -> str:
    words = {
        "consistent": pgettext("check", "consistent"),
        "inconsistent": pgettext("check", "inconsistent"),
        "unverifiable": pgettext("check", "unverifiable"),
    }
    return words.get(status, status)


def rows(reports: list[Report]) -> list[dict[str, Any]]:
    out = []
    for r in reports:
        c = _counts(r)
        checks = (
            _("{ok} ok / {bad} bad / {na} n/a").format(
                ok=c["consistent"], bad=c["inconsistent"], na=c["unverifiable"]
            )
            if r.checks
            else "—"
        )
        out.append(
            {
                "law": r.law,
                "revision": r.revision,
                "mode": mode_word(r.mode),
                "instructions": r.instructions,
                "operations": r.operations,
                "checks": checks,
                "articles": _("{equal} equal / {different} different").format(
                    equal=r.equal, different=r.different
                ),
                "result": _("OK") if r.ok else _("DIFFERENT"),
            }
        )
    return out


def reports_json(reports: list[Report]) -> list[dict[str, Any]]:
    return [r._asdict() | {"checks": [c._asdict() for c in r.checks], "ok": r.ok} for r in reports]


def print_reports(reports: list[Report], *, verbose: bool) -> None:
    from lawdiff.export.tables import print_table
    from lawdiff.export.words import op_word

    keys = ["law", "revision", "mode", "instructions", "operations", "checks", "articles", "result"]
    heads = [
        _("law"),
        _("revision"),
        _("mode"),
        _("instructions"),
        _("operations"),
        _("checks"),
        _("articles"),
        _("result"),
    ]
    print_table(rows(reports), keys, heads, title=_("verify"), whole=("law",))
    for r in reports:
        if r.first_difference:
            print(
                _("{law} {revision}: first difference: {difference}").format(
                    law=r.law, revision=r.revision, difference=r.first_difference
                )
            )
        if verbose:
            for c in r.checks:
                where = f" {c.article}" if c.article else ""
                what = _("instruction {n}").format(n=c.instruction)
                print(
                    f"  {r.law} {r.revision} {what:14} {op_word(c.op):14} "
                    f"{check_word(c.status):12}{where} {c.detail}"
                )
