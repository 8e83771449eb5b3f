using Edge.Uplink.Outbox;
using Microsoft.Extensions.Logging;

namespace Edge.Uplink.Mqtt;

/// <summary>After each connect, before the pump runs: a CONNACK without a session (MQTT 5 and 3.1.1
/// alike) where the sensor had one means the broker lost its state (restarted without persistence,
/// killed), and with it may have lost messages it had acknowledged but not yet handed on. The
/// delivered messages the outbox still keeps are then made pending again and sent once more.</summary>
public sealed class SessionRecovery(IOutbox outbox, UplinkCounters counters, ILogger logger)
{
    private bool _connectedBefore;

    /// <summary>Returns how many messages were made pending again (0 when the session was present).</summary>
    public int AfterConnect(string broker, bool sessionPresent)
    {
        var before = _connectedBefore;
        _connectedBefore = true;
        if (sessionPresent)
            return 0;
        // Also on this process's first connect: kept messages from before a restart of the sensor
        // prove it had a session, which the broker no longer has.
        int count;
        try
        {
            count = outbox.Redeliver();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The pump still sends what is pending; only the kept messages are not sent again.
            counters.Error("redelivery after a lost session failed: " + e.Message);
            UplinkLog.RedeliverFailed(logger, e);
            return 0;
        }
        if (before || count > 0)
        {
            UplinkLog.SessionLost(logger, broker, count);
            counters.SessionLost(count);
        }
        return count;
    }
}
