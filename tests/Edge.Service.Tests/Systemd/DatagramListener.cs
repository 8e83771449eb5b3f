using System.Net.Sockets;
using System.Text;

namespace Edge.Service.Tests.Systemd;

/// <summary>A Unix datagram socket a test binds (in a temp folder, or abstract) to stand in for
/// systemd's notify socket or journald's.</summary>
public sealed class DatagramListener : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    /// <param name="address">A path, or <c>\0name</c> for an abstract socket.</param>
    public DatagramListener(string address)
    {
        _socket.Bind(new UnixDomainSocketEndPoint(address));
        _socket.ReceiveTimeout = 5000;
    }

    public byte[] Receive()
    {
        var buffer = new byte[256 * 1024];
        var length = _socket.Receive(buffer);
        return buffer.AsSpan(0, length).ToArray();
    }

    public string ReceiveText() => Encoding.UTF8.GetString(Receive());

    /// <summary>True when nothing is waiting, without blocking.</summary>
    public bool IsEmpty => _socket.Available == 0;

    public void Dispose() => _socket.Dispose();
}
