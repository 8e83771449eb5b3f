using Edge.Detect.Alerts;
using Edge.Detect.Detectors;
using Edge.Detect.Findings;
using Edge.Detect.Intel;
using Edge.Detect.Suppressions;
using Edge.Service.Configuration;

namespace Edge.Service.Replay;

/// <summary>Detection for a replay: intel from the given lists (else those of the settings, else the
/// bundled sample lists), every detector with the thresholds of the settings, and the alert pipeline
/// feeding <paramref name="alerts"/> (asking <paramref name="evidence"/>, when given, to keep each new
/// alert's packets). The live sensor (<c>run</c>) uses it too, with <c>reproducible: false</c>, and
/// <paramref name="findings"/> to mark what its DNS forwarder blocked.</summary>
public sealed class ReplayDetection
{
    public ReplayDetection(IReadOnlyList<string> intelPaths, IAlertSink alerts, IReadOnlyList<string>? suppressionFiles = null,
        EdgeSettings? settings = null, IAlertEvidence? evidence = null, bool reproducible = true,
        Func<IFindingSink, IFindingSink>? findings = null)
    {
        settings ??= new EdgeSettings();
        var suppressions = new List<Suppression>();
        foreach (var file in suppressionFiles ?? [])
        {
            var (parsed, errors) = SuppressionParser.Parse(file, File.ReadLines(file));
            suppressions.AddRange(parsed);
            SuppressionErrors.AddRange(errors);
        }
        var paths = intelPaths.Count > 0 ? intelPaths : settings.Intel.Lists.Count > 0 ? settings.Intel.Lists : [BundledIntel];
        var (snapshot, report) = IntelLoader.Load(paths);
        IntelReport = report;
        Pipeline = new AlertPipeline(settings.Alerts, alerts, new SuppressionList(suppressions), evidence);
        var configured = settings.Detection;
        // A replay gives the same alerts every time it runs, unless the settings pick a seed. A live
        // sensor keeps its seeds random, so nobody can aim traffic at one hash bucket.
        if (reproducible)
        {
            configured.Tunnel.HashSeed ??= ReplaySeed;
            configured.FanOut.HashSeed ??= ReplaySeed;
        }
        var options = configured with
        {
            ProtectedDomains = [.. configured.ProtectedDomains, .. ProtectedDomains(IntelLoader.Expand(paths, new IntelLoadOptions()))],
        };
        IntelPaths = paths;
        Intel = new IntelHolder(snapshot);
        Engine = new DetectionEngine(Intel, options, findings is null ? Pipeline : findings(Pipeline));
    }

    private const ulong ReplaySeed = 0x9E3779B97F4A7C15;

    public static string BundledIntel => Path.Combine(AppContext.BaseDirectory, "Samples", "intel");

    public DetectionEngine Engine { get; }

    public AlertPipeline Pipeline { get; }

    /// <summary>The intel in use; a command may swap a new set in while the replay runs.</summary>
    public IntelHolder Intel { get; }

    /// <summary>The list files and folders the intel was loaded from.</summary>
    public IReadOnlyList<string> IntelPaths { get; }

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
