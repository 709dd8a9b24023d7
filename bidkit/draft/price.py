"""The bid price: one number from --price, or a price sheet (.xlsx/.csv) of item lines."""

from __future__ import annotations

import csv
from pathlib import Path

from bidkit.draft.models import Price
from bidkit.draft.money import amount_phrase, figures, rmb_capital, to_decimal
from bidkit.errors import InputError
from bidkit.model import TenderMeta

ITEM_HEADERS = ("名称", "分项", "项目", "内容", "item", "description")
QTY_HEADERS = ("数量", "qty", "quantity")
AMOUNT_HEADERS = ("金额", "合计", "小计", "总价", "amount", "total", "price")


def read_price_sheet(path: Path) -> list[dict]:
    """Rows of a price sheet: the first row names the columns (分项/数量/金额 or item/qty/amount)."""
    if not path.exists():
        raise InputError(f"price sheet {path} does not exist; pass an .xlsx or .csv file.")
    rows = _xlsx_rows(path) if path.suffix.lower() in (".xlsx", ".xlsm") else _csv_rows(path)
    if not rows:
        raise InputError(f"price sheet {path} is empty; put a header row and one row per item.")
    header = [str(c or "").strip().lower() for c in rows[0]]

    def column(names: tuple[str, ...]) -> int | None:
        return next((i for i, h in enumerate(header) if any(n in h for n in names)), None)

    item_col, qty_col, amount_col = column(ITEM_HEADERS), column(QTY_HEADERS), column(AMOUNT_HEADERS)
    if amount_col is None:
        raise InputError(f"price sheet {path} has no amount column (金额/合计/amount) in its "
                         "first row; add one.")
    lines = []
    for row in rows[1:]:
        cells = list(row) + [None] * len(header)
        raw = cells[amount_col]
        if raw in (None, ""):
            continue
        try:
            amount = float(to_decimal(raw))
        except ValueError as exc:
            raise InputError(f"price sheet {path}: '{raw}' is not an amount; use plain numbers.") from exc
        lines.append({"item": str(cells[item_col] or "") if item_col is not None else "",
                      "quantity": str(cells[qty_col] or "") if qty_col is not None else "",
                      "amount": amount})
    if not lines:
        raise InputError(f"price sheet {path} has no amounts; fill the amount column.")
    return lines


def _xlsx_rows(path: Path) -> list[tuple]:
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).active
    return [row for row in sheet.iter_rows(values_only=True) if any(c not in (None, "") for c in row)]


def _csv_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle) if any(c.strip() for c in row)]


def make_price(amount: float | None, lines: list[dict], meta: TenderMeta, language: str) -> Price | None:
    if amount is None and lines:
        amount = float(sum(to_decimal(line["amount"]) for line in lines))
    if amount is None:
        return None
    currency = meta.currency or ("CNY" if language == "zh" else "USD")
    words = rmb_capital(amount) if currency in ("CNY", "RMB") else figures(amount, currency)
    shown = [{**line, "amount": figures(line["amount"], currency)} for line in lines]
    return Price(amount=amount, currency=currency, in_figures=figures(amount, currency),
                 in_words=words, phrase=amount_phrase(amount, currency, language), lines=shown)


def price_warnings(price: Price | None, meta: TenderMeta, language: str) -> list[str]:
    """Loud warnings: a price above the budget or 最高限价 makes the bid invalid (废标)."""
    if price is None:
        return []
    out = []
    for limit, zh, en in ((meta.max_price, "最高限价", "the ceiling price"),
                          (meta.budget, "预算金额", "the budget")):
        if limit and price.amount > limit:
            shown = figures(limit, price.currency)
            out.append(f"投标报价 {price.in_figures} 高于{zh} {shown}，将被判为无效投标（废标）。"
                       if language == "zh" else
                       f"bid price {price.in_figures} exceeds {en} {shown}: the bid will be rejected.")
    return out
