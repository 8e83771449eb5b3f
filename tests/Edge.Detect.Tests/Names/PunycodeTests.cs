using System.Text;
using Edge.Detect.Names;

namespace Edge.Detect.Tests.Names;

public sealed class PunycodeTests
{
    [Theory]
    // RFC 3492 §7.1 (A) Arabic (Egyptian), (L) 3<nen>B<gumi><kinpachi><sensei>, and corpus homographs.
    [InlineData("egbpdaj6bu4bxfgehfvwxn", "ليهمابتكلموشعربي؟")]
    [InlineData("3B-ww4c5e180e575a65lsy2b", "3年b組金八先生")]
    [InlineData("diclhucong-rb5h", "diclhⱴucong")]
    [InlineData("dihvuon-n5ad61t", "diĉhvuĉonǥ")]
    [InlineData("p-o2a6c", "ɱpʂ")]
    [InlineData("cinpu-ibcb5049c", "cẖinȟpȟu")]
    public void Decodes(string encoded, string expected)
    {
        Span<int> output = stackalloc int[64];

        Assert.True(Punycode.TryDecode(Encoding.ASCII.GetBytes(encoded), output, out var written));
        var text = new StringBuilder();
        foreach (var codePoint in output[..written])
            text.Append(char.ConvertFromUtf32(codePoint));
        Assert.Equal(expected.ToLowerInvariant(), text.ToString());
    }

    [Theory]
    [InlineData("-abc")]
    [InlineData("abc-9")]
    [InlineData("abc-!")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("99999999999a")]
    public void Refuses_malformed_input(string encoded) =>
        Assert.False(Punycode.TryDecode(Encoding.ASCII.GetBytes(encoded), stackalloc int[64], out _));

    [Fact]
    public void Refuses_output_that_does_not_fit() =>
        Assert.False(Punycode.TryDecode("dihvuon-n5ad61t"u8, stackalloc int[4], out _));

    [Fact]
    public void Refuses_non_ascii_input() =>
        Assert.False(Punycode.TryDecode("ab\u00e9-x"u8, stackalloc int[64], out _));
}
