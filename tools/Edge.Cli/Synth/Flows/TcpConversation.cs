using Edge.Cli.Synth.Packets;
using Edge.Watch.Transport;

namespace Edge.Cli.Synth.Flows;

/// <summary>
/// One TCP connection seen from the client's LAN: handshake, data both ways, FIN or RST close.
/// Sequence and acknowledgment numbers follow RFC 9293; <see cref="Now"/> is the capture clock
/// of this connection and only moves forward.
/// </summary>
internal sealed class TcpConversation
{
    private const int ClientWindow = 502;
    private const int ServerWindow = 509;
    private const int SegmentGapMicros = 120;

    private readonly SynthContext _context;
    private readonly NetHost _client;
    private readonly NetHost _server;
    private readonly int _clientPort;
    private readonly int _serverPort;
    private readonly ushort? _vlan;
    private readonly int _rttMicros;
    private readonly uint _clientFlowLabel;
    private readonly uint _serverFlowLabel;
    private uint _clientSeq;
    private uint _serverSeq;

    public TcpConversation(SynthContext context, NetHost client, NetHost server, int serverPort, long startMicros,
        int rttMicros, ushort? vlan = null)
    {
        _context = context;
        _client = client;
        _server = server;
        _clientPort = context.NextClientPort();
        _serverPort = serverPort;
        _vlan = vlan;
        _rttMicros = rttMicros;
        _clientFlowLabel = context.Random.NextUInt32() & 0xFFFFF;
        _serverFlowLabel = context.Random.NextUInt32() & 0xFFFFF;
        _clientSeq = context.Random.NextUInt32();
        _serverSeq = context.Random.NextUInt32();
        Now = startMicros;
    }

    public long Now { get; private set; }

    public int ClientPort => _clientPort;

    private int Mss => _client.IsIPv6 ? 1440 : 1460;

    public void Wait(long micros) => Now += micros;

    /// <summary>SYN, SYN/ACK, ACK.</summary>
    public void Open()
    {
        Syn();
        Now += _rttMicros;
        FromServer(TcpFlags.Syn | TcpFlags.Ack, [], 64_800, SynOptions());
        _serverSeq++;
        Now += 40;
        FromClient(TcpFlags.Ack, [], ClientWindow);
    }

    /// <summary>A SYN that is never answered, or answered by RST/ACK when the port is closed (RFC 9293 §3.10.7.1).</summary>
    public void Probe(bool refused)
    {
        Syn();
        if (!refused)
            return;
        Now += _rttMicros;
        _serverSeq = 0;
        FromServer(TcpFlags.Rst | TcpFlags.Ack, [], 0);
    }

    /// <summary>Client data in MSS-sized segments; <paramref name="firstSegment"/> forces an earlier first cut.</summary>
    public void ClientSends(ReadOnlySpan<byte> data, int firstSegment = 0)
    {
        var offset = 0;
        while (offset < data.Length)
        {
            var size = Math.Min(offset == 0 && firstSegment > 0 ? firstSegment : Mss, data.Length - offset);
            var last = offset + size == data.Length;
            FromClient(TcpFlags.Ack | (last ? TcpFlags.Psh : 0), data.Slice(offset, size), ClientWindow);
            offset += size;
            if (!last)
                Now += SegmentGapMicros;
        }
    }

    /// <summary>Server data; by default it answers the client's last send after a round trip and some think time.</summary>
    public void ServerSends(ReadOnlySpan<byte> data, bool answersRequest = true, int firstSegment = 0)
    {
        if (answersRequest)
            Now += _rttMicros + _context.Random.Next(150, 2_500);
        var offset = 0;
        while (offset < data.Length)
        {
            var size = Math.Min(offset == 0 && firstSegment > 0 ? firstSegment : Mss, data.Length - offset);
            var last = offset + size == data.Length;
            FromServer(TcpFlags.Ack | (last ? TcpFlags.Psh : 0), data.Slice(offset, size), ServerWindow);
            offset += size;
            Now += SegmentGapMicros;
        }
        Now += 40;
        FromClient(TcpFlags.Ack, [], ClientWindow);
    }

    /// <summary>A bare ACK from the server for data the client sent.</summary>
    public void ServerAcks()
    {
        Now += _rttMicros;
        FromServer(TcpFlags.Ack, [], ServerWindow);
    }

    /// <summary>Client FIN/ACK, server FIN/ACK, client ACK.</summary>
    public void ClientCloses()
    {
        Now += 200;
        FromClient(TcpFlags.Fin | TcpFlags.Ack, [], ClientWindow);
        _clientSeq++;
        Now += _rttMicros;
        FromServer(TcpFlags.Fin | TcpFlags.Ack, [], ServerWindow);
        _serverSeq++;
        Now += 30;
        FromClient(TcpFlags.Ack, [], ClientWindow);
    }

    /// <summary>The client aborts the connection (RFC 9293 §3.6).</summary>
    public void ClientResets()
    {
        Now += 200;
        FromClient(TcpFlags.Rst | TcpFlags.Ack, [], 0);
    }

    private void Syn()
    {
        FromClient(TcpFlags.Syn, [], 64_240, SynOptions());
        _clientSeq++;
    }

    private void FromClient(TcpFlags flags, ReadOnlySpan<byte> payload, int window, byte[]? options = null)
    {
        var ack = (flags & TcpFlags.Ack) != 0 ? _serverSeq : 0;
        var segment = TcpSegment.Build(_client.Address, _server.Address, _clientPort, _serverPort,
            _clientSeq, ack, flags, window, options ?? [], payload);
        _context.Capture.Add(Now, _context.Framer.Frame(_client, _server, _vlan, IpProtocol.Tcp, segment, _clientFlowLabel));
        _clientSeq += (uint)payload.Length;
    }

    private void FromServer(TcpFlags flags, ReadOnlySpan<byte> payload, int window, byte[]? options = null)
    {
        var segment = TcpSegment.Build(_server.Address, _client.Address, _serverPort, _clientPort,
            _serverSeq, _clientSeq, flags, window, options ?? [], payload);
        _context.Capture.Add(Now, _context.Framer.Frame(_server, _client, _vlan, IpProtocol.Tcp, segment, _serverFlowLabel));
        _serverSeq += (uint)payload.Length;
    }

    // MSS, NOP, window scale 7, NOP, NOP, SACK permitted (RFC 9293 §3.2, RFC 7323, RFC 2018).
    private byte[] SynOptions()
    {
        var mss = Mss;
        return [2, 4, (byte)(mss >> 8), (byte)mss, 1, 3, 3, 7, 1, 1, 4, 2];
    }
}
