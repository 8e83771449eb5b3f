using System.Buffers;
using System.Net;
using Edge.Watch.Net;

namespace Edge.Resolve.Upstream;

/// <summary>A client's query on its way through the upstreams. Pooled: the buffers and socket
/// address are reused from query to query, so a forwarded query allocates nothing once warm.</summary>
internal sealed class PendingQuery
{
    private byte[] _query = [];
    private SocketAddress? _clientAddress;

    public int QueryLength { get; private set; }

    /// <summary>The client's bytes, its id included (what <see cref="IQueryResolver.Complete"/> wants).</summary>
    public ReadOnlySpan<byte> Query => _query.AsSpan(0, QueryLength);

    public IUpstreamWaiter? Waiter { get; set; }

    public DnsTransport Transport { get; set; }

    public IpAddr Client { get; set; }

    public ushort ClientPort { get; set; }

    /// <summary>Where to send the answer for UDP clients.</summary>
    public SocketAddress? ClientAddress => _clientAddress;

    /// <summary>The upstream a health probe must ask (no failover), or -1.</summary>
    public int OnlyUpstream { get; set; } = -1;

    // Below: the pool's bookkeeping, touched under its lock.
    internal int Slot = -1;
    internal int Generation;
    internal int Upstream = -1;
    internal uint Tried;
    internal long InFlightKey = -1;
    internal long AttemptStarted;
    internal long AttemptDeadline;
    internal long Deadline;
    internal bool OverTcp;
    internal ushort StreamId;
    internal UdpUpstreamSocket? Socket;
    internal int ContentHash;
    internal bool IsLeader;
    internal PendingQuery? NextFollower;

    public void SetQuery(ReadOnlySpan<byte> query)
    {
        if (_query.Length < query.Length)
        {
            if (_query.Length > 0)
                ArrayPool<byte>.Shared.Return(_query);
            _query = ArrayPool<byte>.Shared.Rent(Math.Max(query.Length, 512));
        }
        query.CopyTo(_query);
        QueryLength = query.Length;
    }

    public void SetClientAddress(SocketAddress address)
    {
        if (_clientAddress is null || _clientAddress.Family != address.Family || _clientAddress.Buffer.Length < address.Size)
            _clientAddress = new SocketAddress(address.Family, SocketAddress.GetMaximumAddressSize(address.Family));
        address.Buffer.Span[..address.Size].CopyTo(_clientAddress.Buffer.Span);
        _clientAddress.Size = address.Size;
    }

    internal void Reset()
    {
        Waiter = null;
        OnlyUpstream = -1;
        Slot = -1;
        Upstream = -1;
        Tried = 0;
        InFlightKey = -1;
        OverTcp = false;
        Socket = null;
        IsLeader = false;
        NextFollower = null;
        QueryLength = 0;
        Generation++;
        if (_query.Length > 4096)
        {
            ArrayPool<byte>.Shared.Return(_query);
            _query = [];
        }
    }
}
