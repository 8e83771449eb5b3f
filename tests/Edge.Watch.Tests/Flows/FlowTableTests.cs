using System.Runtime.CompilerServices;
using Edge.Watch.Flows;
using Edge.Watch.Tests.TestSupport;
using Edge.Watch.Transport;

namespace Edge.Watch.Tests.Flows;

public class FlowTableTests
{
    private const long Second = 1_000_000;
    private const string Client = "10.77.0.11";
    private const string Server = "192.0.2.110";

    private sealed class Ended : IFlowEndHandler
    {
        public List<(ulong Id, string Client, ushort ClientPort, FlowEndReason Reason, long Packets)> Flows { get; } = [];

        public void OnFlowEnd(ref Flow flow, FlowEndReason reason) =>
            Flows.Add((flow.Id, flow.Client.ToString(), flow.ClientPort, reason, flow.Packets));
    }

    private static ref Flow Track(FlowTable table, byte[] frame, long at, out bool toServer)
    {
        var packet = Decode.Ethernet(frame, at);
        return ref table.Track(ref packet, out toServer);
    }

    [Fact]
    public void Flow_record_stays_within_256_bytes()
    {
        Assert.True(Unsafe.SizeOf<Flow>() <= 256, $"Flow is {Unsafe.SizeOf<Flow>()} bytes");
    }

