using System.Text;
using Edge.Uplink.Outbox;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>Outbox items whose payload says which they are.</summary>
public static class OutboxItems
{
    public const string Topic = "edge/v1/a/s/alert/scan";

    public static OutboxItem Item(string name, OutboxPriority priority = OutboxPriority.Medium, int padTo = 0) =>
        new(Topic, Encoding.UTF8.GetBytes(name.PadRight(padTo, '.')), priority, name);

    /// <summary>What one item of <paramref name="padTo"/> payload bytes counts against MaxBytes.</summary>
    public static long Size(int padTo) => padTo + Encoding.UTF8.GetByteCount(Topic);

    public static string Name(OutboxRecord record) => record.MessageId!;

    public static SqliteOutbox Open(string path, int maxMessages = 0, long maxBytes = 1 << 20,
        OutboxSynchronous synchronous = OutboxSynchronous.Normal, TimeProvider? time = null, int redeliveryWindowSeconds = 300) =>
        new(new OutboxOptions
        {
            Path = path, MaxMessages = maxMessages, MaxBytes = maxBytes, Synchronous = synchronous,
            RedeliveryWindowSeconds = redeliveryWindowSeconds,
        }, time);
}
