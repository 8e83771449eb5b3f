namespace Edge.IntegrationTests.Dns;

/// <summary>The forwarder tests measure time (failover, the SERVFAIL deadline, the spoofer's 50 ms):
/// they run one at a time, after the parallel tests, so two labs and their edge-service builds do
/// not share the 2 cores with each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public static class DnsLabCollection
{
    public const string Name = "DNS lab";
}
