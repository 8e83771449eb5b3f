using System.Data.Common;
using Edge.Cli.Store;
using Edge.Cli.Tests.Reports;

namespace Edge.Cli.Tests.Commands;

public sealed class ReportCommandTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-report-cli-");

    public void Dispose() => _work.Delete(recursive: true);

    private string Store()
    {
        var path = Path.Combine(_work.FullName, "incident.db");
        using var store = IncidentStore.Open(path);
        ReportFixtures.Write(store,
            ReportFixtures.Alert(1, "phishing", "login-bank.example", "10.0.0.5", new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero)),
            ReportFixtures.Alert(2, "wannacry", "iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea.com", "10.0.0.41", new DateTimeOffset(2026, 8, 2, 9, 0, 0, TimeSpan.Zero)));
        return path;
    }

    [Theory]
    [InlineData("--half 2026-H3 --format md", "--half '2026-H3' is not YEAR-H1 or YEAR-H2")]
    [InlineData("--year 2026 --half 2026-H1 --format md", "give one period")]
    [InlineData("--from 2026-07-01 --to 2026-06-30 --format md", "--from 2026-07-01 is not before --to 2026-06-30")]
    [InlineData("--from 2026-07-01 --format md", "--from and --to go together")]
    [InlineData("--format md", "name the period")]
    [InlineData("--year 2026 --format pdf", "pdf")]
    [InlineData("--year 2026", "--format")]
    [InlineData("--year 2026 --format md --agency Town_A", "--agency 'Town_A' is not an agency id")]
    [InlineData("--year 2026 --format md --top 0", "--top must be 1 to 100")]
    [InlineData("--year 2026 --format md --utc-offset 7", "--utc-offset '7'")]
    public void Bad_arguments_exit_2_with_a_clear_message(string args, string message)
    {
        var store = Store();

        var code = CliRun.Run(out var output, ["report", "--store", store, .. args.Split(' ')]);

        Assert.Equal(2, code);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_store_file_is_a_usage_error_not_a_new_empty_store()
    {
        var missing = Path.Combine(_work.FullName, "typo.db");

        var code = CliRun.Run(out var output, "report", "--year", "2026", "--format", "md", "--store", missing);

        Assert.Equal(2, code);
        Assert.Contains("no incident store at", output, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Writes_the_report_to_stdout_or_a_file_and_records_each_in_reports()
    {
        var store = Store();
        var file = Path.Combine(_work.FullName, "h1.csv");

        var stdout = CliRun.Run(out var markdown, "report", "--half", "2026-H1", "--format", "md", "--store", store);
        var toFile = CliRun.Run(out var note, "report", "--half", "2026-H1", "--agency", "town-a", "--format", "csv", "--out", file, "--store", store, "--utc-offset", "+07:00");

        Assert.Equal((0, 0), (stdout, toFile));
        Assert.Contains("| Phishing sites | 1 | 1 | 1 | 1 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| WannaCry | 0 | 0 | 0 | 0 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("2026-01-01T00:00:00+07:00,2026-07-01T00:00:00+07:00,town-a,phishing,1,1,1,1,1", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Contains("report: " + file, note, StringComparison.Ordinal);
        Assert.False(File.Exists(file + ".partial"));

        using var incident = IncidentStore.Open(store);
        using var connection = incident.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT period_from, period_to, COALESCE(agency, '*'), format FROM reports ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add($"{reader.GetInt64(0)} {reader.GetInt64(1)} {reader.GetString(2)} {reader.GetString(3)}");
        var h1 = ReportFixtures.H1;
        var hanoi = ReportFixtures.Half("2026-H1", TimeSpan.FromHours(7));
        Assert.Equal([$"{h1.FromMs} {h1.ToMs} * md", $"{hanoi.FromMs} {hanoi.ToMs} town-a csv"], rows);
    }
}
