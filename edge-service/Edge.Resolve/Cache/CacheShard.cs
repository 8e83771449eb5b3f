using System.Buffers.Binary;
using Edge.Resolve.Resolution;

namespace Edge.Resolve.Cache;

/// <summary>One lock's worth of the cache: an open-addressing table (linear probing, backward-shift
/// deletion) of indices into a dense entry array, a byte budget, and CLOCK eviction (a referenced
/// bit per entry, one hand): O(1) amortised whatever the fill, so a full cache keeps its
/// throughput. Arrays grow by doubling as entries arrive; nothing is sized for the budget up front.</summary>
internal sealed class CacheShard
{
    /// <summary>Charged per entry beside its rounded data: the array header (24), the entry struct (40)
    /// in an array up to half empty, and table slots at a load of 1/4 to 1/2: the worst case.</summary>
    public const int EntryOverhead = 120;

    private const int MaxSpareLength = 4096;

    private readonly Lock _lock = new();
    private readonly long _budget;
    private readonly ResolverCounters _counters;
    private int[] _buckets = new int[16];
    private CacheEntry[] _entries = new CacheEntry[8];
    private readonly byte[]?[] _spares = new byte[]?[4];
    private int _spareNext;
    private int _count;
    private int _hand;
    private long _bytes;

    public CacheShard(long budget, ResolverCounters counters)
    {
        _budget = budget;
        _counters = counters;
    }

    public int Count => _count;

    /// <summary>Copies a live entry's answer into <paramref name="response"/> with every TTL lowered
    /// by its age. <paramref name="prefetchDue"/> says the entry is hot and near its end, and was
    /// not offered before.</summary>
    public bool TryServe(ReadOnlySpan<byte> key, int hash, long nowMs, int prefetchHits, Span<byte> response, out int length, out bool prefetchDue)
    {
        length = 0;
        prefetchDue = false;
        lock (_lock)
        {
            var index = Find(key, hash);
            if (index < 0)
                return false;
            ref var entry = ref _entries[index];
            if (entry.ExpiredAt(nowMs))
            {
                Remove(index);
                return false;
            }
            var answer = entry.Answer;
            if (answer.Length > response.Length)
                return false;
            answer.CopyTo(response);
            length = answer.Length;
            var ageMs = nowMs - entry.StoredMs;
            var age = (uint)(ageMs / 1000);
            if (age > 0)
            {
                var offsets = entry.TtlOffsets;
                for (var i = 0; i < offsets.Length; i += 2)
                {
                    var at = BinaryPrimitives.ReadUInt16LittleEndian(offsets[i..]);
                    var ttl = BinaryPrimitives.ReadUInt32BigEndian(response[at..]);
                    BinaryPrimitives.WriteUInt32BigEndian(response[at..], ttl > age ? ttl - age : 0);
                }
            }
            entry.Referenced = true;
            entry.Hits++;
            if (!entry.PrefetchOffered && entry.Hits >= prefetchHits)
            {
                var ttlMs = entry.TtlSeconds * 1000L;
                var window = Math.Max(ttlMs / 10, Math.Min(10_000, ttlMs / 2));
                if (ttlMs - ageMs <= window)
                {
                    entry.PrefetchOffered = true;
                    prefetchDue = true;
                }
            }
            return true;
        }
    }

    /// <summary>Stores or refreshes the answer under <paramref name="key"/>; evicts until it fits.</summary>
    public void Store(ReadOnlySpan<byte> key, int hash, ReadOnlySpan<byte> answer, ReadOnlySpan<ushort> ttlOffsets, uint ttlSeconds, long nowMs)
    {
        var need = key.Length + answer.Length + ttlOffsets.Length * 2;
        var rounded = (need + 63) & ~63;
        if (rounded + EntryOverhead > _budget || answer.Length > ushort.MaxValue)
            return;
        lock (_lock)
        {
            var index = Find(key, hash);
            if (index >= 0 && _entries[index].Data!.Length < need)
            {
                Remove(index);
                index = -1;
            }
            if (index < 0)
            {
                while (_count > 0 && _bytes + rounded + EntryOverhead > _budget)
                    EvictOne(nowMs);
                index = Insert(hash, Rent(rounded));
            }
            ref var entry = ref _entries[index];
            var data = entry.Data!;
            key.CopyTo(data);
            answer.CopyTo(data.AsSpan(key.Length));
            var offsets = data.AsSpan(key.Length + answer.Length);
            for (var i = 0; i < ttlOffsets.Length; i++)
                BinaryPrimitives.WriteUInt16LittleEndian(offsets[(i * 2)..], ttlOffsets[i]);
            entry.KeyLength = (ushort)key.Length;
            entry.AnswerLength = (ushort)answer.Length;
            entry.TtlCount = (ushort)ttlOffsets.Length;
            entry.TtlSeconds = ttlSeconds;
            entry.StoredMs = nowMs;
            entry.Hits = 0;
            entry.Referenced = false;
            entry.PrefetchOffered = false;
        }
    }

