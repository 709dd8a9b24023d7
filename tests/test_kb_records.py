"""业绩表 vocabulary: headers in Chinese or English, amounts with units, dates, industries."""

from __future__ import annotations

import datetime as dt

import pytest

from bidkit.kb.records import header_field, header_unit, industry_key, parse_amount, parse_date
from bidkit.kb.search import query_terms


@pytest.mark.parametrize(("header", "field"), [
    ("项目名称", "name"), ("Project Name", "name"), ("客户名称", "client"), ("采购人", "client"),
    ("客户联系人", "contact"), ("合同金额（万元）", "amount"), ("Contract Value", "amount"),
    ("签订日期", "start_date"), ("完成时间", "end_date"), ("Completion date", "end_date"),
    ("所属行业", "industry"), ("项目内容", "scope"), ("Scope of work", "scope"),
    ("项目编号", "id"), ("序号", None), ("备注", None),
])
def test_header_is_recognised_by_vocabulary_not_position(header, field):
    assert header_field(header) == field


@pytest.mark.parametrize(("value", "unit", "expected"), [
    ("128.5万元", 1.0, (1_285_000.0, "CNY")),
    ("1,280,000", 1.0, (1_280_000.0, None)),
    (128.5, 1e4, (1_285_000.0, None)),
    ("1.2亿", 1.0, (120_000_000.0, None)),
    ("USD 850,000", 1e4, (850_000.0, "USD")),  # a currency in the cell beats 万元 in the header
    ("US$ 1.2 million", 1.0, (1_200_000.0, "USD")),
    ("面议", 1.0, (None, None)),
])
def test_amounts_are_converted_to_units_of_the_currency(value, unit, expected):
    assert parse_amount(value, unit) == expected


def test_header_unit_scales_plain_numbers():
    assert header_unit("合同金额（万元）") == 1e4
    assert header_unit("Amount") == 1.0


@pytest.mark.parametrize(("value", "expected"), [
    ("2023-05-12", "2023-05-12"), ("2023/5/12", "2023-05-12"), ("2023年5月", "2023-05-01"),
    ("2021年12月30日", "2021-12-30"), ("2023", "2023-01-01"), (dt.datetime(2022, 3, 4), "2022-03-04"),
    ("待定", None),
])
def test_dates_become_iso(value, expected):
    assert parse_date(value) == expected


def test_industry_synonyms_share_one_filter_key():
    assert industry_key("智慧校园") == industry_key("university campus") == "教育"
    assert industry_key("政府") == industry_key("Government") == "政务"
    assert industry_key("航天") == "航天"  # unknown industries filter on their own name


def test_query_terms_are_cjk_bigrams_and_latin_words_without_stopwords():
    # case is kept: Chroma's $contains is case-sensitive (spellings are tried separately)
    assert query_terms("MES实施 for the ERP") == ["MES", "ERP", "实施"]
