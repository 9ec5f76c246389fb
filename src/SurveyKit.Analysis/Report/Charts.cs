using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SurveyKit.Rendering.Html;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The report's charts as inline SVG: no script, no fonts, no requests. Each has a title for screen readers, and a
/// table with the same numbers sits beside it. Colours are distinguishable for colour-blind readers and every
/// value is also written as text. Long labels wrap onto two lines instead of being cut.
/// </summary>
internal static class Charts
{
    private const string Ink = "#1b1b1b";
    private const string Muted = "#505a5f";
    private const string Accent = "#1d70b8";
    public const string Promoter = "#00703c";
    public const string Passive = "#b1b4b6";
    public const string Detractor = "#c4401c";
    private const int Width = 640;
    private const int LabelWidth = 200;
    private const int Row = 34;

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

    /// <summary>One bar split into detractors, passives and promoters.</summary>
    public static string NpsBar(string title, (string Label, double Share, string Colour)[] parts)
    {
        var svg = Open(title, Width, 64);
        var percents = Percents(parts.Select(p => p.Share).ToArray());
        double x = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var w = parts[i].Share * Width;
            svg.Append(Rect(x, 0, w, 36, parts[i].Colour));
            if (w > 60)
            {
                var fill = parts[i].Colour == Passive ? Ink : "#fff";
                svg.Append(Text(x + 8, 23, $"{percents[i]}%", fill, "start", 14, bold: true));
            }
            x += w;
        }
        x = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            svg.Append(Rect(x, 46, 12, 12, parts[i].Colour));
            svg.Append(Text(x + 18, 57, $"{parts[i].Label} {percents[i]}%", Ink, "start", 13));
            x += 210;
        }
        return Close(svg);
    }

    /// <summary>Horizontal bars from zero, labelled, for shares of 100.</summary>
    public static string Bars(
        string title,
        IReadOnlyList<(string Label, double Value)> items,
        ReportTexts texts,
        string unit
    )
    {
        var max = Math.Max(1e-9, items.Select(i => Math.Abs(i.Value)).DefaultIfEmpty(1).Max());
        var height = items.Count * Row + 6;
        var svg = Open(title, Width, height);
        var room = Width - LabelWidth - 70;
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = 3 + i * Row;
            svg.Append(Label(LabelWidth - 8, y + Row / 2.0, label));
            var w = Math.Abs(value) / max * room;
            svg.Append(Rect(LabelWidth, y + 6, w, 22, value < 0 ? Detractor : Accent));
            svg.Append(
                Text(LabelWidth + w + 6, y + 22, texts.Number(value, 1) + unit, Ink, "start", 13)
            );
        }
        return Close(svg);
    }

    /// <summary>The importance-performance grid: crosshair, quadrant names, ticks, and labels that never overlap.</summary>
    public static string Scatter(
        string title,
        IReadOnlyList<(string Label, double Performance, double Importance)> points,
        double performanceCross,
        double importanceCross,
        (string TopLeft, string TopRight, string BottomLeft, string BottomRight) quadrants,
        (string X, string Y) axes,
        ReportTexts texts
    )
    {
        const int left = 70,
            top = 24,
            w = 540,
            h = 300;
        var xs = points.Select(p => p.Performance).Append(performanceCross).ToArray();
        var ys = points.Select(p => p.Importance).Append(importanceCross).ToArray();
        var (x0, x1) = Range(xs);
        var y1 = Math.Ceiling(Math.Max(10, ys.Max() * 1.15) / 10) * 10;
        double X(double v) => left + (v - x0) / (x1 - x0) * w;
        double Y(double v) => top + h - v / y1 * h;
        var svg = Open(title, Width + 10, h + 84);
        svg.Append(Rect(left, top, w, h, "#f3f2f1"));
        // Ticks: whole grades (or steps of ten percent of the scale) across, tens of percent up.
        var step = x1 - x0 > 12 ? 10 : 1;
        for (var v = Math.Ceiling(x0 / step) * step; v <= x1; v += step)
        {
            svg.Append(Text(X(v), top + h + 18, Format(v), Muted, "middle", 12));
        }
        for (var v = 0.0; v <= y1; v += 10)
        {
            svg.Append(Text(left - 8, Y(v) + 4, Format(v) + "%", Muted, "end", 12));
        }
        svg.Append(
            LineAt(X(performanceCross), top, X(performanceCross), top + h, Muted, dashed: true)
        );
        svg.Append(
            LineAt(left, Y(importanceCross), left + w, Y(importanceCross), Muted, dashed: true)
        );
        svg.Append(
            Text(
                X(performanceCross),
                top - 8,
                texts.Number(performanceCross, 1),
                Muted,
                "middle",
                12
            )
        );
        svg.Append(
            Text(
                left + w + 4,
                Y(importanceCross) + 4,
                texts.Number(importanceCross, 0) + "%",
                Muted,
                "start",
                12
            )
        );
        svg.Append(Text(left + 6, top + 16, quadrants.TopLeft, Detractor, "start", 12, bold: true));
        svg.Append(
            Text(left + w - 6, top + 16, quadrants.TopRight, Promoter, "end", 12, bold: true)
        );
        svg.Append(Text(left + 6, top + h - 8, quadrants.BottomLeft, Muted, "start", 12));
        svg.Append(Text(left + w - 6, top + h - 8, quadrants.BottomRight, Muted, "end", 12));
        // Labels are placed one by one beside their point, on the first side that overlaps nothing placed so far.
        var taken = new List<(double X, double Y, double W, double H)>();
        foreach (var (_, performance, importance) in points)
        {
            taken.Add((X(performance) - 7, Y(importance) - 7, 14, 14));
        }
        taken.Add((left, top, 160, 22));
        taken.Add((left + w - 160, top, 160, 22));
        foreach (
            var (label, performance, importance) in points.OrderByDescending(p => p.Importance)
        )
        {
            var (cx, cy) = (X(performance), Y(importance));
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"6\" fill=\"{Accent}\"/>"
            );
            var text = Clip(label, 30);
            var width = text.Length * 7.2;
            var candidates = new (double X, double Y, string Anchor)[]
            {
                (cx + 10, cy + 4, "start"),
                (cx - 10, cy + 4, "end"),
                (cx, cy - 12, "middle"),
                (cx, cy + 20, "middle"),
                (cx + 10, cy - 12, "start"),
                (cx - 10, cy + 20, "end"),
            };
            var chosen = candidates[0];
            foreach (var candidate in candidates)
            {
                var box = Box(candidate, width);
                var inside =
                    box.X >= left
                    && box.X + box.W <= left + w
                    && box.Y >= top
                    && box.Y + box.H <= top + h;
                if (inside && !taken.Any(t => Overlaps(t, box)))
                {
                    chosen = candidate;
                    break;
                }
            }
            taken.Add(Box(chosen, width));
            svg.Append(Text(chosen.X, chosen.Y, text, Ink, chosen.Anchor, 13));
        }
        svg.Append(Text(left + w / 2.0, top + h + 42, axes.X, Ink, "middle", 13));
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"16\" y=\"{top + h / 2.0:0.#}\" transform=\"rotate(-90 16 {top + h / 2.0:0.#})\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Ink}\">{HtmlText.Escape(axes.Y)}</text>"
        );
        return Close(svg);

        static (double X, double Y, double W, double H) Box(
            (double X, double Y, string Anchor) at,
            double width
        ) =>
            at.Anchor switch
            {
                "end" => (at.X - width, at.Y - 12, width, 16),
                "middle" => (at.X - width / 2, at.Y - 12, width, 16),
                _ => (at.X, at.Y - 12, width, 16),
            };

        static bool Overlaps(
            (double X, double Y, double W, double H) a,
            (double X, double Y, double W, double H) b
        ) => a.X < b.X + b.W && b.X < a.X + a.W && a.Y < b.Y + b.H && b.Y < a.Y + a.H;
    }

    /// <summary>Per item a bar left of zero (a change down) and right of zero (a change up).</summary>
    public static string Diverging(
        string title,
        IReadOnlyList<(string Label, double Down, double Up)> items,
        ReportTexts texts
    )
    {
        var max = Math.Max(
            0.5,
            items
                .SelectMany(i => new[] { Math.Abs(i.Down), Math.Abs(i.Up) })
                .Where(double.IsFinite)
                .DefaultIfEmpty(1)
                .Max()
        );
        var height = items.Count * Row + 6;
        var svg = Open(title, Width, height);
        var centre = LabelWidth + (Width - LabelWidth) / 2.0;
        var half = (Width - LabelWidth) / 2.0 - 60;
        svg.Append(LineAt(centre, 0, centre, height, Muted, dashed: false));
        for (var i = 0; i < items.Count; i++)
        {
            var (label, down, up) = items[i];
            var y = 3 + i * Row;
            svg.Append(Label(LabelWidth - 8, y + Row / 2.0, label));
            var wd = double.IsFinite(down) ? Math.Abs(down) / max * half : 0;
            var wu = double.IsFinite(up) ? Math.Abs(up) / max * half : 0;
            svg.Append(Rect(down < 0 ? centre - wd : centre, y + 6, wd, 22, Detractor));
            svg.Append(Rect(up >= 0 ? centre : centre - wu, y + 6, wu, 22, Promoter));
            svg.Append(
                Text(
                    centre - Math.Max(wd, down < 0 ? 0 : wd) - 5,
                    y + 22,
                    texts.Nps(down),
                    Ink,
                    "end",
                    12
                )
            );
            svg.Append(Text(centre + Math.Max(wu, 0) + 5, y + 22, texts.Nps(up), Ink, "start", 12));
        }
        return Close(svg);
    }

    /// <summary>NPS points with their intervals on the -100..100 axis, zero marked.</summary>
    public static string DotWhisker(
        string title,
        IReadOnlyList<(string Label, double Value, double Low, double High)> items,
        ReportTexts texts
    )
    {
        var height = items.Count * Row + 30;
        var svg = Open(title, Width, height);
        var room = Width - LabelWidth - 50;
        double X(double v) => LabelWidth + (Math.Clamp(v, -100, 100) + 100) / 200 * room;
        svg.Append(LineAt(X(0), 0, X(0), height - 22, Muted, dashed: true));
        foreach (var tick in new[] { -100, -50, 0, 50, 100 })
        {
            svg.Append(
                Text(
                    X(tick),
                    height - 6,
                    tick.ToString(CultureInfo.InvariantCulture),
                    Muted,
                    "middle",
                    12
                )
            );
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value, low, high) = items[i];
            var y = 3 + i * Row + Row / 2.0;
            svg.Append(Label(LabelWidth - 8, y, label));
            if (!double.IsFinite(value))
            {
                continue;
            }
            svg.Append(LineAt(X(low), y, X(high), y, Ink, dashed: false));
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<circle cx=\"{X(value):0.#}\" cy=\"{y:0.#}\" r=\"5\" fill=\"{Accent}\"/>"
            );
            svg.Append(Text(X(high) + 6, y + 4, texts.Nps(value), Ink, "start", 12));
        }
        return Close(svg);
    }

    /// <summary>Per item one bar split into parts that add up to 100%.</summary>
    public static string Stacked(
        string title,
        IReadOnlyList<(string Label, double[] Shares)> items,
        (string Label, string Colour)[] parts
    )
    {
        var height = items.Count * Row + 34;
        var svg = Open(title, Width, height);
        var room = Width - LabelWidth - 10;
        for (var i = 0; i < items.Count; i++)
        {
            var (label, shares) = items[i];
            var percents = Percents(shares);
            var y = 3 + i * Row;
            svg.Append(Label(LabelWidth - 8, y + Row / 2.0, label));
            double x = LabelWidth;
            for (var p = 0; p < parts.Length; p++)
            {
                var w = shares[p] * room;
                svg.Append(Rect(x, y + 6, w, 22, parts[p].Colour));
                if (w > 36)
                {
                    svg.Append(
                        Text(
                            x + 4,
                            y + 22,
                            percents[p] + "%",
                            parts[p].Colour == Passive ? Ink : "#fff",
                            "start",
                            12
                        )
                    );
                }
                x += w;
            }
        }
        double lx = LabelWidth;
        foreach (var (label, colour) in parts)
        {
            svg.Append(Rect(lx, height - 20, 12, 12, colour));
            svg.Append(Text(lx + 18, height - 9, label, Ink, "start", 12));
            lx += 140;
        }
        return Close(svg);
    }

    private static StringBuilder Open(string title, int width, int height)
    {
        var svg = new StringBuilder();
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" role=\"img\" font-family=\"system-ui,sans-serif\"><title>{HtmlText.Escape(title)}</title>"
        );
        return svg;
    }

    private static string Close(StringBuilder svg) => svg.Append("</svg>").ToString();

    private static string Rect(double x, double y, double w, double h, string fill) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(0, w):0.#}\" height=\"{h:0.#}\" fill=\"{fill}\"/>"
        );

    private static string LineAt(
        double x1,
        double y1,
        double x2,
        double y2,
        string stroke,
        bool dashed
    ) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{(dashed ? " stroke-dasharray=\"5 4\"" : "")}/>"
        );

    private static string Text(
        double x,
        double y,
        string text,
        string fill,
        string anchor,
        int size,
        bool bold = false
    ) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" text-anchor=\"{anchor}\" font-size=\"{size}\" fill=\"{fill}\"{(bold ? " font-weight=\"600\"" : "")}>{HtmlText.Escape(text)}</text>"
        );

    /// <summary>A row label, right-aligned at <paramref name="x"/> and centred on <paramref name="middle"/>; two lines when long.</summary>
    private static string Label(double x, double middle, string label)
    {
        const int perLine = 27;
        if (label.Length <= perLine)
        {
            return Text(x, middle + 4, label, Ink, "end", 13);
        }
        var split = label.LastIndexOf(' ', perLine);
        split = split > 8 ? split : perLine;
        var first = label[..split].TrimEnd();
        var second = Clip(label[split..].TrimStart(), perLine);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"<text x=\"{x:0.#}\" y=\"{middle - 3:0.#}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{HtmlText.Escape(first)}<tspan x=\"{x:0.#}\" dy=\"14\">{HtmlText.Escape(second)}</tspan></text>"
        );
    }

    private static string Clip(string label, int length) =>
        label.Length > length ? label[..(length - 1)] + "…" : label;

    private static (double Low, double High) Range(double[] values)
    {
        var low = Math.Floor(values.Min() - 0.3);
        var high = Math.Ceiling(values.Max() + 0.3);
        return high - low < 1 ? (low, low + 1) : (low, high);
    }

    private static string Format(double value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture);
}
