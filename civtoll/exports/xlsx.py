"""The whole package as one XLSX workbook: a README sheet (licence, source, every table and field),
then one sheet per table, for readers who work in a spreadsheet.

Counts are numbers and a figure no source states is an empty cell, never 0. Names in Arabic are
plain Unicode cells: the sheets themselves are English, so none is set right-to-left.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from .. import descriptor as desc
from ..archive import zip_member
from ..load import Tables, records
from .csv_safe import neutralise

README = "README"
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")


def workbook(tables: Tables, released: dt.date) -> bytes:
    """The workbook's bytes; `released` is its creation and modification date, and the date of every
    file inside it, so the same package and date always give the same bytes."""
    # write-only: rows are streamed out as they are appended, three times faster for a long history
    wb = Workbook(write_only=True)
    _readme(wb.create_sheet(README), tables.descriptor, released)
    for name, resource in desc.resources(tables.descriptor).items():
        _table(wb.create_sheet(name), desc.field_names(resource), records(tables[name]))
    stamp = dt.datetime(released.year, released.month, released.day)
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.creator = _publisher(tables.descriptor)
    wb.properties.title = tables.descriptor.get("title")
    buffer = io.BytesIO()
    # not openpyxl's save(): it stamps `modified` with the clock
    with _DatedZip(buffer, stamp.timetuple()[:6]) as archive:
        ExcelWriter(wb, archive).write_data()
    return buffer.getvalue()


def _readme(ws, descriptor: dict, released: dt.date) -> None:
    ws.title = README
    licence = (descriptor.get("licenses") or [{}])[0]
    lines = [
        ("Title", descriptor.get("title")),
        ("Description", descriptor.get("description")),
        ("Version", descriptor.get("version")),
        ("Released", released.isoformat()),
        ("Licence", " ".join(filter(None, [licence.get("name"), licence.get("title"), licence.get("path")]))),
    ]
    lines += [("Source", f"{s.get('title')} {s.get('path', '')}".strip()) for s in descriptor.get("sources", [])]
    lines += [
        ("Empty cells", "An empty cell means the source does not state the figure; 0 means it states none."),
        ("Apostrophes", "A text cell that begins with =, +, -, @ or a tab is shown with a leading apostrophe, "
                        "so that no spreadsheet runs it as a formula; the apostrophe is not part of the data."),
        (None, None),
        ("Sheet", "Table", "Field", "Type", "Description"),
    ]
    for name, resource in desc.resources(descriptor).items():
        for field in resource["schema"]["fields"]:
            lines.append((name, resource.get("title"), field["name"], field.get("type", "string"),
                          field.get("description")))
    for column, width in zip("ABCDE", (18, 40, 22, 12, 90)):
        ws.column_dimensions[column].width = width
    header = len(lines)
    for number, line in enumerate(lines, start=1):
        ws.append([_cell(ws, neutralise(v), bold=number == header or index == 0, wrap=True)
                   for index, v in enumerate(line)])


def _table(ws, columns: list[str], rows: list[dict]) -> None:
    # a write-only sheet takes its widths and frozen header before its first row
    for index, column in enumerate(columns, start=1):
        longest = max([len(column)] + [len(str(r[column])) for r in rows if r[column] is not None])
        ws.column_dimensions[get_column_letter(index)].width = min(max(longest, 8) + 2, 60)
    ws.freeze_panes = "A2"
    ws.append([_cell(ws, c, bold=True) for c in columns])
    for record in rows:
        # None stays None: openpyxl writes no value for it, so a missing figure is an empty cell
        ws.append([neutralise(record[c]) for c in columns])


def _cell(ws, value, bold: bool = False, wrap: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value)
    if bold:
        cell.font = _BOLD
    if wrap:
        cell.alignment = _WRAP
    return cell


def _publisher(descriptor: dict) -> str:
    for contributor in descriptor.get("contributors", []):
        if "publisher" in contributor.get("roles", []):
            return contributor.get("title", "")
    return ""


class _DatedZip(zipfile.ZipFile):
    """A zip whose every member is dated `date_time`: zipfile dates a member by the clock
    (writestr) or by its file's time (write), and openpyxl uses both."""

    def __init__(self, file, date_time: tuple):
        super().__init__(file, "w", zipfile.ZIP_DEFLATED)
        self.date_time = date_time

    def writestr(self, name, data, *args, **kwargs) -> None:
        if not isinstance(name, zipfile.ZipInfo):
            name = zip_member(name, self.date_time)
        super().writestr(name, data, *args, **kwargs)

    def write(self, filename, arcname=None, *args, **kwargs) -> None:
        with open(filename, "rb") as file:
            self.writestr(arcname or os.path.basename(filename), file.read())
