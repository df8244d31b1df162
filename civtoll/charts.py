"""Chart definitions with Altair: each chart is a Vega-Lite spec, a text description and its data table.

Drawing is elsewhere (draw.py, workers.py); this module only decides what is drawn and how it is described.
"""

from __future__ import annotations

import altair as alt

from . import cache, i18n, theme
from .chart import Chart
from .chart_parts import data, thin, time_axis
from .coverage import STATUSES, TABLES
from .figures import REMAINDER
from .month_charts import MonthCharts


class Charts(MonthCharts):
    """Defines every chart. Made from plain values, so that worker processes can make their own."""

    def __init__(self, language: str, order: dict[str, int], names: dict[str, str], code: str):
        self.t = i18n.load(language)
        self.code = code  # the store's code key: a drawing's key is made here, where its spec is
        self._order = order
        self._names = names
        self._colour = {pid: theme.party_colour(pid, o) for pid, o in order.items()}
        self._colour.update({k: v for k, v in theme.PARTY_COLOURS.items() if k not in self._colour})

    # --- what the build asks for -----------------------------------------------------------

    def define(self, kind: str, *args) -> list[Chart] | Chart:
        """A month's charts, a year's series or the whole history, each with its drawing's cache key."""
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
            chart.key = cache.make_key(self.code, "svg", chart.spec)
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
        ).configure(**theme.config(self.t))
        # the spec is built by our own code and tested; schema validation costs ~25 ms per chart.
        # The rows are plain values already: Altair's conversion walks every cell of them (two
        # thirds of a definition's time), so they are set aside and put back as they are.
        rows, chart.data = chart.data.values, alt.Data(values=[])
        spec = chart.to_dict(validate=False)
        spec["data"]["values"] = rows
        return spec

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
        chart = alt.Chart(data(rows)).mark_bar().encode(
            x=alt.X("month:O", sort=months, title=self.t("chart.month"),
                    axis=alt.Axis(labelAngle=-90 if len(months) > 12 else 0,
                                  values=thin(months, 24))),
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
        chart = alt.Chart(data(rows)).mark_bar().encode(
            x=alt.X("date:T", timeUnit="utcyearmonth", title=self.t("chart.month"),
                    scale=alt.Scale(domain=[first, last]), axis=time_axis(len(series))),
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
            description += " " + self.t("chart.desc_scopes", scopes=self.t("punctuation.list").join(domain))
        if missing:
            description += " " + self.t("chart.desc_gaps", count=self.t.count("months", missing))
        return Chart(name, title, self._finish(chart, title), description, columns, table)

    def coverage(self, rows: list[dict]) -> Chart:

        domain = [self.t(f"coverage.{s}") for s in STATUSES]
        tables = [self.t(f"coverage.table.{t}") for t in TABLES]
        values = [{"date": f"{r['month']}-01", "table": self.t(f"coverage.table.{t}"),
                 "status": self.t(f"coverage.{r[t]}")} for r in rows for t in TABLES]
        title = self.t("chart.coverage", first=self.t.month(rows[0]["month"]), last=self.t.month(rows[-1]["month"]))
        chart = alt.Chart(data(values)).mark_rect().encode(
            x=alt.X("date:T", timeUnit="utcyearmonth", title=self.t("chart.month"), axis=time_axis(len(rows))),
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

    # --- descriptions ------------------------------------------------------------------------

    def _describe_series(self, what: str, values: list[tuple[str, int]]) -> str:
        if not values:
            return self.t("chart.desc_empty")
        if len(values) == 1:
            return self.t("chart.desc_single", what=what, month=self.t.month(values[0][0]), value=self.t.number(values[0][1]))
        top = max(values, key=lambda v: v[1])
        low = min(values, key=lambda v: v[1])
        return self.t("chart.desc_series", what=what, count=self.t.count("months", len(values)),
                      first=self.t.month(values[0][0]),
                      last=self.t.month(values[-1][0]), max=self.t.number(top[1]), max_month=self.t.month(top[0]),
                      min=self.t.number(low[1]), min_month=self.t.month(low[0]))

    def _describe_bars(self, what: str, values: list[tuple[str, int]]) -> str:
        if not values:
            return self.t("chart.desc_empty")
        top = max(values, key=lambda v: v[1])
        return self.t("chart.desc_bars", what=what[0].lower() + what[1:], top=top[0], top_value=self.t.number(top[1]),
                      total=self.t.number(sum(int(v) for _, v in values)))


