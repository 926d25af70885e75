import datetime as dt

import pytest

from kla.i18n import STRINGS, format_date, format_number, format_percent, format_signed, t


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (1234.5, 1, "1.234,5"), (1234567, 0, "1.234.567"), (0.25, 2, "0,25"), (-1500.75, 1, "-1.500,8"),
    (float("nan"), 1, "–"), (None, 0, "–"),
])
def test_indonesian_numbers(value, decimals, text):
    assert format_number(value, decimals) == text


def test_english_numbers():
    assert format_number(1234.5, 1, "en") == "1,234.5"


def test_signed_and_percent():
    assert format_signed(12.5, 1) == "+12,5"
    assert format_signed(-3, 0) == "−3"
    assert format_percent(91.74) == "91,7%"


def test_dates():
    assert format_date(dt.date(2025, 8, 17)) == "17 Agustus 2025"
    assert format_date(dt.date(2025, 8, 17), "en") == "17 August 2025"
    assert format_date(dt.date(2025, 8, 17), short=True) == "17 Agu 2025"


def test_every_string_has_indonesian_and_english():
    missing = [k for k, v in STRINGS.items() if not v.get("id") or not v.get("en")]
    assert missing == []


def test_placeholders_match_between_languages():
    import string
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    assert [k for k, v in STRINGS.items() if fields(v["id"]) != fields(v["en"])] == []


def test_unknown_key_is_an_error_not_a_blank():
    with pytest.raises(KeyError):
        t("tidak.ada")


def test_plotly_locale_gives_plotly_indonesian_months_days_and_marks():
    from kla.i18n import plotly_locale

    indonesian = plotly_locale("id")
    assert indonesian["locale"] == "id"
    fmt = indonesian["locales"]["id"]["format"]
    assert fmt["shortMonths"][4] == "Mei" and fmt["months"][7] == "Agustus" and fmt["days"][0] == "Minggu"
    assert (fmt["decimal"], fmt["thousands"]) == (",", ".")
    assert fmt["dayMonthYear"] == "%-d %b %Y"  # 17 Agu 2025, day first
    assert indonesian["locales"]["id"]["dictionary"]["Double-click to zoom back out"].startswith("Klik dua kali")
    assert plotly_locale("en") == {"locale": "en"}  # plotly.js's own English
