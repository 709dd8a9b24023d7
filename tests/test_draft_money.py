import pytest

from bidkit.draft.money import amount_phrase, figures, rmb_capital


@pytest.mark.parametrize("amount, words", [
    (0, "零元整"), (1, "壹元整"), (10, "壹拾元整"), (101, "壹佰零壹元整"), (1010, "壹仟零壹拾元整"),
    (10001, "壹万零壹元整"), (100300.5, "壹拾万零叁佰元伍角"), (923680, "玖拾贰万叁仟陆佰捌拾元整"),
    (10787900, "壹仟零柒拾捌万柒仟玖佰元整"), (100010000, "壹亿零壹万元整"),
    (1002003004, "壹拾亿零贰佰万叁仟零肆元整"), (20000.06, "贰万元零陆分"), (0.05, "伍分"),
    ("1,234,567.891", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"),
])
def test_rmb_capital_writes_amounts_as_banks_do(amount, words):
    assert rmb_capital(amount) == words


def test_amount_phrase_carries_the_same_amount_in_words_and_figures():
    assert amount_phrase(850000, "CNY", "zh") == "人民币捌拾伍万元整（¥850,000.00）"
    assert amount_phrase(850000, "USD", "en") == "USD 850,000.00"
    assert figures(1234.5, "CNY") == "¥1,234.50"


@pytest.mark.parametrize("bad", ["-5", "abc", ""])
def test_rmb_capital_refuses_what_is_not_an_amount(bad):
    with pytest.raises(ValueError):
        rmb_capital(bad)
