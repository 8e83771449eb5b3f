using System.Buffers.Binary;
using Edge.Detect.Intel;
using Edge.Resolve.Cache;
using Edge.Resolve.Policy;
using Edge.Resolve.Wire;
using Edge.Watch.Net;

namespace Edge.Resolve.Resolution;

/// <summary>The forwarder's decision side: read the query (answer FORMERR, NOTIMP, BADVERS, REFUSED
/// or drop it), apply policy, answer from the cache, or ask for an upstream; then cache and copy
/// the upstream's answer. No I/O, no allocation on <see cref="Decide"/>, safe from any thread.</summary>
public sealed class QueryResolver : IQueryResolver
{
    private const int MaxRecords = 512;
    private const uint AnyTtl = 3600;

    /// <summary>The contract promises 65,535; below this nothing is written, so no input can overrun.</summary>
    private const int MinResponseBuffer = 512;

    private readonly QueryPolicy _policy;
    private readonly PolicyAnswer _policyAnswer;
    private readonly AnswerCache _cache;
    private readonly int _maxUdpResponse;
    private readonly ushort _advertisedUdpSize;

    /// <param name="intel">The current intel snapshot (<c>IntelHolder.Current</c>), read once per query.</param>
    /// <param name="allow">The current allowlist snapshot; a name on it is never blocked.</param>
    public QueryResolver(ResolverOptions options, Func<IntelSnapshot> intel, Func<IntelSnapshot>? allow = null, TimeProvider? time = null)
        : this(options, intel, allow, time, AnswerCache.DefaultShards)
    {
    }

