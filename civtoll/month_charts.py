"""The charts of one month: by perpetrator, by governorate, torture, and the year so far."""

from __future__ import annotations

import altair as alt

from . import theme
from .chart import Chart
from .chart_parts import data
from .figures import Breakdown, Month


class MonthCharts:
    """Mixed into charts.Charts, which gives the catalogue `t`, party labels and descriptions."""

    def month_charts(self, m: Month) -> list[Chart]:
        charts = [self.year_by_party(m), self.by_perpetrator(m), self.by_governorate(m),
                  self.torture_year(m), self.torture_by_perpetrator(m)]
        return [c for c in charts if c is not None]

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
        chart = alt.Chart(data(rows)).mark_bar().encode(
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
        chart = alt.Chart(data([{"label": label, "deaths": d} for label, d in zip(labels, deaths)])).mark_bar(color=colour).encode(
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
        chart = alt.Chart(data([{"month": label, "deaths": s["deaths"]} for label, s in zip(months, series)])).mark_bar(color=theme.TORTURE).encode(
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
