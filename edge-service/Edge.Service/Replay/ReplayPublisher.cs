using Edge.Service.Configuration;
using Edge.Service.Uplink;
using Microsoft.Extensions.Logging;

namespace Edge.Service.Replay;

/// <summary><c>replay --publish</c>: the replay's alerts go through the durable outbox to the configured
/// broker, or to an embedded one on 127.0.0.1 with a subscriber that shows them arriving.</summary>
public sealed class ReplayPublisher : IAsyncDisposable
{
    private readonly ServiceUplink _uplink;
    private readonly BrokerEcho? _echo;
    private readonly ILoggerFactory _logging;

    private ReplayPublisher(ServiceUplink uplink, BrokerEcho? echo, ILoggerFactory logging)
    {
        _uplink = uplink;
        _echo = echo;
        _logging = logging;
    }

    private static readonly TimeSpan ConnectWait = TimeSpan.FromSeconds(5);

    public ServiceUplink Uplink => _uplink;

    public static async Task<ReplayPublisher> StartAsync(EdgeSettings settings, string? configFile, ReplayDetection detection,
        Func<PipelineFigures> pipeline)
    {
        var logging = LoggerFactory.Create(builder => builder
            .SetMinimumLevel(LogLevel.Warning)
            .AddSimpleConsole(options => options.SingleLine = true));
        var uplink = await ServiceUplink.StartAsync(new ServiceUplinkSetup(settings, configFile,
            StatePaths.Resolve(settings.Sensor.StateDirectory), detection.Intel, detection.IntelPaths, null, pipeline,
            logging, TimeProvider.System)).ConfigureAwait(false);
        var echo = uplink.Embedded is null ? null : await BrokerEcho.StartAsync(uplink.Embedded.Url, uplink.Topics.Root).ConfigureAwait(false);
        // Replay once connected (or after a bounded wait: the outbox keeps the alerts either way), so the
        // birth comes before the alerts and commands queued for this sensor are taken during the replay.
        var deadline = DateTime.UtcNow + ConnectWait;
        while (!uplink.Stats.Connected && DateTime.UtcNow < deadline)
            await Task.Delay(10).ConfigureAwait(false);
        return new ReplayPublisher(uplink, echo, logging);
    }

    /// <summary>Waits for the outbox to empty (bounded) and writes the uplink's lines of the summary.</summary>
    public async Task<bool> FinishAsync(TextWriter report, TimeSpan timeout)
    {
        var drained = await _uplink.DrainAsync(timeout).ConfigureAwait(false);
        if (_echo is not null)
            await _echo.WaitForAsync(_uplink.Stats.Sent, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var stats = _uplink.Stats;
        var outbox = _uplink.Outbox;
        var where = _uplink.Embedded is null ? _uplink.Broker.ToString() : $"{_uplink.Embedded.Url} (embedded broker: no Edge:Uplink:Broker configured)";
        report.WriteLine($"uplink         {where}, topics {_uplink.Topics.Root}/…");
        report.WriteLine($"outbox         {_uplink.Sink.Raised:N0} alert message(s) stored in {_uplink.OutboxPath}, {stats.Sent:N0} message(s) acknowledged by the broker{(stats.Redelivered > 0 ? $" ({stats.Redelivered:N0} of them delivered before and sent again: the broker had no session for this sensor)" : "")}, {outbox.Depth:N0} left{(drained ? "" : " (kept for the next start)")}, {outbox.Dropped:N0} dropped");
        if (_echo is not null)
            report.WriteLine($"broker saw     {_echo.Alerts:N0} alert(s), {_echo.Status:N0} status, {_echo.Heartbeats:N0} heartbeat(s) (a subscriber on {_uplink.Topics.Root}/#)");
        return drained;
    }

    public async ValueTask DisposeAsync()
    {
        if (_echo is not null)
            await _echo.DisposeAsync().ConfigureAwait(false);
        await _uplink.DisposeAsync().ConfigureAwait(false);
        _logging.Dispose();
    }
}