    internal QueryResolver(ResolverOptions options, Func<IntelSnapshot> intel, Func<IntelSnapshot>? allow, TimeProvider? time, int cacheShards)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(intel);
        _policy = new QueryPolicy(options, intel, allow ?? (static () => IntelSnapshot.Empty));
        _policyAnswer = new PolicyAnswer(options);
        _maxUdpResponse = Math.Clamp(options.MaxUdpResponse, 512, 65535);
        _advertisedUdpSize = (ushort)_maxUdpResponse;
        var settings = new CacheSettings(
            Math.Max(0, options.CacheBytes),
            Seconds(options.MinTtl),
            Seconds(options.MaxTtl),
            Seconds(options.MaxNegativeTtl),
            Seconds(options.ServFailTtl),
            Math.Max(1, options.PrefetchHits));
        _cache = new AnswerCache(settings, time ?? TimeProvider.System, Counters, cacheShards);
    }

    public ResolverCounters Counters { get; } = new();

    internal AnswerCache Cache => _cache;

    public QueryVerdict Decide(ReadOnlySpan<byte> query, IpAddr client, DnsTransport transport, Span<byte> response, out int length)
    {
        Counters.Query();
        length = 0;
        Span<byte> name = stackalloc byte[DnsQueryReader.NameBufferLength];
        var outcome = DnsQueryReader.Read(query, name, out var q);
        if (outcome == QueryOutcome.Drop || response.Length < MinResponseBuffer)
        {
            Counters.Drop();
            return QueryVerdict.Dropped;
        }
        var limit = Math.Min(ClientLimit.Of(q, transport, _maxUdpResponse), response.Length);
        if (outcome != QueryOutcome.Ok)
        {
            Counters.Error();
            length = WriteError(outcome, q, limit, response);
            return QueryVerdict.Answered;
        }

        var verdict = _policy.Decide(q.Name, client);
        if (verdict.Action == PolicyAction.Drop)
        {
            Counters.Block();
            Counters.Drop();
            return QueryVerdict.Dropped;
        }
        if (verdict.Blocks)
        {
            Counters.Block();
            length = _policyAnswer.Write(verdict, q, limit, response, out var blockTruncated);
            if (blockTruncated)
                Counters.Truncate();
            return QueryVerdict.Blocked;
        }
        if (q.Type == 255 && transport == DnsTransport.Udp)
        {
            length = WriteAny(q, limit, response);
            return QueryVerdict.Answered;
        }

        Span<byte> key = stackalloc byte[CacheKey.MaxLength];
        var keyLength = CacheKey.Write(q, key);
        if (!_cache.TryServe(key[..keyLength], response, out var stored))
        {
            Counters.ToUpstream();
            return QueryVerdict.NeedsUpstream;
        }
        Counters.FromCache();
        length = ClientCopy.Finish(response, stored, q, limit, _advertisedUdpSize, out var truncated);
        if (truncated)
            Counters.Truncate();
        return QueryVerdict.Answered;
    }

    public int Complete(ReadOnlySpan<byte> query, ReadOnlySpan<byte> upstreamAnswer, DnsTransport transport, Span<byte> response)
    {
        Span<byte> name = stackalloc byte[DnsQueryReader.NameBufferLength];
        if (DnsQueryReader.Read(query, name, out var q) != QueryOutcome.Ok || response.Length < Math.Max(MinResponseBuffer, upstreamAnswer.Length))
            return 0;
        Span<ushort> ttlOffsets = stackalloc ushort[MaxRecords];
        if (!StoredAnswer.TryNormalize(upstreamAnswer, q, _cache.Settings, response, ttlOffsets, out var length, out var ttlCount, out var cacheTtl))
            return 0;
        if (cacheTtl > 0)
        {
            Span<byte> key = stackalloc byte[CacheKey.MaxLength];
            var keyLength = CacheKey.Write(q, key);
            _cache.Store(key[..keyLength], response[..length], ttlOffsets[..ttlCount], cacheTtl);
        }
        var limit = Math.Min(ClientLimit.Of(q, transport, _maxUdpResponse), response.Length);
        length = ClientCopy.Finish(response, length, q, limit, _advertisedUdpSize, out var truncated);
        if (truncated)
            Counters.Truncate();
        return length;
    }

    public int Fail(ReadOnlySpan<byte> query, Span<byte> response)
    {
        Span<byte> name = stackalloc byte[DnsQueryReader.NameBufferLength];
        if (DnsQueryReader.Read(query, name, out var q) == QueryOutcome.Drop || response.Length < MinResponseBuffer)
            return 0;
        Counters.Failed();
        var limit = Math.Min(ClientLimit.Of(q, DnsTransport.Udp, _maxUdpResponse), response.Length);
        var writer = new DnsAnswerWriter(response, q, DnsFlags.ServFail, limit, _advertisedUdpSize);
        return writer.Finish();
    }

    public bool TryTakePrefetch(Span<byte> query, out int length)
    {
        length = 0;
        Span<byte> key = stackalloc byte[CacheKey.MaxLength];
        if (!_cache.TryTakePrefetch(key, out var keyLength))
            return false;
        var questionLength = keyLength - 1;
        var flags = key[keyLength - 1];
        length = DnsFlags.HeaderLength + questionLength + DnsAnswerWriter.OptLength;
        if (query.Length < length)
        {
            length = 0;
            return false;
        }
        BinaryPrimitives.WriteUInt16BigEndian(query, (ushort)Random.Shared.Next(65536));
        BinaryPrimitives.WriteUInt16BigEndian(query[2..], (ushort)(DnsFlags.RecursionDesired | ((flags & 2) != 0 ? DnsFlags.CheckingDisabled : 0)));
        BinaryPrimitives.WriteUInt16BigEndian(query[4..], 1);
        BinaryPrimitives.WriteUInt32BigEndian(query[6..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(query[10..], 1);
        key[..questionLength].CopyTo(query[DnsFlags.HeaderLength..]);
        DnsAnswerWriter.WriteOpt(query[(DnsFlags.HeaderLength + questionLength)..], _advertisedUdpSize, 0, (flags & 1) != 0);
        return true;
    }

    private int WriteError(QueryOutcome outcome, in DnsQuery query, int limit, Span<byte> response)
    {
        var rcode = outcome switch
        {
            QueryOutcome.NotImp => DnsFlags.NotImp,
            QueryOutcome.BadVers => DnsFlags.BadVers,
            QueryOutcome.Refused => DnsFlags.Refused,
            _ => DnsFlags.FormErr,
        };
        var writer = new DnsAnswerWriter(response, query, rcode, limit, _advertisedUdpSize);
        return writer.Finish();
    }

    /// <summary>RFC 8482 §4.2: ANY over UDP gets one synthesized HINFO ("RFC8482", "") instead of
    /// everything the name has, so the forwarder never amplifies; TCP clients are forwarded.</summary>
    private int WriteAny(in DnsQuery query, int limit, Span<byte> response)
    {
        var writer = new DnsAnswerWriter(response, query, DnsFlags.NoError, limit, _advertisedUdpSize);
        writer.AddAnswer(13, AnyTtl, "\u0007RFC8482\u0000"u8);
        return writer.Finish();
    }

    private static uint Seconds(TimeSpan span) => (uint)Math.Clamp(span.TotalSeconds, 0, int.MaxValue);
}
