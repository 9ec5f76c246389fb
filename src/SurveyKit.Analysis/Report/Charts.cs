using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SurveyKit.Rendering.Html;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The geometry of the report's charts: shares and positions in percent, which the templates draw as HTML that reflows
/// from a phone to a desktop, and the importance-performance grid as a small SVG with numbered points. No colour is
/// named here: every element carries a CSS class and the stylesheet owns the palette. Every value is also written as
/// text, and a table with the same numbers sits beside each chart.
/// </summary>
internal static partial class Charts
{
    /// <summary>The CSS classes of the NPS classes and of the comparison with competitors.</summary>
    public const string Detractor = "c-det",
        Passive = "c-pas",
        Promoter = "c-pro",
        Plain = "c-bar",
        Negative = "c-neg";

    /// <summary>A part narrower than this (percent) shows its text in the legend and the table only.</summary>
    private const double TextFits = 15;

    /// <summary>
    /// Whole percentages of <paramref name="counts"/> that add up to exactly 100 (largest remainder), so that a bar
    /// or a table never shows 33 + 34 + 34.
    /// </summary>
    public static int[] Percents(IReadOnlyList<double> counts)
    {
        var total = counts.Sum();
        var result = new int[counts.Count];
        if (total <= 0)
        {
            return result;
        }
        var exact = counts.Select(c => c / total * 100).ToArray();
        for (var i = 0; i < exact.Length; i++)
        {
            result[i] = (int)Math.Floor(exact[i]);
        }
        var order = Enumerable
            .Range(0, exact.Length)
            .OrderByDescending(i => exact[i] - result[i])
            .ToArray();
        var missing = 100 - result.Sum();
        for (var k = 0; k < missing; k++)
        {
            result[order[k % order.Length]]++;
        }
        return result;
    }

    /// <summary>Split bars: per row the counts of each part, in the order of <paramref name="legend"/>.</summary>
    public static StackChart Stack(
        IReadOnlyList<ChartKey> legend,
        IReadOnlyList<(string Label, double[] Counts)> rows
    ) =>
        new(
            legend,
            rows.Select(row =>
                {
                    var total = row.Counts.Sum();
                    var percents = Percents(row.Counts);
                    return new StackRow(
                        row.Label,
                        row.Counts.Select(
                                (count, i) =>
                                    new StackPart(
                                        legend[i].Class,
                                        total > 0 ? count / total * 100 : 0,
                                        percents[i] + "%",
                                        total > 0 && count / total * 100 >= TextFits
                                    )
                            )
                            .ToArray()
                    );
                })
                .ToArray()
        );

    /// <summary>Bars from zero, the longest full length; a negative value gets its own class.</summary>
    public static BarChart Bars(IReadOnlyList<(string Label, double Value, string Text)> items)
    {
        var max = Math.Max(1e-9, items.Select(i => Math.Abs(i.Value)).DefaultIfEmpty(1).Max());
        return new BarChart(
            items
                .Select(i => new BarRow(
                    i.Label,
                    double.IsFinite(i.Value) ? Math.Abs(i.Value) / max : 0,
                    i.Value < 0 ? Negative : Plain,
                    i.Text
                ))
                .ToArray()
        );
    }

    /// <summary>
    /// NPS values with their intervals on an axis from the nearest ticks of 25 around them (the whole -100..100 when
    /// they spread that far), zero marked.
    /// </summary>
    public static RangeChart Ranges(
        IReadOnlyList<(string Label, string Text, double Value, double Low, double High)> items
    )
    {
        var finite = items
            .Where(i => double.IsFinite(i.Value))
            .SelectMany(i => new[] { i.Low, i.High, i.Value })
            .Where(double.IsFinite)
            .Append(0)
            .ToArray();
        var low = Math.Max(-100, Math.Floor(finite.Min() / 25) * 25);
        var high = Math.Min(100, Math.Ceiling(finite.Max() / 25) * 25);
        if (high - low < 50)
        {
            (low, high) = (Math.Max(-100, low - 25), Math.Min(100, high + 25));
        }
        double At(double v) => (Math.Clamp(v, low, high) - low) / (high - low) * 100;
        var step = high - low > 100 ? 50 : 25;
        var ticks = new List<AxisTick>();
        for (var v = Math.Ceiling(low / step) * step; v <= high; v += step)
        {
            ticks.Add(new AxisTick(At(v), Signed(v)));
        }
        return new RangeChart(
            ticks,
            At(0),
            items
                .Select(i =>
                    double.IsFinite(i.Value)
                        ? new RangeRow(i.Label, i.Text, At(i.Low), At(i.High), At(i.Value))
                        : new RangeRow(i.Label, i.Text, double.NaN, double.NaN, double.NaN)
                )
                .ToArray()
        );
    }

