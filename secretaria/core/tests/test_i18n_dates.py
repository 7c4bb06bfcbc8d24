"""Dates, spans of days and numbers written out as a letter writes them, in Spanish and English."""

import datetime
import decimal

import pytest

from secretaria.core.i18n import date_range_text, date_text, number_text

D = datetime.date


def test_a_letter_date_is_written_out_in_each_language():
    assert date_text(D(2004, 7, 6), "es") == "6 de julio de 2004"
    assert date_text(D(2004, 7, 6), "en") == "6 July 2004"


@pytest.mark.parametrize(
    ("start", "end", "es", "en"),
    [
        (D(2004, 10, 18), D(2004, 10, 18), "18 de octubre de 2004", "18 October 2004"),
        (D(2004, 10, 18), D(2004, 10, 19), "18 y 19 de octubre de 2004", "18–19 October 2004"),
        (D(2004, 10, 18), D(2004, 10, 20), "18 al 20 de octubre de 2004", "18–20 October 2004"),
        (D(2004, 9, 30), D(2004, 10, 2), "30 de septiembre al 2 de octubre de 2004", "30 September – 2 October 2004"),
        (
            D(2004, 12, 30),
            D(2005, 1, 2),
            "30 de diciembre de 2004 al 2 de enero de 2005",
            "30 December 2004 – 2 January 2005",
        ),
    ],
)
def test_a_span_of_days_names_the_month_and_year_once_when_they_are_shared(start, end, es, en):
    assert date_range_text(start, end, "es") == es
    assert date_range_text(start, end, "en") == en


@pytest.mark.parametrize(
    ("start", "end", "es", "en"),
    [
        (D(2004, 10, 18), None, "el 18 de octubre de 2004", "on 18 October 2004"),
        (D(2004, 10, 18), D(2004, 10, 19), "los días 18 y 19 de octubre de 2004", "on 18–19 October 2004"),
        (D(2004, 10, 18), D(2004, 10, 20), "del 18 al 20 de octubre de 2004", "on 18–20 October 2004"),
        (D(2004, 9, 30), D(2004, 10, 2), "del 30 de septiembre al 2 de octubre de 2004",
         "from 30 September to 2 October 2004"),
    ],
)  # fmt: skip
def test_as_a_phrase_the_span_carries_its_preposition(start, end, es, en):
    assert date_range_text(start, end, "es", phrase=True) == es
    assert date_range_text(start, end, "en", phrase=True) == en


def test_a_span_given_backwards_is_put_in_order():
    assert date_range_text(D(2004, 10, 19), D(2004, 10, 18), "es") == "18 y 19 de octubre de 2004"


def test_numbers_follow_the_language():
    assert number_text(decimal.Decimal("4500"), "es") == "4.500,00"
    assert number_text(decimal.Decimal("4500"), "en") == "4,500.00"
    assert number_text(1234567.5, "es", 1) == "1.234.567,5"
