using System.Numerics;

namespace Edge.Detect.Behaviour;

/// <summary>A bounded map from a key to a slot number in [0, maxCapacity). Slots are handed out in
/// order; the arrays start at <see cref="InitialCapacity"/> and double as keys come, up to the cap.
/// When full, the least recently used key loses its slot to the new one (counted in
/// <see cref="Evictions"/>). Callers keep per-slot state in their own arrays, grown with
/// <see cref="SlotArrays.Fit"/> to <see cref="Capacity"/>, and reset it when a slot is handed out anew. Hashing goes through the key's GetHashCode, which for IpAddr is
/// randomised per process, so chains cannot be aimed at from the wire.</summary>
internal sealed class LruSlotMap<TKey>
    where TKey : struct, IEquatable<TKey>
{
    public const int InitialCapacity = 64;
    private const int None = -1;

    private readonly int _maxCapacity;
    private TKey[] _keys = [];
    // A slot's hash, bucket chain and recency links side by side: one line per slot visited.
    private Links[] _links = [];
    private int[] _buckets = [];
    private int _newest = None;
    private int _oldest = None;

    public LruSlotMap(int maxCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCapacity, 1);
        _maxCapacity = maxCapacity;
        Grow(Math.Min(InitialCapacity, maxCapacity));
    }

    public int Count { get; private set; }

    /// <summary>Slots there is room for now; every slot number handed out is below it.</summary>
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
            if (Count == _keys.Length && _keys.Length < _maxCapacity)
                Grow(Math.Min(_keys.Length * 2, _maxCapacity));
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

    private void Grow(int capacity)
    {
        Array.Resize(ref _keys, capacity);
        Array.Resize(ref _links, capacity);
        _buckets = new int[(int)BitOperations.RoundUpToPowerOf2((uint)capacity * 2)];
        Array.Fill(_buckets, None);
        for (var slot = 0; slot < Count; slot++)
        {
            ref var bucket = ref _buckets[_links[slot].Hash & (_buckets.Length - 1)];
            _links[slot].Chain = bucket;
            bucket = slot;
        }
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
