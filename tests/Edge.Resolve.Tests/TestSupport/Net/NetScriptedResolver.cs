using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>A stand-in for the real resolver: answers names from <see cref="Answers"/>, blocks
/// (NXDOMAIN) <see cref="Blocked"/>, drops <see cref="Dropped"/> and messages that are not a
/// query, and sends the rest upstream; upstream answers come back with the client's id.</summary>
public sealed class NetScriptedResolver : IQueryResolver
{
    public ConcurrentDictionary<string, IPAddress> Answers { get; } = new();

    public ConcurrentDictionary<string, bool> Blocked { get; } = new();

    public ConcurrentDictionary<string, bool> Dropped { get; } = new();

    public ConcurrentQueue<byte[]> Prefetch { get; } = new();

    /// <summary>Every upstream answer handed to <see cref="Complete"/>, as received.</summary>
    public ConcurrentQueue<byte[]> Completed { get; } = new();

    public ConcurrentQueue<(string Name, IpAddr Client, DnsTransport Transport)> Decided { get; } = new();

    /// <summary>Called before each decision (tests use it to hold a query back).</summary>
    public Action<string>? BeforeDecide { get; set; }

    public QueryVerdict Decide(ReadOnlySpan<byte> query, IpAddr client, DnsTransport transport, Span<byte> response, out int length)
    {
        length = 0;
        if (query.Length < 17 || (query[2] & 0x80) != 0 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
            return QueryVerdict.Dropped;
        string name;
        try
        {
            name = NetDnsMessages.QuestionName(query);
            NetDnsMessages.QuestionEnd(query);
        }
        catch (IndexOutOfRangeException)
        {
            return QueryVerdict.Dropped;
        }
        catch (ArgumentOutOfRangeException)
        {
            return QueryVerdict.Dropped;
        }
        Decided.Enqueue((name, client, transport));
        BeforeDecide?.Invoke(name);
        if (Dropped.ContainsKey(name))
            return QueryVerdict.Dropped;
        if (Blocked.ContainsKey(name))
        {
            length = Write(response, NetDnsMessages.Answer(query, IPAddress.Any, records: 0, rcode: 3));
            return QueryVerdict.Blocked;
        }
        if (Answers.TryGetValue(name, out var address))
        {
            length = Write(response, NetDnsMessages.Answer(query, address));
            return QueryVerdict.Answered;
        }
        return QueryVerdict.NeedsUpstream;
    }

    public int Complete(ReadOnlySpan<byte> query, ReadOnlySpan<byte> upstreamAnswer, DnsTransport transport, Span<byte> response)
    {
        Completed.Enqueue(upstreamAnswer.ToArray());
        if (NetDnsMessages.QuestionName(query) != NetDnsMessages.QuestionName(upstreamAnswer))
            return 0;
        upstreamAnswer.CopyTo(response);
        query[..2].CopyTo(response);
        return upstreamAnswer.Length;
    }

    public int Fail(ReadOnlySpan<byte> query, Span<byte> response) =>
        Write(response, NetDnsMessages.Answer(query, IPAddress.Any, records: 0, rcode: 2));

    public bool TryTakePrefetch(Span<byte> query, out int length)
    {
        length = 0;
        if (!Prefetch.TryDequeue(out var next))
            return false;
        next.CopyTo(query);
        length = next.Length;
        return true;
    }

    private static int Write(Span<byte> response, byte[] message)
    {
        message.CopyTo(response);
        return message.Length;
    }
}