    [Fact]
    public void Handshake_makes_one_established_flow_with_both_directions_counted()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions(), ended);
        Track(table, Frames.TcpV4(Client, 51764, Server, 443, TcpFlags.Syn, 100), 0, out var first);
        Track(table, Frames.TcpV4(Server, 443, Client, 51764, TcpFlags.Syn | TcpFlags.Ack, 900, acknowledgment: 101), 10, out var second);
        ref var flow = ref Track(table, Frames.TcpV4(Client, 51764, Server, 443, TcpFlags.Ack, 101, [1, 2, 3]), 20, out var third);
        Assert.True(first);
        Assert.False(second);
        Assert.True(third);
        Assert.Equal(1, table.Count);
        Assert.Equal(TcpState.Established, flow.State);
        Assert.Equal(Client, flow.Client.ToString());
        Assert.Equal(443, flow.ServerPort);
        Assert.Equal(2, flow.PacketsToServer);
        Assert.Equal(1, flow.PacketsToClient);
        Assert.Equal(0, flow.FirstSeenMicros);
        Assert.Equal(20, flow.LastSeenMicros);
    }

    [Fact]
    public void Syn_ack_seen_first_makes_its_receiver_the_client()
    {
        var table = new FlowTable(new FlowTableOptions(), new Ended());
        ref var flow = ref Track(table, Frames.TcpV4(Server, 443, Client, 51764, TcpFlags.Syn | TcpFlags.Ack, 900), 0, out var toServer);
        Assert.False(toServer);
        Assert.Equal(Client, flow.Client.ToString());
        Assert.Equal(51764, flow.ClientPort);
    }

    [Fact]
    public void New_syn_after_close_ends_the_old_flow_and_starts_another()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions(), ended);
        Track(table, Frames.TcpV4(Client, 40000, Server, 80, TcpFlags.Syn, 1), 0, out _);
        Track(table, Frames.TcpV4(Client, 40000, Server, 80, TcpFlags.Fin | TcpFlags.Ack, 2), 1, out _);
        ref var closing = ref Track(table, Frames.TcpV4(Server, 80, Client, 40000, TcpFlags.Fin | TcpFlags.Ack, 9), 2, out _);
        Assert.Equal(TcpState.Closed, closing.State);
        ref var next = ref Track(table, Frames.TcpV4(Client, 40000, Server, 80, TcpFlags.Syn, 5000), 3, out _);
        Assert.Equal(TcpState.SynSent, next.State);
        Assert.Single(ended.Flows);
        Assert.Equal(FlowEndReason.Reused, ended.Flows[0].Reason);
        Assert.Equal(2, table.Counters.CreatedTcp);
    }

    [Fact]
    public void Reset_closes_the_flow()
    {
        var table = new FlowTable(new FlowTableOptions(), new Ended());
        Track(table, Frames.TcpV4(Client, 40001, "198.51.100.101", 445, TcpFlags.Syn, 1), 0, out _);
        ref var flow = ref Track(table, Frames.TcpV4("198.51.100.101", 445, Client, 40001, TcpFlags.Rst | TcpFlags.Ack, 0), 1, out _);
        Assert.Equal(TcpState.Reset, flow.State);
    }

    [Fact]
    public void Idle_flows_time_out_by_capture_time()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions { UdpTimeoutSeconds = 60 }, ended);
        Track(table, Frames.UdpV4(Client, 5000, "192.0.2.53", 53, [0]), 0, out _);
        Track(table, Frames.UdpV4(Client, 5001, "192.0.2.53", 53, [0]), 59 * Second, out _);
        Assert.Empty(ended.Flows);
        Track(table, Frames.UdpV4(Client, 5002, "192.0.2.53", 53, [0]), 61 * Second, out _);
        Assert.Single(ended.Flows);
        Assert.Equal(5000, ended.Flows[0].ClientPort);
        Assert.Equal(FlowEndReason.Timeout, ended.Flows[0].Reason);
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void A_flow_touched_again_is_not_timed_out()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions { UdpTimeoutSeconds = 10 }, ended);
        for (var t = 0; t < 100; t += 5)
            Track(table, Frames.UdpV4(Client, 5000, "192.0.2.53", 53, [0]), t * Second, out _);
        Assert.Empty(ended.Flows);
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Syn_flood_stays_within_the_cap_and_spares_established_flows()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions { MaxFlows = 64 }, ended);
        Track(table, Frames.TcpV4(Client, 50000, Server, 443, TcpFlags.Syn, 1), 0, out _);
        Track(table, Frames.TcpV4(Server, 443, Client, 50000, TcpFlags.Syn | TcpFlags.Ack, 7), 1, out _);
        Track(table, Frames.TcpV4(Client, 50000, Server, 443, TcpFlags.Ack, 2), 2, out _);
        for (var i = 0; i < 10_000; i++)
            Track(table, Frames.TcpV4("203.0.113.9", (ushort)(1024 + i), Server, 80, TcpFlags.Syn, (uint)i), 3 + i, out _);
        Assert.Equal(64, table.Count);
        Assert.Equal(10_001 - 64, table.Counters.Evicted);
        Assert.DoesNotContain(ended.Flows, f => f.ClientPort == 50000);
        Assert.All(ended.Flows, f => Assert.Equal(FlowEndReason.Evicted, f.Reason));
    }

    [Fact]
    public void Flush_ends_every_flow()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions(), ended);
        for (ushort port = 1; port <= 50; port++)
            Track(table, Frames.UdpV4(Client, port, "192.0.2.53", 53, [0]), port, out _);
        table.Flush();
        Assert.Equal(0, table.Count);
        Assert.Equal(50, ended.Flows.Count);
        Assert.All(ended.Flows, f => Assert.Equal(FlowEndReason.Shutdown, f.Reason));
        Assert.Equal(50, ended.Flows.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void Freed_slots_are_reused_without_mixing_flows()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions { MaxFlows = 16, UdpTimeoutSeconds = 1 }, ended);
        for (var round = 0; round < 20; round++)
        {
            for (ushort port = 1; port <= 10; port++)
            {
                ref var flow = ref Track(table, Frames.UdpV4(Client, port, "192.0.2.53", 53, [0]), round * 2 * Second, out var toServer);
                Assert.True(toServer);
                Assert.Equal(1, flow.Packets);
            }
        }
        Assert.Equal(190, table.Counters.TimedOut);
        Assert.Equal(0, table.Counters.Evicted);
    }

    [Fact]
    public void The_table_starts_small_and_grows_to_its_cap_keeping_every_flow()
    {
        var ended = new Ended();
        var table = new FlowTable(new FlowTableOptions { MaxFlows = 5000 }, ended);
        Assert.Equal(FlowTable.InitialFlows, table.Capacity);
        const int flows = 4900;
        for (var i = 0; i < flows; i++)
            Track(table, Frames.UdpV4(Client, (ushort)(1000 + i), "192.0.2.53", 53, [0]), i, out _);
        Assert.Equal(5000, table.Capacity);
        Assert.Equal(flows, table.Count);
        Assert.Empty(ended.Flows);

        // Each flow is found again after the growths (rehashed), from either direction.
        var ids = new HashSet<ulong>();
        for (var i = 0; i < flows; i++)
        {
            ref var flow = ref Track(table, Frames.UdpV4("192.0.2.53", 53, Client, (ushort)(1000 + i), [1]), flows + i, out var toServer);
            Assert.False(toServer);
            Assert.Equal(2, flow.Packets);
            ids.Add(flow.Id);
        }
        Assert.Equal(flows, ids.Count);
        Assert.Equal(flows, table.Count);

        // Past the cap the oldest are evicted; the array does not grow.
        for (var i = 0; i < 200; i++)
            Track(table, Frames.UdpV4("10.77.0.12", (ushort)(1000 + i), "192.0.2.53", 53, [0]), 2 * flows + i, out _);
        Assert.Equal(5000, table.Capacity);
        Assert.Equal(5000, table.Count);
        Assert.Equal(100, table.Counters.Evicted);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_field_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new FlowTable(new FlowTableOptions { MaxFlows = 1 }, new Ended()));
        Assert.Equal("MaxFlows", error.ParamName);
    }
}
