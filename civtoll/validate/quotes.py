"""Does a source's quoted words state a given number?

A quote states a number when it holds it as digits (Western or Arabic-Indic, with or without
thousands separators) or as the number's words in the quote's language, as num2words writes them;
a stated zero may also be words of negation ("no media workers were killed"), listed per language
in negation.yml beside this file.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
# 1,734 / 1.734 / 1 734 / 1٬734: a group of one to three digits, then groups of three
_GROUPED = re.compile(r"(?<![\d])\d{1,3}(?:[,.\u066c\u00a0\u202f' ]\d{3})+(?![\d])")
_PLAIN = re.compile(r"\d+")
_WORD = re.compile(r"\w+")
# connecting words num2words puts between the parts of a number that a writer may leave out
_FILLERS = {"en": {"and"}, "fr": {"et"}}


@lru_cache(maxsize=None)
def _negations() -> dict[str, list[str]]:
    with open(Path(__file__).with_name("negation.yml"), encoding="utf-8") as f:
        return yaml.safe_load(f)


def numbers_in(quote: str) -> set[int]:
    """Every number the quote writes in digits, read with and without thousands separators."""
    text = quote.translate(_DIGITS)
    found = {int(m) for m in _PLAIN.findall(text)}
    found |= {int(re.sub(r"\D", "", m)) for m in _GROUPED.findall(text)}
    return found


def _base_language(language: str) -> str:
    return (language or "en").split("-")[0].lower()


def _normal(text: str, language: str) -> str:
    """Lower case, no diacritics; Arabic letters that writers vary (hamza seats, taa marbuta, final
    yaa) made one, so that a word matches however it was typed."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c) and c != "\u0640")
    if language == "ar":
        text = text.translate(str.maketrans("أإآٱةى", "ااااهي"))
    return text


def _words(text: str, language: str) -> list[str]:
    fillers = _FILLERS.get(language, set())
    words = [w for w in _WORD.findall(_normal(text, language)) if w not in fillers]
    if language == "ar":
        # "and" is written joined to the next word (وثمانون, وواحد): a token of its own, so that
        # the words of a number match however they were joined
        words = [part for w in words for part in (["و", w[1:]] if len(w) >= 3 and w[0] == "و" else [w])]
    return words


def _arabic_form(word: str) -> str:
    """One form for the case and gender endings of an Arabic number word: ثمانين/ثمانون,
    واحدة/واحداً/واحد, ثلاث/ثلاثة."""
    if len(word) < 3:
        return word
    word = re.sub(r"[اه]$", "", word)
    return re.sub(r"(ين|ان)$", "ون", word)


def _joined(words: list[str], language: str) -> str:
    if language == "ar":
        words = [_arabic_form(w) for w in words]
    return "".join(words)


def words_state(quote: str, value: int, language: str) -> bool:
    """The quote writes the number in words (num2words' words for the language)."""
    language = _base_language(language)
    words = _words(quote, language)
    for written in _number_words(value, language):
        target = _words(written, language)
        wanted = _joined(target, language)
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + len(target) + 3) + 1):
                if _joined(words[start:end], language) == wanted:
                    return True
    return False


@lru_cache(maxsize=4096)
def _number_words(value: int, language: str) -> tuple[str, ...]:
    """The ways num2words writes the number in the language: in Arabic the forms that count
    masculine and feminine nouns (ستة أطفال, ست سيدات; اثنان, اثنتان) both."""
    from num2words import CONVERTER_CLASSES, num2words

    try:
        forms = [num2words(value, lang=language)]
    except NotImplementedError:  # a language num2words does not write
        return ()
    if language == "ar":
        feminine = type(CONVERTER_CLASSES["ar"])()
        feminine.to_cardinal(value)  # sets the converter up for plain counting words
        feminine.isCurrencyNameFeminine = True  # the form num2words uses to count feminine nouns
        forms.append(feminine.convert(value).strip())
    return tuple(forms)


def negation_states(quote: str, language: str) -> bool:
    """For a zero: the quote holds one of the language's words of negation."""
    language = _base_language(language)
    words = set(_words(quote, language))
    return any(_normal(w, language) in words for w in _negations().get(language, []))


def states(quote: str, value: int, language: str) -> bool:
    if not quote:
        return False
    if value in numbers_in(quote):
        return True
    if words_state(quote, value, language):
        return True
    return value == 0 and negation_states(quote, language)
