"""Every fixed phrase a draft uses, in Chinese and English (tender language = volume language)."""

from __future__ import annotations

# Prose chapters of the technical volume: (key, title, search query, whose answer it is)
CHAPTERS = {
    "zh": [
        ("plan", "实施方案", "实施方案 实施步骤 技术路线 工作方法"),
        ("team", "项目团队", "项目团队 项目经理 人员配置 资格证书"),
        ("schedule", "进度计划", "进度计划 工期 里程碑 阶段"),
        ("quality", "质量保证措施", "质量保证 质量管理 质量控制 ISO9001"),
        ("training", "培训方案", "培训 培训计划 操作培训"),
        ("service", "售后服务", "售后服务 运维 响应时间 服务承诺"),
        ("risks", "实施难点预判与应对建议", "难点 风险 问题 挑战 应对 措施 经验"),
    ],
    "en": [
        ("plan", "Implementation approach", "implementation approach methodology work plan"),
        ("team", "Project team", "project team manager key personnel qualifications"),
        ("schedule", "Schedule", "schedule timeline milestones phases"),
        ("quality", "Quality assurance", "quality assurance quality management control ISO 9001"),
        ("training", "Training", "training plan user training"),
        ("service", "Support and after-sales service", "support maintenance response time SLA"),
        ("risks", "Foreseeable implementation difficulties and responses",
         "difficulties risks challenges issues mitigation lessons learned"),
    ],
}

DIFFICULTY_WORDS = ("难点", "风险", "挑战", "问题", "困难", "应对", "risk", "challenge", "difficult",
                    "issue", "mitigat", "lesson")

OWNERS = {
    "zh": {"technical": "技术负责人", "commercial": "商务负责人", "qualification": "商务/资质专员",
           "invalid_condition": "投标经理", "substantive": "投标经理", "customer_need": "项目经理",
           "project": "项目经理", "person": "项目经理", "certificate": "商务负责人",
           "price": "商务负责人", "risk": "项目经理"},
    "en": {"technical": "Technical lead", "commercial": "Commercial lead",
           "qualification": "Bid administrator", "invalid_condition": "Bid manager",
           "substantive": "Bid manager", "customer_need": "Project manager",
           "project": "Project manager", "person": "Project manager",
           "certificate": "Commercial lead", "price": "Commercial lead", "risk": "Project manager"},
}

MISSING_FACT = {
    "zh": "知识库公司资料中缺少：{what}",
    "en": "the company profile in the knowledge base lacks: {what}",
}

FACT_NAMES = {
    "zh": {"name": "投标人名称", "credit_code": "统一社会信用代码", "legal_representative": "法定代表人",
           "address": "地址", "phone": "电话", "bank": "开户银行", "bank_account": "银行账号",
           "sme_type": "企业类型（中小企业声明）", "authorised": "被授权人", "price": "投标报价"},
    "en": {"name": "bidder name", "credit_code": "registration number",
           "legal_representative": "legal representative", "address": "address", "phone": "phone",
           "bank": "bank", "bank_account": "bank account", "sme_type": "enterprise size",
           "authorised": "authorised representative", "price": "bid price"},
}

# Template labels: templates use {{ L.key }} so one template serves both languages.
LABELS = {
    "zh": {
        "technical_volume": "技术分册", "commercial_volume": "商务分册", "qa_sheet": "述标与答辩准备",
        "project_number": "项目编号", "purchaser": "采购人", "bidder": "投标人", "date": "日期",
        "toc": "目录", "scoring_chapter": "评分点响应", "criteria": "评分标准", "points": "分值",
        "evidence": "依据", "requirements_chapter": "技术要求逐条响应及技术偏离表",
        "no": "序号", "clause": "招标条款", "page": "页码", "response": "我方响应",
        "deviation": "偏离", "item": "项目", "content": "内容", "status": "状态",
        "project_name": "项目名称", "client": "采购人/客户", "amount": "合同金额", "period": "时间",
        "industry": "行业", "proof": "证明文件", "quantity": "数量", "unit_price": "单价",
        "pitch": "述标提纲", "part": "环节", "minutes": "时长（分钟）", "key_points": "要点",
        "questions": "可能提问与建议回答", "question": "问题", "answer": "建议回答",
        "who": "回答人", "gaps": "待确认事项", "scoring_commercial": "商务评分点响应",
        "withheld_note": "本分册为暗标，已隐去投标人身份信息。",
        "colon": "：", "evidence_index": "证据索引",
        "page_before": "第 ", "page_mid": " 页 共 ", "page_after": " 页", "label": "编号", "kind": "类型", "source": "来源文件",
        "location": "位置",
        "toc_placeholder": "（目录在 Word 中打开时自动更新；如未更新，请右键“更新域”。）",
        "groups": {"scoring": "评分点", "substantive": "实质性（★）条款", "deviation": "偏离与待确认项",
                   "risk": "风险与难点"},
    },
    "en": {
        "technical_volume": "Technical Proposal", "commercial_volume": "Commercial Proposal",
        "qa_sheet": "Presentation and Q&A Preparation", "project_number": "Reference",
        "purchaser": "Purchaser", "bidder": "Bidder", "date": "Date", "toc": "Contents",
        "scoring_chapter": "Response to the evaluation criteria", "criteria": "Criterion",
        "points": "Points", "evidence": "Evidence",
        "requirements_chapter": "Point-by-point compliance and deviation table", "no": "No.",
        "clause": "Tender clause", "page": "Page", "response": "Our response",
        "deviation": "Deviation", "item": "Item", "content": "Details", "status": "Status",
        "project_name": "Project", "client": "Client", "amount": "Contract value",
        "period": "Period", "industry": "Sector", "proof": "Proof", "quantity": "Quantity",
        "unit_price": "Unit price", "pitch": "Presentation outline", "part": "Part",
        "minutes": "Minutes", "key_points": "Key points",
        "questions": "Likely questions and suggested answers", "question": "Question",
        "answer": "Suggested answer", "who": "Who answers", "gaps": "Items to confirm",
        "scoring_commercial": "Response to the commercial evaluation criteria",
        "withheld_note": "Anonymous (blind) volume: bidder identity withheld.",
        "colon": ": ", "evidence_index": "Evidence index",
        "page_before": "Page ", "page_mid": " of ", "page_after": "", "label": "Ref.", "kind": "Kind",
        "source": "Source file", "location": "Location",
        "toc_placeholder": "(The table of contents updates when opened in Word; otherwise "
                           "right-click it and choose Update Field.)",
        "groups": {"scoring": "Evaluation criteria", "substantive": "Mandatory clauses",
                   "deviation": "Deviations and open items", "risk": "Risks and difficulties"},
    },
}
