using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Edge.Watch.Net;

/// <summary>An IPv4 or IPv6 address held by value in 17 bytes, so packets and flow keys carry
/// addresses without allocating. IPv4 lives in the low 32 bits of <see cref="_low"/>.</summary>
public readonly struct IpAddr : IEquatable<IpAddr>
{
    /// <summary>Longest text form ("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" is 45).</summary>
    public const int MaxTextLength = 48;

    private readonly ulong _high;
    private readonly ulong _low;

    private IpAddr(ulong high, ulong low, byte family)
    {
        _high = high;
        _low = low;
        Family = family;
    }

    /// <summary>4, 6, or 0 for none.</summary>
    public byte Family { get; }

    public bool IsIPv4 => Family == 4;

    public bool IsIPv6 => Family == 6;

    public static IpAddr FromIPv4(ReadOnlySpan<byte> four) =>
        new(0, BinaryPrimitives.ReadUInt32BigEndian(four), 4);

    public static IpAddr FromIPv4(uint hostOrder) => new(0, hostOrder, 4);

    public static IpAddr FromIPv6(ReadOnlySpan<byte> sixteen) =>
        new(BinaryPrimitives.ReadUInt64BigEndian(sixteen), BinaryPrimitives.ReadUInt64BigEndian(sixteen[8..]), 6);

    public static IpAddr Parse(string text)
    {
        var address = IPAddress.Parse(text);
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? FromIPv4(bytes[..4]) : FromIPv6(bytes);
    }

    /// <summary>The IPv4 address in host order; meaningful only when <see cref="IsIPv4"/>.</summary>
    public uint V4 => (uint)_low;

    public ulong High => _high;

    public ulong Low => _low;

    public int WriteBytes(Span<byte> destination)
    {
        if (IsIPv4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)_low);
            return 4;
        }
        BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
        return 16;
    }

    /// <summary>Dotted quad or RFC 5952 text, as UTF-8, without allocating.</summary>
    public bool TryFormat(Span<byte> utf8Destination, out int written)
    {
        written = 0;
        Span<byte> bytes = stackalloc byte[16];
        if (IsIPv4)
        {
            WriteBytes(bytes);
            return Ipv4Text.TryAppend(bytes[..4], utf8Destination, ref written);
        }
        if (!IsIPv6)
            return false;
        WriteBytes(bytes);
        return Ipv6Text.TryFormat(bytes, utf8Destination, out written);
    }

    public override string ToString()
    {
        Span<byte> text = stackalloc byte[MaxTextLength];
        return TryFormat(text, out var written) ? Encoding.ASCII.GetString(text[..written]) : "";
    }

    public bool Equals(IpAddr other) => _high == other._high && _low == other._low && Family == other.Family;

    public override bool Equals(object? obj) => obj is IpAddr other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_high, _low, Family);

    public static bool operator ==(IpAddr left, IpAddr right) => left.Equals(right);

    public static bool operator !=(IpAddr left, IpAddr right) => !left.Equals(right);
}
