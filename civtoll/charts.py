"""Chart definitions with Altair: each chart is a Vega-Lite spec, a text description and its data table.

Rendering is elsewhere (render.py); this module only decides what is drawn and how it is described.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version
from typing import TYPE_CHECKING

from . import theme
from .figures import REMAINDER, Breakdown, Month
from .i18n import Catalogue

if TYPE_CHECKING:
    from .derive import Derivation


@dataclass
class Chart:
    name: str  # file stem, e.g. "by-perpetrator"
    title: str
    spec: dict
    description: str  # the alt text, generated from the data
    columns: list[str]  # the data table beside the chart
    rows: list[list]
    key: str = ""  # the drawn chart's cache key, set by the build


# Altair is loaded only where charts are defined (the drawing processes): it takes half a second
# to import, which a build that defines no new chart need not pay.
alt = None


def _load_altair() -> None:
    global alt
    if alt is None:
        import altair

        # Altair validates every object it constructs against the Vega-Lite schema; with hundreds
        # of charts that costs more than drawing them. Our specs are fixed here and tested.
        altair.utils.schemapi.disable_debug_mode()
        alt = altair


class Charts:
    """Defines every chart. Holds only plain values, so that worker processes can be given it."""

    def __init__(self, derivation: Derivation, t: Catalogue):
        self.t = t
        self._order = derivation.sort_orders()
        self._names = {pid: derivation.perpetrator_name(pid) for pid in self._order}
        self._colour = {pid: theme.party_colour(pid, order) for pid, order in self._order.items()}
        self._colour.update({k: v for k, v in theme.PARTY_COLOURS.items() if k not in self._colour})

    def context(self) -> tuple:
        """Everything besides a chart's own figures that decides how it is defined."""
        return (self.t.strings, self._order, self._names, self._colour, version("altair"))

    # --- what the build asks for -----------------------------------------------------------

    def define(self, kind: str, *args) -> list[Chart] | Chart:
        """A month's charts, a year's series or the whole history, each with its drawing's cache key."""
        from .render import cache_key

        _load_altair()
        if kind == "month":
            charts = self.month_charts(*args)
        elif kind == "year":
            year, series, scope_series, mixed = args
            if mixed:
                charts = [self.scope_series("year-series", self.t("chart.year_scopes", year=year), scope_series)]
            else:
                charts = [self.party_series("year-series", self.t("chart.year_series", year=year), series)]
        elif kind == "history":
            (series,) = args
            title = self.t("chart.history_series", first=self.t.month(series[0]["month"]),
                           last=self.t.month(series[-1]["month"]))
            charts = [self.scope_series("history", title, series)]
        elif kind == "coverage":
            (rows,) = args
            charts = [self.coverage(rows)]
        else:
            raise ValueError(f"no chart kind {kind!r}")
        for chart in charts:
            chart.key = cache_key(chart.spec)
        return charts if kind == "month" else charts[0]

    # --- party labels and colours ----------------------------------------------------------

    def _party_label(self, pid: str) -> str:
        if pid == "other":
            return self.t("party_group.other")
        if pid == REMAINDER:
            return self.t("party_group.unassigned")
        return self._names[pid]

    def _finish(self, chart: alt.Chart, title: str, width: int = theme.WIDTH) -> dict:
        chart = chart.properties(
            title=alt.TitleParams(title, subtitle=self.t("chart.source", org=self.t("site.source_org"))),
            width=width,
        ).configure(**theme.config())
        # the spec is built by our own code and tested; schema validation costs ~25 ms per chart
        return chart.to_dict(validate=False)

    # --- monthly series stacked by party -----------------------------------------------------

    def party_series(self, name: str, title: str, series: list[dict], label_full: bool = False) -> Chart:
        rows, parties = [], []
        for entry in series:
            for pid, deaths in entry["parts"]:
                if pid not in parties:
                    parties.append(pid)
                rows.append({"month": self._month_label(entry["month"], label_full), "party": self._party_label(pid),
                             "deaths": deaths, "order": self._stack_order(pid)})
        parties.sort(key=self._stack_order)
        domain = [self._party_label(p) for p in parties]
        colours = [self._colour.get(p, theme.PARTY_COLOURS["other"]) for p in parties]
        months = [self._month_label(e["month"], label_full) for e in series]
        chart = alt.Chart(_data(rows)).mark_bar().encode(
            x=alt.X("month:O", sort=months, title=self.t("chart.month"),
                    axis=alt.Axis(labelAngle=-90 if len(months) > 12 else 0,
                                  values=_thin(months, 24))),
            y=alt.Y("sum(deaths):Q", title=self.t("chart.deaths")),
            color=alt.Color("party:N", title=self.t("chart.party"), scale=alt.Scale(domain=domain, range=colours),
                            sort=domain),
            order=alt.Order("order:Q"),
        )
        civilians = [(e["month"], e["civilians"]) for e in series if e["civilians"] is not None]
        columns = [self.t("chart.month"), self.t("chart.deaths")] + domain
        table = []
        for entry in series:
            parts = dict(entry["parts"])
            table.append([self.t.month(entry["month"]), entry["civilians"]] + [parts.get(p) for p in parties])
        return Chart(name, title, self._finish(chart, title),
                     self._describe_series(self.t("chart.deaths").lower(), civilians), columns, table)

    # --- headline counts over time, by what they count ------------------------------------

    def scope_series(self, name: str, title: str, series: list[dict]) -> Chart:
        """One bar per month with a headline, coloured by what it counts; a month not found is a
        gap on the time axis (never a zero), and a change of scope changes the colour."""
        scopes = [s for s in theme.SCOPE_COLOURS if any(e["scope"] == s for e in series if e["headline"] is not None)]
        domain = [self.t(f"scope.{s}") for s in scopes]
        rows = [{"date": f"{e['month']}-01", "killed": e["headline"], "scope": self.t(f"scope.{e['scope']}")}
                for e in series if e["headline"] is not None]
        first, last = f"{series[0]['month']}-01", f"{series[-1]['month']}-01"
        chart = alt.Chart(_data(rows)).mark_bar().encode(
            x=alt.X("date:T", timeUnit="utcyearmonth", title=self.t("chart.month"),
                    scale=alt.Scale(domain=[first, last]), axis=_time_axis(len(series))),
            y=alt.Y("killed:Q", title=self.t("chart.killed")),
            color=alt.Color("scope:N", title=self.t("chart.scope"),
                            scale=alt.Scale(domain=domain, range=[theme.SCOPE_COLOURS[s] for s in scopes])),
        )
        columns = [self.t("chart.month"), self.t("chart.killed"), self.t("chart.scope")]
        table = [[self.t.month(e["month"]), e["headline"],
                  self.t(f"scope.{e['scope']}") if e["scope"] else self.t("coverage.missing")] for e in series]
        values = [(e["month"], e["headline"]) for e in series if e["headline"] is not None]
        missing = sum(1 for e in series if e["headline"] is None)
        description = self._describe_series(self.t("chart.killed").lower(), values)
        if len(scopes) > 1:
            description += " " + self.t("chart.desc_scopes", scopes=", ".join(domain))
        if missing:
            description += " " + self.t("chart.desc_gaps", count=self.t.count("months", missing))
        return Chart(name, title, self._finish(chart, title), description, columns, table)

    def coverage(self, rows: list[dict]) -> Chart:
        from .coverage import STATUSES, TABLES

        domain = [self.t(f"coverage.{s}") for s in STATUSES]
        tables = [self.t(f"coverage.table.{t}") for t in TABLES]
        data = [{"date": f"{r['month']}-01", "table": self.t(f"coverage.table.{t}"),
                 "status": self.t(f"coverage.{r[t]}")} for r in rows for t in TABLES]
        title = self.t("chart.coverage", first=self.t.month(rows[0]["month"]), last=self.t.month(rows[-1]["month"]))
        chart = alt.Chart(_data(data)).mark_rect().encode(
            x=alt.X("date:T", timeUnit="utcyearmonth", title=self.t("chart.month"), axis=_time_axis(len(rows))),
            y=alt.Y("table:N", sort=tables, title=None, axis=alt.Axis(labelLimit=theme.LABEL_LIMIT)),
            color=alt.Color("status:N", title=self.t("chart.coverage_status"),
                            scale=alt.Scale(domain=domain, range=list(theme.STATUS_COLOURS.values()))),
        )
        counts = {s: sum(1 for r in rows if r["months"] == s) for s in STATUSES}
        description = self.t("chart.desc_coverage", count=self.t.count("months", len(rows)),
                             first=self.t.month(rows[0]["month"]), last=self.t.month(rows[-1]["month"]),
                             found=len(rows) - counts["missing"], missing=counts["missing"])
        columns = [self.t("chart.month")] + tables
        table = [[self.t.month(r["month"])] + [self.t(f"coverage.{r[t]}") for t in TABLES] for r in rows]
        return Chart("coverage", title, self._finish(chart, title), description, columns, table)

    def _stack_order(self, pid: str) -> int:
        if pid == "other":
            return 10_000
        if pid == REMAINDER:
            return 20_000
        return self._order[pid]

    def _month_label(self, month: str, full: bool) -> str:
        return self.t.month_short(month) if full else self.t("month_abbr")[int(month[5:]) - 1]

    # --- one month ------------------------------------------------------------------------

    def by_perpetrator(self, m: Month) -> Chart | None:
        if not m.parties.known:
            return None
        rows, order = [], []
        for row in m.parties.rows:
            label = self.t("party_group.unassigned") if row.is_remainder else row.name
            order.append(label)
            if row.men is not None:
                parts = [("children", row.children), ("women", row.women), ("men", row.men)]
            else:
                parts = [("children", row.children), ("women", row.women)]
                known = sum(v for _, v in parts if v is not None)
                parts = [(k, v) for k, v in parts if v is not None] + [("unstated", row.deaths - known)]
            for kind, value in parts:
                if value:
                    rows.append({"perpetrator": label, "kind": self.t(f"sex_age.{kind}"), "deaths": value,
                                 "order": list(theme.SEX_AGE_COLOURS).index(kind)})
        kinds = list(theme.SEX_AGE_COLOURS)
        domain = [self.t(f"sex_age.{k}") for k in kinds]
        title = self.t("chart.month_by_perpetrator", month=self.t.month(m.month))
        chart = alt.Chart(_data(rows)).mark_bar().encode(
            y=alt.Y("perpetrator:N", sort=order, title=None, axis=alt.Axis(labelLimit=theme.LABEL_LIMIT)),
            x=alt.X("sum(deaths):Q", title=self.t("chart.deaths")),
            color=alt.Color("kind:N", title=self.t("chart.category"),
                            scale=alt.Scale(domain=domain, range=list(theme.SEX_AGE_COLOURS.values())), sort=domain),
            order=alt.Order("order:Q"),
        )
        columns = [self.t("chart.perpetrator"), self.t("chart.deaths"), self.t("sex_age.children"),
                   self.t("sex_age.women"), self.t("sex_age.men")]
        table = [[o, r.deaths, r.children, r.women, r.men] for o, r in zip(order, m.parties.rows)]
        return Chart("by-perpetrator", title, self._finish(chart, title, theme.BAR_WIDTH),
                     self._describe_bars(title, [(o, r.deaths) for o, r in zip(order, m.parties.rows)]), columns, table)

    def by_governorate(self, m: Month) -> Chart | None:
        return self._bars("by-governorate", self.t("chart.month_by_governorate", month=self.t.month(m.month)),
                          m.governorates, self.t("chart.governorate"), theme.BAR)

    def torture_by_perpetrator(self, m: Month) -> Chart | None:
        return self._bars("torture-by-perpetrator", self.t("chart.torture_by_perpetrator", month=self.t.month(m.month)),
                          m.torture, self.t("chart.perpetrator"), theme.TORTURE, self.t("chart.torture"))

    def _bars(self, name: str, title: str, breakdown: Breakdown, axis: str, colour: str, measure: str | None = None) -> Chart | None:
        if not breakdown.known:
            return None
        measure = measure or self.t("chart.deaths")
        labels = [self.t("party_group.unassigned") if r.is_remainder else r.name for r in breakdown.rows]
        deaths = [r.deaths for r in breakdown.rows]
        chart = alt.Chart(_data([{"label": label, "deaths": d} for label, d in zip(labels, deaths)])).mark_bar(color=colour).encode(
            y=alt.Y("label:N", sort=labels, title=None, axis=alt.Axis(labelLimit=theme.LABEL_LIMIT)),
            x=alt.X("deaths:Q", title=measure),
        )
        columns = [axis, measure, "%"]
        table = [[label, r.deaths, None if r.share is None else round(r.share, 1)] for label, r in zip(labels, breakdown.rows)]
        return Chart(name, title, self._finish(chart, title, theme.BAR_WIDTH),
                     self._describe_bars(title, list(zip(labels, deaths))), columns, table)

    def year_by_party(self, m: Month) -> Chart | None:
        if not any(entry["parts"] for entry in m.year_series):
            return None  # no civilian figure this year so far (a headline of everyone killed is not one)
        return self.party_series("year-by-party", self._since_january("chart.year_by_party", m), m.year_series)

    def torture_year(self, m: Month) -> Chart | None:
        series = [s for s in m.torture_series if s["deaths"] is not None]
        if not series:
            return None
        title = self._since_january("chart.torture_year", m)
        months = [self._month_label(s["month"], False) for s in series]
        chart = alt.Chart(_data([{"month": label, "deaths": s["deaths"]} for label, s in zip(months, series)])).mark_bar(color=theme.TORTURE).encode(
            x=alt.X("month:O", sort=months, title=self.t("chart.month"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y("deaths:Q", title=self.t("chart.torture")),
        )
        table = [[self.t.month(s["month"]), s["deaths"]] for s in series]
        return Chart("torture-year", title, self._finish(chart, title),
                     self._describe_series(self.t("chart.torture").lower(), [(s["month"], s["deaths"]) for s in series]),
                     [self.t("chart.month"), self.t("chart.torture")], table)

    def _since_january(self, key: str, m: Month) -> str:
        """The title of a chart of the year so far ("... in 2020, January to September"); a January
        chart has one month only, and says so."""
        if m.month.endswith("-01"):
            return self.t(f"{key}_january", year=m.year)
        return self.t(key, year=m.year, month=self.t("month_names")[int(m.month[5:]) - 1])

    def month_charts(self, m: Month) -> list[Chart]:
        charts = [self.year_by_party(m), self.by_perpetrator(m), self.by_governorate(m),
                  self.torture_year(m), self.torture_by_perpetrator(m)]
        return [c for c in charts if c is not None]

    # --- descriptions ------------------------------------------------------------------------

    def _describe_series(self, what: str, values: list[tuple[str, int]]) -> str:
        if not values:
            return self.t("chart.desc_empty")
        if len(values) == 1:
            return self.t("chart.desc_single", what=what, month=self.t.month(values[0][0]), value=f"{values[0][1]:,}")
        top = max(values, key=lambda v: v[1])
        low = min(values, key=lambda v: v[1])
        return self.t("chart.desc_series", what=what, count=self.t.count("months", len(values)),
                      first=self.t.month(values[0][0]),
                      last=self.t.month(values[-1][0]), max=f"{top[1]:,}", max_month=self.t.month(top[0]),
                      min=f"{low[1]:,}", min_month=self.t.month(low[0]))

    def _describe_bars(self, what: str, values: list[tuple[str, int]]) -> str:
        if not values:
            return self.t("chart.desc_empty")
        top = max(values, key=lambda v: v[1])
        return self.t("chart.desc_bars", what=what[0].lower() + what[1:], top=top[0], top_value=f"{top[1]:,}",
                      total=f"{sum(int(v) for _, v in values):,}")


def _data(rows: list[dict]) -> alt.Data:
    """Inline values: a chart of a few dozen numbers needs no DataFrame, and building one costs more."""
    return alt.Data(values=rows)


def _time_axis(months: int) -> alt.Axis:
    """A label a year on a long series, a label a month on a short one."""
    if months > 24:
        return alt.Axis(format="%Y", tickCount={"interval": "year", "step": 1 if months <= 180 else 2})
    return alt.Axis(format="%b %Y", tickCount={"interval": "month", "step": 1 if months <= 12 else 2})


def _thin(labels: list[str], most: int) -> list[str]:
    """At most `most` axis labels, evenly spaced, so long series stay readable."""
    if len(labels) <= most:
        return labels
    step = -(-len(labels) // most)
    return labels[::step]


def define_many(charts: Charts, jobs: list[tuple[str, str, tuple]]) -> list[tuple[str, object]]:
    """Run in a worker process: (memo key, kind, arguments) -> (memo key, definition)."""
    return [(key, charts.define(kind, *args)) for key, kind, args in jobs]
