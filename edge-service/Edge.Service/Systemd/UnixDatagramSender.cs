using System.Net.Sockets;

namespace Edge.Service.Systemd;

/// <summary>Sends datagrams to one Unix socket (systemd's notify socket, journald's), from any thread.
/// A failed send is counted and reported, never thrown: losing a log line or a notification must not
/// take the sensor down.</summary>
internal sealed class UnixDatagramSender : IDisposable
{
    private static readonly TimeSpan s_sendTimeout = TimeSpan.FromMilliseconds(500);

    private readonly UnixDomainSocketEndPoint _endPoint;
    private readonly Lock _lock = new();
    private Socket? _socket;
    private long _failures;
    private bool _disposed;

    public UnixDatagramSender(UnixDomainSocketEndPoint endPoint) => _endPoint = endPoint;

    public long Failures => Interlocked.Read(ref _failures);

    public bool TrySend(ReadOnlySpan<byte> datagram)
    {
        lock (_lock)
        {
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                _socket ??= Open();
                _socket.SendTo(datagram, SocketFlags.None, _endPoint);
                return true;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                Interlocked.Increment(ref _failures);
                return false;
            }
        }
    }

    /// <summary><c>@name</c> is an abstract socket (a leading NUL on the wire); anything else must be
    /// an absolute path. Null for what is neither (systemd's vsock: addresses, garbage).</summary>
    public static UnixDomainSocketEndPoint? ParseAddress(string? address)
    {
        if (string.IsNullOrEmpty(address) || address.Length < 2)
            return null;
        if (address[0] == '@')
            return new UnixDomainSocketEndPoint("\0" + address[1..]);
        return address[0] == '/' ? new UnixDomainSocketEndPoint(address) : null;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
            _socket?.Dispose();
            _socket = null;
        }
    }

    private static Socket Open() => new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified)
    {
        // A journald too busy to take a line within this stalls the caller no longer.
        SendTimeout = (int)s_sendTimeout.TotalMilliseconds,
    };
}
