using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Edge.Watch.Net;

namespace Edge.Resolve.Upstream;

/// <summary>Reads a <see cref="SocketAddress"/> (the native sockaddr_in / sockaddr_in6 bytes:
/// port at 2, IPv4 at 4, IPv6 at 8) without making an <see cref="IPEndPoint"/> per datagram.</summary>
internal static class SocketAddresses
{
    public static ushort Port(SocketAddress address) => BinaryPrimitives.ReadUInt16BigEndian(address.Buffer.Span[2..]);

    /// <summary>The address; an IPv4-mapped IPv6 address (a dual-mode socket) as IPv4.</summary>
    public static IpAddr Address(SocketAddress address)
    {
        var bytes = address.Buffer.Span;
        if (address.Family == AddressFamily.InterNetwork)
            return IpAddr.FromIPv4(bytes.Slice(4, 4));
        var six = bytes.Slice(8, 16);
        return IsV4Mapped(six) ? IpAddr.FromIPv4(six[12..]) : IpAddr.FromIPv6(six);
    }

    public static IpAddr ToIpAddr(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return written == 4 ? IpAddr.FromIPv4(bytes[..4]) : IpAddr.FromIPv6(bytes);
    }

    /// <summary>Whether a datagram's source is exactly this endpoint (address and port).</summary>
    public static bool Is(SocketAddress source, IPEndPoint endpoint, IpAddr endpointAddress) =>
        Port(source) == endpoint.Port && Address(source).Equals(endpointAddress);

    private static bool IsV4Mapped(ReadOnlySpan<byte> six) =>
        BinaryPrimitives.ReadUInt64LittleEndian(six) == 0 && BinaryPrimitives.ReadUInt16LittleEndian(six[8..]) == 0 && six[10] == 0xFF && six[11] == 0xFF;
}
