using System.Net;
using Edge.Resolve.Server;
using Edge.Resolve.Upstream;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Resolve.Tests.TestSupport.Net;

/// <summary>A forwarder on 127.0.0.1 (ephemeral port) with a scripted resolver, a recording tap,
/// a fake clock and in-process upstreams.</summary>
public sealed class NetForwarderRig : IAsyncDisposable
{
    private NetForwarderRig(DnsForwarder forwarder, NetScriptedResolver resolver, NetRecordingTap tap, FakeTimeProvider time, NetFakeUpstream[] upstreams)
    {
        Forwarder = forwarder;
        Resolver = resolver;
        Tap = tap;
        Time = time;
        Upstreams = upstreams;
    }

    public DnsForwarder Forwarder { get; }

    public NetScriptedResolver Resolver { get; }

    public NetRecordingTap Tap { get; }

    public FakeTimeProvider Time { get; }

    public NetFakeUpstream[] Upstreams { get; }

    public IPEndPoint Server => Forwarder.ListeningOn[0];

    public static NetForwarderRig Start(int upstreams = 1, Func<ForwarderOptions, ForwarderOptions>? configure = null, IReadOnlyList<UpstreamServer>? servers = null)
    {
        var fakes = Enumerable.Range(0, upstreams).Select(_ => new NetFakeUpstream()).ToArray();
        var options = new ForwarderOptions
        {
            Listen = [new IPEndPoint(IPAddress.Loopback, 0)],
            Upstreams = servers ?? [.. fakes.Select(f => new UpstreamServer(f.Endpoint, UpstreamProtocol.Udp))],
            PrefetchInterval = TimeSpan.Zero,
        };
        options = configure?.Invoke(options) ?? options;
        var resolver = new NetScriptedResolver();
        var tap = new NetRecordingTap();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        return new NetForwarderRig(DnsForwarder.Start(options, resolver, tap, time), resolver, tap, time, fakes);
    }

    public Task<byte[]?> QueryAsync(string name, ushort id = 0x1234, TimeSpan? timeout = null) =>
        NetClient.QueryUdpAsync(Server, NetDnsMessages.Query(name, id), timeout);

    public async ValueTask DisposeAsync()
    {
        await Forwarder.DisposeAsync();
        foreach (var upstream in Upstreams)
            upstream.Dispose();
    }
}
