using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace SurveyKit.Analysis.Report;

/// <summary>Lines over time: the trend of the NPS, of each segment value, and of each touchpoint.</summary>
internal static partial class Charts
{
    /// <summary>The classes of the lines of several series, in order (the stylesheet gives each a colour and a dash).</summary>
    public static readonly string[] Series = ["s1", "s2", "s3", "s4", "s5", "s6"];

    /// <summary>The time axis leaves this much (percent) at each end, so that a first or last dot is never cut.</summary>
    private const double TimePad = 4;

    /// <summary>At most this many period labels on a phone, and on a wider screen.</summary>
    private const int PhoneLabels = 5,
        WideLabels = 12;

    /// <summary>One series over the periods: values, optional interval bounds, and per point what the reader must know.</summary>
    /// <param name="Titles">Each point's text (its period, value and n), for the tooltip.</param>
    /// <param name="Few">Periods with too few responses: an open dot with <paramref name="Notes"/> beside it.</param>
    /// <param name="Marks">"up" or "down" for a significant change from the previous period; empty otherwise.</param>
    public sealed record LineInput(
        string Class,
        IReadOnlyList<double> Values,
        IReadOnlyList<double>? Lows,
        IReadOnlyList<double>? Highs,
        IReadOnlyList<string> Titles,
        IReadOnlyList<bool> Few,
        IReadOnlyList<string> Notes,
        IReadOnlyList<string> Marks
    );

    /// <summary>A value axis: its ends and the step of its ticks.</summary>
    public readonly record struct Axis(double Low, double High, double Step);

