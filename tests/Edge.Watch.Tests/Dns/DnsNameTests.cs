using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Xunit;

namespace Edge.Watch.Tests.Dns;

public class DnsNameTests
{
    private static byte[] WithNameAt12(Action<WireBuilder> name) => Build(b => name(b));

    private static byte[] Build(Action<WireBuilder> body)
    {
        var b = new WireBuilder().Header(qd: 0);
        body(b);
        return b.ToArray();
    }

    [Fact]
    public void Plain_name_is_dotted_without_trailing_dot() =>
        Assert.Equal("www.example.com", DnsTestText.Name(WithNameAt12(b => b.Name("www.example.com")), 12));

    [Fact]
    public void Root_is_a_single_dot() =>
        Assert.Equal(".", DnsTestText.Name(WithNameAt12(b => b.Name(".")), 12));

    [Fact]
    public void Case_and_punycode_are_kept() =>
        Assert.Equal("WwW.xn--vnexpress-8ya.Net", DnsTestText.Name(WithNameAt12(b => b.Name("WwW.xn--vnexpress-8ya.Net")), 12));

    [Fact]
    public void Compression_pointer_chain_is_followed()
    {
        // 12: example.com; then "www" -> 12; then "a.b" -> the "www" name.
        var wire = Build(b => b.Name("example.com").Name("www", 12).Name("a.b", 25));
        Assert.Equal("example.com", DnsTestText.Name(wire, 12));
        Assert.Equal("www.example.com", DnsTestText.Name(wire, 25));
        Assert.Equal("a.b.www.example.com", DnsTestText.Name(wire, 31));
        Assert.Equal("com", DnsTestText.Name(wire, 20));
    }

    [Fact]
    public void Dot_backslash_and_unprintable_octets_are_escaped_as_dig_does()
    {
        var wire = Build(b => b.Label([(byte)'a', (byte)'.', (byte)'b']).Label([(byte)'\\', (byte)' ', 0x7F, 0x00, 0xE4, (byte)'~', (byte)'!']).U8(0));
        Assert.Equal("a\\.b.\\\\\\032\\127\\000\\228~!", DnsTestText.Name(wire, 12));
    }

    [Fact]
    public void Longest_name_fully_escaped_fits_MaxPresentationLength()
    {
        var label = Enumerable.Repeat((byte)0xFF, 63).ToArray();
        var wire = Build(b => b.Label(label).Label(label).Label(label).Label(label[..61]).U8(0)); // 255 octets
        var text = DnsTestText.Name(wire, 12);
        Assert.NotNull(text);
        Assert.Equal(250 * 4 + 3, text.Length);
        Assert.True(text.Length <= DnsName.MaxPresentationLength);
    }

    [Fact]
    public void Name_of_256_octets_is_rejected()
    {
        var label = Enumerable.Repeat((byte)'x', 63).ToArray();
        var wire = new WireBuilder().Header(qd: 1).Label(label).Label(label).Label(label).Label(label[..62]).U8(0).U16(1).U16(1).ToArray();
        Assert.Null(DnsTestText.Name(wire, 12));
        Assert.Equal(ParseStatus.Malformed, DnsMessageReader.TryParse(wire, out _, out var error));
        Assert.Equal(DnsError.NameTooLong, error);
    }

