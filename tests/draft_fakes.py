"""A small in-memory knowledge base with the bidkit.kb.KnowledgeBase methods drafting uses, and
small tenders, for the draft tests. Content is invented for these tests."""

from __future__ import annotations

from datetime import date

from bidkit.draft.match import overlap
from bidkit.model import (
    BidSection,
    CompanyProfile,
    Evidence,
    ProjectRecord,
    Requirement,
    ScoringItem,
    SourceRef,
    Tender,
    TenderMeta,
)

PROFILE = CompanyProfile(
    name="青岚信息技术有限公司", credit_code="91310000MA1TEST01X", legal_representative="周明远",
    address="上海市示范路88号", phone="021-5555-0101", bank="示例银行上海分行",
    bank_account="6222000011112222", contacts=[{"name": "林晓", "role": "投标联系人"}],
    sme_type="小型", source="company/profile.md")

EVIDENCE = [
    Evidence(id="cap-01", kind="capability", source="capabilities/metadata.md", location="¶3",
             text="青岚元数据平台支持元数据清洗、标准化入库和跨库字段映射。平台提供7×24小时运维值守。"),
    Evidence(id="cap-02", kind="capability", source="capabilities/service.md", location="¶1",
             text="售后服务：驻场服务人员5名，故障响应时间30分钟，提供7×24小时电话支持。"),
    Evidence(id="prj-01", kind="project", source="projects/业绩表.xlsx", location="row 2",
             text="某省IPTV内容元数据维护服务项目，合同金额80万元，2023年完成。项目难点是多源数据口径不一，"
                  "我们通过统一字段映射规则和每日校验应对。",
             metadata={"name": "某省IPTV内容元数据维护服务", "year": 2023, "amount": 800000}),
    Evidence(id="per-01", kind="person", source="staff/resumes.md", location="¶5",
             text="项目经理，信息系统项目管理师，10年媒资元数据项目经验。",
             metadata={"name": "王立群", "role": "项目经理"}),
    Evidence(id="cert-01", kind="certificate", source="certs/iso9001.pdf", location="p.1",
             text="ISO9001质量管理体系认证证书，有效期至2027年。质量保证措施按ISO9001执行。"),
]

LAST_YEAR = date.today().year - 1  # "近三年" must keep meaning recent whenever tests run

PROJECTS = [
    ProjectRecord(id="prj-01", name="某省IPTV内容元数据维护服务", client="某省广电网络公司",
                  amount=800000, start_date=f"{LAST_YEAR}-01-01", end_date=f"{LAST_YEAR}-12-31",
                  industry="广电",
                  evidence_file="projects/业绩表.xlsx", location="row 2"),
    ProjectRecord(id="prj-02", name="某市融媒体内容标注项目", client="某市融媒体中心", amount=150000,
                  start_date="2019-03-01", end_date="2019-09-30", industry="媒体",
                  evidence_file="projects/业绩表.xlsx", location="row 3"),
]


class FakeKB:
    """Scores by shared terms, like a keyword retriever would; enough to exercise drafting."""

    def __init__(self, evidence=EVIDENCE, projects=PROJECTS, profile=PROFILE) -> None:
        self.evidence, self._projects, self.profile = list(evidence), list(projects), profile
        self.queries: list[str] = []

    def search(self, query, k=5, kind=None, since=None, min_amount=None, industry=None):
        self.queries.append(query)
        scored = []
        for ev in self.evidence:
            if kind and ev.kind != kind:
                continue
            score = min(1.0, overlap(query, ev.text) * 1.6)
            scored.append(ev.model_copy(update={"score": round(score, 3)}))
        return sorted(scored, key=lambda e: -e.score)[:k]

    def projects(self, since=None, min_amount=None, industry=None):
        return [p for p in self._projects
                if (since is None or int((p.end_date or "0")[:4]) >= since)
                and (min_amount is None or (p.amount or 0) >= min_amount)]

    def records(self, kind):
        return [e for e in self.evidence if e.kind == kind]

    def company_profile(self):
        return self.profile


def sample_tender(language: str = "zh", **changes) -> Tender:
    """A small tender in the shape the parser produces."""
    reqs = [
        Requirement(id="T1", kind="technical", marker="★", substantive=True, page=12,
                    text="★1.提供元数据清洗、标准化入库和跨库字段映射服务。",
                    source=SourceRef(page=12, quote="★1.提供元数据清洗")),
        Requirement(id="T2", kind="technical", page=12, text="2.提供7×24小时运维值守服务。"),
        Requirement(id="T3", kind="technical", page=13, text="3.系统须支持量子加密传输与区块链存证。"),
        Requirement(id="C1", kind="commercial", page=14, text="服务期限：一年，自合同签订之日起算。"),
        Requirement(id="Q1", kind="qualification", page=3, text="具有ISO9001质量管理体系认证证书。"),
        Requirement(id="V1", kind="invalid_condition", page=20, text="投标报价超过最高限价的，投标无效。"),
    ]
    scoring = [
        ScoringItem(category="技术", item="服务方案", points=30, page=25,
                    criteria="元数据清洗、入库与字段映射方案完整可行的得30分。"),
        ScoringItem(category="技术", item="售后服务", points=10, page=25,
                    criteria="故障响应时间与驻场人员安排合理的得10分。"),
        ScoringItem(category="商务", item="类似项目业绩", points=10, page=26,
                    criteria="近三年类似项目业绩，每个得5分，最多10分。"),
        ScoringItem(category="价格", item="报价分", points=50, page=26, criteria="满足要求的最低报价为基准价。"),
    ]
    sections = [BidSection(title=t, order=i, page=30 + i) for i, t in enumerate(
        ["投标函", "开标一览表", "分项报价表", "法定代表人授权书", "资格证明文件", "类似项目业绩表",
         "商务偏离表", "技术方案", "中小企业声明函", "其他材料"], 1)]
    tender = Tender(source_file="sample.pdf", language=language,
                    meta=TenderMeta(project_name="元数据维护服务采购项目", project_number="QL-2026-001",
                                    purchaser="某市数据中心", budget=900000, max_price=880000,
                                    currency="CNY"),
                    marker_legend={"★": "实质性要求"}, requirements=reqs, scoring=scoring,
                    bid_sections=sections)
    return tender.model_copy(update=changes)
