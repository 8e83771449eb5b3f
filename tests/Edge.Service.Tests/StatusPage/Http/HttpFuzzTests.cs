using System.Net;
using System.Text;
using Edge.Firmware.Tests.TestSupport;
using Edge.Service.StatusPage.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Service.Tests.StatusPage.Http;

/// <summary>Mutated real request heads: the parser never throws and answers every one with a parsed
/// head or a 4xx/5xx; a live server survives a stream of them and still serves a good request.
/// EDGE_FUZZ_ITERATIONS and EDGE_FUZZ_SEED set a longer or different run.</summary>
public sealed class HttpFuzzTests
{
    private static readonly int[] Refusals = [400, 413, 414, 431, 505];
    private static readonly string[] HttpTokens =
        ["\r\n", "\r", "\n", " ", "\t", ":", "Host: a\r\n", "Content-Length: 5\r\n", "Transfer-Encoding: chunked\r\n",
         "Connection: close\r\n", "HTTP/1.0", "HTTP/2.0", "?", "%00", "http://", "*"];

    [Fact]
    public void Mutated_heads_parse_or_are_refused_never_throw()
    {
        var mutator = new Mutator(Mutator.Seed, HttpTokens);
        var seeds = RealRequests.All.Select(Encoding.Latin1.GetBytes).ToArray();
        var parsed = 0;
        for (var i = 0; i < Mutator.IterationsOr(200_000); i++)
        {
            var input = mutator.Mutate(seeds[i % seeds.Length]);
            var result = HttpHeadParser.Parse(input);
            if (result.Head is { } head)
            {
                parsed++;
                Assert.StartsWith("/", head.Path == "*" ? "/" : head.Path, StringComparison.Ordinal);
                Assert.False(head.HasBody && head.KeepAlive);
            }
            else
                Assert.Contains(result.Status, Refusals);
        }
        // The mutations are not all fatal: the parser's success paths are exercised too.
        Assert.True(parsed > 1000, $"{parsed} parsed");
    }

    [Fact]
    public async Task A_live_server_survives_mutated_requests_and_serves_a_good_one_after()
    {
        await using var server = ReadOnlyHttpServer.Start([new IPEndPoint(IPAddress.Loopback, 0)],
            (r, _) => HttpResponse.Text(200, r.Path + "\n"), [], TimeProvider.System, NullLogger.Instance);
        var mutator = new Mutator(Mutator.Seed + 1, HttpTokens);
        var seeds = RealRequests.All.Select(Encoding.Latin1.GetBytes).ToArray();
        for (var i = 0; i < Mutator.IterationsOr(500); i++)
        {
            using var client = await RawHttpClient.ConnectAsync(server.Endpoints[0]);
            // Complete the head however it was mutated, so the server answers rather than waits.
            await client.SendAsync([.. mutator.Mutate(seeds[i % seeds.Length]), .. "\r\n\r\n"u8]);
            var answers = await client.ReadResponsesAsync(1);
            Assert.NotEmpty(answers);
            Assert.Matches(@"^HTTP/1\.1 (200|400|413|414|431|505) ", answers[0]);
        }

        using var good = await RawHttpClient.ConnectAsync(server.Endpoints[0]);
        await good.SendAsync(RealRequests.Curl);
        Assert.EndsWith("/metrics\n", Assert.Single(await good.ReadResponsesAsync(1)), StringComparison.Ordinal);
    }
}
