namespace Edge.Cli.Reports;

/// <summary>What to report on and how.</summary>
/// <param name="Agency">One agency, or null for every agency in the store.</param>
/// <param name="Top">How many indicators and hosts each category's top lists hold.</param>
/// <param name="MinGap">Silences of a sensor longer than this are listed as data gaps.</param>
public sealed record ReportRequest(ReportPeriod Period, string? Agency, ReportFormat Format, int Top = 10, TimeSpan? MinGap = null)
{
    public static readonly TimeSpan DefaultMinGap = TimeSpan.FromMinutes(10);

    public TimeSpan Gap => MinGap ?? DefaultMinGap;
}
