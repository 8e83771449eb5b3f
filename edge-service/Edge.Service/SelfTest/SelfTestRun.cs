using Edge.Detect.Alerts;
using Edge.Service.Replay;
using Edge.Watch.Pipeline;

namespace Edge.Service.SelfTest;

/// <summary>Replays the bundled capture with the bundled lists and compares the alerts with the
/// expected ones: every detector must fire on its scene, and nothing may fire on the benign traffic.</summary>
public static class SelfTestRun
{
    public static string ExpectedFile => Path.Combine(AppContext.BaseDirectory, "Samples", "selftest-expected.txt");

    public static SelfTestResult Run(string capture, string expectedFile)
    {
        var expected = ReadExpected(expectedFile);
        var sink = new Collect();
        var detection = new ReplayDetection([], sink);
        new ReplayRunner(new WatchOptions(), detection.Engine).Run([capture]);
        detection.Pipeline.Flush();
        var raised = sink.Raised;
        var hosts = expected.Select(e => (e.Category, e.Client)).ToHashSet();
        var categories = expected.Select(e => e.Category).Concat(raised.Select(r => r.Category)).Distinct().Order(StringComparer.Ordinal);
        var rows = new List<SelfTestRow>();
        foreach (var category in categories)
        {
            var wanted = expected.Where(e => e.Category == category).ToList();
            var got = raised.Where(r => r.Category == category).ToList();
            rows.Add(new SelfTestRow(
                category,
                wanted.Count,
                wanted.Count(got.Contains),
                wanted.Where(w => !got.Contains(w)).ToList(),
                got.Where(g => !hosts.Contains((g.Category, g.Client))).ToList()));
        }
        return new SelfTestResult(rows);
    }

    private static List<ExpectedAlert> ReadExpected(string file)
    {
        var list = new List<ExpectedAlert>();
        var number = 0;
        foreach (var line in File.ReadLines(file))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#')
                continue;
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3)
                throw new InvalidDataException($"{file}:{number}: expected 'category client indicator', got '{text}'");
            list.Add(new ExpectedAlert(parts[0], parts[1], parts[2]));
        }
        return list;
    }

    private sealed class Collect : IAlertSink
    {
        public HashSet<ExpectedAlert> Raised { get; } = [];

        public void Raise(Alert alert)
        {
            if (!alert.IsUpdate)
                Raised.Add(new ExpectedAlert(alert.Finding.Category, alert.Finding.Client.ToString(), alert.Finding.Indicator));
        }
    }
}

public sealed record ExpectedAlert(string Category, string Client, string Indicator)
{
    public override string ToString() => $"{Category} {Client} {Indicator}";
}

public sealed record SelfTestRow(string Category, int Expected, int Found, IReadOnlyList<ExpectedAlert> Missed, IReadOnlyList<ExpectedAlert> Unexpected)
{
    public bool Passed => Missed.Count == 0 && Unexpected.Count == 0;
}

public sealed record SelfTestResult(IReadOnlyList<SelfTestRow> Rows)
{
    public bool Passed => Rows.All(r => r.Passed);
}
