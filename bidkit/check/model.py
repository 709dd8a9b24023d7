"""Findings of a bid check. A blocker would void the bid (exit code 1)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

Severity = Literal["blocker", "warning", "info"]


class Finding(BaseModel):
    severity: Severity
    category: str = Field(description="substantive | qualification | sections | markers | money | "
                                      "dates | identity | anonymity | similarity")
    message: str
    location: str = Field("", description="Where in the bid (paragraph/table/page).")
    tender_ref: str = Field("", description="The tender clause and its page, when one applies.")
    evidence: str = Field("", description="What in the bid answers it, or the shared text.")


class CheckReport(BaseModel):
    bid_file: str
    tender_file: str
    findings: list[Finding] = Field(default_factory=list)
    answered: list[dict] = Field(default_factory=list,
                                 description="Each substantive/qualification clause and its status.")

    @property
    def blockers(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "blocker"]

    @property
    def exit_code(self) -> int:
        return 1 if self.blockers else 0
