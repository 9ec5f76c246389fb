using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using SurveyKit.Site.Html;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The report's charts as inline SVG: no script, no fonts, no requests. Each has a title for screen readers, and a
/// table with the same numbers sits beside it. Colours are distinguishable for colour-blind readers and every
/// value is also written as text.
/// </summary>
internal static class Charts
{
    private const string Ink = "#1b1b1b";
    private const string Muted = "#505a5f";
    private const string Line = "#b1b4b6";
    private const string Accent = "#1d70b8";
    public const string Promoter = "#00703c";
    public const string Passive = "#b1b4b6";
    public const string Detractor = "#c4401c";
    private const int Width = 640;
    private const int LabelWidth = 190;

    /// <summary>One bar split into detractors, passives and promoters.</summary>
    public static string NpsBar(
        string title,
        (string Label, double Share, string Colour)[] parts,
        ReportTexts texts
    )
    {
        var svg = Open(title, Width, 64);
        double x = 0;
        foreach (var (label, share, colour) in parts)
        {
            var w = share * Width;
            svg.Append(Rect(x, 0, w, 36, colour));
            if (w > 60)
            {
                var fill = colour == Passive ? Ink : "#fff";
                svg.Append(
                    Text(
                        x + 8,
                        23,
                        $"{texts.Number(share * 100, 0)}%",
                        fill,
                        "start",
                        14,
                        bold: true
                    )
                );
            }
            x += w;
        }
        x = 0;
        foreach (var (label, share, colour) in parts)
        {
            svg.Append(Rect(x, 46, 12, 12, colour));
            svg.Append(
                Text(x + 18, 57, $"{label} {texts.Number(share * 100, 0)}%", Ink, "start", 13)
            );
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
        var height = items.Count * 30 + 10;
        var svg = Open(title, Width, height);
        var room = Width - LabelWidth - 70;
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value) = items[i];
            var y = 5 + i * 30;
            svg.Append(Text(LabelWidth - 8, y + 17, Clip(label), Ink, "end", 13));
            var w = Math.Abs(value) / max * room;
            svg.Append(Rect(LabelWidth, y + 3, w, 20, value < 0 ? Detractor : Accent));
            svg.Append(
                Text(LabelWidth + w + 6, y + 18, texts.Number(value, 1) + unit, Ink, "start", 13)
            );
        }
        return Close(svg);
    }

    /// <summary>The importance-performance grid with its crosshair and quadrant names.</summary>
    public static string Scatter(
        string title,
        IReadOnlyList<(string Label, double Performance, double Importance)> points,
        double performanceCross,
        double importanceCross,
        (string TopLeft, string TopRight, string BottomLeft, string BottomRight) quadrants,
        (string X, string Y) axes
    )
    {
        const int left = 60,
            top = 20,
            w = 540,
            h = 300;
        var xs = points.Select(p => p.Performance).Append(performanceCross).ToArray();
        var ys = points.Select(p => p.Importance).Append(importanceCross).ToArray();
        var (x0, x1) = Range(xs);
        var (y0, y1) = (0.0, Math.Max(1, ys.Max() * 1.15));
        double X(double v) => left + (v - x0) / (x1 - x0) * w;
        double Y(double v) => top + h - (v - y0) / (y1 - y0) * h;
        var svg = Open(title, Width, h + 70);
        svg.Append(Rect(left, top, w, h, "#f3f2f1"));
        svg.Append(
            LineAt(X(performanceCross), top, X(performanceCross), top + h, Muted, dashed: true)
        );
        svg.Append(
            LineAt(left, Y(importanceCross), left + w, Y(importanceCross), Muted, dashed: true)
        );
        svg.Append(Text(left + 6, top + 16, quadrants.TopLeft, Detractor, "start", 12, bold: true));
        svg.Append(
            Text(left + w - 6, top + 16, quadrants.TopRight, Promoter, "end", 12, bold: true)
        );
        svg.Append(Text(left + 6, top + h - 8, quadrants.BottomLeft, Muted, "start", 12));
        svg.Append(Text(left + w - 6, top + h - 8, quadrants.BottomRight, Muted, "end", 12));
        foreach (var (label, performance, importance) in points)
        {
            var (cx, cy) = (X(performance), Y(importance));
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"6\" fill=\"{Accent}\"/>"
            );
            var anchor = cx > left + w - 120 ? "end" : "start";
            svg.Append(
                Text(anchor == "end" ? cx - 10 : cx + 10, cy + 4, Clip(label), Ink, anchor, 13)
            );
        }
        svg.Append(Text(left + w / 2.0, top + h + 40, axes.X, Ink, "middle", 13));
        svg.Append(
            CultureInfo.InvariantCulture,
            $"<text x=\"16\" y=\"{top + h / 2.0:0.#}\" transform=\"rotate(-90 16 {top + h / 2.0:0.#})\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Ink}\">{HtmlText.Escape(axes.Y)}</text>"
        );
        svg.Append(Text(left, top + h + 18, Format(x0), Muted, "start", 12));
        svg.Append(Text(left + w, top + h + 18, Format(x1), Muted, "end", 12));
        return Close(svg);
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
                .DefaultIfEmpty(1)
                .Max()
        );
        var height = items.Count * 30 + 10;
        var svg = Open(title, Width, height);
        var centre = LabelWidth + (Width - LabelWidth) / 2.0;
        var half = (Width - LabelWidth) / 2.0 - 60;
        svg.Append(LineAt(centre, 0, centre, height, Muted, dashed: false));
        for (var i = 0; i < items.Count; i++)
        {
            var (label, down, up) = items[i];
            var y = 5 + i * 30;
            svg.Append(Text(LabelWidth - 8, y + 17, Clip(label), Ink, "end", 13));
            var wd = Math.Abs(down) / max * half;
            var wu = Math.Abs(up) / max * half;
            svg.Append(Rect(down < 0 ? centre - wd : centre, y + 3, wd, 20, Detractor));
            svg.Append(Rect(up >= 0 ? centre : centre - wu, y + 3, wu, 20, Promoter));
            svg.Append(Text(centre - wd - 5, y + 18, texts.Nps(down), Ink, "end", 12));
            svg.Append(Text(centre + wu + 5, y + 18, texts.Nps(up), Ink, "start", 12));
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
        var height = items.Count * 30 + 30;
        var svg = Open(title, Width, height);
        var room = Width - LabelWidth - 20;
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
                    11
                )
            );
        }
        for (var i = 0; i < items.Count; i++)
        {
            var (label, value, low, high) = items[i];
            var y = 5 + i * 30 + 13;
            svg.Append(Text(LabelWidth - 8, y + 4, Clip(label), Ink, "end", 13));
            if (!double.IsFinite(value))
            {
                continue;
            }
            svg.Append(LineAt(X(low), y, X(high), y, Ink, dashed: false));
            svg.Append(
                CultureInfo.InvariantCulture,
                $"<circle cx=\"{X(value):0.#}\" cy=\"{y}\" r=\"5\" fill=\"{Accent}\"/>"
            );
            svg.Append(Text(X(high) + 6, y + 4, texts.Nps(value), Ink, "start", 12));
        }
        return Close(svg);
    }

    /// <summary>Per item one bar split into three coloured parts that add up to 100%.</summary>
    public static string Stacked(
        string title,
        IReadOnlyList<(string Label, double[] Shares)> items,
        (string Label, string Colour)[] parts,
        ReportTexts texts
    )
    {
        var height = items.Count * 30 + 34;
        var svg = Open(title, Width, height);
        var room = Width - LabelWidth - 10;
        for (var i = 0; i < items.Count; i++)
        {
            var (label, shares) = items[i];
            var y = 5 + i * 30;
            svg.Append(Text(LabelWidth - 8, y + 17, Clip(label), Ink, "end", 13));
            double x = LabelWidth;
            for (var p = 0; p < parts.Length; p++)
            {
                var w = shares[p] * room;
                svg.Append(Rect(x, y + 3, w, 20, parts[p].Colour));
                if (w > 36)
                {
                    svg.Append(
                        Text(
                            x + 4,
                            y + 18,
                            texts.Number(shares[p] * 100, 0) + "%",
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

    private static string Clip(string label) => label.Length > 26 ? label[..25] + "…" : label;

    private static (double Low, double High) Range(double[] values)
    {
        var low = Math.Floor(values.Min() - 0.3);
        var high = Math.Ceiling(values.Max() + 0.3);
        return high - low < 1 ? (low, low + 1) : (low, high);
    }

    private static string Format(double value) =>
        value.ToString("0.#", CultureInfo.InvariantCulture);
}
