"""Chinese (Simplified and Traditional) vocabulary for the meta extractor: the labels tenders put
before each fact, the procurement methods, lots, and budget columns of notice tables."""

from __future__ import annotations

import re

from bidkit.tender.meta_lines import Line, datetime_in
from bidkit.tender.text import cn_number, find_money

LABELS: dict[str, re.Pattern] = {
    "project_number": re.compile(
        r"(?:项目|項目|招标|招標|采购|採購|招标文件|采购文件|磋商文件|谈判文件|询价文件|文件|标段|包件|计划)"
        r"(?:编号|編號|编码|代码)(?:/包号)?|案號|案号|標案編號"),
    "project_name": re.compile(r"(?:采购|招标|磋商|谈判|询价|採購|招標)?(?:项目|項目|工程|标段|標段|標案)(?:名称|名稱)(?!及)"
                               r"|(?:採購)?案名"),
    "purchaser": re.compile(
        r"(?<![代理])(?:采购人|採購人|招标人|招標人|采购单位|採購單位|采购方|招标单位|建设单位|机关名称|機關名稱)"
        r"(?:信息)?(?:名称|名稱|全称)?"),
    "agency": re.compile(
        r"(?:采购|招标|採購|招標)?代理(?:机构|機構|单位|單位|公司)(?:信息)?(?:名称|名稱|全称)?|集采机构|集中采购机构"),
    "budget": re.compile(
        r"(?:项目|采购|採購|預算)?(?:预算|預算)(?:金额|金額|价|資金)?|采购金额|資金情况|资金情况|项目总投资|招标金额"),
    "max_price": re.compile(r"最高(?:投标|报价)?限价|招标控制价|采购控制价|控制价|拦标价|最高限額|採購上限"),
    "deadline": re.compile(
        r"(?:投标|投標|响应|響應|递交|遞交|提交|报价|報價|开标前)?[^，。；]{0,12}截止(?:时间|日期|時間)"
        r"|(?:截標|截止收件|截止投標|截止投标)(?:时间|時間|日期)?"),
    "opening": re.compile(r"(?:开标|開標|开启|開啟)(?:时间|日期|時間|仪式)"
                          r"|(?:磋商|谈判|询价)(?:开启)?(?:时间|日期)"),
    "deposit": re.compile(r"(?<!履约)(?<!履約)(?<!质量)(?:投标|投標|磋商|响应|響應|谈判|询价|报价)?(?:保证金|保證金|押標金)"),
}
# '3 项目名称 XX服务': a 前附表 row whose cells came out of a PDF as one line, without a colon.
ROW_NAME = re.compile(r"^\d{0,2}(?:采购|招标)?(?:项目|工程)名称(?=[^:：及])")
# Labels that end a value ('项目名称：X项目编号：Y' must give X).
STOP = re.compile(
    r"(?:项目|招标|采购)?(?:编号|名称)(?:/\S{1,4})?[：:]|(?:采购人|招标人|采购单位|采购代理机构|代理机构|集采机构|"
    r"地\s*址|联系人|联系方式|联系电话|电\s*话|传真|邮编|邮箱|电子邮件|开户|账号|预算金额|最高限价|包号|采购方式|"
    r"招标方式|开标时间|开标地点|投标截止时间)(?:信息|名称|/\S{1,4}|[（(][^）)]{0,10}[)）])?[：:]|[。；;|]"
)

PROCEDURES = ("公开招标", "邀请招标", "竞争性磋商", "竞争性谈判", "单一来源", "询价", "框架协议",
              "公開招標", "邀請招標", "限制性招標", "公開評選", "竞价", "比选")
_PROC_RX = re.compile("|".join(PROCEDURES))
_PROC_LABEL = re.compile(r"(?:采购|招标|招標|採購)(?:方式|形式|方法)\s*[:：]\s*(?P<v>[^，。；]{2,12})")
_PROC_TITLE = re.compile(rf"(?P<p>{_PROC_RX.pattern})(?:采购|採購)?(?:文件|公告|邀请|邀請|须知|招标文件)")


def procedure_zh(lines: list[Line]) -> tuple[str, Line] | None:
    """A '采购方式：' label first, then a title such as '竞争性磋商文件' near the front, then the
    procedure word the tender uses most."""
    for line in lines:
        m = _PROC_LABEL.search(line.text)
        if m and _PROC_RX.search(m["v"]):
            return _PROC_RX.search(m["v"]).group(), line
        if m and re.fullmatch(r"[\u4e00-\u9fff]{0,6}(?:招标|磋商|谈判|询价|招標|询比|比价|比选|竞价|询比价)(?:采购|採購)?",
                              m["v"]) and len(m["v"]) >= 3:
            return m["v"], line  # a method outside our list, in the tender's own words
    for line in lines[:80]:
        m = _PROC_TITLE.search(line.text)
        if m:
            return m["p"], line
    counts: dict[str, tuple[int, Line]] = {}
    for line in lines:
        for m in _PROC_RX.finditer(line.text):
            n, first = counts.get(m.group(), (0, line))
            counts[m.group()] = (n + 1, first)
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k][0])
    return best, counts[best][1]


