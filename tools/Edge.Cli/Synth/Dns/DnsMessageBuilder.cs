using System.Net;
using System.Text;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Dns;

/// <summary>
/// Builds one DNS message section by section (question, answer, authority, additional, in that
/// order) and compresses owner names and the names inside CNAME/PTR/MX/NS/SOA data
/// (RFC 1035 §4.1.4).
/// </summary>
internal sealed class DnsMessageBuilder
{
    private const int ClassIn = 1;

    private readonly PacketWriter _writer = new(512);
    private readonly Dictionary<string, int> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[] _counts = new int[4];
    private DnsSection _section;

    public DnsMessageBuilder(ushort id, ushort flags, int rcode = DnsFlags.NoError)
    {
        _writer.U16(id).U16(flags | rcode).U16(0).U16(0).U16(0).U16(0);
    }

    public DnsMessageBuilder Question(string name, ushort type)
    {
        Enter(DnsSection.Question);
        WriteName(name, compress: true);
        _writer.U16(type).U16(ClassIn);
        return this;
    }

    public DnsMessageBuilder A(DnsSection section, string name, int ttl, IPAddress address) =>
        Record(section, name, DnsType.A, ttl, w => w.Bytes(address.GetAddressBytes()));

    public DnsMessageBuilder Aaaa(DnsSection section, string name, int ttl, IPAddress address) =>
        Record(section, name, DnsType.Aaaa, ttl, w => w.Bytes(address.GetAddressBytes()));

    public DnsMessageBuilder Cname(string name, int ttl, string target) =>
        Record(DnsSection.Answer, name, DnsType.Cname, ttl, _ => WriteName(target, compress: true));

    public DnsMessageBuilder Ptr(string name, int ttl, string target) =>
        Record(DnsSection.Answer, name, DnsType.Ptr, ttl, _ => WriteName(target, compress: true));

    public DnsMessageBuilder Mx(string name, int ttl, int preference, string exchange) =>
        Record(DnsSection.Answer, name, DnsType.Mx, ttl, w =>
        {
            w.U16(preference);
            WriteName(exchange, compress: true);
        });

    /// <summary>TXT with one character-string per item (RFC 1035 §3.3.14).</summary>
    public DnsMessageBuilder Txt(string name, int ttl, params string[] texts) =>
        Record(DnsSection.Answer, name, DnsType.Txt, ttl, w =>
        {
            foreach (var text in texts)
            {
                var bytes = Encoding.ASCII.GetBytes(text);
                w.U8(bytes.Length).Bytes(bytes);
            }
        });

    /// <summary>SOA in the authority section, as NXDOMAIN answers carry it (RFC 2308 §3).</summary>
    public DnsMessageBuilder Soa(string zone, int ttl, string primary, string mailbox, uint serial) =>
        Record(DnsSection.Authority, zone, DnsType.Soa, ttl, w =>
        {
            WriteName(primary, compress: true);
            WriteName(mailbox, compress: true);
            w.U32(serial).U32(7200).U32(3600).U32(1_209_600).U32(300);
        });

    /// <summary>HTTPS record (RFC 9460 §2.2): target name uncompressed, SvcParams alpn and ipv4hint in key order.</summary>
    public DnsMessageBuilder Https(string name, int ttl, int priority, string target, string[] alpn, IPAddress[] ipv4Hints) =>
        Record(DnsSection.Answer, name, DnsType.Https, ttl, w =>
        {
            w.U16(priority);
            WriteName(target, compress: false);
            w.U16(1);
            var alpnLength = w.BeginLength(2);
            foreach (var id in alpn)
                w.U8(id.Length).Bytes(Encoding.ASCII.GetBytes(id));
            w.EndLength(alpnLength);
            w.U16(4).U16(4 * ipv4Hints.Length);
            foreach (var hint in ipv4Hints)
                w.Bytes(hint.GetAddressBytes());
        });

    /// <summary>EDNS0 OPT pseudo-record (RFC 6891 §6.1.2); DO is bit 15 of the TTL's low half (RFC 3225).</summary>
    public DnsMessageBuilder Opt(int udpPayloadSize, bool dnssecOk)
    {
        Enter(DnsSection.Additional);
        _writer.U8(0).U16(DnsType.Opt).U16(udpPayloadSize).U32(dnssecOk ? 0x8000u : 0u).U16(0);
        return this;
    }

    public byte[] Build()
    {
        for (var i = 0; i < _counts.Length; i++)
            _writer.PatchU16(4 + 2 * i, _counts[i]);
        return _writer.ToArray();
    }

    private DnsMessageBuilder Record(DnsSection section, string name, ushort type, int ttl, Action<PacketWriter> data)
    {
        Enter(section);
        WriteName(name, compress: true);
        _writer.U16(type).U16(ClassIn).U32((uint)ttl);
        var length = _writer.BeginLength(2);
        data(_writer);
        _writer.EndLength(length);
        return this;
    }

    private void Enter(DnsSection section)
    {
        if (section < _section)
            throw new InvalidOperationException($"DNS sections must be written in order; {section} after {_section}");
        _section = section;
        _counts[(int)section]++;
    }

    private void WriteName(string name, bool compress)
    {
        var rest = name.TrimEnd('.');
        while (rest.Length > 0)
        {
            if (compress && _names.TryGetValue(rest, out var pointer))
            {
                _writer.U16(0xC000 | pointer);
                return;
            }
            if (_writer.Length < 0x3FFF)
                _names.TryAdd(rest, _writer.Length);
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            var label = dot < 0 ? rest : rest[..dot];
            if (label.Length is 0 or > 63)
                throw new ArgumentException($"bad DNS label in '{name}'", nameof(name));
            _writer.U8(label.Length).Bytes(Encoding.ASCII.GetBytes(label));
            rest = dot < 0 ? "" : rest[(dot + 1)..];
        }
        _writer.U8(0);
    }
}
