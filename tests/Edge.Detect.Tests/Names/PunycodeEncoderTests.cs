using System.Text;
using Edge.Detect.Names;

namespace Edge.Detect.Tests.Names;

public sealed class PunycodeEncoderTests
{
    [Theory]
    // RFC 3492 §7.1 (A), (B), (L), and the IDNs of the Public Suffix List that tests use.
    [InlineData("ليهمابتكلموشعربي؟", "egbpdaj6bu4bxfgehfvwxn")]
    [InlineData("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye")]
    [InlineData("3年b組金八先生", "3b-ww4c5e180e575a65lsy2b")]
    [InlineData("公司", "55qx5d")]
    [InlineData("香港", "j6w193g")]
    [InlineData("食狮", "85x722f")]
    [InlineData("bücher", "bcher-kva")]
    public void Encodes_rfc_and_psl_labels(string label, string expected) =>
        Assert.Equal(expected, PunycodeEncoder.Encode(CodePoints(label.ToLowerInvariant())));

    [Theory]
    [InlineData("公司.cn", "xn--55qx5d.cn")]
    [InlineData("公司.香港", "xn--55qx5d.xn--j6w193g")]
    [InlineData("Example.COM", "example.com")]
    [InlineData("ελ", "xn--qxam")]
    public void Converts_whole_names_to_ascii(string name, string expected) =>
        Assert.Equal(expected, PunycodeEncoder.ToAscii(name));

    [Fact]
    public void Every_unicode_rule_of_the_bundled_list_decodes_back_to_itself()
    {
        using var stream = typeof(PunycodeEncoder).Assembly.GetManifestResourceStream("Edge.Detect.Intel.Data.public_suffix_list.dat")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var checkedLabels = 0;
        Span<int> decoded = stackalloc int[128];
        while (reader.ReadLine() is { } line)
        {
            var rule = line.Trim().TrimStart('!', '*', '.');
            if (rule.Length == 0 || rule.StartsWith("//", StringComparison.Ordinal) || Ascii.IsValid(rule))
                continue;
            foreach (var label in rule.Split('.'))
            {
                if (Ascii.IsValid(label))
                    continue;
                var expected = CodePoints(label.ToLowerInvariant());
                var encoded = PunycodeEncoder.Encode(expected);
                Assert.True(Punycode.TryDecode(Encoding.ASCII.GetBytes(encoded), decoded, out var written), label);
                Assert.Equal(expected, decoded[..written].ToArray());
                checkedLabels++;
            }
        }
        Assert.True(checkedLabels > 300, $"only {checkedLabels} Unicode labels found");
    }

    private static int[] CodePoints(string text)
    {
        var points = new List<int>();
        foreach (var rune in text.EnumerateRunes())
            points.Add(rune.Value);
        return [.. points];
    }
}