_LOT_COUNT = re.compile(r"(?:共(?:分为?|划分为?)?|分为|分成|划分为)\s*(\d+|[一二三四五六七八九十]+)\s*个?(?:包|标段|標段|采购包|包件|标包|分标)")
_LOT_ONE = re.compile(r"(?:为|為|是)\s*(?:1|一)\s*个?(?:包件|采购包|包|标段|標段)|不(?:划分|分)(?:包|标段)")
_LOT_N = re.compile(r"(?:采购包|包号|标段|標段|包)\s*(\d{1,2})(?![\d,.%])|第\s*(\d{1,2})\s*(?:包|标段|標段)")


def lots_zh(lines: list[Line]) -> tuple[int, Line] | None:
    """Number of 包/标段: a stated count, else the highest '包N' in the first chapter, else 1."""
    front = lines[:200]
    for line in front:
        m = _LOT_COUNT.search(line.text)
        if m:
            n = int(m.group(1)) if m.group(1).isdigit() else int(cn_number(m.group(1)) or 1)
            return n, line
        if _LOT_ONE.search(line.text):
            return 1, line
    numbers = [(int(a or b), line) for line in front for a, b in _LOT_N.findall(line.text)
               if 0 < int(a or b) < 30]
    if numbers:
        return max(numbers, key=lambda t: t[0])
    return (1, lines[0]) if lines else None


_BUDGET_HEAD = re.compile(r"预算(?:金额)?[(（](万?元)[)）]")
_MAX_HEAD = re.compile(r"最高限价[(（](万?元)[)）]")
_AMOUNT = re.compile(r"(?<![\d.])(\d{5,}(?:\.\d{1,2})?|\d+\.\d{1,2})(?![\d.年%])")


def budget_from_table_header(lines: list[Line]) -> tuple[float | None, float | None, Line] | None:
    """Notice tables with a '预算金额(元)' column: the amounts are in the row(s) below the header.
    Works on real table rows and on PDF text where the table came out as lines."""
    for line in lines[:300]:
        head = line.text.replace(" ", "")
        b = _BUDGET_HEAD.search(head)
        if not b or find_money(head):
            continue
        cell = re.match(r"[:：](\d[\d,]*(?:\.\d+)?)$", head[b.end():])
        if cell:  # a column pair '预算金额（万元）：150' (meta_lines): the value is this cell
            return float(cell[1].replace(",", "")) * (10_000 if b.group(1) == "万元" else 1), None, line
        amounts: list[float] = []
        for below in lines[line.index + 1: line.index + 4]:
            text = re.sub(r"(?<=\d) (?=\d{2}\.\d{2})", "", below.text)  # '107879 00.00' split cell
            amounts += [float(a) for a in _AMOUNT.findall(text)]
        if not amounts:
            continue
        scale = 10_000 if b.group(1) == "万元" else 1
        budget = amounts[0] * scale
        max_price = None
        m = _MAX_HEAD.search(head)
        if m and len(amounts) > 1:
            max_price = amounts[1] * (10_000 if m.group(1) == "万元" else 1)
        return budget, max_price, line
    return None


_UNIT_IN_LABEL = r"\s*[（(]\s*(?P<u>万元|萬元|元|万|人民币元|人民币万元)\s*[)）]\s*[:：|]?\s*(?P<n>\d[\d,，]*(?:\.\d+)?)(?![\d.]|\s*(?:万|元|%|％))"


def amount_unit_in_label(lines: list[Line], label: re.Pattern) -> tuple[float, Line] | None:
    """'预算金额（万元）：150' / a row '预算金额（元） | 1500000': the unit stands in the label."""
    rx = re.compile(rf"(?:{label.pattern})(?:金额|金額)?{_UNIT_IN_LABEL}")  # '保证金金额（元）：20000'
    for line in lines:
        m = rx.search(line.text)
        if m:
            amount = float(m["n"].replace(",", "").replace("，", ""))
            if amount > 0:
                return amount * (10_000 if "万" in m["u"] else 1), line
    return None


_BEFORE_SUBMIT = re.compile(r"(?:于|於|在)\s*(?P<d>\d{4}\s*年[^，。；]{4,30}?)\s*(?:之)?前\s*(?:递交|提交|遞交|送达|上传|上傳)"
                            r"(?:纸质|电子)?(?:投标|投標|响应|響應|磋商|谈判|报价|應答|应答)(?:文件|書|书)")


def deadline_before_submit(lines: list[Line]) -> tuple[str, Line] | None:
    """The notice's 项目概况: '…并于2024年06月11日 09点30分（北京时间）前递交投标文件'."""
    for line in lines:
        m = _BEFORE_SUBMIT.search(line.text)
        if m:
            iso = datetime_in(m["d"])
            if iso:
                return iso, line
    return None


