using System.Buffers.Binary;
using System.Numerics;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Detect.Detectors;

/// <summary>A fixed-capacity, two-way set-associative cache of <see cref="NameFacts"/> by a name's
/// exact bytes: real traffic asks about the same few names over and over, and the public suffix,
/// intel, typosquat, tunnel-shape and DGA work on a name need not be redone for each packet. The
/// facts are pure functions of the bytes, the detectors' fixed settings and the intel snapshot, so
/// the cache is emptied when the snapshot changes and cannot change a verdict. Names longer than
/// <see cref="MaxNameLength"/> (more than any listed name can be, RFC 1035's 253 octets plus a dot;
/// only escapes make a presentation name longer) are worked out each time. Memory is fixed at
/// construction: about <c>Capacity × (MaxNameLength + 100)</c> bytes, 1.4 MB at the default 4,096;
/// the hash is seeded per instance, so a sender cannot aim names at one set.</summary>
internal sealed class NameCache
{
    public const int MaxNameLength = 256;

    private const int Ways = 2;

    private readonly byte[] _names;
    private readonly byte[] _texts;
    private readonly byte[] _uncachedText;
    // Hash and length of each entry, the two ways of a set side by side (32 bytes): a set is
    // checked on one line before any name bytes are compared.
    private readonly Tag[] _tags;
    private readonly NameFacts[] _facts;
    private readonly byte[] _recentWay;
    private readonly int _setMask;
    private readonly ulong _seed;
    private NameFacts _uncached;
    private IntelSnapshot? _snapshot;

    /// <param name="withText">Each entry also keeps <see cref="MaxNameLength"/> bytes the caller
    /// fills on a miss (the presentation form of a name cached by its wire form).</param>
    public NameCache(int capacity, ulong seed, bool withText = false)
    {
        if (capacity < Ways || !BitOperations.IsPow2(capacity))
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "the name cache capacity must be a power of two, at least 2");
        _names = new byte[capacity * MaxNameLength];
        _texts = withText ? new byte[capacity * MaxNameLength] : [];
        _uncachedText = withText ? new byte[MaxNameLength] : [];
        _tags = new Tag[capacity];
        _facts = new NameFacts[capacity];
        _recentWay = new byte[capacity / Ways];
        _setMask = capacity / Ways - 1;
        _seed = seed;
    }

    public int Capacity => _tags.Length;

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    /// <summary>Names that took the place of another.</summary>
    public long Evictions { get; private set; }

    /// <summary>Times the cache was emptied because the intel snapshot changed.</summary>
    public long Flushes { get; private set; }

    /// <summary>The facts of <paramref name="name"/> under <paramref name="snapshot"/>. When
    /// <paramref name="fresh"/>, they are empty and the caller fills the listing and kill switch.
    /// The reference is valid until the next call.</summary>
    public ref NameFacts Get(ReadOnlySpan<byte> name, IntelSnapshot snapshot, out bool fresh) => ref Get(name, snapshot, out fresh, out _);

    /// <summary>As <see cref="Get(ReadOnlySpan{byte}, IntelSnapshot, out bool)"/>, with the entry's
    /// text bytes (empty unless the cache was made with text); what the caller wrote there on the
    /// miss is there on every hit.</summary>
    public ref NameFacts Get(ReadOnlySpan<byte> name, IntelSnapshot snapshot, out bool fresh, out Span<byte> text)
    {
        fresh = true;
        if (!ReferenceEquals(snapshot, _snapshot))
        {
            if (_snapshot is not null)
                Flushes++;
            Array.Clear(_tags);
            _snapshot = snapshot;
        }
        if (name.IsEmpty || name.Length > MaxNameLength)
        {
            Misses++;
            _uncached = default;
            text = _uncachedText;
            return ref _uncached;
        }
        var hash = Hash(name);
        var set = (int)hash & _setMask;
        var first = set * Ways;
        for (var way = 0; way < Ways; way++)
        {
            var entry = first + way;
            ref readonly var tag = ref _tags[entry];
            if (tag.Hash == hash && tag.Length == name.Length
                && name.SequenceEqual(_names.AsSpan(entry * MaxNameLength, name.Length)))
            {
                Hits++;
                _recentWay[set] = (byte)way;
                fresh = false;
                text = Text(entry);
                return ref _facts[entry];
            }
        }
        Misses++;
        var victim = 1 - _recentWay[set];
        var slot = first + victim;
        if (_tags[slot].Length != 0)
            Evictions++;
        _recentWay[set] = (byte)victim;
        _tags[slot] = new Tag { Hash = hash, Length = name.Length };
        name.CopyTo(_names.AsSpan(slot * MaxNameLength));
        _facts[slot] = default;
        text = Text(slot);
        return ref _facts[slot];
    }

    private Span<byte> Text(int entry) => _texts.Length == 0 ? default : _texts.AsSpan(entry * MaxNameLength, MaxNameLength);

    private ulong Hash(ReadOnlySpan<byte> name)
    {
        var hash = _seed ^ (ulong)name.Length;
        var i = 0;
        for (; i + 8 <= name.Length; i += 8)
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(name[i..])) * 0x9E3779B97F4A7C15UL, 31);
        if (i < name.Length)
        {
            ulong tail = 0;
            for (var j = name.Length - 1; j >= i; j--)
                tail = (tail << 8) | name[j];
            hash = BitOperations.RotateLeft((hash ^ tail) * 0x9E3779B97F4A7C15UL, 31);
        }
        return AddressHash.Mix(hash);
    }

    private struct Tag
    {
        public ulong Hash;
        public int Length;
    }
}
