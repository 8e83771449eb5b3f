using System.Diagnostics;
using Edge.Detect.Intel;
using Edge.Detect.Names;

namespace Edge.Detect.Tests.Names;

public sealed class NamesFuzzTests
{
    private static readonly TyposquatMatcher s_matcher = new(["dichvucong.gov.vn", "mps.gov.vn", "chinhphu.vn"]);

    [Fact]
    public void Random_bytes_never_throw_and_stay_fast()
    {
        var random = new Random(20261125);
        var model = DgaModel.Load();
        var buffer = new byte[600];
        Span<int> codePoints = stackalloc int[63];
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 20_000; round++)
        {
            var name = buffer.AsSpan(0, random.Next(buffer.Length));
            random.NextBytes(name);
            if (round % 2 == 0)
                Shape(name, random);
            s_matcher.TryMatch(name, out _, out _);
            model.Score(name);
            NameFeatures.Compute(name);
            PublicSuffixList.Bundled.TrySplit(name, out _, out _, out _);
            Punycode.TryDecode(name, codePoints, out _);
        }
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(253)]
    [InlineData(4096)]
    public void Very_long_names_do_not_match(int length)
    {
        var name = new byte[length];
        name.AsSpan().Fill((byte)'a');
        "xn--"u8.CopyTo(name);
        for (var i = 60; i < length; i += 60)
            name[i] = (byte)'.';
        Assert.False(s_matcher.TryMatch(name, out _, out _));
    }

    [Theory]
    [InlineData("xn--99999999999999999999.gov.vn")]
    [InlineData("xn--a-99999999999999999.gov.vn")]
    [InlineData("xn--zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz.gov.vn")]
    [InlineData("xn--a-b!.gov.vn")]
    [InlineData("xn---.gov.vn")]
    [InlineData("xn--a-.gov.vn")]
    [InlineData("xn--ab-9aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.gov.vn")]
    [InlineData("xn--mps-kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk.gov.vn")]
    public void Malformed_punycode_is_refused_without_throwing(string name) =>
        Assert.False(s_matcher.TryMatch(NameCorpus.Bytes(name), out _, out _));

    [Fact]
    public void Punycode_with_huge_deltas_stays_in_range()
    {
        var random = new Random(7);
        Span<int> output = stackalloc int[63];
        var digits = "abcdefghijklmnopqrstuvwxyz0123456789"u8;
        var input = new byte[60];
        for (var round = 0; round < 50_000; round++)
        {
            var length = random.Next(1, input.Length);
            for (var i = 0; i < length; i++)
                input[i] = digits[random.Next(digits.Length)];
            if (Punycode.TryDecode(input.AsSpan(0, length), output, out var written))
            {
                foreach (var codePoint in output[..written])
                    Assert.True(codePoint is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF));
            }
        }
    }

    /// <summary>Half the rounds get name-like octets so the deeper paths (split, punycode, edits) run.</summary>
    private static void Shape(Span<byte> name, Random random)
    {
        var alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-.xn"u8;
        for (var i = 0; i < name.Length; i++)
            name[i] = alphabet[random.Next(alphabet.Length)];
        if (name.Length > 12)
        {
            "xn--"u8.CopyTo(name);
            ".gov.vn"u8.CopyTo(name[^7..]);
        }
    }
}