    /// <summary>Per row one bar per key, from a centre line: down to the left, up to the right.</summary>
    public static DivergingChart Diverging(
        IReadOnlyList<ChartKey> legend,
        IReadOnlyList<(string Label, (double Value, string Text)[] Bars)> rows
    )
    {
        var max = Math.Max(
            0.5,
            rows.SelectMany(r => r.Bars)
                .Select(b => Math.Abs(b.Value))
                .Where(double.IsFinite)
                .DefaultIfEmpty(1)
                .Max()
        );
        return new DivergingChart(
            legend,
            rows.Select(r => new DivergingRow(
                    r.Label,
                    r.Bars.Select(
                            (b, i) =>
                                new SignedBar(
                                    double.IsFinite(b.Value) ? b.Value / max : 0,
                                    legend[i].Class,
                                    b.Text
                                )
                        )
                        .ToArray()
                ))
                .ToArray()
        );
    }

    // The importance-performance grid, in SVG units: the plot and the bands around it for the quadrant names, the
    // ticks and the axis titles, so that no text can touch a point or a line.
    private const double Left = 58,
        Top = 40,
        PlotWidth = 260,
        PlotHeight = 210,
        Radius = 9;

    /// <summary>
    /// The importance-performance grid: numbered points (moved apart when they would overlap, with a line to where
    /// they belong), the crosshair at the means, the quadrant "concentrate here" shaded, and the four quadrant names
    /// outside the plot, above and below it. The legend names each number.
    /// </summary>
    public static ScatterChart Scatter(
        string title,
        IReadOnlyList<(string Label, double Performance, double Importance)> points,
        double performanceCross,
        double importanceCross,
        (string TopLeft, string TopRight, string BottomLeft, string BottomRight) quadrants,
        (string X, string Y) axes
    )
    {
        var xs = points.Select(p => p.Performance).Append(performanceCross).ToArray();
        var ys = points.Select(p => p.Importance).Append(importanceCross).ToArray();
        var (x0, x1) = Range(xs);
        var y1 = Math.Ceiling(Math.Max(10, ys.Max() * 1.12) / 10) * 10;
        double X(double v) => Left + (v - x0) / (x1 - x0) * PlotWidth;
        double Y(double v) => Top + PlotHeight - v / y1 * PlotHeight;
        var width = Left + PlotWidth + 16;
        var height = Top + PlotHeight + 76;
        var svg = new StringBuilder();
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:0.#} {height:0.#}\" role=\"img\" class=\"ipa\"><title>{HtmlText.Escape(title)}</title>"
        );
        var (cx, cy) = (X(performanceCross), Y(importanceCross));
        svg.Append(Rect(Left, Top, PlotWidth, PlotHeight, "ipa-plot"));
        svg.Append(Rect(Left, Top, cx - Left, cy - Top, "ipa-hot"));
        var step =
            x1 - x0 > 12 ? 10
            : x1 - x0 > 6 ? 2
            : 1;
        for (var v = Math.Ceiling(x0 / step) * step; v <= x1 + 1e-9; v += step)
        {
            svg.Append(Text(X(v), Top + PlotHeight + 14, Format(v), "ipa-tick", "middle"));
        }
        var yStep = y1 > 50 ? 20 : 10;
        for (var v = 0.0; v <= y1 + 1e-9; v += yStep)
        {
            svg.Append(Text(Left - 5, Y(v) + 4, Format(v) + "%", "ipa-tick", "end"));
        }
        svg.Append(Line(cx, Top, cx, Top + PlotHeight, "ipa-cross"));
        svg.Append(Line(Left, cy, Left + PlotWidth, cy, "ipa-cross"));
        // The quadrant names on lines of their own, outside the plot, so that they can never touch each other, a point or
        // a line, whatever their length in a language: the top ones above, the bottom ones below the ticks.
        svg.Append(Text(Left + PlotWidth, Top - 24, quadrants.TopRight, "ipa-q", "end"));
        svg.Append(Text(Left, Top - 8, quadrants.TopLeft, "ipa-q ipa-q-hot", "start"));
        svg.Append(Text(Left, Top + PlotHeight + 31, quadrants.BottomLeft, "ipa-q", "start"));
        svg.Append(
            Text(Left + PlotWidth, Top + PlotHeight + 47, quadrants.BottomRight, "ipa-q", "end")
        );
        svg.Append(Text(Left + PlotWidth / 2, Top + PlotHeight + 66, axes.X, "ipa-axis", "middle"));
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"12\" y=\"{Top + PlotHeight / 2:0.#}\" transform=\"rotate(-90 12 {Top + PlotHeight / 2:0.#})\" text-anchor=\"middle\" class=\"ipa-axis\">{HtmlText.Escape(axes.Y)}</text>"
        );
        var placed = Place(
            points.Select(p => (X(p.Performance), Y(p.Importance))).ToArray(),
            cx,
            cy
        );
        for (var i = 0; i < points.Count; i++)
        {
            var (px, py) = (X(points[i].Performance), Y(points[i].Importance));
            var (qx, qy) = placed[i];
            if (Math.Abs(px - qx) > 0.5 || Math.Abs(py - qy) > 0.5)
            {
                svg.Append(Line(px, py, qx, qy, "ipa-lead"));
                svg.Append(
                    CultureInfo.InvariantCulture,
                    $"<circle cx=\"{px:0.#}\" cy=\"{py:0.#}\" r=\"2.5\" class=\"ipa-at\"/>"
                );
            }
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<circle cx=\"{qx:0.#}\" cy=\"{qy:0.#}\" r=\"{Radius:0.#}\" class=\"ipa-pt\" data-at=\"{px:0.#} {py:0.#}\"/>"
            );
            svg.Append(
                Text(qx, qy + 4, (i + 1).ToString(CultureInfo.InvariantCulture), "ipa-n", "middle")
            );
        }
        svg.Append("</svg>");
        return new ScatterChart(svg.ToString(), points.Select(p => p.Label).ToArray());
    }

    /// <summary>
    /// Places numbered circles one by one at their point, or, when that overlaps a circle placed before, at the nearest
    /// free spot on rings around it inside the plot and on the same side of both crosshair lines (a moved point must
    /// not seem to be in another quadrant): the same points always give the same picture.
    /// </summary>
    private static (double X, double Y)[] Place(
        IReadOnlyList<(double X, double Y)> points,
        double crossX,
        double crossY
    )
    {
        var placed = new List<(double X, double Y)>();
        foreach (var (x, y) in points)
        {
            var spot = (X: x, Y: y);
            for (var ring = 0; ring <= 8 && Collides(spot); ring++)
            {
                var distance = (ring + 1) * (Radius * 2 + 2);
                var found = false;
                for (var step = 0; step < 12 && !found; step++)
                {
                    var angle = -Math.PI / 2 + step * Math.PI / 6;
                    var candidate = (
                        X: Math.Clamp(
                            x + distance * Math.Cos(angle),
                            Left + Radius,
                            Left + PlotWidth - Radius
                        ),
                        Y: Math.Clamp(
                            y + distance * Math.Sin(angle),
                            Top + Radius,
                            Top + PlotHeight - Radius
                        )
                    );
                    if (
                        !Collides(candidate)
                        && SameSide(x, candidate.X, crossX)
                        && SameSide(y, candidate.Y, crossY)
                    )
                    {
                        spot = candidate;
                        found = true;
                    }
                }
            }
            placed.Add(spot);
        }
        return placed.ToArray();

        // A point on a line may go either way; otherwise the circle's centre stays on the point's side.
        static bool SameSide(double point, double at, double line) =>
            Math.Abs(point - line) < 0.5 || Math.Sign(point - line) == Math.Sign(at - line);

        bool Collides((double X, double Y) at) =>
            placed.Any(p =>
                Math.Pow(p.X - at.X, 2) + Math.Pow(p.Y - at.Y, 2) < Math.Pow(2 * Radius + 1, 2)
            );
    }

    private static string Rect(double x, double y, double w, double h, string css) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, w):0.#}\" height=\"{Math.Max(0, h):0.#}\" class=\"{css}\"/>"
        );

    private static string Line(double x1, double y1, double x2, double y2, string css) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" class=\"{css}\"/>"
        );

    private static string Text(double x, double y, string text, string css, string anchor) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" class=\"{css}\">{HtmlText.Escape(text)}</text>"
        );

    private static (double Low, double High) Range(double[] values)
    {
        var low = Math.Floor(values.Min() - 0.3);
        var high = Math.Ceiling(values.Max() + 0.3);
        return high - low < 1 ? (low, low + 1) : (low, high);
    }

    private static string Format(double value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Signed(double value) =>
        (value > 0 ? "+" : "") + value.ToString("0", CultureInfo.InvariantCulture);
}
