using System.Buffers.Binary;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>An allocation-free resolver for throughput and allocation checks of the network
/// side: names in its table are answered with their A record, every other well-formed query
/// with <see cref="DefaultAddress"/>, anything else is dropped. Also linked into Edge.Benchmarks.</summary>
public sealed class NetTableResolver : IQueryResolver
{
    public const uint DefaultAddress = 0x0A000001; // 10.0.0.1

    private const int HeaderLength = 12;
    private readonly Dictionary<ulong, uint> _table = [];
    private long _decided;

    /// <summary>Send every well-formed query upstream instead (the uncached path).</summary>
    public bool ForwardEverything { get; init; }

    /// <summary>Called on the deciding thread after each decision with the running count (allocation probes).</summary>
    public Action<long>? AfterDecide { get; set; }

    public void Add(string name, uint address) => _table[Hash(NetDnsMessages.EncodeName(name))] = address;

    public QueryVerdict Decide(ReadOnlySpan<byte> query, IpAddr client, DnsTransport transport, Span<byte> response, out int length)
    {
        length = 0;
        var verdict = TryAnswer(query, response, out length) ? QueryVerdict.Answered : QueryVerdict.Dropped;
        if (ForwardEverything && verdict == QueryVerdict.Answered)
        {
            length = 0;
            verdict = QueryVerdict.NeedsUpstream;
        }
        AfterDecide?.Invoke(Interlocked.Increment(ref _decided));
        return verdict;
    }

    public int Complete(ReadOnlySpan<byte> query, ReadOnlySpan<byte> upstreamAnswer, DnsTransport transport, Span<byte> response)
    {
        upstreamAnswer.CopyTo(response);
        query[..2].CopyTo(response);
        return upstreamAnswer.Length;
    }

    public int Fail(ReadOnlySpan<byte> query, Span<byte> response)
    {
        if (query.Length < HeaderLength)
            return 0;
        query[..HeaderLength].CopyTo(response);
        response[2] |= 0x80;
        response[3] = 0x82;
        response[4..HeaderLength].Clear();
        return HeaderLength;
    }

    public bool TryTakePrefetch(Span<byte> query, out int length)
    {
        length = 0;
        return false;
    }

    private bool TryAnswer(ReadOnlySpan<byte> query, Span<byte> response, out int length)
    {
        length = 0;
        if (query.Length < HeaderLength + 5 || (query[2] & 0x80) != 0 || BinaryPrimitives.ReadUInt16BigEndian(query[4..]) != 1)
            return false;
        var offset = HeaderLength;
        while (offset < query.Length && query[offset] != 0)
        {
            if (query[offset] > 63)
                return false;
            offset += 1 + query[offset];
        }
        var questionEnd = offset + 5;
        if (questionEnd > query.Length)
            return false;
        var address = _table.TryGetValue(Hash(query[HeaderLength..(offset + 1)]), out var found) ? found : DefaultAddress;

        query[..questionEnd].CopyTo(response);
        response[2] = (byte)(0x80 | (query[2] & 0x01));
        response[3] = 0x80;
        BinaryPrimitives.WriteUInt16BigEndian(response[6..], 1);
        response[8..HeaderLength].Clear();
        ReadOnlySpan<byte> record = [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4];
        record.CopyTo(response[questionEnd..]);
        BinaryPrimitives.WriteUInt32BigEndian(response[(questionEnd + record.Length)..], address);
        length = questionEnd + record.Length + 4;
        return true;
    }

    // FNV-1a over the wire-form name, ASCII case folded.
    private static ulong Hash(ReadOnlySpan<byte> name)
    {
        var hash = 14695981039346656037UL;
        foreach (var octet in name)
            hash = (hash ^ (octet is >= (byte)'A' and <= (byte)'Z' ? (byte)(octet | 0x20) : octet)) * 1099511628211UL;
        return hash;
    }
}
