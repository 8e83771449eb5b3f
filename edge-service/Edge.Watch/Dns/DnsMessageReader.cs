using System.Buffers.Binary;
using Edge.Watch.Decoding;

namespace Edge.Watch.Dns;

/// <summary>Validates a whole DNS message once, so that readers of the result need no checks.</summary>
public static class DnsMessageReader
{
    private const int QuestionFixedLength = 4;

    /// <summary>Header, every question, every record and every name (those inside known RDATA too).
    /// A complete message gives <see cref="ParseStatus.Done"/> or <see cref="ParseStatus.Malformed"/>,
    /// never NeedMore: the caller frames the message (a UDP datagram, or a TCP frame).</summary>
    public static ParseStatus TryParse(ReadOnlySpan<byte> message, out DnsMessage result, out DnsError error)
    {
        result = default;
        error = Validate(message, out result);
        return error == DnsError.None ? ParseStatus.Done : ParseStatus.Malformed;
    }

    private static DnsError Validate(ReadOnlySpan<byte> message, out DnsMessage result)
    {
        result = default;
        if (message.Length < DnsLimits.HeaderLength)
            return DnsError.TruncatedHeader;
        int questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        int answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        int authority = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        int additional = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        if (questions + answers + authority + additional > DnsLimits.MaxRecords)
            return DnsError.TooManyRecords;

        var offset = DnsLimits.HeaderLength;
        int questionName = 0;
        ushort questionType = 0, questionClass = 0;
        for (var i = 0; i < questions; i++)
        {
            var error = DnsNameWalker.Skip(message, offset, message.Length, DnsError.TruncatedQuestion, out var nameEnd);
            if (error != DnsError.None)
                return error;
            if (message.Length - nameEnd < QuestionFixedLength)
                return DnsError.TruncatedQuestion;
            if (i == 0)
            {
                questionName = offset;
                questionType = BinaryPrimitives.ReadUInt16BigEndian(message[nameEnd..]);
                questionClass = BinaryPrimitives.ReadUInt16BigEndian(message[(nameEnd + 2)..]);
            }
            offset = nameEnd + QuestionFixedLength;
        }

        var recordsOffset = offset;
        var hasEdns = false;
        ushort ednsUdpSize = 0;
        uint ednsTtl = 0;
        var records = answers + authority + additional;
        for (var i = 0; i < records; i++)
        {
            var section = DnsRecordWalker.SectionOf(i, answers, authority);
            var error = DnsRecordWalker.TryRead(message, offset, section, out var record, out var next);
            if (error != DnsError.None)
                return error;
            error = DnsRdataValidator.Validate(message, record.Type, record.DataOffset, record.Data.Length);
            if (error != DnsError.None)
                return error;
            if (record.Type == DnsType.OPT && section == DnsSection.Additional)
            {
                // RFC 6891 §6.1.1: at most one OPT, and its owner is the root.
                if (hasEdns || message[record.NameOffset] != 0)
                    return DnsError.BadOpt;
                hasEdns = true;
                ednsUdpSize = record.Class;
                ednsTtl = record.Ttl;
            }
            offset = next;
        }

        // Octets after the last record are tolerated, as resolvers and tshark do.
        result = new DnsMessage(message, recordsOffset, questionName, questionType, questionClass, hasEdns, ednsUdpSize, ednsTtl);
        return DnsError.None;
    }
}
