"""Qualification, technical, commercial requirements, substantive clauses and invalid-bid
conditions, one item per clause."""

from __future__ import annotations

from bidkit.model import Requirement
from bidkit.tender.outline import Outline


def extract_requirements(outline: Outline, legend: dict[str, str]) -> list[Requirement]:
    return []
