using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SurveyKit.Rendering.Html;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// A chart as the templates see it (templates/report/_chart-*.sbn-html): texts escaped, positions and widths as
/// invariant numbers in percent for style attributes, colours as CSS classes. <see cref="Type"/> picks the template.
/// </summary>
internal sealed record ChartView(string Type)
{
    public IReadOnlyList<KeyView> Legend { get; init; } = [];
    public IReadOnlyList<ChartRowView> Rows { get; init; } = [];
    public IReadOnlyList<TickView> Ticks { get; init; } = [];

    /// <summary>Where zero is on a range axis (percent), or empty.</summary>
    public string Zero { get; init; } = "";

    /// <summary>The scatter's SVG (built from escaped texts) and its numbered legend.</summary>
    public string Svg { get; init; } = "";
    public IReadOnlyList<string> Items { get; init; } = [];

    /// <summary>A line chart's periods, series and where zero is in its SVG (percent from the top), or empty.</summary>
    public IReadOnlyList<TimeTickView> Periods { get; init; } = [];
    public IReadOnlyList<SeriesView> Series { get; init; } = [];
    public string ZeroY { get; init; } = "";
    public bool Small { get; init; }

    /// <summary>The small multiples.</summary>
    public IReadOnlyList<MultipleView> Multiples { get; init; } = [];

    public static ChartView Of(ChartBody body) =>
        body switch
        {
            StackChart stack => new("stack")
            {
                Legend = Keys(stack.Legend),
                Rows = stack
                    .Rows.Select(r => new ChartRowView(HtmlText.Escape(r.Label), "")
                    {
                        Parts = r
                            .Parts.Select(p => new PartView(
                                p.Class,
                                Number(p.Percent),
                                HtmlText.Escape(p.Text),
                                p.TextFits
                            ))
                            .ToList(),
                    })
                    .ToList(),
            },
            BarChart bars => new("bars")
            {
                Rows = bars
                    .Rows.Select(r => new ChartRowView(
                        HtmlText.Escape(r.Label),
                        HtmlText.Escape(r.Value)
                    )
                    {
                        Class = r.Class,
                        Share = Number(r.Share),
                    })
                    .ToList(),
            },
            RangeChart range => new("range")
            {
                Ticks = range
                    .Ticks.Select(t => new TickView(Number(t.At), HtmlText.Escape(t.Label)))
                    .ToList(),
                Zero = double.IsFinite(range.Zero) ? Number(range.Zero) : "",
                Rows = range
                    .Rows.Select(r => new ChartRowView(
                        HtmlText.Escape(r.Label),
                        HtmlText.Escape(r.Value)
                    )
                    {
                        Shown = double.IsFinite(r.At),
                        Low = Number(r.Low),
                        Width = Number(r.High - r.Low),
                        At = Number(r.At),
                    })
                    .ToList(),
            },
            DivergingChart diverging => new("diverging")
            {
                Legend = Keys(diverging.Legend),
                Rows = diverging
                    .Rows.Select(r => new ChartRowView(HtmlText.Escape(r.Label), "")
                    {
                        Bars = r.Bars.Select(SignedBarView.Of).ToList(),
                    })
                    .ToList(),
            },
            ScatterChart scatter => new("scatter")
            {
                Svg = scatter.Svg,
                Items = scatter.Legend.Select(HtmlText.Escape).ToList(),
            },
            LineChart line => Line(line),
            MultiplesChart multiples => new("multiples")
            {
                Multiples = multiples
                    .Items.Select(m => new MultipleView(
                        HtmlText.Escape(m.Label),
                        HtmlText.Escape(m.Value),
                        HtmlText.Escape(m.Change),
                        m.Mark,
                        Line(m.Chart)
                    ))
                    .ToList(),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(body)),
        };

