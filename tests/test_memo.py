"""Remembered results: found again for equal inputs, never for changed inputs or context."""

from __future__ import annotations

from civtoll.memo import Memo


def test_equal_inputs_find_the_result_whatever_objects_they_share(tmp_path):
    name = "".join(["Syrian ", "Regime forces"])
    shared = [{"party": name, "label": name}]  # one string object, twice
    separate = [{"party": "".join(["Syrian ", "Regime forces"]), "label": "".join(["Syrian Regime", " forces"])}]
    memo = Memo(tmp_path / "memo.pickle", "code v1")
    assert memo.get(shared, lambda: "drawn") == "drawn"
    memo.save()

    again = Memo(tmp_path / "memo.pickle", "code v1")
    assert again.get(separate, lambda: "drawn again") == "drawn"
    assert again.reused == 1


def test_changed_inputs_or_context_define_again(tmp_path):
    memo = Memo(tmp_path / "memo.pickle", "code v1")
    memo.get({"deaths": 102}, lambda: "old")
    memo.save()
    assert Memo(tmp_path / "memo.pickle", "code v1").get({"deaths": 103}, lambda: "new") == "new"
    assert Memo(tmp_path / "memo.pickle", "code v2").get({"deaths": 102}, lambda: "new") == "new"


def test_only_results_used_by_the_last_build_are_kept(tmp_path):
    memo = Memo(tmp_path / "memo.pickle", "ctx")
    memo.get("a", lambda: 1)
    memo.get("b", lambda: 2)
    memo.save()
    second = Memo(tmp_path / "memo.pickle", "ctx")
    second.get("a", lambda: 0)
    second.save()
    third = Memo(tmp_path / "memo.pickle", "ctx")
    assert third.get("b", lambda: "defined again") == "defined again"
