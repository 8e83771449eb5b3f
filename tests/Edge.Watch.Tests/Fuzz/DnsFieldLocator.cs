using Edge.Watch.Decoding;
using Edge.Watch.Dns;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>DNS fields (RFC 1035 §4.1): the four counts, the question name's label lengths, and for
/// each record its owner name (a label length or a 0xC0xx compression pointer) and RDLENGTH.</summary>
public static class DnsFieldLocator
{
    private const int MaxRecords = 16;
    private const int MaxLabels = 8;

    public static void Add(FieldList fields, byte[] frame, int start, int length)
    {
        if (length < 12)
            return;
        fields.U16("dns.qdcount", start + 4);
        fields.U16("dns.ancount", start + 6);
        fields.U16("dns.nscount", start + 8);
        fields.U16("dns.arcount", start + 10);
        var message = frame.AsSpan(start, length);
        AddName(fields, message, start, 12);
        if (DnsMessageReader.TryParse(message, out var dns, out _) != ParseStatus.Done)
            return;
        var count = 0;
        foreach (var record in dns.Records)
        {
            if (count++ == MaxRecords)
                break;
            AddName(fields, message, start, record.NameOffset);
            fields.U16("dns.rdlength", start + record.DataOffset - 2);
            if (!record.Data.IsEmpty)
                fields.Byte("dns.rdata_first", start + record.DataOffset);
        }
    }

    /// <summary>Label length bytes of the name at <paramref name="offset"/>, up to its first pointer.</summary>
    private static void AddName(FieldList fields, ReadOnlySpan<byte> message, int start, int offset)
    {
        for (var labels = 0; offset < message.Length && labels < MaxLabels; labels++)
        {
            var length = message[offset];
            if ((length & 0xC0) == 0xC0)
            {
                // Its own offset as a target is the self loop RFC 1035 §4.1.4 readers must refuse.
                fields.Add("dns.pointer", start + offset, 2, 0x3FFF, offset);
                return;
            }
            fields.Byte("dns.label_length", start + offset);
            if (length == 0)
                return;
            offset += 1 + length;
        }
    }
}
