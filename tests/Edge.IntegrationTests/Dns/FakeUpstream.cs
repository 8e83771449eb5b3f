using System.Net;
using System.Net.Sockets;

namespace Edge.IntegrationTests.Dns;

/// <summary>A scripted upstream on 10.219.N.4:53 inside the lab's upstream namespace, run by a thread
/// of the test process. For each query it first sends three forged answers carrying
/// <see cref="PoisonAddress"/> — one with a wrong id, one with the right id but another question,
/// one with the right id and question from another port (5353) — and ~50 ms later the true answer,
/// <see cref="TrueAddress"/>. It records each query's name, id and source port.</summary>
public sealed class FakeUpstream : IDisposable
{
    public static readonly IPAddress TrueAddress = IPAddress.Parse("192.0.2.77");
    public static readonly IPAddress PoisonAddress = IPAddress.Parse("192.0.2.66");
    public const int OtherPort = 5353;
    private static readonly TimeSpan TrueAnswerDelay = TimeSpan.FromMilliseconds(50);

    private readonly Socket _socket;
    private readonly Socket _otherPort;
    private readonly List<SeenQuery> _seen = [];
    private readonly Thread _thread;
    private volatile bool _stopping;
    private Exception? _failure;

    private FakeUpstream(Socket socket, Socket otherPort)
    {
        _socket = socket;
        _otherPort = otherPort;
        _thread = new Thread(Serve) { IsBackground = true, Name = "fake upstream" };
        _thread.Start();
    }

    public sealed record SeenQuery(string Name, ushort Type, ushort Id, int SourcePort);

    public IReadOnlyList<SeenQuery> Seen
    {
        get
        {
            lock (_seen)
                return [.. _seen];
        }
    }

    /// <summary>What stopped the serving thread early, if anything.</summary>
    public Exception? Failure => _failure;

    public int CountFor(string name) => Seen.Count(q => q.Name == name.TrimEnd('.'));

    public static FakeUpstream Start(string ns, string address)
    {
        // The sockets are made in the namespace; serving them from any thread keeps them there.
        var (socket, other) = NetnsThread.Run(ns, () =>
        {
            var ip = IPAddress.Parse(address);
            var main = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            main.Bind(new IPEndPoint(ip, 53));
            var second = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            second.Bind(new IPEndPoint(ip, OtherPort));
            return (main, second);
        }, TimeSpan.FromSeconds(10));
        socket.ReceiveTimeout = 200;
        return new FakeUpstream(socket, other);
    }

    private void Serve()
    {
        var buffer = new byte[4096];
        while (!_stopping)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                if (!_stopping)
                    _failure = e;
                return;
            }
            var query = buffer.AsSpan(0, length).ToArray();
            if (!LabDns.TryReadQuestion(query, out var name, out var type, out _) || LabDns.IsResponse(query))
                continue;
            var id = LabDns.Id(query);
            var client = (IPEndPoint)from;
            lock (_seen)
                _seen.Add(new SeenQuery(name, type, id, client.Port));
            _socket.SendTo(LabDns.Answer(query, (ushort)(id ^ 0x5A5A), null, PoisonAddress), client);
            _socket.SendTo(LabDns.Answer(query, id, "poison." + LabZone.Zone, PoisonAddress), client);
            _otherPort.SendTo(LabDns.Answer(query, id, null, PoisonAddress), client);
            Thread.Sleep(TrueAnswerDelay);
            _socket.SendTo(LabDns.Answer(query, id, null, TrueAddress), client);
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join(TimeSpan.FromSeconds(5));
        _socket.Dispose();
        _otherPort.Dispose();
    }
}
