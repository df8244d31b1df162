"""The catalogue: counted nouns take the form the language's plural rules ask for."""

from __future__ import annotations

from civtoll.i18n import Catalogue, load


def test_english_counts_agree_with_their_numbers():
    t = load("en")
    assert t.count("children", 1) == "1 child"
    assert t.count("children", 15) == "15 children"
    assert t.count("women", 1) == "1 woman"
    assert t.count("civilians", 1337) == "1,337 civilians"
    assert t.count("massacres", 0) == "0 massacres"
    assert t.count("civilians", 1, shown="<b>1</b>") == "<b>1</b> civilian"


def test_every_counted_noun_has_the_form_every_other_number_falls_back_to():
    for noun, forms in load("en").strings["counts"].items():
        assert "other" in forms and all("{n}" in form for form in forms.values()), noun


def test_a_language_with_six_plural_forms_gets_the_right_one():
    # Arabic, for the Arabic edition: 0 zero, 1 one, 2 two, 3-10 few, 11-99 many, 100 other
    forms = {"zero": "z{n}", "one": "o{n}", "two": "t{n}", "few": "f{n}", "many": "m{n}", "other": "x{n}"}
    t = Catalogue({"counts": {"children": forms}}, "ar")
    assert [t.count("children", n, shown=str(n)) for n in (0, 1, 2, 3, 11, 100)] == \
        ["z0", "o1", "t2", "f3", "m11", "x100"]