    private static ChartView Line(LineChart line) =>
        new("line")
        {
            Legend = Keys(line.Legend),
            Ticks = line
                .YTicks.Select(t => new TickView(Number(t.At), HtmlText.Escape(t.Label))
                {
                    Y = Number(100 - t.At),
                })
                .ToList(),
            Zero = double.IsFinite(line.Zero) ? Number(line.Zero) : "",
            ZeroY = double.IsFinite(line.Zero) ? Number(100 - line.Zero) : "",
            Periods = line
                .XTicks.Select(t => new TimeTickView(
                    Number(t.At),
                    HtmlText.Escape(t.Label),
                    t.Wide
                ))
                .ToList(),
            Series = line
                .Series.Select(s => new SeriesView(
                    s.Class,
                    s.Bands.Where(b => b.Length > 0).ToList(),
                    s.Pieces,
                    s.Points.Select(p => new PointView(
                            Number(p.X),
                            Number(p.Y),
                            HtmlText.Escape(p.Title),
                            p.Few,
                            HtmlText.Escape(p.Note),
                            p.Mark
                        ))
                        .ToList()
                ))
                .ToList(),
            Small = line.Small,
        };

    private static List<KeyView> Keys(IReadOnlyList<ChartKey> keys) =>
        keys.Select(k => new KeyView(HtmlText.Escape(k.Label), k.Class)).ToList();

    /// <summary>A number for a style attribute: invariant, at most two decimals.</summary>
    internal static string Number(double value) =>
        double.IsFinite(value) ? value.ToString("0.##", CultureInfo.InvariantCulture) : "0";
}

internal sealed record KeyView(string Label, string Class);

internal sealed record TickView(string At, string Label)
{
    /// <summary>The tick in a line chart's SVG: percent from the top.</summary>
    public string Y { get; init; } = "0";
}

/// <summary>A period on a time axis; a <see cref="Wide"/> one is hidden on a phone.</summary>
internal sealed record TimeTickView(string At, string Label, bool Wide);

/// <summary>A line: its bands and pieces as SVG points, and its dots.</summary>
internal sealed record SeriesView(
    string Class,
    IReadOnlyList<string> Bands,
    IReadOnlyList<string> Pieces,
    IReadOnlyList<PointView> Points
);

/// <summary>A dot: percent from the left and from the bottom.</summary>
internal sealed record PointView(
    string X,
    string Y,
    string Title,
    bool Few,
    string Note,
    string Mark
);

/// <summary>A small multiple: label, last value, change and its mark, and its chart.</summary>
internal sealed record MultipleView(
    string Label,
    string Value,
    string Change,
    string Mark,
    ChartView Chart
);

/// <summary>A row of a chart; which members are set depends on the chart's type.</summary>
internal sealed record ChartRowView(string Label, string Value)
{
    public IReadOnlyList<PartView> Parts { get; init; } = [];
    public string Class { get; init; } = "";
    public string Share { get; init; } = "0";
    public bool Shown { get; init; }
    public string Low { get; init; } = "0";
    public string Width { get; init; } = "0";
    public string At { get; init; } = "0";
    public IReadOnlyList<SignedBarView> Bars { get; init; } = [];
}

internal sealed record PartView(string Class, string Width, string Text, bool Fits);

/// <summary>
/// A bar from the centre of its track: bars take at most 35% to either side, leaving 15% for the value beside the
/// bar's end, so that neither ever leaves the chart.
/// </summary>
internal sealed record SignedBarView(
    string Class,
    string Left,
    string Width,
    string Text,
    string Side,
    string TextAt
)
{
    public static SignedBarView Of(SignedBar bar)
    {
        var length = Math.Abs(bar.Value) * 35;
        return bar.Value < 0
            ? new(
                bar.Class,
                ChartView.Number(50 - length),
                ChartView.Number(length),
                HtmlText.Escape(bar.Text),
                "right",
                ChartView.Number(50 + length)
            )
            : new(
                bar.Class,
                "50",
                ChartView.Number(length),
                HtmlText.Escape(bar.Text),
                "left",
                ChartView.Number(50 + length)
            );
    }
}
