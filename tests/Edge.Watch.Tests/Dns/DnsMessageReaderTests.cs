using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Xunit;

namespace Edge.Watch.Tests.Dns;

public class DnsMessageReaderTests
{
    private const int QuestionName = 12;

    private static WireBuilder Response(ushort type, ushort an = 1, ushort flags = 0x8180, ushort ns = 0, ushort ar = 0) =>
        new WireBuilder().Header(flags: flags, an: an, ns: ns, ar: ar).Question("www.example.com", type);

    private static (ParseStatus Status, DnsError Error) Parse(byte[] wire) =>
        (DnsMessageReader.TryParse(wire, out _, out var error), error);

    private static string? SingleRdata(byte[] wire)
    {
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var message, out var error));
        Assert.Equal(DnsError.None, error);
        string? text = null;
        var count = 0;
        foreach (var record in message.Records)
        {
            text = DnsTestText.Rdata(wire, record);
            count++;
        }
        Assert.Equal(1, count);
        return text;
    }

    [Fact]
    public void Header_flags_and_counts_are_read()
    {
        // QR, opcode 2 (STATUS), AA, TC, RD, RA, AD, CD, rcode 3
        var wire = new WireBuilder().Header(id: 0xBEEF, flags: 0b1_0010_1_1_1_1_0_1_1_0011, qd: 1).Question("a.test", 28).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.Equal(0xBEEF, m.Id);
        Assert.True(m.IsResponse);
        Assert.Equal(2, m.Opcode);
        Assert.True(m.Authoritative);
        Assert.True(m.Truncated);
        Assert.True(m.RecursionDesired);
        Assert.True(m.RecursionAvailable);
        Assert.True(m.AuthenticData);
        Assert.True(m.CheckingDisabled);
        Assert.Equal(3, m.Rcode);
        Assert.Equal("NXDOMAIN", DnsRcodeNames.Get(m.Rcode));
        Assert.Equal(1, m.QuestionCount);
        Assert.Equal(0, m.AnswerCount);
        Assert.True(m.HasQuestion);
        Assert.Equal(QuestionName, m.QuestionNameOffset);
        Assert.Equal(28, m.QuestionType);
        Assert.Equal(1, m.QuestionClass);
        Assert.Equal("a.test", DnsTestText.Name(wire, m.QuestionNameOffset));
        Assert.False(m.HasEdns);
    }

    [Fact]
    public void Query_flags_are_clear()
    {
        var wire = new WireBuilder().Header(flags: 0x0100).Question("a.test", 1).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.False(m.IsResponse);
        Assert.True(m.RecursionDesired);
        Assert.False(m.Authoritative || m.Truncated || m.RecursionAvailable || m.AuthenticData || m.CheckingDisabled);
        Assert.Equal(0, m.Opcode);
    }

    [Fact]
    public void Message_without_question_is_valid()
    {
        var wire = new WireBuilder().Header(qd: 0).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        Assert.False(m.HasQuestion);
    }

    [Fact]
    public void A_record() =>
        Assert.Equal("192.0.2.80", SingleRdata(Response(1).Record(QuestionName, 1, 300, r => r.Bytes([192, 0, 2, 80])).ToArray()));

    [Fact]
    public void AAAA_record() =>
        Assert.Equal("2001:db8:80::10", SingleRdata(Response(28).Record(QuestionName, 28, 300,
            r => r.Bytes([0x20, 0x01, 0x0d, 0xb8, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10])).ToArray()));

    [Fact]
    public void CNAME_record_with_compressed_target() =>
        Assert.Equal("cdn.example.com", SingleRdata(Response(5).Record(QuestionName, 5, 60, r => r.Name("cdn", pointer: QuestionName + 4)).ToArray()));

    [Fact]
    public void NS_record() =>
        Assert.Equal("ns1.example.net", SingleRdata(Response(2).Record(QuestionName, 2, 60, r => r.Name("ns1.example.net")).ToArray()));

    [Fact]
    public void PTR_record() =>
        Assert.Equal("host.example.org", SingleRdata(Response(12).Record(QuestionName, 12, 60, r => r.Name("host.example.org")).ToArray()));

    [Fact]
    public void DNAME_record() =>
        Assert.Equal("example.net", SingleRdata(Response(39).Record(QuestionName, 39, 60, r => r.Name("example.net")).ToArray()));

    [Fact]
    public void MX_record_gives_the_exchange() =>
        Assert.Equal("mx1.example.com", SingleRdata(Response(15).Record(QuestionName, 15, 60, r => r.U16(10).Name("mx1", pointer: QuestionName + 4)).ToArray()));

    [Fact]
    public void SRV_record_gives_the_target() =>
        Assert.Equal("sip.example.com", SingleRdata(Response(33).Record(QuestionName, 33, 60, r => r.U16(1).U16(5).U16(5060).Name("sip.example.com")).ToArray()));

    [Fact]
    public void SOA_record_gives_mname() =>
        Assert.Equal("ns1.example.com", SingleRdata(Response(6).Record(QuestionName, 6, 60,
            r => r.Name("ns1", QuestionName + 4).Name("hostmaster", QuestionName + 4).U32(1).U32(2).U32(3).U32(4).U32(5)).ToArray()));

    [Fact]
    public void TXT_record_concatenates_character_strings() =>
        Assert.Equal("v=spf1 -allsecond part", SingleRdata(Response(16).Record(QuestionName, 16, 60,
            r => r.CharacterString("v=spf1 -all").CharacterString("second part")).ToArray()));

    [Fact]
    public void TXT_escapes_backslash_and_non_ascii() =>
        Assert.Equal("a\\\\b\\255\\009c.d", SingleRdata(Response(16).Record(QuestionName, 16, 60,
            r => r.U8(7).Bytes([(byte)'a', (byte)'\\', (byte)'b', 0xFF, 0x09, (byte)'c', (byte)'.']).CharacterString("d")).ToArray()));

    [Fact]
    public void Empty_TXT_rdata_formats_as_empty() =>
        Assert.Equal("", SingleRdata(Response(16).Record(QuestionName, 16, 60, _ => { }).ToArray()));

    [Fact]
    public void HTTPS_record_gives_priority_and_target() =>
        Assert.Equal("1 .", SingleRdata(Response(65).Record(QuestionName, 65, 60,
            r => r.U16(1).U8(0).U16(1).U16(3).CharacterString("h2").U16(4).U16(4).Bytes([192, 0, 2, 1])).ToArray()));

    [Fact]
    public void SVCB_record_with_target_name() =>
        Assert.Equal("0 svc.example.net", SingleRdata(Response(64).Record(QuestionName, 64, 60, r => r.U16(0).Name("svc.example.net")).ToArray()));

    [Fact]
    public void Unknown_type_is_opaque_and_has_no_text() =>
        Assert.Null(SingleRdata(Response(10).Record(QuestionName, 10, 0, r => r.Bytes([0xC0, 0xFF, 0x40, 0x00])).ToArray()));

    [Theory]
    [InlineData(1, 3)]
    [InlineData(1, 5)]
    [InlineData(28, 4)]
    [InlineData(28, 17)]
    public void Address_with_wrong_length_is_BadRdata(ushort type, int length)
    {
        var wire = Response(type).Record(QuestionName, type, 60, r => r.Bytes(new byte[length])).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void Name_rdata_with_trailing_octets_is_BadRdata()
    {
        var wire = Response(5).Record(QuestionName, 5, 60, r => r.Name("a.example").U8(0)).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void Name_running_past_rdata_end_is_BadRdata()
    {
        // The CNAME's rdlength stops inside the target; the next bytes belong to another record.
        var wire = Response(5, an: 2)
            .Record(QuestionName, 5, 60, r => r.U8(3).Text("abc"))
            .Record(QuestionName, 1, 60, r => r.Bytes([1, 2, 3, 4])).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void MX_shorter_than_preference_is_BadRdata()
    {
        var wire = Response(15).Record(QuestionName, 15, 60, r => r.U8(0)).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void SOA_without_the_five_numbers_is_BadRdata()
    {
        var wire = Response(6).Record(QuestionName, 6, 60, r => r.Name("a").Name("b").U32(1)).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void TXT_string_overrunning_rdata_is_BadRdata()
    {
        var wire = Response(16).Record(QuestionName, 16, 60, r => r.U8(10).Text("short")).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void SvcParam_overrunning_rdata_is_BadRdata()
    {
        var wire = Response(65).Record(QuestionName, 65, 60, r => r.U16(1).U8(0).U16(1).U16(9).Text("h2")).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.BadRdata), Parse(wire));
    }

    [Fact]
    public void Rdlength_past_message_end_is_RdataOverrun()
    {
        var wire = Response(1).Name(".", QuestionName).U16(1).U16(1).U32(60).U16(8).Bytes([1, 2, 3, 4]).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.RdataOverrun), Parse(wire));
    }

    [Fact]
    public void Short_header_is_TruncatedHeader()
    {
        Assert.Equal((ParseStatus.Malformed, DnsError.TruncatedHeader), Parse([]));
        Assert.Equal((ParseStatus.Malformed, DnsError.TruncatedHeader), Parse(new byte[11]));
    }

    [Fact]
    public void Missing_question_type_is_TruncatedQuestion()
    {
        var wire = new WireBuilder().Header().Name("a.test").U16(1).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.TruncatedQuestion), Parse(wire));
    }

    [Fact]
    public void Count_larger_than_content_is_TruncatedRecord()
    {
        var wire = Response(1, an: 2).Record(QuestionName, 1, 60, r => r.Bytes([1, 2, 3, 4])).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.TruncatedRecord), Parse(wire));
    }

    [Fact]
    public void More_than_512_questions_and_records_is_TooManyRecords()
    {
        var wire = new WireBuilder().Header(qd: 1, an: 300, ns: 0, ar: 212).ToArray();
        Assert.Equal((ParseStatus.Malformed, DnsError.TooManyRecords), Parse(wire));
    }

    [Fact]
    public void Exactly_512_records_are_walked()
    {
        var b = new WireBuilder().Header(qd: 1, an: 511).Question("a", 1);
        for (var i = 0; i < 511; i++)
            b.Record(QuestionName, 1, 1, r => r.Bytes([10, 0, (byte)(i >> 8), (byte)i]));
        var wire = b.ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        var count = 0;
        foreach (var record in m.Records)
            count++;
        Assert.Equal(511, count);
    }

    [Fact]
    public void Trailing_octets_after_the_last_record_are_tolerated()
    {
        var wire = Response(1).Record(QuestionName, 1, 60, r => r.Bytes([1, 2, 3, 4])).Bytes([0, 0, 0]).ToArray();
        Assert.Equal((ParseStatus.Done, DnsError.None), Parse(wire));
    }

    [Fact]
    public void Records_are_enumerated_in_wire_order_with_sections()
    {
        var wire = Response(1, an: 2, ns: 1, ar: 2)
            .Record(QuestionName, 5, 10, r => r.Name("b.example"))
            .Record("b.example", 1, 20, r => r.Bytes([192, 0, 2, 1]))
            .Record("example", 6, 30, r => r.Name("ns").Name("mail").U32(1).U32(2).U32(3).U32(4).U32(5))
            .Record("ns.example", 28, 40, r => r.Bytes(new byte[16]))
            .Name(".").U16(41).U16(1232).U32(0).U16(0)
            .ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        var seen = new List<string>();
        foreach (var r in m.Records)
            seen.Add($"{r.Section} {DnsTestText.Name(wire, r.NameOffset)} {DnsTypeNames.Get(r.Type)} {r.Ttl} {DnsTestText.Rdata(wire, r)}");
        Assert.Equal(
            [
                "Answer www.example.com CNAME 10 b.example",
                "Answer b.example A 20 192.0.2.1",
                "Authority example SOA 30 ns",
                "Additional ns.example AAAA 40 ::",
                "Additional . OPT 0 ",
            ],
            seen);
    }

    [Fact]
    public void Record_data_offset_points_into_the_message()
    {
        var wire = Response(1).Record(QuestionName, 1, 60, r => r.Bytes([9, 8, 7, 6])).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out var m, out _));
        foreach (var r in m.Records)
        {
            Assert.Equal(wire.Length - 4, r.DataOffset);
            Assert.True(r.Data.SequenceEqual(wire.AsSpan(r.DataOffset, 4)));
            Assert.Equal(DnsSection.Answer, r.Section);
            Assert.Equal(1, r.Class);
        }
    }

    [Fact]
    public void Default_message_is_empty_and_safe()
    {
        var m = default(DnsMessage);
        Assert.Equal(0, m.Id);
        Assert.False(m.HasQuestion);
        foreach (var r in m.Records)
            Assert.Fail("no records expected");
    }
}
