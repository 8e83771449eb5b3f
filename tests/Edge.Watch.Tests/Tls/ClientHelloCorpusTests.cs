using System.Globalization;
using System.Text;
using Edge.Watch.Decoding;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Tls;
using Xunit;

namespace Edge.Watch.Tests.Tls;

/// <summary>Every ClientHello of every corpus pcap, from reassembled client streams, against tshark.</summary>
public sealed class ClientHelloCorpusTests
{
    [Theory]
    [MemberData(nameof(Corpus.ScenarioData), MemberType = typeof(Corpus))]
    public void Every_client_hello_matches_tshark(string scenario)
    {
        var truths = TlsTruth.ClientHellos(scenario);
        var streams = TcpClientStreams.Read(Corpus.Pcap(scenario));
        var differences = new List<string>();
        var scratch = new byte[ClientHelloReader.MaxHandshakeLength];
        foreach (var truth in truths)
        {
            var stream = streams.FirstOrDefault(s => s.Frames.Contains(truth.Frame));
            if (stream is null)
            {
                differences.Add($"frame {truth.Frame}: no client stream carries it");
                continue;
            }
            Compare(truth, stream, scratch, differences);
        }

        var parsed = streams.Count(s => s.Initiator && ParsesAsHello(s.Payload, scratch));
        if (parsed != truths.Count)
            differences.Add($"{parsed} client streams start with a ClientHello, tshark saw {truths.Count}");
        Assert.True(differences.Count == 0, scenario + ":\n" + string.Join('\n', differences));
    }

    private static bool ParsesAsHello(byte[] payload, byte[] scratch) =>
        ClientHelloReader.LooksLikeHandshake(payload)
        && ClientHelloReader.TryParse(payload, scratch, out _, out _) == ParseStatus.Done;

    private static void Compare(ClientHelloTruth truth, TcpDirection stream, byte[] scratch, List<string> differences)
    {
        var where = $"frame {truth.Frame} ({stream.Key})";
        var status = ClientHelloReader.TryParse(stream.Payload, scratch, out var hello, out var error);
        if (status != ParseStatus.Done)
        {
            differences.Add($"{where}: {status} {error}");
            return;
        }
        Expect(where, "handshake_version", truth.HandshakeVersion, "0x" + hello.HandshakeVersion.ToString("x4", CultureInfo.InvariantCulture), differences);

        var versions = new List<string>();
        foreach (var v in hello.SupportedVersions)
            versions.Add("0x" + v.ToString("x4", CultureInfo.InvariantCulture));
        Expect(where, "supported_versions", string.Join(',', truth.SupportedVersions), string.Join(',', versions), differences);

        var sni = hello.TryGetServerName(out var host) ? Encoding.ASCII.GetString(host) : null;
        Expect(where, "sni", truth.Sni ?? "<none>", sni ?? "<none>", differences);

        var alpn = new List<string>();
        foreach (var name in hello.Alpn)
            alpn.Add(Encoding.ASCII.GetString(name));
        Expect(where, "alpn", string.Join(',', truth.Alpn), string.Join(',', alpn), differences);

        var ja3 = new byte[Ja3.MaxStringLength];
        Assert.True(Ja3.TryFormat(hello, ja3, out var written));
        Expect(where, "ja3_full", truth.Ja3Full, Encoding.ASCII.GetString(ja3, 0, written), differences);
        var md5 = new byte[32];
        Ja3.HashHex(ja3.AsSpan(0, written), md5);
        Expect(where, "ja3", truth.Ja3, Encoding.ASCII.GetString(md5), differences);

        var ja4 = new byte[Ja4.Length];
        Assert.True(Ja4.TryFormat(hello, (byte)'t', ja4, out var ja4Written));
        Assert.Equal(Ja4.Length, ja4Written);
    }

    private static void Expect(string where, string field, string expected, string actual, List<string> differences)
    {
        if (expected != actual)
            differences.Add($"{where} {field}: tshark '{expected}', ours '{actual}'");
    }
}
