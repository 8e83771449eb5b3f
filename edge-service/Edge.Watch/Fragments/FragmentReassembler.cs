using Edge.Watch.Net;

namespace Edge.Watch.Fragments;

/// <summary>Reassembles IPv4 (RFC 791 §3.2) and IPv6 (RFC 8200 §4.5) fragments in a fixed set of
/// 64 KiB slots allocated at start-up. The oldest datagram is dropped when all slots are busy and
/// any datagram is dropped when its first piece is older than the timeout. Overlapping pieces with
/// different bytes drop the datagram (RFC 5722 for IPv6; for IPv4 it denies the overlap evasion).</summary>
public sealed class FragmentReassembler
{
    public const int MaxDatagram = 65_535;
    private const int BlockSize = 8;
    private const int Blocks = (MaxDatagram + BlockSize) / BlockSize;
    private const int BitmapWords = Blocks / 64;
    private const long MicrosPerSecond = 1_000_000;

    private readonly byte[] _memory;
    private readonly ulong[] _bitmaps;
    private readonly Slot[] _slots;
    private readonly long _timeoutMicros;
    private long _lastSweepMicros = long.MinValue / 2;

    public FragmentReassembler(int slots, int timeoutSeconds)
    {
        if (slots is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(slots), slots, "fragment slots must be 1..4096");
        if (timeoutSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(timeoutSeconds), timeoutSeconds, "fragment timeout must be positive");
        _memory = new byte[slots * MaxDatagram];
        _bitmaps = new ulong[slots * BitmapWords];
        _slots = new Slot[slots];
        _timeoutMicros = timeoutSeconds * MicrosPerSecond;
    }

    public long Reassembled { get; private set; }

    /// <summary>Datagrams given up: timed out, pushed out by newer ones, or dropped for a bad piece.</summary>
    public long Dropped { get; private set; }

    /// <summary>Adds one fragment. On <see cref="FragmentResult.Complete"/>, <paramref name="datagram"/> is the
    /// whole upper-layer payload, valid until the next call.</summary>
    public FragmentResult Add(scoped in IpHeader header, scoped ReadOnlySpan<byte> piece, long nowMicros, out ReadOnlySpan<byte> datagram, out byte protocol)
    {
        datagram = default;
        protocol = 0;
        if (nowMicros - _lastSweepMicros >= MicrosPerSecond)
            Expire(nowMicros);
        var start = header.FragmentOffset;
        var end = start + piece.Length;
        if (end > MaxDatagram)
            return FragmentResult.TooLarge;
        if (header.MoreFragments && piece.Length % BlockSize != 0)
            return FragmentResult.BadLength;

        var index = FindOrClaim(header, nowMicros);
        ref var slot = ref _slots[index];
        if (!header.MoreFragments)
        {
            // Two different ends, or pieces already held past this end, cannot be one datagram.
            if ((slot.TotalLength >= 0 && slot.TotalLength != end) || slot.MaxEnd > end)
                return Drop(index, FragmentResult.BadLength);
            slot.TotalLength = end;
        }
        else if (slot.TotalLength >= 0 && end > slot.TotalLength)
        {
            return Drop(index, FragmentResult.BadLength);
        }
        var result = Place(index, start, piece);
        if (result != FragmentResult.Incomplete)
            return result == FragmentResult.Duplicate ? result : Drop(index, result);
        // Only the offset-zero piece that was placed names the protocol; a repeat cannot rename it.
        if (start == 0)
            slot.Protocol = header.Protocol;
        if (slot.TotalLength < 0 || slot.BlocksHeld != BlocksFor(slot.TotalLength))
            return FragmentResult.Incomplete;

        datagram = _memory.AsSpan(index * MaxDatagram, slot.TotalLength);
        protocol = slot.Protocol;
        slot.InUse = false;
        Reassembled++;
        return FragmentResult.Complete;
    }

    private FragmentResult Place(int index, int start, ReadOnlySpan<byte> piece)
    {
        ref var slot = ref _slots[index];
        var bitmap = _bitmaps.AsSpan(index * BitmapWords, BitmapWords);
        var target = _memory.AsSpan((index * MaxDatagram) + start, piece.Length);
        var first = start / BlockSize;
        var last = first + BlocksFor(piece.Length);
        var alreadyHeld = 0;
        for (var block = first; block < last; block++)
        {
            if ((bitmap[block >> 6] & (1UL << block)) != 0)
                alreadyHeld++;
        }
        if (alreadyHeld > 0)
        {
            // Only a byte-for-byte repeat of pieces we hold is harmless.
            return alreadyHeld == last - first && target.SequenceEqual(piece) ? FragmentResult.Duplicate : FragmentResult.Overlap;
        }
        piece.CopyTo(target);
        for (var block = first; block < last; block++)
            bitmap[block >> 6] |= 1UL << block;
        slot.BlocksHeld += last - first;
        slot.MaxEnd = Math.Max(slot.MaxEnd, start + piece.Length);
        return FragmentResult.Incomplete;
    }

    private int FindOrClaim(in IpHeader header, long nowMicros)
    {
        var free = -1;
        var oldest = 0;
        for (var i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[i];
            if (!slot.InUse)
            {
                if (free < 0)
                    free = i;
                continue;
            }
            if (slot.Id == header.FragmentId && slot.Version == header.Version
                && (header.Version == 6 || slot.Protocol == header.Protocol)
                && slot.Source == header.Source && slot.Destination == header.Destination)
                return i;
            if (slot.FirstSeenMicros < _slots[oldest].FirstSeenMicros || !_slots[oldest].InUse)
                oldest = i;
        }
        if (free < 0)
        {
            free = oldest;
            Dropped++;
        }
        _slots[free] = new Slot
        {
            InUse = true,
            Source = header.Source,
            Destination = header.Destination,
            Id = header.FragmentId,
            Version = header.Version,
            Protocol = header.Protocol,
            FirstSeenMicros = nowMicros,
            TotalLength = -1,
        };
        _bitmaps.AsSpan(free * BitmapWords, BitmapWords).Clear();
        return free;
    }

    private FragmentResult Drop(int index, FragmentResult why)
    {
        _slots[index].InUse = false;
        Dropped++;
        return why;
    }

    private void Expire(long nowMicros)
    {
        _lastSweepMicros = nowMicros;
        for (var i = 0; i < _slots.Length; i++)
        {
            if (_slots[i].InUse && nowMicros - _slots[i].FirstSeenMicros >= _timeoutMicros)
                Drop(i, FragmentResult.Incomplete);
        }
    }

    private static int BlocksFor(int length) => (length + BlockSize - 1) / BlockSize;

    private struct Slot
    {
        public bool InUse;
        public byte Version;
        /// <summary>Part of the key for IPv4 (RFC 791); for IPv6 only the offset-zero fragment's
        /// Next Header counts (RFC 8200 §4.5).</summary>
        public byte Protocol;
        public uint Id;
        public int TotalLength;
        public int BlocksHeld;
        public int MaxEnd;
        public long FirstSeenMicros;
        public IpAddr Source;
        public IpAddr Destination;
    }
}
