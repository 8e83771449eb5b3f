namespace Edge.Cli.Reports;

public enum ReportFormat
{
    Md,
    Html,
    Csv,
}
