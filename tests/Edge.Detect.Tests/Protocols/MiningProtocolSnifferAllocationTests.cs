using Edge.Detect.Protocols;

namespace Edge.Detect.Tests.Protocols;

public sealed class MiningProtocolSnifferAllocationTests
{
    [Fact]
    public void Inspecting_allocates_nothing()
    {
        var payloads = ClientPayloads.Read("mining").Select(p => p.Payload).ToArray();
        foreach (var payload in payloads)
            MiningProtocolSniffer.Inspect(payload, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            foreach (var payload in payloads)
                MiningProtocolSniffer.Inspect(payload, out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
