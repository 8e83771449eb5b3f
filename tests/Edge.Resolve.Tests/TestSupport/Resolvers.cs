using System.Text;
using Edge.Detect.Intel;
using Edge.Resolve.Policy;
using Edge.Resolve.Resolution;
using Edge.Watch.Net;

namespace Edge.Resolve.Tests.TestSupport;

public static class Resolvers
{
    public static readonly IpAddr Client = IpAddr.Parse("10.77.0.10");

    public static IntelSnapshot Snapshot(params (string Name, IntelList List)[] entries)
    {
        var builder = new IntelSnapshotBuilder();
        foreach (var (name, list) in entries)
            Assert.True(builder.AddDomain(Encoding.ASCII.GetBytes(name), list), name);
        return builder.Build();
    }

    public static QueryResolver Create(ResolverOptions? options = null, IntelSnapshot? intel = null, IntelSnapshot? allow = null,
        TimeProvider? time = null, int shards = 1)
    {
        var snapshot = intel ?? IntelSnapshot.Empty;
        var allowed = allow ?? IntelSnapshot.Empty;
        return new QueryResolver(options ?? new ResolverOptions(), () => snapshot, () => allowed, time ?? new TestClock(), shards);
    }

    public static (QueryVerdict Verdict, byte[] Response) Ask(this QueryResolver resolver, byte[] query,
        DnsTransport transport = DnsTransport.Udp, IpAddr? client = null)
    {
        var response = new byte[65535];
        var verdict = resolver.Decide(query, client ?? Client, transport, response, out var length);
        return (verdict, response[..length]);
    }

    public static byte[] Complete(this QueryResolver resolver, byte[] query, byte[] answer, DnsTransport transport = DnsTransport.Udp)
    {
        var response = new byte[65535];
        var length = resolver.Complete(query, answer, transport, response);
        return response[..length];
    }
}
