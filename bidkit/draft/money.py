"""Amounts in figures and in Chinese capitals (大写), formatted once so every place agrees."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
GROUP_UNITS = ("", "万", "亿", "万亿")


def _group_to_capital(group: int) -> str:
    """0 < group < 10000 → e.g. 1020 → 壹仟零贰拾 (no leading zero handling)."""
    text, zero_pending = "", False
    for position in range(3, -1, -1):
        digit = group // 10**position % 10
        if digit == 0:
            zero_pending = bool(text)
            continue
        if zero_pending:
            text += "零"
            zero_pending = False
        text += DIGITS[digit] + SMALL_UNITS[position]
    return text


def _integer_to_capital(number: int) -> str:
    if number == 0:
        return "零"
    groups: list[int] = []
    while number:
        groups.append(number % 10000)
        number //= 10000
    if len(groups) > len(GROUP_UNITS):
        raise ValueError("amount too large for 大写")
    text = ""
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        higher_exists = any(groups[index + 1:])
        if text and (group < 1000 or groups[index + 1] == 0 and higher_exists):
            text += "零"  # a gap inside the number is read as one 零 (壹万零伍拾)
        text += _group_to_capital(group) + GROUP_UNITS[index]
    return text.replace("零零", "零")


def to_decimal(amount: float | str | Decimal) -> Decimal:
    try:
        value = Decimal(str(amount).replace(",", "").strip())
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if value < 0:
        raise ValueError("amount must not be negative")
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def rmb_capital(amount: float | str | Decimal) -> str:
    """人民币大写, as banks and 开标一览表 write it: 壹拾万零叁佰元伍角整 style.

    >>> rmb_capital(1234.5)
    '壹仟贰佰叁拾肆元伍角'
    """
    value = to_decimal(amount)
    yuan = int(value)
    jiao = int(value * 10) % 10
    fen = int(value * 100) % 10
    text = _integer_to_capital(yuan) + "元" if yuan else ""
    if jiao == 0 and fen == 0:
        return (text or "零元") + "整"
    if jiao:
        text += DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += DIGITS[fen] + "分"
    return text


def figures(amount: float | str | Decimal, currency: str | None = "CNY") -> str:
    """¥1,234,567.00 (CNY) or 'USD 1,234,567.00'."""
    value = to_decimal(amount)
    symbol = {"CNY": "¥", "RMB": "¥", None: "¥"}.get(currency)
    return f"{symbol}{value:,.2f}" if symbol else f"{currency} {value:,.2f}"


def amount_phrase(amount: float, currency: str | None, language: str) -> str:
    """The one sentence every volume uses for the bid price."""
    if language == "zh" and (currency or "CNY") in ("CNY", "RMB"):
        return f"人民币{rmb_capital(amount)}（{figures(amount, currency)}）"
    return figures(amount, currency or "CNY")
