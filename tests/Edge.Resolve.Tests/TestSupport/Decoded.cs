using Edge.Watch.Decoding;
using Edge.Watch.Dns;

namespace Edge.Resolve.Tests.TestSupport;

public sealed record DecodedRecord(string Name, ushort Type, uint Ttl, byte[] Data, DnsSection Section);

/// <summary>A response decoded by Edge.Watch's reader (independent of the code under test).</summary>
public sealed record Decoded(
    ushort Id, bool Response, bool Truncated, bool RecursionDesired, bool RecursionAvailable, int Rcode,
    int QuestionCount, string QuestionName, ushort QuestionType, bool HasEdns, ushort EdnsUdpSize, bool DnssecOk,
    IReadOnlyList<DecodedRecord> Records)
{
    public IEnumerable<DecodedRecord> Answers => Records.Where(r => r.Section == DnsSection.Answer);

    public IEnumerable<DecodedRecord> Authority => Records.Where(r => r.Section == DnsSection.Authority);

    public static Decoded Of(ReadOnlySpan<byte> message)
    {
        Assert.True(DnsMessageReader.TryParse(message, out var dns, out var error) == ParseStatus.Done, $"unparseable response: {error}");
        return From(dns);
    }

    public static bool TryOf(ReadOnlySpan<byte> message, out Decoded? decoded)
    {
        decoded = null;
        if (DnsMessageReader.TryParse(message, out var dns, out _) != ParseStatus.Done)
            return false;
        decoded = From(dns);
        return true;
    }

    private static Decoded From(DnsMessage dns)
    {
        var text = new byte[DnsName.MaxPresentationLength];
        var questionName = "";
        if (dns.HasQuestion && DnsName.TryRead(dns.Raw, dns.QuestionNameOffset, text, out var written))
            questionName = System.Text.Encoding.ASCII.GetString(text, 0, written);
        var records = new List<DecodedRecord>();
        foreach (var record in dns.Records)
        {
            DnsName.TryRead(dns.Raw, record.NameOffset, text, out var nameLength);
            records.Add(new DecodedRecord(System.Text.Encoding.ASCII.GetString(text, 0, nameLength), record.Type, record.Ttl, record.Data.ToArray(), record.Section));
        }
        return new Decoded(dns.Id, dns.IsResponse, dns.Truncated, dns.RecursionDesired, dns.RecursionAvailable, dns.Rcode,
            dns.QuestionCount, questionName, dns.QuestionType, dns.HasEdns, dns.EdnsUdpSize, dns.EdnsDnssecOk, records);
    }
}
