namespace Edge.Service.Evidence;

/// <summary>The files in the store, oldest first, and their total size: what eviction works from.</summary>
internal sealed class EvidenceFiles
{
    private readonly LinkedList<(string Name, long Bytes)> _byAge = new();
    private readonly Dictionary<string, LinkedListNode<(string Name, long Bytes)>> _byName = new(StringComparer.Ordinal);

    public int Count => _byName.Count;

    public long TotalBytes { get; private set; }

    /// <summary>Adds a file as the newest (replacing one of the same name).</summary>
    public void Add(string name, long bytes)
    {
        Remove(name);
        _byName[name] = _byAge.AddLast((name, bytes));
        TotalBytes += bytes;
    }

    /// <summary>Forgets a file; returns its size, or -1 when it was not there.</summary>
    public long Remove(string name)
    {
        if (!_byName.Remove(name, out var node))
            return -1;
        _byAge.Remove(node);
        TotalBytes -= node.Value.Bytes;
        return node.Value.Bytes;
    }

    public bool TryTakeOldest(out string name, out long bytes)
    {
        if (_byAge.First is not { } first)
        {
            (name, bytes) = ("", 0);
            return false;
        }
        (name, bytes) = first.Value;
        Remove(name);
        return true;
    }
}
