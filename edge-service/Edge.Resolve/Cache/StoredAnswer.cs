using System.Buffers.Binary;
using Edge.Resolve.Wire;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;

namespace Edge.Resolve.Cache;

/// <summary>Turns an upstream answer into the form the cache keeps and clients get copies of: the
/// same message with id 0 and without its OPT record (each client gets its own OPT, or none),
/// the offset of every TTL, and how long it may be cached.</summary>
internal static class StoredAnswer
{
    /// <summary>False when the answer cannot be used for the query: malformed, not a response, another
    /// opcode, not exactly the query's question (names compared without case), an extended RCODE,
    /// an OPT record outside the additional section or not the last record (removing it would move what follows).</summary>
    public static bool TryNormalize(ReadOnlySpan<byte> answer, in DnsQuery query, in CacheSettings settings,
        Span<byte> destination, Span<ushort> ttlOffsets, out int length, out int ttlCount, out uint cacheTtl)
    {
        length = 0;
        ttlCount = 0;
        cacheTtl = 0;
        if (DnsMessageReader.TryParse(answer, out var message, out _) != ParseStatus.Done)
            return false;
        if (!message.IsResponse || message.Opcode != query.Opcode || message.QuestionCount != 1 || !SameQuestion(answer, query.Question))
            return false;
        if (message.HasEdns && message.EdnsExtendedRcode != 0)
            return false;

        var end = DnsFlags.HeaderLength + query.Question.Length;
        var optStart = -1;
        uint positiveTtl = uint.MaxValue;
        uint negativeTtl = uint.MaxValue;
        var sawSoa = false;
        foreach (var record in message.Records)
        {
            if (optStart >= 0)
                return false;
            var recordEnd = record.DataOffset + record.Data.Length;
            if (record.Type == DnsType.OPT)
            {
                // RFC 6891 §6.1.1: OPT belongs in the additional section only.
                if (record.Section != DnsSection.Additional)
                    return false;
                optStart = record.NameOffset;
                end = recordEnd;
                continue;
            }
            if (ttlCount == ttlOffsets.Length)
                return false;
            ttlOffsets[ttlCount++] = (ushort)(record.DataOffset - 6);
            end = recordEnd;
            if (record.Section == DnsSection.Additional)
                continue;
            positiveTtl = Math.Min(positiveTtl, record.Ttl);
            if (record.Section == DnsSection.Authority && record.Type == DnsType.SOA && record.Data.Length >= 20)
            {
                sawSoa = true;
                // RFC 2308 §5: the lesser of the SOA's TTL and its MINIMUM field.
                negativeTtl = Math.Min(negativeTtl, Math.Min(record.Ttl, BinaryPrimitives.ReadUInt32BigEndian(record.Data[^4..])));
            }
        }
        length = optStart >= 0 ? optStart : end;
        answer[..length].CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination, 0);
        if (optStart >= 0)
            BinaryPrimitives.WriteUInt16BigEndian(destination[10..], (ushort)(message.AdditionalCount - 1));
        // A compression pointer may name octets that were only in the OPT record or trailing
        // garbage (found by the fuzzer); what is kept must stand on its own.
        if (DnsMessageReader.TryParse(destination[..length], out _, out _) != ParseStatus.Done)
            return false;
        cacheTtl = CacheTtl(message, settings, positiveTtl, sawSoa, Math.Min(negativeTtl, positiveTtl));
        return true;
    }

    /// <summary>0 means not cached: TC answers, answers with TTL 0, negative answers without SOA
    /// (RFC 2308 §5 gives them no TTL; a guess could keep a name dead), RCODEs other than
    /// NOERROR, NXDOMAIN and SERVFAIL. SERVFAIL is kept for <see cref="CacheSettings.ServFailTtl"/>
    /// (RFC 9520 §3.2: briefly, so a failing upstream is not asked again at once).</summary>
    private static uint CacheTtl(in DnsMessage message, in CacheSettings settings, uint positiveTtl, bool sawSoa, uint negativeTtl)
    {
        if (message.Truncated)
            return 0;
        switch (message.HeaderRcode)
        {
            case DnsFlags.NoError when message.AnswerCount > 0:
                if (positiveTtl == 0 && settings.MinTtl == 0)
                    return 0;
                return Math.Clamp(positiveTtl, settings.MinTtl, settings.MaxTtl);
            case DnsFlags.NoError or DnsFlags.NxDomain:
                return sawSoa ? Math.Min(negativeTtl, settings.MaxNegativeTtl) : 0;
            case DnsFlags.ServFail:
                return settings.ServFailTtl;
            default:
                return 0;
        }
    }

    private static bool SameQuestion(ReadOnlySpan<byte> answer, ReadOnlySpan<byte> question)
    {
        if (answer.Length < DnsFlags.HeaderLength + question.Length)
            return false;
        var theirs = answer.Slice(DnsFlags.HeaderLength, question.Length);
        var nameLength = question.Length - 4;
        for (var i = 0; i < nameLength; i++)
        {
            if (Fold(theirs[i]) != Fold(question[i]))
                return false;
        }
        return theirs[nameLength..].SequenceEqual(question[nameLength..]);
    }

    private static byte Fold(byte octet) => octet is >= (byte)'A' and <= (byte)'Z' ? (byte)(octet | 0x20) : octet;
}
