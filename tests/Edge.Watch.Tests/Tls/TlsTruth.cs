using System.Text.Json;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Tls;

public sealed record ClientHelloTruth(int Frame, string HandshakeVersion, IReadOnlyList<string> SupportedVersions, string? Sni, IReadOnlyList<string> Alpn, string Ja3, string Ja3Full);

/// <summary>The tshark facts in truth/&lt;scenario&gt;.json that TLS tests compare with.</summary>
public static class TlsTruth
{
    public static IReadOnlyList<ClientHelloTruth> ClientHellos(string scenario)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Corpus.Truth(scenario)));
        var result = new List<ClientHelloTruth>();
        foreach (var e in doc.RootElement.GetProperty("tls_client_hellos").EnumerateArray())
        {
            result.Add(new ClientHelloTruth(
                e.GetProperty("frame").GetInt32(),
                e.GetProperty("handshake_version").GetString()!,
                e.GetProperty("supported_versions").EnumerateArray().Select(v => v.GetString()!).ToList(),
                e.GetProperty("sni").ValueKind == JsonValueKind.Null ? null : e.GetProperty("sni").GetString(),
                e.GetProperty("alpn").EnumerateArray().Select(v => v.GetString()!).ToList(),
                e.GetProperty("ja3").GetString()!,
                e.GetProperty("ja3_full").GetString()!));
        }
        return result;
    }
}
