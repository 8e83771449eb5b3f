using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Edge.Detect.Alerts;

/// <summary>ULID (ulid/spec): 48-bit millisecond time and 80 bits in Crockford base32. The 80 bits
/// are derived from the alert's key and first-seen time, so replaying a capture gives the same ids
/// and a consumer never counts one alert twice.</summary>
public static class AlertId
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The id of a traffic alert: one per (rule, client, indicator) and first sighting.</summary>
    public static string Create(string rule, string client, string indicator, long firstSeenMicros) =>
        FromKey($"{rule}\n{client}\n{indicator}\n{firstSeenMicros}", firstSeenMicros);

    /// <summary>A ULID whose time is <paramref name="micros"/> (to the millisecond) and whose 80 bits
    /// are the first of SHA-256(<paramref name="key"/>): the same key and time give the same id, on
    /// every retry and after a restart.</summary>
    public static string FromKey(string key, long micros)
    {
        Span<byte> bytes = stackalloc byte[16];
        var millis = (ulong)Math.Max(0, micros / 1000);
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)millis;
            millis >>= 8;
        }
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), digest);
        digest[..10].CopyTo(bytes[6..]);
        return Encode(bytes);
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        // 128 bits as 26 base32 digits; the first digit carries the top 3 bits.
        var value = ((UInt128)BinaryPrimitives.ReadUInt64BigEndian(bytes) << 64) | BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        Span<char> text = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            text[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(text);
    }
}
