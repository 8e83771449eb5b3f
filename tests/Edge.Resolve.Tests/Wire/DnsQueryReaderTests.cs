using System.Text;
using Edge.Resolve.Tests.TestSupport;
using Edge.Resolve.Wire;

namespace Edge.Resolve.Tests.Wire;

public class DnsQueryReaderTests
{
    private static QueryOutcome Read(byte[] message) => DnsQueryReader.Read(message, new byte[DnsQueryReader.NameBufferLength], out _);

    [Fact]
    public void Reads_the_question_the_lower_case_name_and_edns()
    {
        var message = Query.Build("WwW.ExAmple.COM", type: 28, id: 0xBEEF, edns: new Edns(4096, DnssecOk: true));
        var name = new byte[DnsQueryReader.NameBufferLength];
        Assert.Equal(QueryOutcome.Ok, DnsQueryReader.Read(message, name, out var query));
        Assert.Equal(0xBEEF, query.Id);
        Assert.True(query.RecursionDesired);
        Assert.Equal("www.example.com", Encoding.ASCII.GetString(query.Name));
        Assert.Equal(Query.Name("WwW.ExAmple.COM"), query.NameWire.ToArray());
        Assert.Equal(28, query.Type);
        Assert.Equal(1, query.Class);
        Assert.True(query.HasEdns);
        Assert.Equal(4096, query.EdnsUdpSize);
        Assert.True(query.DnssecOk);
    }

    [Fact]
    public void The_root_reads_as_an_empty_name()
    {
        var name = new byte[DnsQueryReader.NameBufferLength];
        Assert.Equal(QueryOutcome.Ok, DnsQueryReader.Read(Query.Build(".", type: 2), name, out var query));
        Assert.True(query.Name.IsEmpty);
    }

    [Fact]
    public void Shorter_than_a_header_is_dropped() => Assert.Equal(QueryOutcome.Drop, Read(new byte[11]));

    [Fact]
    public void A_response_is_dropped_never_answered() =>
        Assert.Equal(QueryOutcome.Drop, Read(Query.Build("example.com", flags: 0x8100)));

    [Fact]
    public void Opcodes_other_than_query_are_not_implemented()
    {
        Assert.Equal(QueryOutcome.NotImp, Read(Query.Build("example.com", flags: 0x2800))); // UPDATE
        Assert.Equal(QueryOutcome.NotImp, Read(Query.Build("example.com", flags: 0x1000))); // STATUS
    }

    public static TheoryData<string, byte[]> FormErrCases()
    {
        var good = Query.Build("example.com");
        var withOpt = Query.Build("example.com", edns: new Edns());
        var twoOpts = withOpt.Concat(Query.Opt(new Edns())).ToArray();
        twoOpts[11] = 2;
        var optNotRoot = Query.Build("example.com", edns: new Edns());
        optNotRoot[^11] = 1; // owner label of length 1 ... breaks the layout too
        var optOwnerPointer = good.Concat(new byte[] { 0xC0, 0x0C, 0, 41, 4, 0, 0, 0, 0, 0, 0, 0 }).ToArray();
        optOwnerPointer[11] = 1;
        var optOptionsOverrun = Query.Build("example.com", edns: new Edns(OptionBytes: [0, 10, 0, 9, 1, 2]));
        var compressed = new byte[] { 0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xC0, 0x0C, 0, 1, 0, 1 };
        var longLabel = Query.Build("a.example.com");
        longLabel[12] = 64;
        var tooLong = Query.Build(string.Join('.', Enumerable.Repeat(new string('a', 63), 4)) + ".com");
        return new TheoryData<string, byte[]>
        {
            { "no question", Query.With16(good, 4, 0) },
            { "two questions", Query.With16(good, 4, 2) },
            { "an answer record", Query.With16(good, 6, 1) },
            { "an authority record", Query.With16(good, 8, 1) },
            { "too many additional records", Query.With16(good, 10, 9) },
            { "additional count past the end", Query.With16(good, 10, 1) },
            { "question cut short", good[..^2] },
            { "name runs off the end", good[..16] },
            { "compressed question name", compressed },
            { "label type 01", longLabel },
            { "name over 255 octets", tooLong },
            { "two OPT records", twoOpts },
            { "OPT owned by a pointer", optOwnerPointer },
            { "OPT options overrun", optOptionsOverrun },
            { "OPT owner not root", optNotRoot },
            { "trailing octets", good.Concat(new byte[] { 0 }).ToArray() },
            { "question type OPT", Query.Build("example.com", type: 41) },
            { "question type TSIG", Query.Build("example.com", type: 250) },
        };
    }

    [Theory]
    [MemberData(nameof(FormErrCases))]
    public void Malformed_queries_are_formerr(string why, byte[] message) =>
        Assert.True(Read(message) == QueryOutcome.FormErr, why);

    [Fact]
    public void A_name_of_exactly_255_octets_is_accepted()
    {
        // 3 × (1 + 63) + (1 + 61) + root = 255
        var name = string.Join('.', Enumerable.Repeat(new string('a', 63), 3)) + "." + new string('b', 61);
        Assert.Equal(255, Query.Name(name).Length);
        Assert.Equal(QueryOutcome.Ok, Read(Query.Build(name)));
        Assert.Equal(QueryOutcome.FormErr, Read(Query.Build(name + "c")));
    }

    [Fact]
    public void Edns_version_above_zero_is_badvers() =>
        Assert.Equal(QueryOutcome.BadVers, Read(Query.Build("example.com", edns: new Edns(Version: 1))));

    [Fact]
    public void Other_classes_and_zone_transfers_are_refused()
    {
        Assert.Equal(QueryOutcome.Refused, Read(Query.Build("version.bind", type: 16, qclass: 3)));
        Assert.Equal(QueryOutcome.Refused, Read(Query.Build("example.com", type: 252)));
        Assert.Equal(QueryOutcome.Refused, Read(Query.Build("example.com", type: 251)));
    }

    [Fact]
    public void Another_additional_record_beside_opt_is_skipped()
    {
        var query = Query.Build("example.com", edns: new Edns());
        var record = new List<byte>();
        Answer.AddRecord(record, new Rr(16, 0, [3, (byte)'a', (byte)'b', (byte)'c']));
        var message = Query.With16(query.Concat(record).ToArray(), 10, 2);
        Assert.Equal(QueryOutcome.Ok, Read(message));
    }
}
