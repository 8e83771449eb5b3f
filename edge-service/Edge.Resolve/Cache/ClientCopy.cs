using System.Buffers.Binary;
using Edge.Resolve.Wire;

namespace Edge.Resolve.Cache;

/// <summary>Makes a stored answer (already in <c>response</c>) the client's: its id, its RD bit, RA
/// (the forwarder offers recursion to every client, whatever the upstream said to the query that
/// filled the entry, which may have asked without RD), its question bytes (same length: the key matched), an OPT when it sent EDNS, and TC with
/// nothing but the question when the answer does not fit its limit.</summary>
internal static class ClientCopy
{
    public static int Finish(Span<byte> response, int length, in DnsQuery query, int limit, ushort advertisedUdpSize, out bool truncated)
    {
        BinaryPrimitives.WriteUInt16BigEndian(response, query.Id);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(response[2..]);
        flags = (ushort)((flags & ~(DnsFlags.RecursionDesired | DnsFlags.Truncated | DnsFlags.OpcodeMask))
            | (query.Flags & (DnsFlags.RecursionDesired | DnsFlags.OpcodeMask)) | (flags & DnsFlags.Truncated) | DnsFlags.RecursionAvailable);
        query.Question.CopyTo(response[DnsFlags.HeaderLength..]);
        var opt = query.HasEdns ? DnsAnswerWriter.OptLength : 0;
        truncated = length + opt > limit;
        if (truncated)
        {
            length = DnsFlags.HeaderLength + query.Question.Length;
            flags |= DnsFlags.Truncated;
            response.Slice(6, 6).Clear();
        }
        BinaryPrimitives.WriteUInt16BigEndian(response[2..], flags);
        if (query.HasEdns)
        {
            length += DnsAnswerWriter.WriteOpt(response[length..], advertisedUdpSize, 0, query.DnssecOk);
            BinaryPrimitives.WriteUInt16BigEndian(response[10..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(response[10..]) + 1));
        }
        return length;
    }
}
