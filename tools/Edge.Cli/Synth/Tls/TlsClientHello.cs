using System.Text;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Tls;

/// <summary>Builds a ClientHello record (RFC 8446 §4.1.2; TLS 1.2 form per RFC 5246 §7.4.1.2).</summary>
internal static class TlsClientHello
{
    private const int GroupX25519 = 0x001D;
    private const int GroupX25519MlKem768 = 0x11EC;

    private static readonly ushort[] s_suites13 =
        [0x1301, 0x1302, 0x1303, 0xC02B, 0xC02F, 0xC02C, 0xC030, 0xCCA9, 0xCCA8, 0xC013, 0xC014, 0x009C, 0x009D, 0x002F, 0x0035];

    private static readonly ushort[] s_suites12 =
        [0xC02C, 0xC030, 0x009F, 0xCCA9, 0xCCA8, 0xCCAA, 0xC02B, 0xC02F, 0x009E, 0xC024, 0xC028, 0x006B, 0xC023, 0xC027,
         0x0067, 0xC00A, 0xC014, 0x0039, 0xC009, 0xC013, 0x0033, 0x009D, 0x009C, 0x003D, 0x003C, 0x0035, 0x002F, 0x00FF];

    private static readonly ushort[] s_signatureAlgorithms =
        [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601];

    /// <summary>The whole record; <paramref name="sessionId"/> is the legacy session id the server will echo.</summary>
    public static byte[] Build(ClientHelloSpec spec, SynthRandom random, out byte[] sessionId)
    {
        sessionId = random.NextBytes(32);
        var greaseSuite = Grease.Pick(random);
        var body = new PacketWriter(1024);
        body.U16(0x0303).Bytes(random.NextBytes(32)).U8(sessionId.Length).Bytes(sessionId);
        var suites = body.BeginLength(2);
        if (spec.Tls13)
            body.U16(greaseSuite);
        foreach (var suite in spec.Tls13 ? s_suites13 : s_suites12)
            body.U16(suite);
        body.EndLength(suites);
        body.U8(1).U8(0);
        var extensions = body.BeginLength(2);
        if (spec.Tls13)
            WriteBrowserExtensions(body, spec, random);
        else
            WriteOpenSslExtensions(body, spec);
        body.EndLength(extensions);

        var record = new PacketWriter(body.Length + 9);
        TlsRecord.Write(record, TlsRecord.Handshake, 0x0301, TlsRecord.HandshakeMessage(1, body.Written));
        return record.ToArray();
    }

    private static void WriteBrowserExtensions(PacketWriter w, ClientHelloSpec spec, SynthRandom random)
    {
        var greaseFirst = Grease.Pick(random);
        var greaseLast = Grease.PickOther(random, greaseFirst);
        var greaseGroup = Grease.Pick(random);
        Extension(w, greaseFirst, _ => { });
        ServerName(w, spec.ServerName);
        Extension(w, 23, _ => { });
        Extension(w, 0xFF01, x => x.U8(0));
        Extension(w, 10, x => List16(x, spec.PostQuantum
            ? [greaseGroup, GroupX25519MlKem768, GroupX25519, 0x0017, 0x0018]
            : [greaseGroup, GroupX25519, 0x0017, 0x0018]));
        Extension(w, 11, x => x.U8(1).U8(0));
        Extension(w, 35, _ => { });
        Alpn(w, spec.Alpn);
        Extension(w, 5, x => x.U8(1).U16(0).U16(0));
        Extension(w, 13, x => List16(x, s_signatureAlgorithms));
        Extension(w, 18, _ => { });
        Extension(w, 51, x =>
        {
            var shares = x.BeginLength(2);
            x.U16(greaseGroup).U16(1).U8(0);
            if (spec.PostQuantum)
                x.U16(GroupX25519MlKem768).U16(1216).Bytes(random.NextBytes(1216));
            x.U16(GroupX25519).U16(32).Bytes(random.NextBytes(32));
            x.EndLength(shares);
        });
        Extension(w, 45, x => x.U8(1).U8(1));
        Extension(w, 43, x =>
        {
            x.U8(6).U16(Grease.Pick(random)).U16(0x0304).U16(0x0303);
        });
        Extension(w, greaseLast, x => x.U8(0));
    }

    private static void WriteOpenSslExtensions(PacketWriter w, ClientHelloSpec spec)
    {
        ServerName(w, spec.ServerName);
        Extension(w, 11, x => x.U8(3).U8(0).U8(1).U8(2));
        Extension(w, 10, x => List16(x, [GroupX25519, 0x0017, 0x001E, 0x0019, 0x0018]));
        Extension(w, 35, _ => { });
        Alpn(w, spec.Alpn);
        Extension(w, 22, _ => { });
        Extension(w, 23, _ => { });
        Extension(w, 13, x => List16(x, s_signatureAlgorithms));
    }

    // RFC 6066 §3: server_name_list with one host_name entry.
    private static void ServerName(PacketWriter w, string? name)
    {
        if (name is null)
            return;
        var bytes = Encoding.ASCII.GetBytes(name);
        Extension(w, 0, x => x.U16(bytes.Length + 3).U8(0).U16(bytes.Length).Bytes(bytes));
    }

    // RFC 7301 §3.1: ProtocolNameList.
    private static void Alpn(PacketWriter w, string[] protocols)
    {
        if (protocols.Length == 0)
            return;
        Extension(w, 16, x =>
        {
            var list = x.BeginLength(2);
            foreach (var protocol in protocols)
                x.U8(protocol.Length).Bytes(Encoding.ASCII.GetBytes(protocol));
            x.EndLength(list);
        });
    }

    private static void List16(PacketWriter w, ReadOnlySpan<ushort> values)
    {
        w.U16(values.Length * 2);
        foreach (var value in values)
            w.U16(value);
    }

    private static void Extension(PacketWriter w, int type, Action<PacketWriter> data)
    {
        w.U16(type);
        var length = w.BeginLength(2);
        data(w);
        w.EndLength(length);
    }
}
