using System.Text.Json;
using Edge.Service.Tests.Evidence;
using Edge.Service.Tests.TestSupport;
using Edge.Watch.Decoding;
using Edge.Watch.Link;
using Edge.Watch.Packets;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Service.Tests.Commands;

public sealed class ReplayEvidenceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"edge-replay-evidence-{Guid.NewGuid():N}");

    private static string Sample => Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
            Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Every_alert_with_a_flow_names_a_pcap_in_the_store_holding_that_flows_packets()
    {
        var store = Path.Combine(_folder, "evidence");
        var events = Path.Combine(_folder, "events.ndjson");
        Directory.CreateDirectory(_folder); // the store's own folder is made by the sensor
        var run = EdgeServiceProcess.Run("replay", Sample, "--evidence", store, "--events", events, "--no-progress");
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Matches(@"(?m)^evidence\s+\d+ pcap\(s\) written", run.Output);
        Assert.Matches(@"(?m)^\s+lost\s+0 dropped \(queue full\), 0 evicted \(0 bytes\), 0 disk error\(s\)$", run.Output);

        var alerts = 0;
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(events))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.GetProperty("type").GetString() != "alert")
                continue;
            alerts++;
            Assert.NotEqual(0UL, root.GetProperty("flow_id").GetUInt64());
            var file = root.GetProperty("alert").GetProperty("evidence_file").GetString()!;
            named.Add(file);
            AssertHoldsFlow(Path.Combine(store, file), root);
        }
        Assert.True(alerts >= 20, $"only {alerts} alerts");
        Assert.Equal(named.Order(StringComparer.Ordinal), Directory.GetFiles(store).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        foreach (var file in named)
            Assert.NotEmpty(EvidenceStoreTests.Tshark(Path.Combine(store, file)));
    }

    [Fact]
    public void Without_evidence_no_alert_names_a_file()
    {
        var events = Path.Combine(_folder, "events.ndjson");
        Directory.CreateDirectory(_folder);
        var run = EdgeServiceProcess.Run("replay", Sample, "--events", events, "--no-progress");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("evidence_file", File.ReadAllText(events), StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^evidence", run.Output);
    }

    [Fact]
    public void Evidence_without_detection_is_refused()
    {
        var run = EdgeServiceProcess.Run("replay", Sample, "--evidence", _folder, "--no-detect");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--evidence", run.Error, StringComparison.Ordinal);
    }

    /// <summary>Every packet of the file is between the alert's client and server (either way, on
    /// their ports), and at least one was sent by the client.</summary>
    private static void AssertHoldsFlow(string path, JsonElement alert)
    {
        Assert.True(File.Exists(path), $"{path} is named by an alert but missing");
        var client = alert.GetProperty("src_ip").GetString()!;
        var clientPort = alert.GetProperty("src_port").GetInt32();
        var server = alert.TryGetProperty("dst_ip", out var dst) ? dst.GetString() : null;
        var frames = PcapFile.Read(path);
        Assert.NotEmpty(frames);
        var fromClient = 0;
        foreach (var frame in frames)
        {
            var packet = new DecodedPacket();
            Assert.Equal(DecodeOutcome.Ip, PacketDecoder.Decode((LinkType)frame.LinkType, frame.Data, ref packet, new DecodeErrorCounters()));
            var (source, destination) = (packet.Ip.Source.ToString(), packet.Ip.Destination.ToString());
            var (sourcePort, destinationPort) = ((int)packet.SourcePort, (int)packet.DestinationPort);
            var outbound = source == client && (clientPort == 0 || sourcePort == clientPort);
            var inbound = destination == client && (clientPort == 0 || destinationPort == clientPort);
            Assert.True(outbound || inbound, $"{path}: packet {source}:{sourcePort} > {destination}:{destinationPort} is not of {client}:{clientPort}");
            if (server is not null)
                Assert.Equal(server, outbound ? destination : source);
            if (outbound)
                fromClient++;
        }
        Assert.True(fromClient > 0, $"{path}: no packet from the client {client}");
    }
}
