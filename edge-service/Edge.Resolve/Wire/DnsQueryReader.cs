using System.Buffers.Binary;

namespace Edge.Resolve.Wire;

/// <summary>Reads a client's query without copying or allocating, and says how to answer one it
/// cannot serve. Stricter than <c>Edge.Watch.Dns.DnsMessageReader</c>, which accepts what a
/// sensor may see on the wire: a query to this forwarder must be exactly one question, nothing in
/// the answer and authority sections, at most a few additional records, and no trailing octets.</summary>
public static class DnsQueryReader
{
    /// <summary>Room for the dotted text of the longest name (255 octets on the wire).</summary>
    public const int NameBufferLength = 256;

    /// <summary>OPT plus, for instance, a TSIG or COOKIE-carrying record; more is not a real client.</summary>
    private const int MaxAdditional = 4;

    private const int MaxWireName = 255;

    public static QueryOutcome Read(ReadOnlySpan<byte> message, Span<byte> nameText, out DnsQuery query)
    {
        query = default;
        if (message.Length < DnsFlags.HeaderLength)
            return QueryOutcome.Drop;
        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        if ((flags & DnsFlags.Response) != 0)
            return QueryOutcome.Drop;
        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        int authority = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        int additional = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);

        var offset = DnsFlags.HeaderLength;
        var nameEnd = offset;
        var textLength = 0;
        var nameOk = questions >= 1 && TryReadName(message, offset, nameText, out nameEnd, out textLength);
        var questionOk = nameOk && message.Length - nameEnd >= 4;
        if (!questionOk)
        {
            nameEnd = offset;
            textLength = 0;
        }
        var question = questionOk ? message[offset..(nameEnd + 4)] : default;
        ReadOnlySpan<byte> name = questionOk ? nameText[..textLength] : default;
        query = new DnsQuery(id, flags, question, nameEnd - offset, name, false, 0, 0, false);

        if ((flags & DnsFlags.OpcodeMask) != 0)
            return QueryOutcome.NotImp;
        if (questions != 1 || !questionOk || answers != 0 || authority != 0 || additional > MaxAdditional)
            return QueryOutcome.FormErr;

        offset = nameEnd + 4;
        var hasEdns = false;
        ushort ednsSize = 0;
        uint ednsTtl = 0;
        for (var i = 0; i < additional; i++)
        {
            if (!TrySkipOwner(message, offset, out var ownerEnd, out var rootOwner) || message.Length - ownerEnd < 10)
                return QueryOutcome.FormErr;
            var type = BinaryPrimitives.ReadUInt16BigEndian(message[ownerEnd..]);
            int dataLength = BinaryPrimitives.ReadUInt16BigEndian(message[(ownerEnd + 8)..]);
            var next = ownerEnd + 10 + dataLength;
            if (next > message.Length)
                return QueryOutcome.FormErr;
            if (type == 41)
            {
                // RFC 6891 §6.1.1: one OPT at most, owned by the root; its options must fill RDATA.
                if (hasEdns || !rootOwner || !OptionsFit(message[(ownerEnd + 10)..next]))
                    return QueryOutcome.FormErr;
                hasEdns = true;
                ednsSize = BinaryPrimitives.ReadUInt16BigEndian(message[(ownerEnd + 2)..]);
                ednsTtl = BinaryPrimitives.ReadUInt32BigEndian(message[(ownerEnd + 4)..]);
            }
            offset = next;
        }
        var version = (byte)(ednsTtl >> 16);
        query = new DnsQuery(id, flags, question, nameEnd - DnsFlags.HeaderLength, name, hasEdns, ednsSize, version, (ednsTtl & 0x8000) != 0);
        if (offset != message.Length)
            return QueryOutcome.FormErr;
        if (hasEdns && version > 0)
            return QueryOutcome.BadVers;
        var qtype = query.Type;
        // OPT (41) and the meta types RRSIG-less TKEY/TSIG (249, 250) are no questions (RFC 6895 §3.1).
        if (qtype is 0 or 41 or 249 or 250)
            return QueryOutcome.FormErr;
        if (query.Class != 1 || qtype is 251 or 252)
            return QueryOutcome.Refused;
        return QueryOutcome.Ok;
    }

    /// <summary>An uncompressed name (a query's question comes first, so a pointer can only be
    /// bogus), its lower-case dotted text, and where it ends. RFC 1035 §2.3.4: 63-octet labels,
    /// 255 octets in all; label types 01 and 10 are not defined (RFC 6891 §5).</summary>
    private static bool TryReadName(ReadOnlySpan<byte> message, int offset, Span<byte> text, out int end, out int written)
    {
        end = offset;
        written = 0;
        var position = offset;
        while (true)
        {
            if (position >= message.Length || position - offset >= MaxWireName)
                return false;
            int length = message[position];
            if (length == 0)
            {
                end = position + 1;
                return true;
            }
            if (length > 63 || position + 1 + length > message.Length || position + 1 + length - offset >= MaxWireName)
                return false;
            if (written > 0)
                text[written++] = (byte)'.';
            var label = message.Slice(position + 1, length);
            for (var i = 0; i < label.Length; i++)
            {
                var octet = label[i];
                text[written++] = octet is >= (byte)'A' and <= (byte)'Z' ? (byte)(octet | 0x20) : octet;
            }
            position += 1 + length;
        }
    }

    /// <summary>Skips an additional record's owner, which may be compressed; reports whether it is the root.</summary>
    private static bool TrySkipOwner(ReadOnlySpan<byte> message, int offset, out int end, out bool root)
    {
        end = offset;
        root = offset < message.Length && message[offset] == 0;
        var position = offset;
        for (var hops = 0; hops < 128; hops++)
        {
            if (position >= message.Length)
                return false;
            int length = message[position];
            if (length == 0)
            {
                end = position + 1;
                return true;
            }
            if ((length & 0xC0) == 0xC0)
            {
                end = position + 2;
                return end <= message.Length;
            }
            if (length > 63)
                return false;
            position += 1 + length;
        }
        return false;
    }

    private static bool OptionsFit(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            if (data.Length < 4)
                return false;
            int length = BinaryPrimitives.ReadUInt16BigEndian(data[2..]);
            if (data.Length - 4 < length)
                return false;
            data = data[(4 + length)..];
        }
        return true;
    }
}
