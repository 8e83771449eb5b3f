using System.Collections.Concurrent;
using System.Text;
using Edge.Uplink.Mqtt;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>An <see cref="ICommandInbox"/> that keeps what it is handed.</summary>
public sealed class RecordingInbox : ICommandInbox
{
    public ConcurrentQueue<(string Name, string Payload)> Commands { get; } = new();

    public ValueTask HandleAsync(string name, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        Commands.Enqueue((name, Encoding.UTF8.GetString(payload.Span)));
        return ValueTask.CompletedTask;
    }
}
