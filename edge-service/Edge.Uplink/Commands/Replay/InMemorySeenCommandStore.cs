namespace Edge.Uplink.Commands.Replay;

/// <summary>Seen command ids in memory, at most <c>capacity</c> at once, forgotten when their time is up.</summary>
public sealed class InMemorySeenCommandStore(int capacity = 16_384) : ISeenCommandStore
{
    private readonly Dictionary<string, DateTimeOffset> _ids = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _byExpiry = new();

    public int Count => _ids.Count;

    public SeenCommand TryRemember(string id, DateTimeOffset forgetAfter, DateTimeOffset now)
    {
        Forget(now);
        if (_ids.ContainsKey(id))
            return SeenCommand.Seen;
        if (_ids.Count >= capacity)
            return SeenCommand.Full;
        _ids[id] = forgetAfter;
        _byExpiry.Enqueue(id, forgetAfter);
        return SeenCommand.New;
    }

    /// <summary>Takes an id back (its command was not taken after all); its expiry entry lapses harmlessly.</summary>
    public void Forget(string id) => _ids.Remove(id);

    private void Forget(DateTimeOffset now)
    {
        while (_byExpiry.TryPeek(out var id, out var forgetAfter) && forgetAfter <= now)
        {
            _byExpiry.Dequeue();
            _ids.Remove(id);
        }
    }
}
