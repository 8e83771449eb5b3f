using System.Text.Json;
using Edge.Service.Tests.TestSupport;

namespace Edge.Service.Tests.Commands;

/// <summary>Thresholds reach the detectors through <c>--config</c> and <c>Edge__…</c> variables.</summary>
public class ReplayConfigurationTests
{
    private static List<string> AlertIndicators(string ndjson)
    {
        var indicators = new List<string>();
        foreach (var line in ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("type").GetString() == "alert")
                indicators.Add(doc.RootElement.GetProperty("alert").GetProperty("indicator").GetString()!);
        }
        return indicators;
    }

    private static string WriteConfig(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"edge-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_threshold_in_a_config_file_changes_what_fires()
    {
        var standard = EdgeServiceProcess.Run("replay", "--events", "-");
        Assert.Equal(0, standard.ExitCode);
        Assert.Contains("203.0.113.66:8080", AlertIndicators(standard.Output));

        var config = WriteConfig("""{ "Edge": { "Detection": { "Beacon": { "MinConnections": 65 } } } }""");
        try
        {
            var strict = EdgeServiceProcess.Run("replay", "--events", "-", "--config", config);
            Assert.Equal(0, strict.ExitCode);
            var indicators = AlertIndicators(strict.Output);
            Assert.DoesNotContain("203.0.113.66:8080", indicators);
            Assert.Contains("update-sync-cdn.example", indicators);
        }
        finally
        {
            File.Delete(config);
        }
    }

    [Fact]
    public void An_environment_variable_overrides_and_a_bad_one_is_named_with_exit_2()
    {
        var env = new Dictionary<string, string> { ["Edge__Detection__Tunnel__MinQueries"] = "0" };
        var run = EdgeServiceProcess.Run(env, "replay", "--no-progress");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Edge:Detection:Tunnel:MinQueries", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_config_file_is_named_with_exit_2_and_nothing_is_replayed()
    {
        var config = WriteConfig("""{ "Edge": { "Detection": { "DgaBurst": 1 } } }""");
        try
        {
            var run = EdgeServiceProcess.Run("replay", "--no-progress", "--config", config);
            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Edge:Detection:DgaBurst", run.Error, StringComparison.Ordinal);
            Assert.Empty(run.Output);
        }
        finally
        {
            File.Delete(config);
        }
    }
}
