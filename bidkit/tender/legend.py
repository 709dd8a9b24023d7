"""The tender's own marker legend: which symbol (★ ▲ ※ # …) means what in *this* tender."""

from __future__ import annotations

from bidkit.tender.outline import Outline


def extract_legend(outline: Outline) -> dict[str, str]:
    return {}
