using System.Globalization;
using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;

namespace Edge.Uplink.Mqtt;

/// <summary>A heartbeat from the uplink's own figures only (uptime, sent, outbox), for a host that
/// supplies no <see cref="IHeartbeatSource"/>.</summary>
public sealed class UplinkHeartbeatSource(TimeProvider time, DateTimeOffset started, Func<string?>? intelVersion = null) : IHeartbeatSource
{
    public HeartbeatMessage Create(UplinkStats uplink, OutboxStats outbox)
    {
        var now = time.GetUtcNow();
        return new HeartbeatMessage
        {
            Ts = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            UptimeSeconds = (long)(now - started).TotalSeconds,
            Alerts = new HeartbeatAlerts(0, uplink.Sent, outbox.Depth, outbox.Dropped, 0, 0),
            Outbox = new HeartbeatOutbox(outbox.Depth, outbox.Bytes, outbox.Dropped, outbox.Refused),
            IntelVersion = intelVersion?.Invoke(),
        };
    }
}
