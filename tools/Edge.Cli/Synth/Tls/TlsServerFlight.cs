using System.Text;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Tls;

/// <summary>
/// The server's first flight after a ClientHello. TLS 1.3: ServerHello, middlebox-compatibility
/// ChangeCipherSpec, then encrypted records (RFC 8446 §4.1.3, §D.4). TLS 1.2: an abbreviated
/// (resumed) handshake, ServerHello, ChangeCipherSpec, encrypted Finished (RFC 5246 §7.3), so no
/// certificate has to be forged.
/// </summary>
internal static class TlsServerFlight
{
    public static byte[] Build(ClientHelloSpec spec, byte[] sessionId, SynthRandom random)
    {
        var hello = new PacketWriter(256);
        hello.U16(0x0303).Bytes(random.NextBytes(32)).U8(sessionId.Length).Bytes(sessionId)
            .U16(spec.Tls13 ? 0x1301 : 0xC02F).U8(0);
        var extensions = hello.BeginLength(2);
        if (spec.Tls13)
        {
            hello.U16(43).U16(2).U16(0x0304);
            var (group, keyLength) = spec.PostQuantum ? (0x11EC, 1120) : (0x001D, 32);
            hello.U16(51).U16(4 + keyLength).U16(group).U16(keyLength).Bytes(random.NextBytes(keyLength));
        }
        else
        {
            hello.U16(0xFF01).U16(1).U8(0);
            hello.U16(23).U16(0);
            if (spec.Alpn.Length > 0)
            {
                var chosen = Encoding.ASCII.GetBytes(spec.Alpn[0]);
                hello.U16(16).U16(chosen.Length + 3).U16(chosen.Length + 1).U8(chosen.Length).Bytes(chosen);
            }
        }
        hello.EndLength(extensions);

        var flight = new PacketWriter(4096);
        TlsRecord.Write(flight, TlsRecord.Handshake, 0x0303, TlsRecord.HandshakeMessage(2, hello.Written));
        TlsRecord.WriteChangeCipherSpec(flight);
        if (spec.Tls13)
            TlsRecord.WriteOpaque(flight, TlsRecord.ApplicationData, random.Next(2_200, 3_600), random);
        else
            TlsRecord.WriteOpaque(flight, TlsRecord.Handshake, 40, random);
        return flight.ToArray();
    }

    /// <summary>Client's reply: ChangeCipherSpec, its encrypted Finished, then the first application data.</summary>
    public static byte[] ClientFinished(ClientHelloSpec spec, int requestLength, SynthRandom random)
    {
        var flight = new PacketWriter(1024);
        TlsRecord.WriteChangeCipherSpec(flight);
        if (spec.Tls13)
            TlsRecord.WriteOpaque(flight, TlsRecord.ApplicationData, 53, random);
        else
            TlsRecord.WriteOpaque(flight, TlsRecord.Handshake, 40, random);
        TlsRecord.WriteOpaque(flight, TlsRecord.ApplicationData, requestLength, random);
        return flight.ToArray();
    }

    public static byte[] ApplicationData(int length, SynthRandom random)
    {
        var records = new PacketWriter(length + 64);
        while (length > 0)
        {
            var size = Math.Min(length, 16_401);
            TlsRecord.WriteOpaque(records, TlsRecord.ApplicationData, size, random);
            length -= size;
        }
        return records.ToArray();
    }
}