    private int Find(ReadOnlySpan<byte> key, int hash)
    {
        var mask = _buckets.Length - 1;
        for (var slot = Home(hash, mask); ; slot = (slot + 1) & mask)
        {
            var value = _buckets[slot];
            if (value == 0)
                return -1;
            ref var entry = ref _entries[value - 1];
            if (entry.Hash == hash && entry.Key.SequenceEqual(key))
                return value - 1;
        }
    }

    private static int Home(int hash, int mask) => (int)((uint)hash >> 8) & mask;

    private int Insert(int hash, byte[] data)
    {
        if ((_count + 1) * 2 > _buckets.Length)
            GrowBuckets();
        if (_count == _entries.Length)
            Array.Resize(ref _entries, _entries.Length * 2);
        var index = _count++;
        _entries[index] = new CacheEntry { Data = data, Hash = hash };
        Place(hash, index);
        _bytes += data.Length + EntryOverhead;
        _counters.CacheChanged(1, data.Length + EntryOverhead);
        return index;
    }

    private void Place(int hash, int index)
    {
        var mask = _buckets.Length - 1;
        var slot = Home(hash, mask);
        while (_buckets[slot] != 0)
            slot = (slot + 1) & mask;
        _buckets[slot] = index + 1;
    }

    private void GrowBuckets()
    {
        _buckets = new int[_buckets.Length * 2];
        for (var i = 0; i < _count; i++)
            Place(_entries[i].Hash, i);
    }

    private void EvictOne(long nowMs)
    {
        // Two sweeps at most: the first clears every referenced bit it passes.
        for (var step = 0; step < 2 * _count + 1; step++)
        {
            if (_hand >= _count)
                _hand = 0;
            ref var entry = ref _entries[_hand];
            if (entry.Referenced && !entry.ExpiredAt(nowMs))
            {
                entry.Referenced = false;
                _hand++;
                continue;
            }
            Remove(_hand);
            _counters.CacheEvicted();
            return;
        }
    }

    /// <summary>Deletes entry <paramref name="index"/>: backward-shift in the table, the last entry
    /// moved into its place so the array stays dense.</summary>
    private void Remove(int index)
    {
        var mask = _buckets.Length - 1;
        var slot = SlotOf(index, mask);
        var hole = slot;
        for (var next = (hole + 1) & mask; _buckets[next] != 0; next = (next + 1) & mask)
        {
            var home = Home(_entries[_buckets[next] - 1].Hash, mask);
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                _buckets[hole] = _buckets[next];
                hole = next;
            }
        }
        _buckets[hole] = 0;

        var data = _entries[index].Data!;
        _bytes -= data.Length + EntryOverhead;
        _counters.CacheChanged(-1, -(data.Length + EntryOverhead));
        Spare(data);
        var last = --_count;
        if (index != last)
        {
            _buckets[SlotOf(last, mask)] = index + 1;
            _entries[index] = _entries[last];
        }
        _entries[last] = default;
    }

    private int SlotOf(int index, int mask)
    {
        var slot = Home(_entries[index].Hash, mask);
        while (_buckets[slot] != index + 1)
            slot = (slot + 1) & mask;
        return slot;
    }

    /// <summary>An evicted entry's array, kept for the next insert of the same size class, so a
    /// full cache replacing entries mostly stops allocating.</summary>
    private void Spare(byte[] data)
    {
        if (data.Length > MaxSpareLength)
            return;
        _spares[_spareNext] = data;
        _spareNext = (_spareNext + 1) % _spares.Length;
    }

    private byte[] Rent(int rounded)
    {
        for (var i = 0; i < _spares.Length; i++)
        {
            var spare = _spares[i];
            if (spare is not null && spare.Length == rounded)
            {
                _spares[i] = null;
                return spare;
            }
        }
        return new byte[rounded];
    }
}
