using System.Collections.Generic;

namespace SurveyKit.Analysis.Report;

/// <summary>
/// The report in one language as plain content: sections of paragraphs, tables, lists and charts. Built once by
/// <see cref="ReportBuilder"/> and rendered to Markdown and to HTML, so both always say the same.
/// </summary>
internal sealed record ReportDocument(
    string Language,
    string Title,
    IReadOnlyList<string> Lead,
    IReadOnlyList<ReportSection> Sections
);

/// <summary>A section with an anchor id.</summary>
internal sealed record ReportSection(string Id, string Title, IReadOnlyList<ReportBlock> Blocks);

/// <summary>A piece of a section.</summary>
internal abstract record ReportBlock;

/// <summary>Text; <c>**bold**</c> is the only markup.</summary>
internal sealed record Paragraph(string Text) : ReportBlock;

/// <summary>A bulleted list; items may use <c>**bold**</c>.</summary>
internal sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table: the first column names the row; the other columns are numbers and right-aligned.</summary>
internal sealed record Table(
    string Caption,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows
) : ReportBlock;

/// <summary>
/// A chart with a table of the same numbers beside it; Markdown shows only the table. The geometry (shares and
/// positions, in percent of the chart's width) is computed here; the templates draw it with CSS classes, so the
/// stylesheet owns the palette, and it reflows from a phone to a desktop.
/// </summary>
internal sealed record Chart(string Title, ChartBody Body) : ReportBlock;

/// <summary>What a chart shows.</summary>
internal abstract record ChartBody;

/// <summary>A legend entry: a label and the CSS class of its swatch.</summary>
internal sealed record ChartKey(string Label, string Class);

/// <summary>One bar per row, split into parts that add up to 100%.</summary>
internal sealed record StackChart(IReadOnlyList<ChartKey> Legend, IReadOnlyList<StackRow> Rows)
    : ChartBody;

/// <summary>A split bar; <see cref="Label"/> may be empty for a chart of one bar.</summary>
internal sealed record StackRow(string Label, IReadOnlyList<StackPart> Parts);

/// <summary>A part of a split bar: its width in percent, and its text when it fits inside.</summary>
internal sealed record StackPart(string Class, double Percent, string Text, bool TextFits);

/// <summary>Bars from zero.</summary>
internal sealed record BarChart(IReadOnlyList<BarRow> Rows) : ChartBody;

/// <summary>A bar: its length as a share (0..1) of the longest, and its value as text.</summary>
internal sealed record BarRow(string Label, double Share, string Class, string Value);

/// <summary>Values with their intervals on one axis.</summary>
/// <param name="Zero">Where zero is, in percent of the axis; NaN when zero is not on it.</param>
internal sealed record RangeChart(
    IReadOnlyList<AxisTick> Ticks,
    double Zero,
    IReadOnlyList<RangeRow> Rows
) : ChartBody;

/// <summary>A tick: where (percent of the axis) and its label.</summary>
internal sealed record AxisTick(double At, string Label);

/// <summary>A value (<see cref="At"/>) with its interval (<see cref="Low"/>..<see cref="High"/>), in percent of the axis.</summary>
internal sealed record RangeRow(string Label, string Value, double Low, double High, double At);

/// <summary>Changes to either side of a centre line, several per row.</summary>
internal sealed record DivergingChart(
    IReadOnlyList<ChartKey> Legend,
    IReadOnlyList<DivergingRow> Rows
) : ChartBody;

/// <summary>A row of a diverging chart.</summary>
internal sealed record DivergingRow(string Label, IReadOnlyList<SignedBar> Bars);

/// <summary>A bar from the centre: <see cref="Value"/> from -1 (the largest change down) to 1.</summary>
internal sealed record SignedBar(double Value, string Class, string Text);

/// <summary>An SVG drawn here (points placed apart, colours by class) with its numbered legend.</summary>
internal sealed record ScatterChart(string Svg, IReadOnlyList<string> Legend) : ChartBody;

/// <summary>
/// Values over time: per series a line through its points, optionally with its interval as a band. The band and the
/// lines are drawn in a stretched SVG (coordinates in percent), the points, ticks and labels as HTML on top, so that
/// the chart takes the width it is given and its text keeps its size on a phone.
/// </summary>
/// <param name="Legend">The series' names and classes (empty for one series).</param>
/// <param name="YTicks">Where (percent from the bottom) and what.</param>
/// <param name="Zero">Where zero is, in percent from the bottom; NaN when it is not on the axis.</param>
/// <param name="XTicks">The periods' labels.</param>
/// <param name="Small">A small multiple: shorter, with fewer labels.</param>
internal sealed record LineChart(
    IReadOnlyList<ChartKey> Legend,
    IReadOnlyList<AxisTick> YTicks,
    double Zero,
    IReadOnlyList<LineTick> XTicks,
    IReadOnlyList<LineSeries> Series,
    bool Small
) : ChartBody;

/// <summary>A period's label on the time axis; <see cref="Wide"/> labels are left out on a phone.</summary>
internal sealed record LineTick(double At, string Label, bool Wide);

/// <summary>
/// A line: its class, its interval band as polygons and the line as polylines (SVG points in percent), one per run of
/// periods with a value: a period without one breaks the line.
/// </summary>
internal sealed record LineSeries(
    string Class,
    IReadOnlyList<string> Bands,
    IReadOnlyList<string> Pieces,
    IReadOnlyList<LinePoint> Points
);

/// <summary>
/// A point (percent from the left and from the bottom) with its value as text, whether its period has too few responses
/// (an open dot and its n), and a significant change from the previous period ("up", "down" or empty).
/// </summary>
internal sealed record LinePoint(
    double X,
    double Y,
    string Title,
    bool Few,
    string Note,
    string Mark
);

/// <summary>Small multiples: one small line chart per item, each with its label, last value and change.</summary>
internal sealed record MultiplesChart(IReadOnlyList<Multiple> Items) : ChartBody;

/// <summary>One small multiple.</summary>
internal sealed record Multiple(
    string Label,
    string Value,
    string Change,
    string Mark,
    LineChart Chart
);
