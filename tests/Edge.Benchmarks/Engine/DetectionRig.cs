using Edge.Benchmarks.Corpus;
using Edge.Detect.Alerts;
using Edge.Detect.Behaviour;
using Edge.Detect.Detectors;
using Edge.Detect.Intel;
using Edge.Watch.Pipeline;

namespace Edge.Benchmarks.Engine;

/// <summary>A Watch engine with the observer under test, wired as <c>edge-service replay</c> wires it
/// (Edge.Service.Replay.ReplayDetection): corpus intel, agency domains from protected*.txt, fixed
/// hash seeds, alerts into a sink that drops them.</summary>
internal sealed class DetectionRig
{
    private const ulong ReplaySeed = 0x9E3779B97F4A7C15;

    public DetectionRig(ReplayObserver observer)
    {
        IWatchObserver watcher = NullWatchObserver.Instance;
        if (observer == ReplayObserver.Detection)
        {
            var intel = CorpusLocator.Intel();
            var (snapshot, _) = IntelLoader.Load([intel]);
            Pipeline = new AlertPipeline(new AlertOptions(), new DroppingAlertSink());
            var options = new DetectionOptions
            {
                ProtectedDomains = ProtectedDomains(intel),
                Tunnel = new TunnelOptions { HashSeed = ReplaySeed },
                FanOut = new FanOutOptions { HashSeed = ReplaySeed },
            };
            Detection = new DetectionEngine(new IntelHolder(snapshot), options, Pipeline);
            watcher = Detection;
        }
        Engine = new WatchEngine(new WatchOptions(), watcher);
    }

    public WatchEngine Engine { get; }

    public AlertPipeline? Pipeline { get; }

    public DetectionEngine? Detection { get; }

    private static List<string> ProtectedDomains(string folder)
    {
        var domains = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "protected*.txt"))
        {
            foreach (var line in File.ReadLines(file))
            {
                var text = line.Trim();
                if (text.Length > 0 && text[0] != '#')
                    domains.Add(text.Split((char[])['\t', ' '], 2)[0]);
            }
        }
        return domains;
    }

    private sealed class DroppingAlertSink : IAlertSink
    {
        public void Raise(Alert alert)
        {
        }
    }
}
