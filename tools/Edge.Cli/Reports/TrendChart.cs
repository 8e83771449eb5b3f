using ScottPlot;

namespace Edge.Cli.Reports;

/// <summary>Draws a trend as a PNG with ScottPlot: one line per category, each with its own colour
/// and marker shape so the chart still reads when printed in grey. Drawn at 1.5 times the size it is
/// shown at (about 180 dpi on an A4 page; twice would be 40 % more bytes for little the eye sees in
/// print). The same series gives the same bytes (SkiaSharp renders deterministically).</summary>
public static class TrendChart
{
    public const int Width = 900;
    public const int Height = 330;
    public const float Scale = 1.5f;

    private static readonly MarkerShape[] Shapes =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
        MarkerShape.Cross, MarkerShape.Eks, MarkerShape.Asterisk, MarkerShape.OpenTriangleDown,
    ];

    public static byte[] Png(TrendSeries trend, TrendUnit unit)
    {
        ArgumentNullException.ThrowIfNull(trend);
        using var plot = new Plot { ScaleFactor = Scale };
        var xs = Enumerable.Range(0, trend.Buckets.Count).Select(i => (double)i).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var line in trend.Lines)
        {
            var index = Index(line.Category);
            var scatter = plot.Add.Scatter(xs, line.Alerts.Select(a => (double)a).ToArray());
            scatter.LegendText = ReportCategories.Title(line.Category);
            scatter.Color = palette.GetColor(index);
            scatter.MarkerShape = Shapes[index % Shapes.Length];
            scatter.MarkerSize = 6;
            scatter.LineWidth = 1.5f;
        }
        plot.Font.Set(FontName());
        var step = Math.Max(1, (int)Math.Ceiling(trend.Buckets.Count / 14.0));
        var ticks = xs.Where(x => (int)x % step == 0).ToArray();
        plot.Axes.Bottom.SetTicks(ticks, [.. ticks.Select(x => TickLabel(trend.Buckets[(int)x].Label, unit))]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.YLabel(unit switch { TrendUnit.Day => "alerts per day", TrendUnit.Week => "alerts per week", _ => "alerts per month" });
        plot.XLabel(unit switch { TrendUnit.Day => "day", TrendUnit.Week => "week starting", _ => "month" });
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot.GetImageBytes((int)(Width * Scale), (int)(Height * Scale), ImageFormat.Png);
    }

    private static int Index(string category)
    {
        for (var i = 0; i < ReportCategories.Known.Count; i++)
        {
            if (ReportCategories.Known[i].Id == category)
                return i;
        }
        return ReportCategories.Known.Count;
    }

    /// <summary>Weeks and days show month and day; months show the month.</summary>
    private static string TickLabel(string label, TrendUnit unit) => unit == TrendUnit.Month ? label : label[5..];

    /// <summary>DejaVu Sans where installed (Debian's fonts-dejavu-core), else ScottPlot's own pick.</summary>
    private static string FontName() =>
        SkiaSharp.SKFontManager.Default.FontFamilies.Contains("DejaVu Sans", StringComparer.Ordinal) ? "DejaVu Sans" : Fonts.Default;
}
