using Edge.Detect.Evidence;

namespace Edge.Detect.Tests.Evidence;

public sealed class EvidenceRecorderTests
{
    private static EvidenceOptions Options(int before = 8, int after = 4) => new()
    {
        PacketsBefore = before,
        PacketsAfter = after,
        RingBytes = 1 << 20,
        RingPackets = 4096,
    };

    [Fact]
    public void An_alert_keeps_the_last_packets_of_its_flow_and_only_of_it_then_the_ones_that_follow()
    {
        var rig = new RecorderRig(Options(before: 8, after: 4));
        ulong flowA = 0;
        for (var i = 0; i < 50; i++)
        {
            flowA = rig.Send(40001, i);
            rig.Send(40002, 1000 + i);
        }
        Assert.Equal("01TESTALERT.pcap", rig.Alert(flowA));
        Assert.Empty(rig.Drain());
        for (var i = 50; i < 60; i++)
        {
            rig.Send(40002, 1000 + i);
            rig.Send(40001, i);
        }
        var capture = Assert.Single(rig.Drain());
        var expected = new List<(ushort, int)>();
        for (var i = 42; i < 54; i++)
            expected.Add((40001, i));
        Assert.Equal(expected, RecorderRig.Packets(capture));
        Assert.Equal((ushort)Edge.Watch.Link.LinkType.Ethernet, capture.LinkType);
        Assert.Equal(1, rig.Recorder.Counters.EndedByCount);
        Assert.Equal(12, rig.Recorder.Counters.PacketsQueued);
    }

    [Fact]
    public void A_packet_overwritten_in_the_ring_is_never_returned()
    {
        // 64-byte snap, 16 packets of ring: frames of 46..84 bytes wrap around the end in pieces.
        var options = new EvidenceOptions { SnapLength = 64, RingBytes = 64 * 16, RingPackets = 16, PacketsBefore = 64, PacketsAfter = 0 };
        var rig = new RecorderRig(options);
        ulong flow = 0;
        for (var i = 0; i < 300; i++)
        {
            flow = rig.Send(40001, i, padding: i * 7 % 40);
            if (i % 37 != 36)
                continue;
            Assert.NotNull(rig.Alert(flow, $"A{i}"));
            var packets = RecorderRig.Packets(Assert.Single(rig.Drain()));
            Assert.InRange(packets.Count, 1, 16);
            for (var k = 0; k < packets.Count; k++)
                Assert.Equal((40001, i - packets.Count + 1 + k), packets[k]);
        }
    }

    [Fact]
    public void A_flow_whose_packets_all_left_the_ring_keeps_no_evidence()
    {
        var options = new EvidenceOptions { SnapLength = 64, RingBytes = 64 * 16, RingPackets = 16, PacketsAfter = 0 };
        var rig = new RecorderRig(options);
        var quiet = rig.Send(40001, 0);
        for (var i = 0; i < 100; i++)
            rig.Send(40002, i);
        Assert.Null(rig.Alert(quiet));
        Assert.Equal(1, rig.Recorder.Counters.NoPackets);
        Assert.Empty(rig.Drain());
    }

    [Fact]
    public void The_ends_of_a_capture_are_its_flow_ending_its_time_running_out_and_a_flush()
    {
        var rig = new RecorderRig(Options() with { FollowUpSeconds = 5 });
        var a = rig.Send(40001, 0);
        var b = rig.Send(40002, 0);
        var c = rig.Send(40003, 0);
        Assert.NotNull(rig.Alert(a, "A"));
        Assert.NotNull(rig.Alert(b, "B"));
        rig.Send(40002, 1, advanceMicros: 6 * RecorderRig.Second); // past the follow-up time of both
        Assert.Equal(2, rig.Recorder.Counters.EndedByTime);
        Assert.NotNull(rig.Alert(c, "C"));
        rig.Recorder.Flush();
        Assert.Equal(1, rig.Recorder.Counters.EndedByFlush);
        var d = rig.Send(40004, 0);
        Assert.NotNull(rig.Alert(d, "D"));
        rig.Engine.Finish();
        Assert.Equal(1, rig.Recorder.Counters.EndedByFlow);
        Assert.Equal(["A.pcap", "B.pcap", "C.pcap", "D.pcap"], rig.Drain().Select(x => x.FileName));
        Assert.Equal(0, rig.Recorder.OpenCaptures);
    }

    [Fact]
    public void An_alert_on_a_flow_already_followed_names_the_same_file()
    {
        var rig = new RecorderRig(Options());
        var flow = rig.Send(40001, 0);
        Assert.Equal("FIRST.pcap", rig.Alert(flow, "FIRST"));
        Assert.Equal("FIRST.pcap", rig.Alert(flow, "SECOND"));
        Assert.Equal(1, rig.Recorder.Counters.Joined);
        Assert.Equal(1, rig.Recorder.Counters.Captures);
    }

