using System.Data.Common;
using Edge.Cli.Store;

namespace Edge.Cli.Reports;

/// <summary>Makes a report from the store and, once it is written, records it in <c>reports</c>:
/// the collector's retention deletes only alerts a recorded report has covered.</summary>
public sealed class ReportGenerator(IncidentStore store, TimeProvider time)
{
    public (string Text, IncidentReport Report) Render(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var generatedAt = time.GetUtcNow().ToOffset(request.Period.Offset);
        var data = new ReportReader(store).Read(request.Period, request.Agency, request.Top, details: request.Format != ReportFormat.Csv);
        var report = ReportBuilder.Build(data, request.Period, request.Agency, generatedAt, store.Description, request.Top, request.Gap);
        var text = request.Format switch
        {
            ReportFormat.Html => HtmlReport.Render(report),
            ReportFormat.Csv => CsvReport.Render(report),
            _ => MarkdownReport.Render(report),
        };
        return (text, report);
    }

    /// <summary>Records a report that was delivered: its period as [from, to), its agency (null for all), format and time.</summary>
    public void Record(ReportRequest request, IncidentReport report)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(report);
        using DbConnection connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO reports (period_from, period_to, agency, format, generated_at) VALUES (@from, @to, @agency, @format, @at)";
        Parameters.Add(command, "@from", request.Period.FromMs);
        Parameters.Add(command, "@to", request.Period.ToMs);
        Parameters.Add(command, "@agency", request.Agency);
        Parameters.Add(command, "@format", request.Format.ToString().ToLowerInvariant());
        Parameters.Add(command, "@at", report.Header.GeneratedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }
}
