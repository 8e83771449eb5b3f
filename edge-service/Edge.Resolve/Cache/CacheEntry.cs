namespace Edge.Resolve.Cache;

/// <summary>One cached answer. <see cref="Data"/> holds the key, then the answer (id 0, no OPT),
/// then the offset of every TTL field in the answer as 16-bit values.</summary>
internal struct CacheEntry
{
    public byte[]? Data;
    public int Hash;
    public ushort KeyLength;
    public ushort AnswerLength;
    public ushort TtlCount;
    public uint TtlSeconds;
    public long StoredMs;
    public int Hits;
    public bool Referenced;
    public bool PrefetchOffered;

    public readonly ReadOnlySpan<byte> Key => Data.AsSpan(0, KeyLength);

    public readonly Span<byte> Answer => Data.AsSpan(KeyLength, AnswerLength);

    public readonly ReadOnlySpan<byte> TtlOffsets => Data.AsSpan(KeyLength + AnswerLength, TtlCount * 2);

    public readonly bool ExpiredAt(long nowMs) => nowMs - StoredMs >= TtlSeconds * 1000L;
}
