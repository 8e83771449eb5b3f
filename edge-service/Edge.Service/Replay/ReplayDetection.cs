using Edge.Detect.Alerts;
using Edge.Detect.Detectors;
using Edge.Detect.Intel;
using Edge.Detect.Suppressions;

namespace Edge.Service.Replay;

/// <summary>Detection for a replay: intel from the given lists (the bundled sample lists when none are
/// given), every detector, and the alert pipeline feeding <paramref name="alerts"/> (asking
/// <paramref name="evidence"/>, when given, to keep each new alert's packets).</summary>
public sealed class ReplayDetection
{
    public ReplayDetection(IReadOnlyList<string> intelPaths, IAlertSink alerts, IReadOnlyList<string>? suppressionFiles = null, IAlertEvidence? evidence = null)
    {
        var suppressions = new List<Suppression>();
        foreach (var file in suppressionFiles ?? [])
        {
            var (parsed, errors) = SuppressionParser.Parse(file, File.ReadLines(file));
            suppressions.AddRange(parsed);
            SuppressionErrors.AddRange(errors);
        }
        var paths = intelPaths.Count > 0 ? intelPaths : [BundledIntel];
        var (snapshot, report) = IntelLoader.Load(paths);
        IntelReport = report;
        Pipeline = new AlertPipeline(new AlertOptions(), alerts, new SuppressionList(suppressions), evidence);
        var options = new DetectionOptions
        {
            ProtectedDomains = ProtectedDomains(IntelLoader.Expand(paths, new IntelLoadOptions())),
            // A replay gives the same alerts every time it runs.
            Tunnel = new Edge.Detect.Behaviour.TunnelOptions { HashSeed = ReplaySeed },
            FanOut = new Edge.Detect.Behaviour.FanOutOptions { HashSeed = ReplaySeed },
        };
        Engine = new DetectionEngine(new IntelHolder(snapshot), options, Pipeline);
    }

    private const ulong ReplaySeed = 0x9E3779B97F4A7C15;

    public static string BundledIntel => Path.Combine(AppContext.BaseDirectory, "Samples", "intel");

    public DetectionEngine Engine { get; }

    public AlertPipeline Pipeline { get; }

    public IntelLoadReport IntelReport { get; }

    /// <summary>Suppression lines refused, as "file:line: field: why"; the rest were loaded.</summary>
    public List<string> SuppressionErrors { get; } = [];

    /// <summary>The agency's own domains: the first column of lists named protected*.txt.</summary>
    private static List<string> ProtectedDomains(IReadOnlyList<IntelSource> sources)
    {
        var domains = new List<string>();
        foreach (var source in sources)
        {
            if (!Path.GetFileName(source.Path).StartsWith("protected", StringComparison.OrdinalIgnoreCase))
                continue;
            foreach (var line in File.ReadLines(source.Path))
            {
                var text = line.Trim();
                if (text.Length == 0 || text[0] == '#')
                    continue;
                domains.Add(text.Split((char[])['\t', ' '], 2)[0]);
            }
        }
        return domains;
    }
}
