"""The exports made from the validated package (civtoll/exports): formula neutralisation, HXL, XLSX
and the JSON API, each checked against the shipped package with the format's own reader."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import time
import zipfile

import hxl
import jsonschema
import openpyxl
import pytest
import yaml

from civtoll import descriptor as desc
from civtoll.exports import api, csv_safe, hxl as hxl_export, xlsx
from civtoll.exports.csv_safe import neutralise, safe_csv
from civtoll.load import records
from civtoll.problems import errors
from civtoll.validate import check_package
from conftest import SHIPPED

RELEASED = dt.date(2026, 12, 1)
SITE = "https://civtoll.example.org/"


@pytest.fixture(scope="module")
def tables():
    problems, tables = check_package(SHIPPED)
    assert errors(problems) == [] and tables is not None
    return tables


def resources(tables) -> dict[str, dict]:
    return desc.resources(tables.descriptor)


def typed(tables, name: str) -> set[str]:
    return csv_safe.numeric_columns(resources(tables)[name]["schema"])


# --- formula neutralisation ----------------------------------------------------------------

@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-5 killed", "@SUM(A1)", "\tx", "\rx"])
def test_a_text_cell_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Aleppo", "'=already", "", "5", "a=b", "حلب", -5, 0, 3.5, None, True])
def test_other_values_are_left_alone(value):
    assert neutralise(value) is value


def test_safe_csv_changes_only_the_dangerous_text_cells_and_keeps_every_other_byte():
    schema = {"fields": [{"name": "month", "type": "yearmonth"}, {"name": "quote", "type": "string"},
                         {"name": "deaths", "type": "integer"}]}
    data = ("\ufeffmonth,quote,deaths\r\n"
            "2020-09,\"plain, quoted\",5\r\n"
            "2020-10,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-5\r\n"
            "2020-11,\"two\nlines\",7\r\n"
            "2020-12,-5 killed,-5\r\n").encode("utf-8")
    out = safe_csv(data, schema)
    assert out.startswith(b"\xef\xbb\xbf")
    lines = out.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "month,quote,deaths" and lines[1] == "2020-09,\"plain, quoted\",5"  # unchanged, quotes kept
    assert "\r\n2020-11,\"two\nlines\",7\r\n" in out.decode("utf-8")  # a record over two lines, unchanged
    assert out.endswith(b"2020-12,'-5 killed,-5\r\n")  # a record written anew keeps the file's line end
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    assert rows[2] == ["2020-10", "'=HYPERLINK(\"http://evil\",\"x\")", "-5"]  # the count -5 is a number: untouched
    assert rows[3] == ["2020-11", "two\nlines", "7"]
    assert rows[4] == ["2020-12", "'-5 killed", "-5"]


def test_safe_csv_without_a_schema_treats_a_number_as_a_number():
    rows = list(csv.reader(io.StringIO(safe_csv(b"a,b\n-5,-5 killed\n+1.5e3,@x\n").decode())))
    assert rows == [["a", "b"], ["-5", "'-5 killed"], ["+1.5e3", "'@x"]]


@pytest.mark.parametrize("trigger", csv_safe.TRIGGERS)
@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_safe_csv_finds_a_dangerous_cell_wherever_a_cell_can_begin(trigger, end):
    # safe_csv returns text with no trigger where a cell may begin untouched, without reading it
    # cell by cell: each place a cell begins must be seen, quoted or not, after every kind of line end
    cells = [f'"{trigger}x"'] + [f"{trigger}x"] * (trigger != "\r")  # a bare \r ends the record
    for first, middle, last in [(c, "a", "b") for c in cells] + [("a", c, "b") for c in cells] + \
                               [("a", "b", c) for c in cells]:
        for record in (0, 1):
            lines = ["h1,h2,h3", "a,b,c"] + [",".join((first, middle, last))] * (record == 1)
            if record == 0:
                lines[1] = ",".join((first, middle, last))
            data = (end.join(lines) + end).encode()
            rows = list(csv.reader(io.StringIO(safe_csv(data).decode(), newline="")))
            assert f"'{trigger}x" in rows[-1], (first, middle, last, end, rows)
    assert safe_csv(b"a,b\n\"multi\n-line\",x\n") == b"a,b\n\"multi\n-line\",x\n"  # not where a cell begins


def test_a_csv_with_nothing_to_change_comes_back_as_the_same_bytes(tables):
    changed = {}
    for name, resource in resources(tables).items():
        data = (SHIPPED / resource["path"]).read_bytes()
        out = safe_csv(data, resource["schema"])
        if out is data:
            continue
        before = list(csv.reader(io.StringIO(data.decode(), newline="")))
        after = list(csv.reader(io.StringIO(out.decode(), newline="")))
        assert len(before) == len(after)
        cells = [(r, c) for r, (x, y) in enumerate(zip(before, after)) for c in range(len(x)) if x[c] != y[c]]
        changed[name] = {(before[0][c], before[r][c], after[r][c]) for r, c in cells}
        # only the records holding such a cell are written anew
        assert sum(a != b for a, b in zip(data.decode().splitlines(), out.decode().splitlines())) == len(cells)
    # the shipped package has quotes beginning with "-" (a list copied from an article): those alone change
    assert set(changed) == {"provenance"}
    assert changed["provenance"] and all(column == "quote" and new == "'" + old and old.startswith("-")
                                         for column, old, new in changed["provenance"])


# --- HXL -----------------------------------------------------------------------------------

def test_every_column_of_the_package_has_one_valid_hxl_tag_and_no_tag_is_stale(tables):
    tags = yaml.safe_load(hxl_export.TAGS_FILE.read_text(encoding="utf-8"))
    assert set(tags) == set(resources(tables))
    for name, resource in resources(tables).items():
        assert list(tags[name]) == desc.field_names(resource), name
        for tag in tags[name].values():
            assert hxl.model.Column.parse(tag, use_exception=True).display_tag == tag
        assert len(set(tags[name].values())) == len(tags[name]), f"{name}: a tag used twice"


def test_libhxl_reads_every_hxl_file_with_its_tags_and_the_package_numbers(tables):
    files = hxl_export.hxl_files(tables)
    tags = hxl_export.tags()
    assert list(files) == [f"data/hxl/{name}_hxl.csv" for name in resources(tables)]
    for name, resource in resources(tables).items():
        source = hxl.data(io.BytesIO(files[f"data/hxl/{name}_hxl.csv"]))
        columns = desc.field_names(resource)
        assert [c.header for c in source.columns] == columns
        assert [c.display_tag for c in source.columns] == [tags[name][c] for c in columns]
        rows = list(source.values)
        expected = records(tables[name])
        assert len(rows) == len(expected) > 0
        for column in typed(tables, name):
            index = hxl.model.TagPattern.parse(tags[name][column]).find_column_index(source.columns)
            assert source.columns[index].header == column  # a tool asking for the tag gets this column
            assert [int(r[index]) if r[index] != "" else None for r in rows] == [e[column] for e in expected]
        for column in set(columns) - typed(tables, name):
            index = columns.index(column)
            assert [r[index] for r in rows] == [_text(e[column]) for e in expected]


def _text(value) -> str:
    return "" if value is None else ("true" if value else "false") if isinstance(value, bool) else neutralise(value)


def test_hxl_files_neutralise_the_quotes_that_begin_with_a_minus(tables):
    data = hxl_export.hxl_files(tables)["data/hxl/provenance_hxl.csv"].decode()
    quotes = [r[6] for r in csv.reader(io.StringIO(data))][2:]
    assert "'-Government forces: 229" in quotes
    assert not any(q.startswith(csv_safe.TRIGGERS) for q in quotes)


# --- XLSX ----------------------------------------------------------------------------------

def test_the_workbook_is_byte_identical_whatever_the_clock(tables, monkeypatch):
    first = xlsx.workbook(tables, RELEASED)
    monkeypatch.setattr(time, "time", lambda: 1_000_000_000.0)  # zipfile dates members from time.time()
    second = xlsx.workbook(tables, RELEASED)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2026, 12, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2026-12-01T00:00:00Z") == 2  # created and modified: the release date, not the clock
    assert xlsx.workbook(tables, dt.date(2027, 1, 1)) != first


@pytest.fixture(scope="module")
def book(tables):
    return openpyxl.load_workbook(io.BytesIO(xlsx.workbook(tables, RELEASED)))


def test_the_workbook_has_a_readme_then_a_sheet_per_table(tables, book):
    assert book.sheetnames == ["README"] + list(resources(tables))
    readme = [[c for c in row] for row in book["README"].iter_rows(values_only=True)]
    text = "\n".join(" ".join(str(c) for c in row if c is not None) for row in readme)
    for words in ("CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/", "https://snhr.org/"):
        assert words in text
    described = {(row[0], row[2]): row for row in readme if row[0] in resources(tables)}
    for name, resource in resources(tables).items():
        for field in resource["schema"]["fields"]:
            sheet, title, field_name, kind, description = described[(name, field["name"])]
            assert (title, kind, description) == (resource["title"], field["type"], field["description"])


def test_the_workbook_holds_the_package_numbers_as_numbers_and_missing_as_empty(tables, book):
    for name, resource in resources(tables).items():
        sheet = book[name]
        assert sheet.sheet_view.rightToLeft in (None, False)
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == desc.field_names(resource)
        expected = records(tables[name])
        assert len(rows) - 1 == len(expected)
        for row, record in zip(rows[1:], expected):
            assert list(row) == [neutralise(record[c]) for c in rows[0]]
        for column in typed(tables, name):
            values = [row[rows[0].index(column)] for row in rows[1:]]
            assert all(v is None or type(v) is int for v in values)
    months = list(book["months"].iter_rows(values_only=True))
    civilians = [r[months[0].index("civilians")] for r in months[1:]]
    assert None in civilians and civilians.count(None) == sum(r["civilians"] is None for r in records(tables["months"]))


def test_the_workbook_keeps_arabic_and_runs_no_formula(tables, book):
    names = [r["name_ar"] for r in records(tables["governorates"])]
    assert [r[2] for r in book["governorates"].iter_rows(min_row=2, values_only=True)] == names
    assert "حلب" in names
    assert not any(c.data_type == "f" for ws in book.worksheets for row in ws.iter_rows() for c in row)
    quotes = [r[6] for r in book["provenance"].iter_rows(min_row=2, values_only=True)]
    assert "'-Government forces: 229" in quotes


# --- JSON API ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def documents(tables):
    return api.api_documents(tables, SITE)


def validator(documents, name):
    schema = documents[f"api/v1/schema/{name}"]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def month_files(documents) -> dict[str, dict]:
    return {path[len("api/v1/months/"):-5]: d for path, d in documents.items() if path.startswith("api/v1/months/")}


def test_every_month_file_and_the_index_validate_against_their_schemas(tables, documents):
    months = month_files(documents)
    assert sorted(months) == sorted(r["month"] for r in records(tables["months"]))
    check = validator(documents, "month.schema.json")
    for month, document in months.items():
        assert [e.message for e in check.iter_errors(document)] == [], month
    index = documents["api/v1/months.json"]
    assert [e.message for e in validator(documents, "months.schema.json").iter_errors(index)] == []
    assert [m["url"] for m in index["months"]] == [f"{SITE}api/v1/months/{m}.json" for m in sorted(months)]


def test_the_month_schema_rejects_a_zero_for_null_a_negative_count_and_a_missing_figure(documents):
    check = validator(documents, "month.schema.json")
    document = documents["api/v1/months/2020-09.json"]
    for broken in ({**document, "civilians": 0}, {**document, "children": {**document["children"], "value": -1}},
                   {k: v for k, v in document.items() if k != "women"}):
        assert list(check.iter_errors(broken)) != []


def api_figures(documents) -> set[tuple]:
    """(month, table, row key, field, value) of every figure the API states."""
    out = set()
    for month, d in month_files(documents).items():
        for field, figure in [("headline_killed", d["headline"]["killed"]), ("civilians", d["civilians"]),
                              ("children", d["children"]), ("women", d["women"]),
                              ("torture_deaths", d["torture"]["deaths"]), ("massacres", d["massacres"]),
                              *[(k, d["personnel"][k]) for k in ("medical", "media", "civil_defense")],
                              *[("ytd_" + k, d["year_to_date"][k]) for k in ("civilians", "torture", "massacres")]]:
            out.add((month, "months", "", field, figure and figure["value"]))
        lists = [("civilian_deaths", "by_party", "perpetrator_id"),
                 ("torture_deaths", "torture_by_party", "perpetrator_id"),
                 ("civilian_deaths_by_governorate", "by_governorate", "governorate_pcode"),
                 ("massacres", "massacre_list", "massacre_id"), ("personnel_deaths", "personnel_by_party", None)]
        for table, key, id_field in lists:
            for row in d[key]:
                row_key = row[id_field] if id_field else f"{row['category']}/{row['perpetrator_id']}"
                for field in ("deaths", "children", "women", "injured"):
                    if field in row:
                        out.add((month, table, row_key, field, row[field] and row[field]["value"]))
    return out


def package_figures(tables) -> set[tuple]:
    out = set()
    for r in records(tables["months"]):
        for field in ("headline_killed", "civilians", "children", "women", "torture_deaths", "massacres", "medical",
                      "media", "civil_defense", "ytd_civilians", "ytd_torture", "ytd_massacres"):
            out.add((r["month"], "months", "", field, r[field]))
    for table, key, fields in [("civilian_deaths", "perpetrator_id", ("deaths", "children", "women")),
                               ("torture_deaths", "perpetrator_id", ("deaths",)),
                               ("civilian_deaths_by_governorate", "governorate_pcode", ("deaths", "children", "women")),
                               ("massacres", "massacre_id", ("deaths", "children", "women", "injured")),
                               ("personnel_deaths", None, ("deaths",))]:
        for r in records(tables[table]):
            row_key = r[key] if key else f"{r['category']}/{r['perpetrator_id']}"
            out.update((r["month"], table, row_key, f, r[f]) for f in fields)
    return out


def test_the_api_states_exactly_the_package_figures_and_null_where_the_package_is_empty(tables, documents):
    stated = api_figures(documents)
    assert stated == package_figures(tables)
    assert any(value is None for *_, value in stated) and any(value == 0 for *_, value in stated)


def test_every_published_figure_carries_its_source_and_words(tables, documents):
    months = month_files(documents)
    sources = {s["source_id"]: s for s in records(tables["sources"])}
    used = [r for r in records(tables["provenance"]) if r["used"]]
    assert used
    for r in used:
        d = months[r["month"]]
        if r["table"] == "months":
            figure = {"headline_killed": d["headline"]["killed"], "torture_deaths": d["torture"]["deaths"],
                      "medical": d["personnel"]["medical"], "media": d["personnel"]["media"],
                      "civil_defense": d["personnel"]["civil_defense"],
                      **{f"ytd_{k}": d["year_to_date"][k] for k in ("civilians", "torture", "massacres")},
                      }.get(r["field"]) or d[r["field"]]
        else:
            key = {"civilian_deaths": "by_party", "torture_deaths": "torture_by_party",
                   "civilian_deaths_by_governorate": "by_governorate", "massacres": "massacre_list",
                   "personnel_deaths": "personnel_by_party"}[r["table"]]
            rows = [x for x in d[key] if r["row_key"] in (x.get("perpetrator_id"), x.get("governorate_pcode"),
                                                          x.get("massacre_id"),
                                                          f"{x.get('category')}/{x.get('perpetrator_id')}")]
            figure = rows[0][r["field"]]
        source = sources[r["source_id"]]
        assert figure["value"] == r["value"]
        assert figure["source"] == {"source_id": r["source_id"], "title": source["title"], "url": source["url"],
                                    "publisher": source["publisher"], "kind": source["kind"],
                                    "language": source["language"], "published": source["published"],
                                    "quote": r["quote"]}


def test_api_files_are_the_documents_as_json_and_the_same_every_time(tables, documents):
    files = api.api_files(tables, SITE.rstrip("/"))  # with or without the trailing slash
    assert files == api.api_files(tables, SITE)
    assert {path: json.loads(data) for path, data in files.items()} == documents
    shipped = json.loads(api.SCHEMAS["month.schema.json"].read_text(encoding="utf-8"))
    published = dict(documents["api/v1/schema/month.schema.json"])
    assert published.pop("$id") == f"{SITE}api/v1/schema/month.schema.json" and published == shipped
    assert "حلب" in files["api/v1/months/2018-02.json"].decode("utf-8")  # UTF-8, not \\u escapes


def test_libhxl_default_schema_finds_no_error_in_any_hxl_file(tables):
    # its errors: a #date that is no date, an #affected that is no number; its warnings (outliers,
    # double spaces inside the sources' verbatim words) are the data as stated
    for path, data in hxl_export.hxl_files(tables).items():
        found = []
        hxl.schema(callback=found.append).validate(hxl.data(io.BytesIO(data)))
        assert [(e.rule.tag_pattern, e.message) for e in found if e.rule.severity == "error"] == [], path
