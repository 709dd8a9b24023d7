"""The customer e-mail sample (.eml): a reply from the purchaser's 信息中心 to the bidder's sales
manager after the requirements meeting, as a real mail client would send it (multipart text + HTML,
UTF-8, encoded headers, a quoted earlier message)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from html import escape
from pathlib import Path

SUBJECT = "回复：智慧校园平台需求沟通会后补充说明（青禾区教育局）"
BODY = """王经理：

您好！会后和局领导、几所学校又碰了一下，补充几点，供你们准备技术思路时参考：

1. 【必须】统一身份认证要覆盖现有的第三方系统，目前清点下来是17个（清单见附表，下周发你），
   招标文件里会写“不少于15个”，并作为★条款。请提前确认你们的产品能否支持 OAuth 2.0 & CAS。
2. 【必须】所有数据只能存放在市政务云青禾区节点，包括备份。
   去年有兄弟单位因为把备份放到公有云被通报。
3. 【重要】上线时间：排课和家校互通最好在8月20日前试运行，9月1日开学必须稳定。
   招标文件初稿写的是合同签订后90日历天完成初验，局里在讨论是否放宽到120天，以最终公告为准。
4. 【重要】门禁对接：“安捷”门禁的接口需要厂商授权，费用问题局里还没定，
   暂时请按“中标人负责协调”考虑。
5. 【一般】短信模板变量请注意转义和校验，之前出现过 {{学生姓名}} 原样发给家长的情况，家长投诉很多。
6. 【一般】资产管理的手机端盘点可以放到<二期>，这次有基本功能即可。

还有两个问题想请你们给个建议：
（1）旧学籍系统的厂商已经不维护了，数据库能导出但没有文档，迁移风险怎么控制？
（2）驻场运维是安排2人还是开学季临时增加？对报价影响大概多少？

另外提醒一下：招标公告发布后我们就不能再单独沟通项目细节了，有问题请通过代理机构书面提出。

宋老师
云溪市青禾区教育局 信息中心
电话：0000-8801 2266

（本邮件为 bidkit 示例数据，单位、人物均为虚构。）
"""
QUOTED = """
-----原始邮件-----
发件人：王磊 <wang.lei@shili-it.example>
发送时间：2025年5月20日 18:05
主题：智慧校园平台需求沟通会后补充说明

宋老师您好，今天的会议纪要已整理好（见附件），如有遗漏请指正。关于统一身份认证、数据迁移和
门禁对接三件事，想再确认一下优先级和时间要求。谢谢！
王磊 示例信息技术有限公司
"""


def build_eml(path: Path) -> None:
    msg = EmailMessage()
    msg["From"] = Address("宋老师（青禾区教育局信息中心）", "song", "qinghe-edu.example")
    msg["To"] = Address("王磊", "wang.lei", "shili-it.example")
    msg["Cc"] = Address("陈静", "chen.jing", "shili-it.example")
    msg["Subject"] = SUBJECT
    sent = datetime(2025, 5, 21, 9, 12, 40, tzinfo=timezone(timedelta(hours=8)))
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = "<20250521091240.4417@qinghe-edu.example>"
    msg["In-Reply-To"] = "<20250520180511.0932@shili-it.example>"
    msg.set_content(BODY + QUOTED, charset="utf-8")
    html_body = "".join(
        f"<p>{escape(line) or '&nbsp;'}</p>\n" for line in (BODY + QUOTED).splitlines()
    )
    msg.add_alternative(
        f"<html><body>\n{html_body}</body></html>\n", subtype="html", charset="utf-8"
    )
    # fixed boundary so the file is byte-for-byte the same on every build
    msg.set_boundary("==bidkit-sample-boundary-0521==")
    path.write_bytes(bytes(msg))
