using System.Net.Sockets;

namespace Edge.Resolve.Upstream;

/// <summary>The UDP sockets of one address family, one picked at random per query; each is replaced
/// by a fresh socket (a new random port) after so many queries or so long, and the old one kept open
/// only until its answers are in (RFC 5452 §9.2: vary the source port). An off-path forger must
/// guess the id and which of the ports in use now, and the ports move on within seconds. Under the
/// pool's lock.</summary>
internal sealed class UdpUpstreamSockets(UpstreamPool pool, AddressFamily family, int count, int queriesPerSocket, long lifetimeTicks)
{
    private readonly UdpUpstreamSocket?[] _current = new UdpUpstreamSocket?[count];
    private readonly List<UdpUpstreamSocket> _retiring = [];
    /// <param name="random">A random number (the pool's CSPRNG) choosing the socket.</param>
    public UdpUpstreamSocket Next(long now, ushort random)
    {
        var slot = random % _current.Length;
        var socket = _current[slot];
        if (socket is not null && (socket.Sent >= queriesPerSocket || now - socket.OpenedAt >= lifetimeTicks))
        {
            socket.RetiredAt = now;
            _retiring.Add(socket);
            socket = null;
        }
        socket ??= _current[slot] = new UdpUpstreamSocket(pool, family, pool.NextChannelId(), now);
        socket.Sent++;
        return socket;
    }

    /// <summary>Closes retired sockets that wait for nothing more, or waited past the answer deadline.</summary>
    public void CloseRetired(long now, long deadlineTicks)
    {
        for (var i = _retiring.Count - 1; i >= 0; i--)
        {
            var socket = _retiring[i];
            if (socket.InFlight <= 0 || now - socket.RetiredAt >= deadlineTicks)
            {
                socket.Close();
                _retiring.RemoveAt(i);
            }
        }
    }

    /// <summary>The ports in use now (for tests and the status page).</summary>
    public void CollectPorts(List<int> ports)
    {
        foreach (var socket in _current)
        {
            if (socket is not null)
                ports.Add(socket.Port);
        }
    }

    public void CloseAll()
    {
        foreach (var socket in _current)
            socket?.Close();
        foreach (var socket in _retiring)
            socket.Close();
        _retiring.Clear();
    }
}
