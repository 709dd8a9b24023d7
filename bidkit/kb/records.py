"""Past projects (业绩) as structured records: header vocabulary, amounts, dates, industries.

Used for 业绩表 rows (xlsx/csv) and for the "label：value" facts at the top of case studies.
Headers are recognised by vocabulary in Chinese or English, never by column position.
"""

from __future__ import annotations

import datetime as dt
import re

# field -> header keywords, most specific fields first ("项目编号" must not become the name).
# field -> header keywords, most specific fields first ("项目编号" must not become the name,
# "客户联系人" must not become the client). "=word" matches only the whole header.
HEADER_FIELDS: list[tuple[str, tuple[str, ...]]] = [
    ("id", ("项目编号", "合同编号", "业绩编号", "projectid", "projectno", "refno", "=id", "=no")),
    ("scope", ("项目内容", "项目概况", "项目简介", "建设内容", "服务内容", "主要内容", "实施内容",
               "工作内容", "scope", "description", "summary", "=content")),
    ("contact", ("联系人", "联系方式", "联系电话", "证明人", "contact", "referee")),
    ("client", ("客户", "采购人", "采购单位", "业主", "甲方", "用户单位", "建设单位", "委托方",
                "委托单位", "服务对象", "client", "customer", "purchaser", "buyer", "owner",
                "employer")),
    ("name", ("项目名称", "合同名称", "工程名称", "=名称", "=项目", "=姓名", "projectname",
              "projecttitle", "=project", "=name", "=title")),
    ("amount", ("合同金额", "中标金额", "合同价", "合同额", "金额", "contractvalue",
                "contractamount", "amount", "=value", "=price")),
    ("currency", ("币种", "货币", "currency")),
    ("start_date", ("签订日期", "签订时间", "合同签订", "签约日期", "开始日期", "开工日期",
                    "开始时间", "startdate", "=start", "signed", "signing", "contractdate",
                    "awarded")),
    ("end_date", ("完成日期", "完成时间", "竣工日期", "验收日期", "验收时间", "交付日期",
                  "结束日期", "结束时间", "completion", "completed", "enddate", "=end",
                  "finished", "delivered")),
    ("industry", ("所属行业", "行业", "领域", "industry", "sector", "=domain")),
    ("year", ("年份", "年度", "=year")),
]

# canonical industry -> words that name it (for --industry and the `industry_key` metadata)
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "教育": ("教育", "智慧校园", "校园", "高校", "学校", "大学", "学院", "中学", "小学", "education",
             "campus", "university", "school", "college"),
    "政务": ("政务", "政府", "政务服务", "机关", "行政", "公安", "government", "public sector",
             "e-government", "agency", "municipal"),
    "医疗": ("医疗", "医院", "卫生", "卫健", "健康", "healthcare", "health", "hospital", "medical"),
    "物业": ("物业", "后勤", "facility", "facilities", "property management", "logistics"),
    "安防": ("安防", "视频监控", "监控", "security", "surveillance", "cctv"),
    "企业": ("erp", "企业管理", "制造", "企业", "enterprise", "manufacturing"),
    "交通": ("交通", "transport", "traffic"),
    "能源": ("能源", "电力", "energy", "power", "utility"),
    "金融": ("金融", "银行", "finance", "bank"),
}

_UNIT_IN_HEADER = re.compile(r"[（(]\s*(万元|万|亿元|亿|元|千元|万美元|美元|usd|cny|rmb)\s*[)）]", re.IGNORECASE)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_MULTIPLIERS = {"亿": 1e8, "万": 1e4, "千": 1e3, "k": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6}


def _norm_header(text: str) -> str:
    return re.sub(r"[\s_\-:：/（）()*]+", "", _UNIT_IN_HEADER.sub("", str(text))).lower()


def header_field(text: object) -> str | None:
    """The record field a column header (or a "label：" in a case study) names, if any."""
    if text is None:
        return None
    key = _norm_header(str(text))
    if not key or len(key) > 20:
        return None
    for field, words in HEADER_FIELDS:
        for word in words:
            exact = word.startswith("=")
            word_key = word.lstrip("=").lower()
            if key == word_key or (not exact and word_key in key):
                return field
    return None


def header_unit(text: object) -> float:
    """Multiplier a header's unit implies: 合同金额（万元） → 10000."""
    match = _UNIT_IN_HEADER.search(str(text or ""))
    if not match:
        return 1.0
    unit = match.group(1).lower()
    return 1e8 if unit.startswith("亿") else 1e4 if unit.startswith("万") else (
        1e3 if unit.startswith("千") else 1.0)


def parse_amount(value: object, unit: float = 1.0) -> tuple[float | None, str | None]:
    """'128.5万元' → (1285000.0, 'CNY'); 'USD 1.2 million' → (1200000.0, 'USD')."""
    if value is None or value == "":
        return None, None
    if isinstance(value, (int, float)):
        return float(value) * unit, None
    text = str(value).replace(",", "").replace("，", "").strip()
    match = _NUMBER.search(text)
    if not match:
        return None, None
    number = float(match.group())
    rest = text[match.end():].strip().lower()
    # a unit or currency written in the cell wins over the unit in the header
    written = re.search(r"[万亿千元]|usd|cny|rmb|\$|¥|￥|million", text, re.IGNORECASE)
    multiplier = 1.0 if written else unit
    for word, factor in _MULTIPLIERS.items():
        if rest.startswith(word):
            multiplier = factor
            break
    currency = None
    if re.search(r"usd|us\$|\$|美元", text, re.IGNORECASE):
        currency = "USD"
    elif re.search(r"cny|rmb|¥|￥|元", text, re.IGNORECASE):
        currency = "CNY"
    return number * multiplier, currency


_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")
_YEAR = re.compile(r"\b(19|20)\d{2}\b|(?<!\d)(?:19|20)\d{2}(?=年|\D|$)")


def parse_date(value: object) -> str | None:
    """'2023年5月' / '2023/05/12' / a datetime / '2023' → ISO 'YYYY-MM-DD' (missing parts = 01)."""
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    match = _DATE.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        day = int(match.group(3) or 1)
        return f"{match.group(1)}-{int(match.group(2)):02d}-{min(max(day, 1), 31):02d}"
    year = _YEAR.search(text)
    return f"{year.group(0)[:4]}-01-01" if year else None


def industry_key(text: str | None) -> str | None:
    """Canonical industry for filtering: '智慧校园' and 'university campus' → '教育'."""
    if not text:
        return None
    low = text.lower()
    for key, words in INDUSTRIES.items():
        if any(word in low for word in words):
            return key
    return text.strip() or None


def project_text(fields: dict) -> str:
    """The searchable text of a project record (what gets embedded)."""
    parts = [fields.get("name", "")]
    labels = (("client", "客户"), ("industry", "行业"), ("scope", "项目内容"))
    parts += [f"{label}：{fields[key]}" for key, label in labels if fields.get(key)]
    if fields.get("amount"):
        parts.append(f"合同金额：{fields['amount'] / 1e4:g}万元" if fields.get("currency", "CNY")
                     == "CNY" else f"Contract amount: {fields['amount']:,.0f} {fields['currency']}")
    dates = "–".join(d for d in (fields.get("start_date"), fields.get("end_date")) if d)
    if dates:
        parts.append(f"时间：{dates}")
    return "；".join(p for p in parts if p)
