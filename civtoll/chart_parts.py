"""What every chart definition shares: small helpers of Altair specs."""

from __future__ import annotations

import altair as alt

# Altair validates every object it constructs against the Vega-Lite schema; with hundreds of
# charts that costs more than drawing them. Our specs are fixed in this code and tested.
alt.utils.schemapi.disable_debug_mode()


def data(rows: list[dict]) -> alt.Data:
    """Inline values: a chart of a few dozen numbers needs no DataFrame, and building one costs more."""
    return alt.Data(values=rows)


def time_axis(months: int) -> alt.Axis:
    """A label a year on a long series, a label a month on a short one."""
    if months > 24:
        return alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1 if months <= 180 else 2})
    return alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 1 if months <= 12 else 2})


def thin(labels: list[str], most: int) -> list[str]:
    """At most `most` axis labels, evenly spaced, so long series stay readable."""
    if len(labels) <= most:
        return labels
    step = -(-len(labels) // most)
    return labels[::step]
