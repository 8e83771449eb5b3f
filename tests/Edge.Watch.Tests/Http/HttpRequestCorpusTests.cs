using System.Text;
using System.Text.Json;
using Edge.Watch.Decoding;
using Edge.Watch.Http;
using Edge.Watch.Tests.Tls;
using Edge.Watch.Tests.TestSupport;
using Xunit;

namespace Edge.Watch.Tests.Http;

/// <summary>Every corpus HTTP request head, from reassembled client streams, against tshark.</summary>
public sealed class HttpRequestCorpusTests
{
    [Theory]
    [MemberData(nameof(Corpus.ScenarioData), MemberType = typeof(Corpus))]
    public void Every_request_matches_tshark(string scenario)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Corpus.Truth(scenario)));
        var requests = truth.RootElement.GetProperty("http_requests");
        var streams = TcpClientStreams.Read(Corpus.Pcap(scenario));
        var differences = new List<string>();
        foreach (var request in requests.EnumerateArray())
        {
            var frame = request.GetProperty("frame").GetInt32();
            var stream = streams.FirstOrDefault(s => s.Frames.Contains(frame));
            if (stream is null)
            {
                differences.Add($"frame {frame}: no client stream carries it");
                continue;
            }
            var status = HttpRequestHeadReader.TryParse(stream.Payload, out var head, out var consumed, out var error);
            if (status != ParseStatus.Done)
            {
                differences.Add($"frame {frame} ({stream.Key}): {status} {error}");
                continue;
            }
            Expect(frame, "method", request, head.Method, differences);
            Expect(frame, "host", request, head.Host, differences);
            Expect(frame, "uri", request, head.Uri, differences);
            Expect(frame, "user_agent", request, head.UserAgent, differences);
            if (consumed < 4 || stream.Payload[consumed - 1] != '\n')
                differences.Add($"frame {frame}: consumed {consumed} does not end the head");
        }

        var looksLike = streams.Count(s => s.Initiator && HttpRequestHeadReader.LooksLikeRequest(s.Payload));
        if (looksLike != requests.GetArrayLength())
            differences.Add($"{looksLike} client streams look like HTTP, tshark saw {requests.GetArrayLength()} requests");
        Assert.True(differences.Count == 0, scenario + ":\n" + string.Join('\n', differences));
    }

    private static void Expect(int frame, string field, JsonElement request, ReadOnlySpan<byte> actual, List<string> differences)
    {
        var property = request.GetProperty(field);
        var expected = property.ValueKind == JsonValueKind.Null ? "" : property.GetString();
        var ours = Encoding.Latin1.GetString(actual);
        if (expected != ours)
            differences.Add($"frame {frame} {field}: tshark '{expected}', ours '{ours}'");
    }
}