def amount_after_is(lines: list[Line], label: re.Pattern) -> tuple[float, Line] | None:
    """'本项目预算为120万元': the label, then 为/是 and the amount."""
    rx = re.compile(rf"(?:{label.pattern})\s*(?:为|為|是|约为|約為)\s*(?P<v>[^，。；]{{1,30}})")
    for line in lines:
        m = rx.search(line.text)
        if m:
            money = [x for x in find_money(m["v"]) if x.start <= 4 and x.amount > 0 and not x.per_unit]
            if money:
                return money[0].amount, line
    return None


_ORG_SUFFIX = r"(?:公司|中心|集团|研究院|设计院|事务所|咨询所|院|局|委员会|办公室|办事处|政府|学校|大学|学院|医院|中学|小学|幼儿园|馆|站|所|队|处|厅|部)"
_ENTRUSTED = re.compile(rf"(?P<agency>[\u4e00-\u9fff（）()]{{4,40}}?{_ORG_SUFFIX})(?:[（(]以下简称[^）)]*[)）])?受"
                        rf"(?P<buyer>[\u4e00-\u9fff（）()]{{4,40}}?{_ORG_SUFFIX})(?:[（(]以下简称[^）)]*[)）])?(?:的)?委托")


def entrusted_parties(lines: list[Line]) -> tuple[str, str, Line] | None:
    """'某某招标有限公司受某某医院委托，就…进行公开招标': the agency and the buyer of the invitation."""
    for line in lines[:400]:
        m = _ENTRUSTED.search(line.text)
        if m:
            agency = re.sub(r"^(?:现|兹|今|特|经)", "", m["agency"])
            return agency, m["buyer"], line
    return None


_FUNDS = re.compile(r"(?:资金来源|資金來源|建设资金来自)(?:为|為|是|:|：)?\s*(?P<src>[^，。；,]{0,12}?(?:资金|資金|拨款|撥款))"
                    r"\s*(?:为|為|:|：|共计|计|約|约)?\s*(?P<amount>[^，。；,]{1,20})")


def funds_amount(lines: list[Line]) -> tuple[float, Line] | None:
    """'项目资金来源为自筹资金 17.18673 万元': the amount of funds behind the project, the budget
    when the tender states no 预算."""
    for line in lines[:300]:
        m = _FUNDS.search(line.text)
        if m:
            money = [x for x in find_money(m["amount"]) if x.start == 0 and x.amount > 0 and not x.per_unit]
            if money:
                return round(money[0].amount, 2), line
    return None


_CURRENCIES_ZH = {"TWD": re.compile(r"新臺幣|新台幣|新台币|NT\$"), "HKD": re.compile(r"港幣|港币|港元|HK\$"),
                  "MOP": re.compile(r"澳門元|澳门元|MOP"), "CNY": re.compile(r"人民币|人民幣|RMB|CNY|[¥￥]")}


def currency_zh(lines: list[Line]) -> str:
    """The currency the tender names most (新臺幣 in Taiwan, 港元 in Hong Kong), 人民币 by default."""
    counts = {code: sum(len(rx.findall(line.text)) for line in lines) for code, rx in _CURRENCIES_ZH.items()}
    best = max(counts, key=lambda c: counts[c])
    return best if counts[best] > counts["CNY"] else "CNY"


_COVER_TITLE = re.compile(rf"^(?:{_PROC_RX.pattern})?(?:采购|採購)?(?:招标|招標)?(?:文件|公告|通知书|邀请书|邀请函)$")


def cover_name(lines: list[Line]) -> tuple[str, Line] | None:
    """On a cover the project name is the line just above '公开招标文件' / '招标文件'."""
    for line in lines[:40]:
        if re.search(r"目\s*录|目\s*錄", line.text):
            break
        if _COVER_TITLE.match(line.text) and line.index > 0:
            above = lines[line.index - 1].text.strip()
            if 4 <= len(above) <= 80 and not re.search(r"[:：]|(?:公司|集团|政府|委员会|管理处)$", above):
                return above, lines[line.index - 1]
    return None


_QUOTED_CASE = re.compile(r"[「“](?P<n>[^」”]{4,80})[」”][^，。；]{0,8}?(?:採購案|采购案|招標案|招标案|標案)")


_ORG_END = re.compile(r"(?:基金會|基金会|協會|协会|公司|局|處|处|署|部|院|委員會|委员会|中心|大學|大学|學校|学校|政府|所|館|馆)$")


def case_buyer(lines: list[Line]) -> tuple[str, Line] | None:
    """Taiwan style cover: the organisation on the line above its 「案名」採購案."""
    for line in lines[1:30]:
        window = "".join(x.text for x in lines[line.index:line.index + 3])
        if _QUOTED_CASE.match(window):
            above = lines[line.index - 1].text.strip()
            if 4 <= len(above) <= 40 and _ORG_END.search(above):
                return above, lines[line.index - 1]
    return None


def quoted_case_name(lines: list[Line]) -> tuple[str, Line] | None:
    """Taiwan style: 機關「案名」勞務採購案."""
    for line in lines[:30]:
        m = _QUOTED_CASE.search("".join(x.text for x in lines[line.index:line.index + 3]))
        if m:
            return m["n"], line
    return None
