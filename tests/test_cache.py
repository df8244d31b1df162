"""The one store of what builds remember: keys from plain inputs and the code, nothing else."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from civtoll import cache, paths
from civtoll.cache import MISSING, NotPlain, Store


@dataclasses.dataclass
class Figures:
    month: str
    deaths: int | None


def test_equal_inputs_find_the_result_whatever_objects_they_share(tmp_path):
    name = "".join(["Syrian ", "Regime forces"])
    shared = [{"party": name, "label": name}]  # one string object, twice
    separate = [{"party": "".join(["Syrian ", "Regime forces"]), "label": "".join(["Syrian Regime", " forces"])}]
    store = Store(tmp_path, "code v1")
    assert store.remember("chart", (shared,), lambda: "drawn") == "drawn"
    assert Store(tmp_path, "code v1").remember("chart", (separate,), lambda: "drawn again") == "drawn"


def test_changed_inputs_kind_or_code_make_the_result_again(tmp_path):
    store = Store(tmp_path, "code v1")
    store.remember("page", ({"deaths": 102},), lambda: "old")
    assert store.remember("page", ({"deaths": 103},), lambda: "new") == "new"
    assert store.remember("chart", ({"deaths": 102},), lambda: "new") == "new"
    assert Store(tmp_path, "code v2").remember("page", ({"deaths": 102},), lambda: "new") == "new"
    assert store.key("page", Figures("2020-09", 102)) != store.key("page", Figures("2020-09", None))


@dataclasses.dataclass
class Whole:
    KEYED_BY_DIGEST = True  # as figures.Month: taken by the digest of its fields
    month: str
    rows: list[Figures]


def test_a_value_keyed_by_digest_gives_the_key_its_fields_give_in_every_store(tmp_path):
    store = Store(tmp_path, "code")
    september = Whole("2020-09", [Figures("2020-09", 102)])
    first = store.key("page", september)
    assert store.key("page", september) == first  # from the build's memo
    assert Store(tmp_path, "code").key("page", Whole("2020-09", [Figures("2020-09", 102)])) == first
    assert cache.make_key("code", "page", (september,)) == first  # the workers' keys, without a memo
    assert store.key("page", Whole("2020-09", [Figures("2020-09", 103)])) != first
    assert store.key("page", Whole("2020-09", [Figures("2020-09", None)])) != first
    with pytest.raises(NotPlain, match="set"):
        store.key("page", Whole("2020-09", [{"a"}]))


def test_a_value_made_from_another_is_keyed_by_what_it_was_made_from(tmp_path):
    store = Store(tmp_path, "code")
    english = Whole("2020-09", [Figures("2020-09", 102)])

    def named(source: Whole, names: dict) -> Whole:
        made = Whole(source.month, list(source.rows))
        made.made_from = ("rename", source, names)  # as localise.py names a month in Arabic
        return made
    arabic = named(english, {"regime": "قوات النظام"})
    key = store.key("page", arabic)
    assert key != store.key("page", english)
    assert cache.make_key("code", "page", (named(english, {"regime": "قوات النظام"}),)) == key  # no memo
    assert store.key("page", named(english, {"regime": "قوات الحكومة"})) != key
    assert store.key("page", named(Whole("2020-09", [Figures("2020-09", 103)]), {"regime": "قوات النظام"})) != key


def test_a_month_named_in_arabic_has_new_keys_when_a_name_or_a_figure_changes(tmp_path):
    from civtoll import derive, localise
    from civtoll.load import read_tables

    derived = derive.derive(read_tables(paths.DEFAULT_PACKAGE))
    store = Store(tmp_path, "code")
    keys = [store.key("month", m) for m in localise.in_language(derived, "ar").months]
    assert len(set(keys)) == len(keys) and not set(keys) & {store.key("month", m) for m in derived.months}
    renamed = dataclasses.replace(derived, names={"ar": {k: v + " (renamed)" for k, v in derived.names["ar"].items()}})
    assert not set(keys) & {Store(tmp_path, "code").key("month", m) for m in localise.in_language(renamed, "ar").months}
    changed = derived.months[-1]
    changed.figures = {**changed.figures, "civilians": (changed.figures["civilians"] or 0) + 1}
    again = [Store(tmp_path, "code").key("month", m) for m in localise.in_language(derived, "ar").months]
    assert again[:-1] == keys[:-1] and again[-1] != keys[-1]


def test_keys_refuse_what_is_not_plain_data(tmp_path):
    store = Store(tmp_path, "code")
    frame = pd.DataFrame({"deaths": range(1000)})  # its repr leaves most rows out
    with pytest.raises(NotPlain, match="DataFrame"):
        store.key("page", frame)
    with pytest.raises(NotPlain, match="set"):
        store.key("page", {"a", "b"})  # no fixed order


def test_only_what_the_last_build_used_is_kept(tmp_path):
    store = Store(tmp_path, "ctx")
    store.remember("x", ("a",), lambda: 1)
    store.remember("x", ("b",), lambda: 2)
    store.set_ref("published", {"site": 1})
    second = Store(tmp_path, "ctx")
    second.remember("x", ("a",), lambda: 0)
    assert second.prune() == 1  # "b"; the ref's record is kept
    third = Store(tmp_path, "ctx")
    assert third.load(third.key("x", "b")) is MISSING
    assert third.ref("published") == {"site": 1}


def test_the_code_key_covers_every_file_of_the_code_and_docs(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    for relative in ("civtoll/figures.py", "docs/templates/month.md.j2", "docs/i18n/en.yml", "mkdocs.yml",
                     "requirements.lock"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text("one", encoding="utf-8")
    monkeypatch.setattr(paths, "ROOT", root)
    monkeypatch.setattr(paths, "DOCS", root / "docs")
    monkeypatch.setattr(paths, "MKDOCS_YML", root / "mkdocs.yml")
    before = cache.code_key()
    for relative in ("civtoll/figures.py", "docs/templates/month.md.j2", "docs/i18n/en.yml", "requirements.lock"):
        (root / relative).write_text("two", encoding="utf-8")
        after = cache.code_key()
        assert after != before, relative
        before = after
    assert cache.code_key("plain") != cache.code_key("shortcuts")
