"""The required bid-document structure (投标文件格式 / 响应文件格式 / proposal forms), in order."""

from __future__ import annotations

from bidkit.model import BidSection
from bidkit.tender.outline import Outline


def extract_bid_sections(outline: Outline) -> list[BidSection]:
    return []
