using System.Buffers.Binary;

namespace Edge.Watch.Dns;

/// <summary>Reads the fixed part of one resource record (RFC 1035 §4.1.3); RDATA is checked elsewhere.</summary>
internal static class DnsRecordWalker
{
    private const int FixedLength = 10;

    public static DnsError TryRead(ReadOnlySpan<byte> message, int offset, DnsSection section, out DnsRecord record, out int next)
    {
        record = default;
        next = offset;
        var error = DnsNameWalker.Skip(message, offset, message.Length, DnsError.TruncatedRecord, out var nameEnd);
        if (error != DnsError.None)
            return error;
        if (message.Length - nameEnd < FixedLength)
            return DnsError.TruncatedRecord;
        var fixedPart = message.Slice(nameEnd, FixedLength);
        var dataOffset = nameEnd + FixedLength;
        int dataLength = BinaryPrimitives.ReadUInt16BigEndian(fixedPart[8..]);
        if (message.Length - dataOffset < dataLength)
            return DnsError.RdataOverrun;
        record = new DnsRecord(
            section,
            offset,
            BinaryPrimitives.ReadUInt16BigEndian(fixedPart),
            BinaryPrimitives.ReadUInt16BigEndian(fixedPart[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(fixedPart[4..]),
            message.Slice(dataOffset, dataLength),
            dataOffset);
        next = dataOffset + dataLength;
        return DnsError.None;
    }

    public static DnsSection SectionOf(int index, int answers, int authority) =>
        index < answers ? DnsSection.Answer
        : index < answers + authority ? DnsSection.Authority
        : DnsSection.Additional;
}
