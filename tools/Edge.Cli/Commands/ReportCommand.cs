using System.CommandLine;
using System.CommandLine.Parsing;
using System.Data.Common;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Edge.Cli.Reports;
using Edge.Cli.Store;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl report (--from D --to D | --half 2026-H1 | --year 2026) --format md|html|csv</c>:
/// the six-month and yearly reports from the incident store (Reports/).</summary>
internal static partial class ReportCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "first day (2026-01-01, included) or instant (2026-01-01T08:00:00Z)" };
        var to = new Option<string>("--to") { Description = "last day (2026-06-30, included) or instant (excluded)" };
        var half = new Option<string>("--half") { Description = "a half-year: 2026-H1 (1 Jan to 1 Jul) or 2026-H2 (1 Jul to 1 Jan)" };
        var year = new Option<string>("--year") { Description = "a calendar year: 2026" };
        var agency = new Option<string>("--agency") { Description = "only this agency (default: every agency)" };
        var store = new Option<string>("--store")
        {
            Description = $"SQLite file, or PostgreSQL connection string (Host=…;Database=…) or URI (postgresql://…); default {IncidentStore.DefaultFile}",
        };
        var format = new Option<string>("--format") { Description = "md, html (printable, self-contained) or csv (the figures as one table)", Required = true };
        format.AcceptOnlyFromAmong("md", "html", "csv");
        var output = new Option<FileInfo>("--out") { Description = "file to write (default: standard output)" };
        var offset = new Option<string>("--utc-offset") { Description = "offset of the report's days and period bounds, e.g. +07:00", DefaultValueFactory = _ => "+00:00" };
        var top = new Option<int>("--top") { Description = "indicators and hosts in each top list", DefaultValueFactory = _ => 10 };
        var gapMinutes = new Option<int>("--gap-minutes") { Description = "list a sensor's silences longer than this", DefaultValueFactory = _ => 10 };

        Range(top, 1, 100, "");
        Range(gapMinutes, 1, 10_080, " (a week)");

        var command = new Command("report", "Per agency and category: alerts, distinct indicators and hosts, connections, top lists, trends, sensor availability")
        {
            from, to, half, year, agency, store, format, output, offset, top, gapMinutes,
        };
        command.Validators.Add(r =>
        {
            if (Period(r, from, to, half, year, offset, out _) is { } problem)
                r.AddError(problem);
            if (Value(r, agency) is { } name && !AgencyPattern().IsMatch(name))
                r.AddError($"--agency '{name}' is not an agency id ([a-z0-9-], 1 to 64)");
            if (StoreProblem(Value(r, store) ?? IncidentStore.DefaultFile) is { } storeProblem)
                r.AddError($"--store: {storeProblem}");
        });
        command.SetAction(parse =>
        {
            Period(parse.CommandResult, from, to, half, year, offset, out var period);
            var request = new ReportRequest(period!, parse.GetValue(agency), Enum.Parse<ReportFormat>(parse.GetRequiredValue(format), ignoreCase: true),
                parse.GetValue(top), TimeSpan.FromMinutes(parse.GetValue(gapMinutes)));
            return Run(parse, request, parse.GetValue(store), parse.GetValue(output));
        });
        return command;
    }

    private static int Run(ParseResult parse, ReportRequest request, string? target, FileInfo? output)
    {
        var error = parse.InvocationConfiguration.Error;
        var clock = Stopwatch.StartNew();
        try
        {
            using var incidentStore = IncidentStore.Open(target);
            var generator = new ReportGenerator(incidentStore, TimeProvider.System);
            var (text, report) = generator.Render(request);
            if (output is null)
                parse.InvocationConfiguration.Output.Write(text);
            else
                WriteAtomically(output.FullName, text);
            generator.Record(request, report);
            if (output is not null)
            {
                error.WriteLine($"report: {output.FullName}: {request.Period.Label}, {report.Agencies.Count} agencies, " +
                    $"{report.Province.Figures.Sum(f => f.Alerts)} alerts, {Encoding.UTF8.GetByteCount(text)} bytes in {clock.Elapsed.TotalSeconds:0.0} s");
            }
            return 0;
        }
        catch (Exception e) when (e is DbException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"report: {e.Message}");
            return 1;
        }
    }

    /// <summary>A half-written report never carries the final name: written beside it, then renamed.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var partial = path + ".partial";
        File.WriteAllText(partial, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(partial, path, overwrite: true);
    }

    /// <summary>The period the options name, or why they do not name exactly one.</summary>
    private static string? Period(CommandResult r, Option<string> from, Option<string> to, Option<string> half, Option<string> year,
        Option<string> utcOffset, out ReportPeriod? period)
    {
        period = null;
        if (!ReportPeriod.TryParseOffset(Value(r, utcOffset) ?? "+00:00", out var offset, out var error))
            return error;
        var (f, t, h, y) = (Value(r, from), Value(r, to), Value(r, half), Value(r, year));
        var given = (f is not null || t is not null ? 1 : 0) + (h is not null ? 1 : 0) + (y is not null ? 1 : 0);
        if (given != 1)
            return given == 0 ? "name the period: --from DATE --to DATE, --half 2026-H1 or --year 2026" : "give one period: --from/--to, --half or --year, not several";
        ReportPeriod? result;
        var ok = h is not null ? ReportPeriod.TryParseHalf(h, offset, out result, out error)
            : y is not null ? ReportPeriod.TryParseYear(y, offset, out result, out error)
            : f is null || t is null ? Fail("--from and --to go together", out result, out error)
            : ReportPeriod.TryParseRange(f, t, offset, out result, out error);
        period = ok ? result : null;
        return ok ? null : error;
    }

    private static bool Fail(string message, out ReportPeriod? period, out string error)
    {
        period = null;
        error = message;
        return false;
    }

    /// <summary>Checked only when given (the defaults are in range), and only once it converted.</summary>
    private static void Range(Option<int> option, int min, int max, string note) =>
        option.Validators.Add(r =>
        {
            try
            {
                if (r.GetValueOrDefault<int>() is var value && (value < min || value > max))
                    r.AddError($"{option.Name} must be {min} to {max}{note}");
            }
            catch (InvalidOperationException)
            {
            }
        });

    private static T? Value<T>(CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    /// <summary>A report reads an existing store: a SQLite file that is not there is a typo, not a new store.</summary>
    private static string? StoreProblem(string target)
    {
        if (target.Length == 0)
            return "empty";
        if (!IncidentStore.IsPostgres(target))
            return File.Exists(target) ? null : $"no incident store at '{target}'";
        try
        {
            _ = new Npgsql.NpgsqlConnectionStringBuilder(PostgresUri.ToConnectionString(target));
            return null;
        }
        catch (ArgumentException e)
        {
            return "the PostgreSQL connection string does not parse: " + e.Message;
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex AgencyPattern();
}
