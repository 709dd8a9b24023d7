"""What loaders produce and the store keeps: chunks of text with their record's fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KINDS = ("project", "certificate", "person", "capability", "answer", "profile", "other")

# kind -> words in a folder or file name that say a file holds that kind (Chinese and English)
KIND_HINTS: dict[str, tuple[str, ...]] = {  # checked in this order within one name
    "profile": ("company_profile", "companyprofile", "公司简介", "公司信息", "企业信息", "基本信息",
                "profile"),
    "person": ("人员", "简历", "团队", "staff", "people", "resume", "résumé", "cv", "team",
               "personnel"),
    "certificate": ("资质", "证书", "认证", "certificate", "certification", "accreditation"),
    "answer": ("问答", "答疑", "应答", "答复", "answers", "faq", "q&a", "qa"),
    "capability": ("产品", "能力", "方案", "product", "capabilit", "solution", "service"),
    "project": ("业绩", "案例", "项目", "project", "case", "reference", "experience"),
}

# words in a file's text that say what it is, when its name does not
CONTENT_HINTS: dict[str, tuple[str, ...]] = {
    "person": ("工作经历", "教育背景", "学历", "work experience", "education"),
    "certificate": ("证书编号", "发证机关", "有效期", "certificate no", "valid until"),
    "project": ("合同金额", "项目名称", "采购人", "contract value", "client"),
}


@dataclass
class Chunk:
    """One piece of text to embed, with where it came from and its record's fields."""

    id: str
    text: str
    kind: str
    source: str
    location: str = ""
    record_id: str = ""
    fields: dict = field(default_factory=dict)

    def metadata(self, file_hash: str, index: int) -> dict:
        """Chroma metadata: scalar values only, no None."""
        meta = {"kind": self.kind, "source": self.source, "location": self.location,
                "record_id": self.record_id or self.id, "file_hash": file_hash, "chunk": index}
        for key, value in self.fields.items():
            if value is None or value == "":
                continue
            meta[key] = value if isinstance(value, (str, int, float, bool)) else str(value)
        return meta


@dataclass
class LoadedFile:
    """A file turned into chunks, or the reason it could not be."""

    source: str
    kind: str = "other"
    chunks: list[Chunk] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def kind_from_name(parts: list[str]) -> str | None:
    """The kind a path's folder/file names point to, nearest name first."""
    for part in reversed(parts):
        low = part.lower()
        tokens = set(re.split(r"[\s\-_.]+", low))
        for kind, words in KIND_HINTS.items():
            # short latin hints ("cv", "qa") only as whole words, the rest as substrings
            if any(word in tokens if word.isascii() and len(word) <= 3 else word in low
                   for word in words):
                return kind
    return None


def kind_from_text(text: str) -> str:
    low = text[:3000].lower()
    best, hits = "other", 0
    for kind, words in CONTENT_HINTS.items():
        count = sum(word in low for word in words)
        if count > hits:
            best, hits = kind, count
    return best
