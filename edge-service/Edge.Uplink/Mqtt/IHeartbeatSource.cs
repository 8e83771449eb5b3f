using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;

namespace Edge.Uplink.Mqtt;

/// <summary>Makes the heartbeat: the service adds its packets, drops, DNS and alert counters to
/// what the uplink knows (its own counters and the outbox state).</summary>
public interface IHeartbeatSource
{
    HeartbeatMessage Create(UplinkStats uplink, OutboxStats outbox);
}
