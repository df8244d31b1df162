"""What a chart definition is: plain values, kept apart from Altair (chart_parts.py), so that the
build's own process can load stored definitions without importing Altair (a third of a second)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Chart:
    name: str  # file stem, e.g. "by-perpetrator"
    title: str
    spec: dict
    description: str  # the alt text, generated from the data
    columns: list[str]  # the data table beside the chart
    rows: list[list]
    key: str = ""  # the drawing's key in the store (cache.py)
