using Edge.Benchmarks.Corpus;
using Edge.Watch.Pipeline;

namespace Edge.Benchmarks.Engine;

/// <summary>Guards that a benchmark measures what it claims: after one batch in setup, the engine's
/// counters must show the expected work, or the run stops.</summary>
internal static class EngineChecks
{
    public static void EveryFrameParsed(WatchEngine engine, FrameKind kind, int batch)
    {
        var counters = engine.Counters;
        var parsed = kind switch
        {
            FrameKind.DnsQuery => counters.DnsQueries,
            FrameKind.DnsResponse => counters.DnsResponses,
            FrameKind.TlsClientHello => counters.TlsClientHellos,
            FrameKind.HttpGet => counters.HttpRequests,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        Require(parsed == batch, $"{kind}: {parsed} of {batch} frames parsed");
        Require(engine.Flows.Counters.Created == batch, $"{kind}: {engine.Flows.Counters.Created} flows created for {batch} frames");
        Require(engine.Errors.Total == 0, $"{kind}: {engine.Errors.Total} decode errors");
    }

    public static void OneFlow(WatchEngine engine, int batch)
    {
        Require(engine.Counters.Packets == batch, $"{engine.Counters.Packets} of {batch} packets counted");
        Require(engine.Flows.Count == 1, $"{engine.Flows.Count} flows instead of one");
        Require(engine.Errors.Total == 0, $"{engine.Errors.Total} decode errors");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new InvalidOperationException("benchmark setup: " + message);
    }
}
