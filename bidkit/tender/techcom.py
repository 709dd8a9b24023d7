"""Technical and commercial requirements (技术要求 / 商务要求)."""

from __future__ import annotations

from bidkit.model import Requirement
from bidkit.tender.outline import Outline


def extract_technical_commercial(outline: Outline, legend: dict[str, str]) -> list[Requirement]:
    return []
