using Edge.Detect.Alerts;
using Edge.Detect.Intel;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Blocking;

/// <summary>Gateway mode as <c>edge-service run</c> hosts it: the nftables sets following the
/// intel, and the NFLOG group read for alerts about dropped packets. The attempts have an alert
/// pipeline of their own (the same options and sink as the capture's), because they arrive on the
/// reader's thread and <see cref="AlertPipeline"/> is single-threaded; their rule id is theirs
/// alone, so dedupe per (rule, client, address) works as for every other alert.</summary>
public sealed class GatewayBlocking : IDisposable
{
    private readonly NftBlocker _blocker;
    private readonly AlertPipeline _alerts;
    private readonly NflogReader? _reader;

    private GatewayBlocking(NftBlocker blocker, AlertPipeline alerts, NflogReader? reader)
    {
        _blocker = blocker;
        _alerts = alerts;
        _reader = reader;
    }

    public BlockingCounters Counters => _blocker.Counters;

    /// <summary>Null in monitor mode (nothing is touched, nft never runs).</summary>
    public static GatewayBlocking? Start(BlockingSettings settings, IntelHolder intel, IAlertSink sink, AlertOptions alertOptions,
        ILoggerFactory loggers, INftRunner? nft = null)
    {
        if (!settings.Gateway)
            return null;
        var log = loggers.CreateLogger("Edge.Blocking");
        var blocker = new NftBlocker(settings, nft ?? new NftProcessRunner(settings.Nft), log);
        blocker.Start(intel);
        var alerts = new AlertPipeline(alertOptions, sink);
        var reader = NflogReader.Open(settings.LogGroup, new BlockedAttemptDetector(intel, settings, alerts, blocker.Counters),
            why => BlockingLog.NflogUnavailable(log, settings.LogGroup, why), out var error);
        if (reader is null)
            BlockingLog.NflogUnavailable(log, settings.LogGroup, error ?? "unknown error");
        return new GatewayBlocking(blocker, alerts, reader);
    }

    /// <summary>Refreshes the drop counters from nft.</summary>
    public void ReadCounters() => _blocker.ReadCounters();

    public void Dispose()
    {
        _reader?.Dispose();
        _alerts.Flush();
        _blocker.Dispose();
    }
}
