"""The register's account for a report year: table 三 from the applications, table 四 from the cases, and
the findings against the report's typed figures and last year's carry-over."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.checks.findings import Finding
from desktop.core.lastyear import last_year_of
from desktop.core.register.applications import Application, count_applications, read_applications
from desktop.core.register.cases import tally_cases
from desktop.core.register.columns import Kind
from desktop.core.register.findings import against_typed, carry_against_last_report, missing_carry_over
from desktop.core.register.mapping import Mapping
from desktop.core.register.sheet import RawSheet
from desktop.core.register.tally import Tally
from desktop.core.report import PreviousYear, Report


@dataclass
class Account:
    year: int
    tallies: list[Tally]
    sheets: list[tuple[RawSheet, Mapping]] = field(default_factory=list)  # those read, with their mapping
    applications: list[Application] = field(default_factory=list)
    carry_findings: list[Finding] = field(default_factory=list)  # against last year's register

    def tally(self, kind: Kind) -> Tally | None:
        return next((t for t in self.tallies if t.kind is kind), None)

    def sheet(self, kind: Kind) -> tuple[RawSheet, Mapping] | None:
        return next((pair for pair in self.sheets if pair[0].kind is kind), None)

    def values(self) -> dict[str, int]:
        return {key: value for tally in self.tallies for key, value in tally.cells.items()}


def account(sheets: list[tuple[RawSheet, Mapping]], year: int) -> Account:
    """The first applications sheet gives table 三, the first cases sheet table 四."""
    result = Account(year, [], list(sheets))
    for sheet, mapping in sheets:
        if sheet.kind is Kind.APPLICATIONS and result.tally(Kind.APPLICATIONS) is None:
            tally, result.applications = read_applications(sheet, mapping, year)
            count_applications(tally, result.applications)
            result.tallies.append(tally)
        elif sheet.kind is Kind.CASES and result.tally(Kind.CASES) is None:
            result.tallies.append(tally_cases(sheet, mapping, year))
    return result


def check_last_register(result: Account, sheet: RawSheet, mapping: Mapping) -> Tally:
    """Last year's register: its applications open on 31 December must be in this year's (R-02). Returns
    last year's tally, whose unrecognised words and skipped rows the clerk should see too."""
    tally, applications = read_applications(sheet, mapping, result.year - 1)
    still_open = count_applications(tally, applications)
    result.carry_findings = missing_carry_over(still_open, result.applications, f"{result.year - 1}年台账")
    return tally


def findings(report: Report, result: Account, previous: PreviousYear | None = None) -> list[Finding]:
    """R-01 for every table the register gives, R-02 from last year's register, R-03 from last year's report
    (``previous``, default: the one linked to the report)."""
    found = [f for tally in result.tallies for f in against_typed(report, tally)]
    found += result.carry_findings
    last = last_year_of(report, previous)
    t3 = result.tally(Kind.APPLICATIONS)
    if last is not None and t3 is not None:
        found += carry_against_last_report(last, t3)
    return found
