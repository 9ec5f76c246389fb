using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Analysis.Scoring;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The trend: the NPS per period with its interval and the significant changes marked, a line per segment value, the
/// touchpoints as small multiples, the drivers per period, and the key finding in a sentence.
/// </summary>
internal sealed partial class ReportBuilder
{
    /// <summary>Lines per segment chart: more values are in the table only.</summary>
    private const int MaxSegmentLines = 6;

    private ReportSection TrendSection()
    {
        var trend = result.Trend!;
        var periods = trend.Periods;
        var options = result.Options;
        var unit = t["by_" + By(trend)];
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format("trend_intro", unit, options.MinGroupN)
                    + " "
                    + (
                        trend.Changes == 0 ? t.Format("trend_tests_none", options.MinGroupN)
                        : trend.Changes == 1 ? t["trend_tests_one"]
                        : t.Format("trend_tests", t.Count(trend.Changes))
                    )
            ),
            new Chart(
                t.Format("chart_trend", unit),
                Charts.Lines(
                    [],
                    periods.Select(p => PeriodLabel(p.Key, true)).ToList(),
                    [
                        new Charts.LineInput(
                            Charts.Series[0],
                            periods.Select(p => p.Nps.Value).ToList(),
                            periods.Select(p => p.Nps.N > 0 ? p.Nps.Ci95.Low : double.NaN).ToList(),
                            periods
                                .Select(p => p.Nps.N > 0 ? p.Nps.Ci95.High : double.NaN)
                                .ToList(),
                            periods
                                .Select(p =>
                                    $"{PeriodLabel(p.Key, false)}: NPS {t.Nps(p.Nps.Value)} ({Interval(p.Nps)}), n = {t.Count(p.Nps.N)}"
                                )
                                .ToList(),
                            periods.Select(p => p.Nps.N < options.MinGroupN).ToList(),
                            periods
                                .Select(p =>
                                    p.Nps.N < options.MinGroupN ? $"n = {t.Count(p.Nps.N)}" : ""
                                )
                                .ToList(),
                            periods.Select(p => Mark(p.VsPrevious)).ToList()
                        ),
                    ],
                    Charts.NpsAxis(
                        periods.SelectMany(p =>
                            new[] { p.Nps.Ci95.Low, p.Nps.Ci95.High, p.Nps.Value }
                        )
                    ),
                    Signed
                )
            ),
            new Table(
                t.Format("chart_trend", unit),
                [
                    Capitalized(unit),
                    t["n"],
                    "NPS",
                    t["interval"],
                    t["change"],
                    t["p_holm"],
                    t.Format("since", PeriodLabel(periods[0].Key, false)),
                    t["p_holm"],
                ],
                periods
                    .Select(p =>
                        Row(
                            PeriodLabel(p.Key, false),
                            t.Count(p.Nps.N),
                            t.Nps(p.Nps.Value),
                            Interval(p.Nps),
                            Change(p.VsPrevious, p == periods[0]),
                            PHolm(p.VsPrevious),
                            Change(p.VsFirst, p == periods[0]),
                            PHolm(p.VsFirst)
                        )
                    )
                    .ToArray()
            ),
        };
        if (periods.Any(p => p.Nps.N < options.MinGroupN))
        {
            blocks.Add(new Paragraph(t.Format("trend_few", options.MinGroupN)));
        }
        if (trend.Undated > 0)
        {
            blocks.Add(
                new Paragraph(
                    t.Format(
                        trend.By == TrendBy.Wave ? "trend_no_wave" : "trend_undated",
                        t.Count(trend.Undated)
                    )
                )
            );
        }
        blocks.AddRange(SegmentTrend(trend, unit));
        return new ReportSection("trend", t["trend"], blocks);
    }

    /// <summary>Per segment: a line per value (the largest <see cref="MaxSegmentLines"/>) and a table of every value.</summary>
    private IEnumerable<ReportBlock> SegmentTrend(TrendSummary trend, string unit)
    {
        var periods = trend.Periods;
        var min = result.Options.MinGroupN;
        foreach (var segment in result.Segments)
        {
            var values = segment.Values;
            var cells = values
                .Select(v =>
                    periods
                        .Select(p =>
                            p.Segments.First(s => s.Segment == segment.Id && s.Value == v.Value)
                        )
                        .ToList()
                )
                .ToList();
            if (cells.SelectMany(c => c).All(c => c.N == 0))
            {
                continue;
            }
            var drawn = Enumerable
                .Range(0, values.Count)
                .OrderByDescending(v => cells[v].Sum(c => c.N))
                .Take(MaxSegmentLines)
                .Order()
                .ToList();
            var title = SegmentLabel(segment.Id);
            yield return new Chart(
                t.Format("chart_trend_segment", unit, title),
                Charts.Lines(
                    drawn
                        .Select((v, i) => new ChartKey(ValueLabel(values[v]), Charts.Series[i]))
                        .ToList(),
                    periods.Select(p => PeriodLabel(p.Key, true)).ToList(),
                    drawn
                        .Select(
                            (v, i) =>
                                new Charts.LineInput(
                                    Charts.Series[i],
                                    cells[v].Select(c => c.Nps).ToList(),
                                    null,
                                    null,
                                    periods
                                        .Select(
                                            (p, k) =>
                                                $"{ValueLabel(values[v])}, {PeriodLabel(p.Key, false)}: NPS {t.Nps(cells[v][k].Nps)}, n = {t.Count(cells[v][k].N)}"
                                        )
                                        .ToList(),
                                    cells[v].Select(c => c.N < min).ToList(),
                                    cells[v].Select(_ => "").ToList(),
                                    cells[v].Select(_ => "").ToList()
                                )
                        )
                        .ToList(),
                    Charts.NpsAxis(drawn.SelectMany(v => cells[v].Select(c => c.Nps))),
                    Signed
                )
            );
            yield return new Table(
                t.Format("chart_trend_segment", unit, title),
                values.Select(ValueLabel).Prepend(Capitalized(unit)).ToList(),
                periods
                    .Select(
                        (p, k) =>
                            values
                                .Select(
                                    (_, v) =>
                                        cells[v][k].N == 0
                                            ? "-"
                                            : $"{t.Nps(cells[v][k].Nps)} (n\u00A0=\u00A0{t.Count(cells[v][k].N)})"
                                )
                                .Prepend(PeriodLabel(p.Key, false))
                                .ToArray()
                    )
                    .ToArray()
            );
        }
        yield return new Paragraph(t.Format("trend_segments_note", min));
    }

    /// <summary>The touchpoints over time as small multiples on one scale per grade scale, and the drivers per period.</summary>
    private ReportSection TouchpointTrendSection()
    {
        var trend = result.Trend!;
        var periods = trend.Periods;
        var unit = t["by_" + By(trend)];
        var drivers = result.Table.Plan.Drivers;
        var min = result.Options.MinGroupN;
        var multiples = new List<Multiple>();
        for (var d = 0; d < drivers.Count; d++)
        {
            var driver = drivers[d];
            var cells = periods.Select(p => p.Touchpoints[d]).ToList();
            var sameScale = Enumerable
                .Range(0, drivers.Count)
                .Where(o => drivers[o].Scale == driver.Scale)
                .SelectMany(o =>
                    periods.SelectMany(p =>
                        new[]
                        {
                            p.Touchpoints[o].Ci95.Low,
                            p.Touchpoints[o].Ci95.High,
                            p.Touchpoints[o].Mean,
                        }
                    )
                );
            var last = cells.LastOrDefault(c => c.N > 0);
            multiples.Add(
                new Multiple(
                    PlainLabel(driver.Id),
                    last is null ? "-" : t.Number(last.Mean, 1),
                    // The last change only when it is one: "0.0" or a change that may be noise reads as news.
                    cells[^1].Significant
                        ? SignedGrade(cells[^1].Change)
                        : "",
                    cells[^1].Significant ? (cells[^1].Change > 0 ? "up" : "down") : "",
                    Charts.Lines(
                        [],
                        periods.Select(p => PeriodLabel(p.Key, true)).ToList(),
                        [
                            new Charts.LineInput(
                                Charts.Series[0],
                                cells.Select(c => c.N > 0 ? c.Mean : double.NaN).ToList(),
                                cells.Select(c => c.Ci95.Low).ToList(),
                                cells.Select(c => c.Ci95.High).ToList(),
                                periods
                                    .Select(
                                        (p, k) =>
                                            $"{PlainLabel(driver.Id)}, {PeriodLabel(p.Key, false)}: {t.Number(cells[k].Mean, 1)}, n = {t.Count(cells[k].N)}"
                                    )
                                    .ToList(),
                                cells.Select(c => c.N < min).ToList(),
                                cells.Select(_ => "").ToList(),
                                cells
                                    .Select(c =>
                                        c.Significant ? (c.Change > 0 ? "up" : "down") : ""
                                    )
                                    .ToList()
                            ),
                        ],
                        Charts.GradeAxis(sameScale, driver.Scale.Min, driver.Scale.Max),
                        v => t.Number(v, 0),
                        small: true
                    )
                )
            );
        }
        var touchpointTests = periods.Sum(p => p.Touchpoints.Count(c => double.IsFinite(c.P)));
        var blocks = new List<ReportBlock>
        {
            new Paragraph(
                t.Format("trend_touchpoints_intro", unit, min)
                    + " "
                    + (
                        touchpointTests == 0 ? t.Format("trend_tests_none", min)
                        : touchpointTests == 1 ? t["trend_tests_one"]
                        : t.Format("trend_tests", t.Count(touchpointTests))
                    )
            ),
            new Chart(t.Format("chart_trend_touchpoints", unit), new MultiplesChart(multiples)),
            new Table(
                t.Format("chart_trend_touchpoints", unit),
                drivers.Select(d => PlainLabel(d.Id)).Prepend(Capitalized(unit)).ToList(),
                periods
                    .Select(p =>
                        p.Touchpoints.Select(c =>
                                c.N == 0 ? "-"
                                : c.Significant ? t.Number(c.Mean, 1) + (c.Change > 0 ? " ▲" : " ▼")
                                : t.Number(c.Mean, 1)
                            )
                            .Prepend(PeriodLabel(p.Key, false))
                            .ToArray()
                    )
                    .ToArray()
            ),
        };
        // The drivers per period, on the predictors of the whole analysis, where a period alone says enough.
        var withDrivers = periods.Where(p => p.Drivers is not null).ToList();
        var order = result.Drivers?.Items.Select(i => i.Id).ToList() ?? [];
        if (withDrivers.Count == 0 || order.Count == 0)
        {
            blocks.Add(
                new Paragraph(t.Format("trend_drivers_none", SurveyAnalyzer.MinDriverPeriod))
            );
        }
        else
        {
            blocks.Add(
                new Paragraph(t.Format("trend_drivers_intro", SurveyAnalyzer.MinDriverPeriod))
            );
            blocks.Add(
                new Table(
                    t.Format("trend_drivers", unit),
                    order.Select(DriverLabel).Prepend(Capitalized(unit)).ToList(),
                    withDrivers
                        .Select(p =>
                            order
                                .Select(id =>
                                    p.Drivers!.TryGetValue(id, out var share)
                                        ? t.Number(share, 0) + "%"
                                        : "-"
                                )
                                .Prepend(PeriodLabel(p.Key, false))
                                .ToArray()
                        )
                        .ToArray()
                )
            );
        }
        return new ReportSection("trend_touchpoints", t.Format("trend_touchpoints", unit), blocks);
    }

    /// <summary>
    /// The key finding of the trend: the latest significant change of the NPS and the touchpoint that moved most the
    /// same way in that period; else the latest significant touchpoint change; else that nothing changed
    /// significantly, with the first and last values (never a change called one that was not tested).
    /// </summary>
    private IEnumerable<string> TrendFindings()
    {
        if (result.Trend is not { Periods.Count: > 1 } trend)
        {
            yield break;
        }
        var periods = trend.Periods;
        var unit = t["by_" + By(trend)];
        var latest = Enumerable
            .Range(1, periods.Count - 1)
            .LastOrDefault(p => periods[p].VsPrevious is { Significant: true });
        if (latest > 0)
        {
            var (before, after) = (periods[latest - 1], periods[latest]);
            var change = after.VsPrevious!;
            var rose = change.Difference > 0;
            var sentence = t.Format(
                rose ? "k_trend_rise" : "k_trend_fall",
                t.Nps(before.Nps.Value),
                t.Nps(after.Nps.Value),
                PeriodLabel(before.Key, false),
                PeriodLabel(after.Key, false),
                t.P(change.PAdjusted)
            );
            var moved = after
                .Touchpoints.Where(c => c.Significant && c.Change > 0 == rose)
                .OrderByDescending(c => Math.Abs(c.Change))
                .FirstOrDefault();
            if (moved is not null)
            {
                var was = before.Touchpoints.First(c => c.Id == moved.Id);
                sentence +=
                    " "
                    + t.Format(
                        rose ? "k_trend_cause_rise" : "k_trend_cause_fall",
                        PlainLabel(moved.Id),
                        t.Number(was.Mean, 1),
                        t.Number(moved.Mean, 1)
                    );
            }
            yield return sentence;
            yield break;
        }
        var touchpoint = periods
            .Select(
                (p, k) =>
                    (
                        Period: k,
                        Change: p.Touchpoints.Where(c => c.Significant)
                            .OrderBy(c => c.PAdjusted)
                            .FirstOrDefault()
                    )
            )
            .LastOrDefault(x => x.Change is not null);
        if (trend.Changes == 0)
        {
            yield return t.Format("k_trend_untested", unit, result.Options.MinGroupN);
        }
        else
        {
            // The whole range is said with its own test, so "from +3.6 to +11.2" is never read as a change it is not.
            var overall = periods[^1].VsFirst;
            yield return t.Format(
                overall is null ? "k_trend_flat_untested"
                    : overall.Significant ? "k_trend_flat_overall"
                    : "k_trend_flat",
                t.Count(trend.Changes),
                PeriodLabel(periods[0].Key, false),
                PeriodLabel(periods[^1].Key, false),
                t.Nps(periods[0].Nps.Value),
                t.Nps(periods[^1].Nps.Value),
                overall is null ? "" : t.P(overall.PAdjusted)
            );
        }
        if (touchpoint.Change is { } moved2)
        {
            var was = periods[touchpoint.Period - 1].Touchpoints.First(c => c.Id == moved2.Id);
            yield return t.Format(
                moved2.Change > 0 ? "k_trend_touchpoint_rise" : "k_trend_touchpoint_fall",
                PlainLabel(moved2.Id),
                t.Number(was.Mean, 1),
                t.Number(moved2.Mean, 1),
                PeriodLabel(periods[touchpoint.Period - 1].Key, false),
                PeriodLabel(periods[touchpoint.Period].Key, false),
                t.P(moved2.PAdjusted)
            );
        }
    }

    private static string Capitalized(string word) =>
        word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];

    private static string By(TrendSummary trend) => trend.By.ToString().ToLowerInvariant();

    /// <summary>
    /// A period as the report names it: "Q2 2026" (K2 in Dutch), "maart 2026" (on an axis "mrt", with the year
    /// on the first and on January), "week 9 2026", "versie 3", or the wave as it is in the data.
    /// </summary>
    private string PeriodLabel(string key, bool axis) => Period(key, axis).Replace(' ', '\u00A0');

    private string Period(string key, bool axis)
    {
        var by = result.Trend!.By;
        switch (by)
        {
            case TrendBy.Quarter:
                return t.Format("period_quarter", key[^1..], key[..4]);
            case TrendBy.Month:
                var month = int.Parse(key[5..], CultureInfo.InvariantCulture);
                if (!axis)
                {
                    return t["months"].Split(' ')[month - 1] + " " + key[..4];
                }
                var name = t["months_short"].Split(' ')[month - 1];
                return month == 1 || key == result.Trend.Periods[0].Key
                    ? name + " " + key[..4]
                    : name;
            case TrendBy.Week:
                var week = int.Parse(key[6..], CultureInfo.InvariantCulture)
                    .ToString(CultureInfo.InvariantCulture);
                return axis
                    ? t.Format("period_week_short", week)
                    : t.Format("period_week", week, key[..4]);
            case TrendBy.Version:
                return t.Format(axis ? "period_version_short" : "period_version", key[1..]);
            default:
                return key;
        }
    }

    /// <summary>"up" or "down" for a significant change, empty otherwise.</summary>
    private static string Mark(GroupComparison? change) =>
        change is { Significant: true } ? (change.Difference > 0 ? "up" : "down") : "";

    private string Change(GroupComparison? change, bool first) =>
        first ? "-"
        : change is null ? t["too_few"]
        : t.Nps(change.Difference)
            + (change.Significant ? (change.Difference > 0 ? " ▲" : " ▼") : "");

    private string PHolm(GroupComparison? change) =>
        change is null ? "-" : t.P(change.PAdjusted).TrimStart('=', ' ');

    /// <summary>An axis tick of the NPS: +25, 0, -50.</summary>
    private string Signed(double value) => (value > 0 ? "+" : "") + t.Number(value, 0);

    private string SignedGrade(double change)
    {
        var text = t.Number(change, 1);
        return change > 0 && !text.StartsWith('-') && text != t.Number(0, 1) ? "+" + text : text;
    }
}
