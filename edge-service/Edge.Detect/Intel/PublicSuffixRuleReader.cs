using System.Text;
using Edge.Detect.Names;

namespace Edge.Detect.Intel;

/// <summary>Walks the rules of a Public Suffix List text in place: each rule's name (after its
/// <c>!</c> or <c>*.</c>, cut at the first blank, comments and empty lines skipped, the private
/// section left out when asked) and its kind. Unicode rules come back in their <c>xn--</c> form,
/// the only rules for which anything is allocated. Empty names and names longer than
/// <see cref="DomainName.MaxLength"/> are skipped.</summary>
internal ref struct PublicSuffixRuleReader(ReadOnlySpan<byte> text, bool includePrivate)
{
    public const ushort Normal = 1;
    public const ushort Wildcard = 2;
    public const ushort Exception = 4;

    private ReadOnlySpan<byte> _rest = text;
    private bool _inPrivate;

    public bool TryNext(out ReadOnlySpan<byte> name, out ushort kind)
    {
        while (!_rest.IsEmpty)
        {
            var end = _rest.IndexOf((byte)'\n');
            var line = end < 0 ? _rest : _rest[..end];
            _rest = end < 0 ? default : _rest[(end + 1)..];
            if (line.IndexOf("===BEGIN PRIVATE DOMAINS==="u8) >= 0)
                _inPrivate = true;
            line = line.Trim(" \t\r\f\v"u8);
            var blank = line.IndexOfAny((byte)' ', (byte)'\t');
            if (blank >= 0)
                line = line[..blank];
            if (line.IsEmpty || line.StartsWith("//"u8) || (_inPrivate && !includePrivate))
                continue;
            kind = Normal;
            if (line[0] == (byte)'!')
            {
                kind = Exception;
                line = line[1..];
            }
            else if (line.StartsWith("*."u8))
            {
                kind = Wildcard;
                line = line[2..];
            }
            // Names arrive from the wire in their ASCII (xn--) form; the list writes IDN rules in Unicode.
            name = Ascii.IsValid(line) ? line : Encoding.UTF8.GetBytes(PunycodeEncoder.ToAscii(Encoding.UTF8.GetString(line)));
            // A rule with nothing after its mark, or longer than any name can be, matches nothing.
            if (name.IsEmpty || name.Length > DomainName.MaxLength)
                continue;
            return true;
        }
        name = default;
        kind = 0;
        return false;
    }
}