    [Fact]
    public void Name_of_255_octets_is_accepted()
    {
        var label = Enumerable.Repeat((byte)'x', 63).ToArray();
        var wire = new WireBuilder().Header(qd: 1).Label(label).Label(label).Label(label).Label(label[..61]).U8(0).U16(1).U16(1).ToArray();
        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(wire, out _, out _));
    }

    [Fact]
    public void Destination_too_small_returns_false()
    {
        var wire = WithNameAt12(b => b.Name("www.example.com"));
        Span<byte> small = stackalloc byte[14];
        Assert.False(DnsName.TryRead(wire, 12, small, out var written));
        Assert.Equal(0, written);
        Span<byte> exact = stackalloc byte[15];
        Assert.True(DnsName.TryRead(wire, 12, exact, out written));
        Assert.Equal(15, written);
        Assert.False(DnsName.TryRead(WithNameAt12(b => b.Name(".")), 12, [], out _));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100)]
    public void Offset_outside_the_message_returns_false(int offset) =>
        Assert.Null(DnsTestText.Name(WithNameAt12(b => b.Name("a")), offset));

    [Fact]
    public void Self_pointer_is_BadPointer()
    {
        var wire = new WireBuilder().Header(qd: 1).Pointer(12).U16(1).U16(1).ToArray();
        AssertMalformed(wire, DnsError.BadPointer);
        Assert.Null(DnsTestText.Name(wire, 12));
    }

    [Fact]
    public void Forward_pointer_is_BadPointer()
    {
        var wire = new WireBuilder().Header(qd: 1).Pointer(18).U16(1).U16(1).Name("a").ToArray();
        AssertMalformed(wire, DnsError.BadPointer);
    }

    [Fact]
    public void Pointer_into_the_header_is_BadPointer()
    {
        var wire = new WireBuilder().Header(qd: 1).Pointer(4).U16(1).U16(1).ToArray();
        AssertMalformed(wire, DnsError.BadPointer);
    }

    [Fact]
    public void Pointer_loop_through_a_backward_pointer_is_BadPointer()
    {
        // 12: label "ab", then a pointer back to 12: each pointer is backward of itself, but the
        // walk would revisit the same labels for ever (RFC 1035 §4.1.4 allows only earlier names).
        var wire = new WireBuilder().Header(qd: 1).Name("ab", 12).U16(1).U16(1).ToArray();
        AssertMalformed(wire, DnsError.BadPointer);
        Assert.Null(DnsTestText.Name(wire, 12));
    }

    [Fact]
    public void Two_names_pointing_at_each_other_are_rejected()
    {
        // Question name at 12 -> 19; record owner at 19 ("x" then -> 12).
        var wire = new WireBuilder().Header(qd: 1, an: 1).Pointer(19).U16(1).U16(1)
            .Name("x", 12).U16(1).U16(1).U32(0).U16(4).Bytes([1, 2, 3, 4]).ToArray();
        AssertMalformed(wire, DnsError.BadPointer);
        Assert.Null(DnsTestText.Name(wire, 19));
    }

    [Fact]
    public void More_than_64_pointer_hops_is_TooManyPointers()
    {
        // Opaque NULL rdata holds a root octet and a chain of pointers, each to the one before;
        // the answer's owner points at the end of the chain.
        static byte[] Chain(int hops)
        {
            var b = new WireBuilder().Header(qd: 0, an: 2);
            b.Record(".", 10, 0, r =>
            {
                var root = r.Position;
                r.U8(0);
                var previous = root;
                for (var i = 0; i < hops - 1; i++)
                {
                    var here = r.Position;
                    r.Pointer(previous);
                    previous = here;
                }
            });
            var last = b.Position - 2;
            return b.Record(last, 1, 0, r => r.Bytes([1, 2, 3, 4])).ToArray();
        }

        Assert.Equal(ParseStatus.Done, DnsMessageReader.TryParse(Chain(64), out _, out _));
        AssertMalformed(Chain(65), DnsError.TooManyPointers);
    }

    [Theory]
    [InlineData(0x40)]
    [InlineData(0x80)]
    public void Extended_and_reserved_label_types_are_BadLabelType(byte type)
    {
        var wire = new WireBuilder().Header(qd: 1).U8(type).U8(0).U8(0).U16(1).U16(1).ToArray();
        AssertMalformed(wire, DnsError.BadLabelType);
    }

    [Fact]
    public void Label_past_the_end_is_TruncatedQuestion()
    {
        var wire = new WireBuilder().Header(qd: 1).U8(10).Text("abc").ToArray();
        AssertMalformed(wire, DnsError.TruncatedQuestion);
    }

    [Fact]
    public void Bad_pointer_inside_rdata_name_is_rejected()
    {
        var wire = new WireBuilder().Header(qd: 1, an: 1).Question("a.test", 5)
            .Record(12, 5, 0, r => r.Pointer(200)).ToArray();
        AssertMalformed(wire, DnsError.BadPointer);
    }

    private static void AssertMalformed(byte[] wire, DnsError expected)
    {
        Assert.Equal(ParseStatus.Malformed, DnsMessageReader.TryParse(wire, out _, out var error));
        Assert.Equal(expected, error);
    }
}
