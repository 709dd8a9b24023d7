"""The 售前-实施交接清单: what presales promised, as a list delivery can plan against."""

from __future__ import annotations

from pydantic import BaseModel, Field


class HandoverItem(BaseModel):
    text: str
    source: str = Field("", description="Tender clause page/paragraph, bid location or KB citation.")
    status: str = ""
    kind: str = ""
    owner: str = ""


class Handover(BaseModel):
    project_name: str = ""
    project_number: str = ""
    language: str = "zh"
    background: list[HandoverItem] = Field(default_factory=list, description="客户背景")
    confirmed: list[HandoverItem] = Field(default_factory=list, description="已确认需求")
    commitments: list[HandoverItem] = Field(default_factory=list, description="超出标准能力的承诺")
    clarifications: list[HandoverItem] = Field(default_factory=list, description="待澄清事项")
    history: list[HandoverItem] = Field(default_factory=list, description="历史问题记录")
    path: list[HandoverItem] = Field(default_factory=list, description="推荐实施路径")
    difficulties: list[HandoverItem] = Field(default_factory=list, description="实施难点预判与应对建议")

    SECTIONS: tuple[tuple[str, str, str], ...] = (
        ("background", "客户背景", "Customer background"),
        ("confirmed", "已确认需求", "Confirmed requirements"),
        ("commitments", "超出标准能力的承诺（实施须重点规划）", "Commitments beyond standard capability"),
        ("clarifications", "待澄清事项", "Open items to clarify"),
        ("history", "历史问题记录（类似项目）", "Lessons from similar projects"),
        ("path", "推荐实施路径", "Recommended implementation path"),
        ("difficulties", "实施难点预判与应对建议", "Foreseeable difficulties and responses"),
    )