    /// <summary>
    /// The NPS axis of a line: zero and every value and bound on it, with the finest step of 5, 10, 25 or 50 points
    /// that needs at most six intervals, within -100..100. Zero stays on it, so that a small move is not drawn as a
    /// large one.
    /// </summary>
    public static Axis NpsAxis(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).Append(0).ToArray();
        var (min, max) = (finite.Min(), finite.Max());
        foreach (var step in new[] { 5.0, 10, 25, 50 })
        {
            var low = Math.Max(-100, Math.Floor(min / step) * step);
            var high = Math.Min(100, Math.Ceiling(max / step) * step);
            if (high - low < 2 * step)
            {
                (low, high) = low > -100 ? (low - step, high) : (low, high + step);
            }
            if ((high - low) / step <= 6)
            {
                return new Axis(low, high, step);
            }
        }
        return new Axis(-100, 100, 50);
    }

    /// <summary>A grade axis: whole grades around the values, within the scale.</summary>
    public static Axis GradeAxis(IEnumerable<double> values, double min, double max)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            return new Axis(min, max, Math.Max(1, Math.Ceiling((max - min) / 4)));
        }
        var low = Math.Max(min, Math.Floor(finite.Min()));
        var high = Math.Min(max, Math.Ceiling(finite.Max()));
        if (high - low < 1)
        {
            (low, high) = high < max ? (low, high + 1) : (low - 1, high);
        }
        return new Axis(low, high, high - low > 4 ? 2 : 1);
    }

    /// <summary>Where period <paramref name="index"/> of <paramref name="count"/> is, in percent from the left.</summary>
    public static double PeriodAt(int index, int count) =>
        count == 1 ? 50 : TimePad + (100 - 2 * TimePad) * index / (count - 1);

    /// <summary>
    /// Lines over <paramref name="periods"/> on <paramref name="axis"/>: a band for each run of intervals, a polyline
    /// for each run of values, and the points; the period labels thinned to what fits (fewer on a phone).
    /// </summary>
    public static LineChart Lines(
        IReadOnlyList<ChartKey> legend,
        IReadOnlyList<string> periods,
        IReadOnlyList<LineInput> lines,
        Axis axis,
        Func<double, string> tickLabel,
        bool small = false
    )
    {
        double Up(double value) =>
            (Math.Clamp(value, axis.Low, axis.High) - axis.Low) / (axis.High - axis.Low) * 100;
        var count = periods.Count;
        var ticks = new List<AxisTick>();
        for (
            var v = Math.Ceiling(axis.Low / axis.Step) * axis.Step;
            v <= axis.High + 1e-9;
            v += axis.Step
        )
        {
            ticks.Add(new AxisTick(Up(v), tickLabel(v)));
        }
        var series = lines
            .Select(line =>
            {
                var runs = Runs(line.Values);
                var bands =
                    line.Lows is { } lows && line.Highs is { } highs
                        ? runs.Select(run => Band(run, lows, highs, count, Up)).ToList()
                        : [];
                var pieces = runs.Where(run => run.Count > 1)
                    .Select(run =>
                        Points(run.Select(i => (PeriodAt(i, count), 100 - Up(line.Values[i]))))
                    )
                    .ToList();
                var points = Enumerable
                    .Range(0, count)
                    .Where(i => double.IsFinite(line.Values[i]))
                    .Select(i => new LinePoint(
                        PeriodAt(i, count),
                        Up(line.Values[i]),
                        line.Titles[i],
                        line.Few[i],
                        line.Notes[i],
                        line.Marks[i]
                    ))
                    .ToList();
                return new LineSeries(line.Class, bands, pieces, points);
            })
            .ToList();
        return new LineChart(
            legend,
            ticks,
            axis.Low <= 0 && axis.High >= 0 && axis.Low < 0 ? Up(0) : double.NaN,
            TimeTicks(periods, small),
            series,
            small
        );
    }

    /// <summary>
    /// The period labels that fit: on a small multiple the first and the last; otherwise every n-th, so that at most
    /// <see cref="WideLabels"/> show on a wide screen and <see cref="PhoneLabels"/> on a phone (the rest are
    /// <see cref="LineTick.Wide"/>).
    /// </summary>
    private static List<LineTick> TimeTicks(IReadOnlyList<string> periods, bool small)
    {
        var count = periods.Count;
        if (small)
        {
            return count == 1
                ? [new LineTick(50, periods[0], false)]
                :
                [
                    new LineTick(PeriodAt(0, count), periods[0], false),
                    new LineTick(PeriodAt(count - 1, count), periods[^1], false),
                ];
        }
        var wide = (int)Math.Ceiling(count / (double)WideLabels);
        var phone = (int)Math.Ceiling(count / (double)PhoneLabels);
        // The phone's step is a multiple of the wide step, so a label shown on a phone is also shown wider.
        phone = (int)Math.Ceiling(phone / (double)wide) * wide;
        return Enumerable
            .Range(0, count)
            .Where(i => i % wide == 0)
            .Select(i => new LineTick(PeriodAt(i, count), periods[i], i % phone != 0))
            .ToList();
    }

    /// <summary>The runs of consecutive periods with a value.</summary>
    private static List<List<int>> Runs(IReadOnlyList<double> values)
    {
        var runs = new List<List<int>>();
        List<int>? run = null;
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                run = null;
                continue;
            }
            if (run is null)
            {
                run = [];
                runs.Add(run);
            }
            run.Add(i);
        }
        return runs;
    }

    /// <summary>
    /// The band of one run: along the upper bounds and back along the lower ones; a run of one period gets a narrow
    /// bar, so that its interval still shows.
    /// </summary>
    private static string Band(
        List<int> run,
        IReadOnlyList<double> lows,
        IReadOnlyList<double> highs,
        int count,
        Func<double, double> up
    )
    {
        var usable = run.Where(i => double.IsFinite(lows[i]) && double.IsFinite(highs[i])).ToList();
        if (usable.Count == 0)
        {
            return "";
        }
        if (usable.Count == 1)
        {
            var i = usable[0];
            var x = PeriodAt(i, count);
            return Points([
                (x - 0.6, 100 - up(highs[i])),
                (x + 0.6, 100 - up(highs[i])),
                (x + 0.6, 100 - up(lows[i])),
                (x - 0.6, 100 - up(lows[i])),
            ]);
        }
        return Points(
            usable
                .Select(i => (PeriodAt(i, count), 100 - up(highs[i])))
                .Concat(
                    usable
                        .AsEnumerable()
                        .Reverse()
                        .Select(i => (PeriodAt(i, count), 100 - up(lows[i])))
                )
        );
    }

    private static string Points(IEnumerable<(double X, double Y)> points)
    {
        var text = new StringBuilder();
        foreach (var (x, y) in points)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"{(text.Length > 0 ? " " : "")}{x:0.##},{y:0.##}"
            );
        }
        return text.ToString();
    }
}
