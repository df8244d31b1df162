"""A quote states its figure: as digits (Western or Arabic-Indic, with or without thousands
separators), as number words in its language, or, for a zero, as words of negation."""

from __future__ import annotations

import pytest

from civtoll.validate.quotes import states

STATED = [
    ("SNHR documented the deaths of 1,734 civilians", 1734, "en"),
    ("SNHR documented the deaths of 1734 civilians", 1734, "en"),
    ("وثقت الشبكة مقتل ١٢٣ مدنياً", 123, "ar"),
    ("وثقت الشبكة مقتل ١٬٧٣٤ مدنياً", 1734, "ar"),
    ("mille sept cent trente-quatre civils", 1734, "fr"),
    ("1.734 sivil hayatını kaybetti", 1734, "tr"),
    ("and eight individuals who died due to torture", 8, "en"),
    ("eighty-five children", 85, "en"),
    ("one hundred and eighteen civilians", 118, "en"),
    ("بينهم ثمانية أطفال", 8, "ar"),
    ("خمسة وثمانين طفلاً", 85, "ar"),
    ("بينهم سيدة واحدة", 1, "ar"),
    ("وخمس سيدات", 5, "ar"),
    ("وسيدتان اثنتان", 2, "ar"),  # the feminine form, as num2words writes it
    ("وست سيدات", 6, "ar"),
    ("seksen beş sivil", 85, "tr"),
    ("huit civils", 8, "fr"),
    ("no media workers were killed", 0, "en"),
    ("لم يتم توثيق أي مجزرة", 0, "ar"),
]
NOT_STATED = [
    ("killed 87 children", 85, "en"),  # a transposed or misread figure
    ("1,734 civilians in 2020", 1743, "en"),
    ("someone was killed", 1, "en"),  # "one" inside another word
    ("وثلاثين مدنياً", 3, "ar"),  # thirty is not three
    ("The report documents the deaths of many children.", 12, "en"),
    ("two media workers were killed", 0, "en"),  # a zero needs its own words
    ("", 5, "en"),
]


@pytest.mark.parametrize("quote, value, language", STATED)
def test_a_quote_states_its_figure(quote, value, language):
    assert states(quote, value, language)


@pytest.mark.parametrize("quote, value, language", NOT_STATED)
def test_a_quote_that_does_not_state_the_figure_is_caught(quote, value, language):
    assert not states(quote, value, language)
