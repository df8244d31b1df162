"""Formula neutralisation for every export a spreadsheet may open (OWASP "CSV Injection").

A spreadsheet evaluates a cell that starts with =, +, -, @, a tab or a carriage return as a
formula, whether or not the CSV quotes it. The package holds words quoted from sources (one begins
"-Government forces: 229"), so such a text cell gets a leading apostrophe; counts are numbers and
are never touched.
"""

from __future__ import annotations

import codecs
import csv
import io
import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_TYPES = {"integer", "number"}
# what a Table Schema number looks like as CSV text: used only when no schema says a column's type
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
# a trigger where a cell may begin (after a comma or a line end, past an opening quote); text with
# none has no cell to neutralise, and is returned without being read cell by cell
_MAYBE_TRIGGER = re.compile(r'(?:^|[,\r\n])"?[=+\-@\t\r]')


def neutralise(value):
    """A text value that a spreadsheet would run as a formula, prefixed with an apostrophe; every
    other value (numbers, None, booleans, harmless text) returned as it is."""
    if isinstance(value, str) and value.startswith(TRIGGERS):
        return "'" + value
    return value


def numeric_columns(schema: dict) -> set[str]:
    return {f["name"] for f in schema.get("fields", []) if f.get("type") in NUMERIC_TYPES}


def safe_csv(data: bytes, schema: dict | None = None) -> bytes:
    """The CSV with every text cell a spreadsheet would run neutralised. `schema` (a Table Schema)
    says which columns are numbers; without it a cell that reads as a number counts as one.

    Only the records holding such a cell are written anew; every other byte (a byte-order mark,
    Windows line ends, quoting) stays. Nothing to change, which is the normal case, returns `data`
    itself."""
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""
    text = data[len(bom):].decode("utf-8")
    if not _MAYBE_TRIGGER.search(text):
        return data
    numeric = numeric_columns(schema) if schema is not None else None
    out, changed, header = [], False, None
    for raw, row in _records(text):
        if header is None:
            header, new = row, [neutralise(c) for c in row]
        else:
            new = [c if _is_number(name, c, numeric) else neutralise(c)
                   for name, c in zip(header + [""] * (len(row) - len(header)), row)]
        if new == row:
            out.append(raw)
            continue
        changed = True
        line = io.StringIO()
        # the csv module quotes a line break only if it is in the line end it writes: a cell holding
        # the other one would break the record
        breaks = any("\r" in c or "\n" in c for c in new)
        quoting = csv.QUOTE_ALL if breaks else csv.QUOTE_MINIMAL
        csv.writer(line, lineterminator=_line_end(raw), quoting=quoting).writerow(new)
        out.append(line.getvalue())
    return bom + "".join(out).encode("utf-8") if changed else data


def _is_number(column: str, cell: str, numeric: set[str] | None) -> bool:
    if numeric is not None:
        return column in numeric
    return bool(_NUMBER.fullmatch(cell))


def _records(text: str):
    """(the record's own text, its cells) for each record, so unchanged records are kept verbatim;
    a quoted cell may span lines, so a record is every line the reader took for it."""
    taken: list[str] = []

    def lines():
        for line in io.StringIO(text, newline=""):
            taken.append(line)
            yield line

    for row in csv.reader(lines()):
        raw = "".join(taken)
        taken.clear()
        yield raw, row


def _line_end(raw: str) -> str:
    for end in ("\r\n", "\n", "\r"):
        if raw.endswith(end):
            return end
    return ""
