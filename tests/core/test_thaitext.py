"""Thai dates, fiscal years, money in words and number formatting."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, strategies as st

from ita_desktop.core.thaitext import (
    baht_text,
    buddhist_year,
    fiscal_year_bounds,
    fiscal_year_of,
    fiscal_year_range,
    format_number,
    number_text,
    thai_date,
    thai_month,
)


def test_thai_date_uses_buddhist_era_and_thai_digits():
    assert thai_date(dt.date(2025, 1, 8)) == "๘ มกราคม ๒๕๖๘"
    assert thai_date(dt.date(2023, 10, 17)) == "๑๗ ตุลาคม ๒๕๖๖"


def test_thai_date_arabic_and_abbreviated():
    assert thai_date(dt.date(2024, 2, 29), thai_digits=False) == "29 กุมภาพันธ์ 2567"
    assert thai_date(dt.date(2024, 12, 31), thai_digits=False, abbreviated=True) == "31 ธ.ค. 2567"


def test_thai_month_names_and_bounds():
    assert [thai_month(m) for m in (1, 7, 12)] == ["มกราคม", "กรกฎาคม", "ธันวาคม"]
    with pytest.raises(ValueError):
        thai_month(13)


@pytest.mark.parametrize(
    ("day", "fiscal_year"),
    [
        (dt.date(2024, 9, 30), 2567),
        (dt.date(2024, 10, 1), 2568),
        (dt.date(2025, 1, 8), 2568),
        (dt.date(2025, 9, 30), 2568),
        (dt.date(2025, 10, 1), 2569),
    ],
)
def test_fiscal_year_starts_on_first_of_october(day, fiscal_year):
    assert fiscal_year_of(day) == fiscal_year


def test_fiscal_year_range_text():
    assert fiscal_year_range(2567) == "๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗"
    assert fiscal_year_range(2568, thai_digits=False) == "1 ตุลาคม 2567 – 30 กันยายน 2568"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_every_date_lies_inside_its_fiscal_year(day):
    first, last = fiscal_year_bounds(fiscal_year_of(day))
    assert first <= day <= last
    assert buddhist_year(last.year) == fiscal_year_of(day)


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (0, "ศูนย์บาทถ้วน"),
        (1, "หนึ่งบาทถ้วน"),
        (10, "สิบบาทถ้วน"),
        (11, "สิบเอ็ดบาทถ้วน"),
        (20, "ยี่สิบบาทถ้วน"),
        (21, "ยี่สิบเอ็ดบาทถ้วน"),
        (101, "หนึ่งร้อยเอ็ดบาทถ้วน"),
        (121, "หนึ่งร้อยยี่สิบเอ็ดบาทถ้วน"),
        (2001, "สองพันเอ็ดบาทถ้วน"),
        (150000, "หนึ่งแสนห้าหมื่นบาทถ้วน"),
        (1_000_000, "หนึ่งล้านบาทถ้วน"),
        (1_000_001, "หนึ่งล้านเอ็ดบาทถ้วน"),
        (11_000_000, "สิบเอ็ดล้านบาทถ้วน"),
        (21_000_021, "ยี่สิบเอ็ดล้านยี่สิบเอ็ดบาทถ้วน"),
        (1_000_000_000_000, "หนึ่งล้านล้านบาทถ้วน"),
        ("10.50", "สิบบาทห้าสิบสตางค์"),
        (0.25, "ยี่สิบห้าสตางค์"),
        (Decimal("0.01"), "หนึ่งสตางค์"),
        (Decimal("5.21"), "ห้าบาทยี่สิบเอ็ดสตางค์"),
        (1234567.89, "หนึ่งล้านสองแสนสามหมื่นสี่พันห้าร้อยหกสิบเจ็ดบาทแปดสิบเก้าสตางค์"),
        (-5.5, "ลบห้าบาทห้าสิบสตางค์"),
        (Decimal("0.005"), "หนึ่งสตางค์"),
        (Decimal("99.999"), "หนึ่งร้อยบาทถ้วน"),
    ],
)
def test_baht_text(amount, words):
    assert baht_text(amount) == words


def test_number_text_rejects_negative():
    with pytest.raises(ValueError):
        number_text(-1)


@given(st.integers(min_value=0, max_value=10**15))
def test_baht_text_of_whole_amounts_ends_with_thuan_and_has_no_digits(n):
    text = baht_text(n)
    assert text.endswith("บาทถ้วน")
    assert not any(ch.isdigit() for ch in text)
    assert "หนึ่งสิบ" not in text and "สองสิบ" not in text


@pytest.mark.parametrize(
    ("value", "decimals", "thai", "expected"),
    [
        (1234567.891, 2, True, "๑,๒๓๔,๕๖๗.๘๙"),
        (1234.5, 2, False, "1,234.50"),
        (75.4713, 2, False, "75.47"),
        (0.125, 2, False, "0.13"),
        (1000, 0, False, "1,000"),
        (-9876.5, 1, False, "-9,876.5"),
        (93.92, 2, True, "๙๓.๙๒"),
    ],
)
def test_format_number(value, decimals, thai, expected):
    assert format_number(value, decimals, thai_digits=thai) == expected
