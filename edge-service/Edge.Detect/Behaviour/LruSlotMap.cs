using System.Numerics;

namespace Edge.Detect.Behaviour;

/// <summary>A fixed-capacity map from a key to a slot number in [0, capacity), allocated up front.
/// When full, the least recently used key loses its slot to the new one (counted in
/// <see cref="Evictions"/>). Callers keep per-slot state in their own arrays and reset it when a
/// slot is handed out anew. Hashing goes through the key's GetHashCode, which for IpAddr is
/// randomised per process, so chains cannot be aimed at from the wire.</summary>
internal sealed class LruSlotMap<TKey>
    where TKey : struct, IEquatable<TKey>
{
    private const int None = -1;

    private readonly TKey[] _keys;
    // A slot's hash, bucket chain and recency links side by side: one line per slot visited.
    private readonly Links[] _links;
    private readonly int[] _buckets;
    private int _newest = None;
    private int _oldest = None;

    public LruSlotMap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _keys = new TKey[capacity];
        _links = new Links[capacity];
        _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        Array.Fill(_buckets, None);
    }

    public int Count { get; private set; }

    public int Capacity => _keys.Length;

    public long Evictions { get; private set; }

    /// <summary>The key's slot, made the most recently used; <paramref name="created"/> when the
    /// slot was just assigned (its old state, if any, belongs to an evicted key).</summary>
    public int Acquire(in TKey key, out bool created)
    {
        var hash = key.GetHashCode();
        var slot = Find(key, hash);
        created = slot == None;
        if (created)
        {
            if (Count < _keys.Length)
                slot = Count++;
            else
            {
                slot = _oldest;
                Unlink(slot);
                Unchain(slot);
                Evictions++;
            }
            _keys[slot] = key;
            _links[slot].Hash = hash;
            ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
            _links[slot].Chain = bucket;
            bucket = slot;
        }
        else
            Unlink(slot);
        PushNewest(slot);
        return slot;
    }

    public bool TryFind(in TKey key, out int slot)
    {
        slot = Find(key, key.GetHashCode());
        return slot != None;
    }

    public ref readonly TKey KeyAt(int slot) => ref _keys[slot];

    private int Find(in TKey key, int hash)
    {
        for (var slot = _buckets[hash & (_buckets.Length - 1)]; slot != None; slot = _links[slot].Chain)
        {
            if (_links[slot].Hash == hash && _keys[slot].Equals(key))
                return slot;
        }
        return None;
    }

    private void Unchain(int slot)
    {
        ref var link = ref _buckets[_links[slot].Hash & (_buckets.Length - 1)];
        while (link != slot)
            link = ref _links[link].Chain;
        link = _links[slot].Chain;
    }

    private void Unlink(int slot)
    {
        ref var links = ref _links[slot];
        if (links.Newer == None)
            _newest = links.Older;
        else
            _links[links.Newer].Older = links.Older;
        if (links.Older == None)
            _oldest = links.Newer;
        else
            _links[links.Older].Newer = links.Newer;
    }

    private void PushNewest(int slot)
    {
        _links[slot].Newer = None;
        _links[slot].Older = _newest;
        if (_newest != None)
            _links[_newest].Newer = slot;
        _newest = slot;
        if (_oldest == None)
            _oldest = slot;
    }

    private struct Links
    {
        public int Hash;
        public int Chain;
        public int Newer;
        public int Older;
    }
}
