"""bidkit: tenders in, page-referenced checklists, a knowledge base and honest bid drafts out."""

__version__ = "0.1.0"