    [Fact]
    public void Captures_open_at_once_are_bounded_and_the_refused_alert_is_counted()
    {
        var rig = new RecorderRig(Options() with { MaxOpenCaptures = 2 });
        Assert.NotNull(rig.Alert(rig.Send(40001, 0), "A"));
        Assert.NotNull(rig.Alert(rig.Send(40002, 0), "B"));
        Assert.Null(rig.Alert(rig.Send(40003, 0), "C"));
        Assert.Equal(1, rig.Recorder.Counters.TooManyOpen);
        Assert.Equal(2, rig.Recorder.OpenCaptures);
    }

    [Fact]
    public void A_full_queue_drops_the_capture_and_counts_it_without_waiting()
    {
        var rig = new RecorderRig(Options(after: 0) with { QueueCapacity = 1 });
        Assert.NotNull(rig.Alert(rig.Send(40001, 0), "A"));
        Assert.NotNull(rig.Alert(rig.Send(40002, 0), "B"));
        Assert.Equal(1, rig.Recorder.Counters.Queued);
        Assert.Equal(1, rig.Recorder.Counters.DroppedQueueFull);
        Assert.Equal("A.pcap", Assert.Single(rig.Drain()).FileName);
    }

    [Fact]
    public void A_finding_without_a_single_flow_keeps_no_evidence()
    {
        var rig = new RecorderRig(Options());
        rig.Send(40001, 0);
        Assert.Null(rig.Alert(0));
        Assert.Equal(1, rig.Recorder.Counters.NoFlow);
    }

    [Fact]
    public void Packets_longer_than_the_snap_length_are_cut_and_keep_their_original_length()
    {
        var rig = new RecorderRig(Options(after: 0) with { SnapLength = 100 });
        var flow = rig.Send(40001, 0, padding: 400);
        Assert.NotNull(rig.Alert(flow));
        var records = Assert.Single(rig.Drain()).Records;
        Assert.Equal(100, BitConverter.ToInt32(records[8..12]));
        Assert.Equal(RecorderRig.Frame(40001, 0, 400).Length, BitConverter.ToInt32(records[12..16]));
        Assert.Equal(1, rig.Recorder.Counters.Truncated);
    }

    [Fact]
    public void Recording_packets_allocates_nothing()
    {
        var rig = new RecorderRig(Options(after: 1_000_000 / 100) with { FollowUpSeconds = 3600 });
        var frames = new byte[64][];
        for (var i = 0; i < frames.Length; i++)
            frames[i] = RecorderRig.Frame((ushort)(40000 + i), i, i * 13);
        var now = 1_700_000_000 * RecorderRig.Second;
        Run(200);
        Assert.NotNull(rig.Alert(rig.Send(40001, 0))); // one flow followed during the loop as well
        Run(5_000); // the first long loop is where the JIT swaps in optimised code (a one-off few KB)
        // The followed flow's own packets grow its capture buffer (rented from the shared pool, which
        // may allocate: a cost per alert, not per packet), so the measured packets are the other flows'
        // while that capture stays open and every packet is checked against it.
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(20_000, skipFollowed: true);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1, rig.Recorder.OpenCaptures);

        void Run(int count, bool skipFollowed = false)
        {
            for (var i = 0; i < count; i++)
            {
                if (skipFollowed && i % frames.Length == 1)
                    continue;
                var frame = frames[i % frames.Length];
                rig.Engine.Process(Edge.Watch.Link.LinkType.Ethernet, now += 10, frame, frame.Length);
            }
        }
    }

    [Theory]
    [InlineData(nameof(EvidenceOptions.SnapLength))]
    [InlineData(nameof(EvidenceOptions.PacketsBefore))]
    [InlineData(nameof(EvidenceOptions.RingBytes))]
    [InlineData(nameof(EvidenceOptions.MaxOpenCaptures))]
    [InlineData(nameof(EvidenceOptions.QueueCapacity))]
    [InlineData(nameof(EvidenceOptions.MaxBytes))]
    public void Bad_options_are_refused_by_name(string field)
    {
        var options = field switch
        {
            nameof(EvidenceOptions.SnapLength) => new EvidenceOptions { SnapLength = 10 },
            nameof(EvidenceOptions.PacketsBefore) => new EvidenceOptions { PacketsBefore = 0 },
            nameof(EvidenceOptions.RingBytes) => new EvidenceOptions { RingBytes = 1000 },
            nameof(EvidenceOptions.MaxOpenCaptures) => new EvidenceOptions { MaxOpenCaptures = 0 },
            nameof(EvidenceOptions.QueueCapacity) => new EvidenceOptions { QueueCapacity = 0 },
            _ => new EvidenceOptions { MaxBytes = 1000 },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(field, error.ParamName);
    }
}
