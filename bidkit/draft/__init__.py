"""Tender + knowledge base → BidDraft (the honest first draft of a bid).

build_draft() decides everything; bidkit.render.volumes and bidkit.render.matrix_xlsx only turn
the BidDraft into files.
"""

from bidkit.draft.models import BidDraft, Gap
from bidkit.draft.volumes import build_draft

__all__ = ["BidDraft", "Gap", "build_draft"]
