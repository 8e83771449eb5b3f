namespace Edge.Resolve.Cache;

/// <summary>What an answer is cached under: the lower-case wire name, QTYPE, QCLASS, and the DO
/// and CD bits (a DNSSEC-aware or checking-disabled client gets a different answer).</summary>
public static class CacheKey
{
    public const int MaxLength = 255 + 5;

    public static int Write(in Wire.DnsQuery query, Span<byte> destination)
    {
        var question = query.Question;
        var nameLength = query.NameWireLength;
        // Length octets are at most 63, below 'A', so folding every octet leaves them as they are.
        for (var i = 0; i < nameLength; i++)
        {
            var octet = question[i];
            destination[i] = octet is >= (byte)'A' and <= (byte)'Z' ? (byte)(octet | 0x20) : octet;
        }
        question.Slice(nameLength, 4).CopyTo(destination[nameLength..]);
        destination[nameLength + 4] = (byte)((query.DnssecOk ? 1 : 0) | (query.CheckingDisabled ? 2 : 0));
        return nameLength + 5;
    }

    public static int Hash(ReadOnlySpan<byte> key)
    {
        // HashCode is seeded per process, so nobody can aim names at one bucket.
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }
}
