using Edge.Cli.Synth.Pcap;
using Edge.Cli.Synth.Repeat;
using Edge.Cli.Tests.TestSupport;

namespace Edge.Cli.Tests.Synth.Repeat;

public sealed class PcapRepeaterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edgectl-repeat-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Copies_every_input_n_times_each_after_the_previous_plus_the_gap()
    {
        var first = Write("a.pcap", Pcaps.Generate(seed: 1));
        var second = Write("b.pcap", PcapBytes.BigEndianNanos(1, (100, 500_000_000, [1, 2, 3]), (160, 0, [4, 5])));
        var inputs = new[] { Pcaps.Frames(File.ReadAllBytes(first)), Pcaps.Frames(File.ReadAllBytes(second)) };

        using var output = new MemoryStream();
        var result = PcapRepeater.Write([first, second], 3, output);
        var frames = Pcaps.Frames(output.ToArray());

        Assert.Equal(3 * (inputs[0].Count + inputs[1].Count), frames.Count);
        Assert.Equal(frames.Count, result.Frames);
        var at = 0;
        long previousEnd = 0;
        for (var copy = 0; copy < 3; copy++)
        {
            foreach (var input in inputs)
            {
                var shift = frames[at].TimestampNanos - input[0].TimestampNanos;
                if (at > 0)
                    Assert.Equal(previousEnd + PcapRepeater.GapSeconds * 1_000_000_000, frames[at].TimestampNanos);
                for (var i = 0; i < input.Count; i++, at++)
                {
                    Assert.Equal(input[i].Data, frames[at].Data);
                    Assert.Equal(input[i].TimestampNanos + shift, frames[at].TimestampNanos);
                }
                previousEnd = frames[at - 1].TimestampNanos;
            }
        }
        Assert.Equal(inputs[0][0].TimestampNanos / 1000, result.FirstMicros);
        Assert.Equal(previousEnd / 1000, result.LastMicros);
    }

    [Fact]
    public void Output_is_classic_microsecond_pcap_in_time_order()
    {
        var input = Write("be.pcap", PcapBytes.BigEndianNanos(1, (7, 123_456_789, [9]), (8, 1_000, [8])));
        using var output = new MemoryStream();
        PcapRepeater.Write([input], 4, output);
        output.Position = 0;
        var reader = new ClassicPcapReader(output);
        Assert.False(reader.Nanoseconds);
        long previous = 0;
        var count = 0;
        while (reader.ReadNext())
        {
            Assert.True(reader.TimestampNanos > previous);
            Assert.Equal(0, reader.TimestampNanos % 1_000);
            previous = reader.TimestampNanos;
            count++;
        }
        Assert.Equal(8, count);
    }

    [Fact]
    public void Memory_does_not_grow_with_the_number_of_copies()
    {
        var input = Write("a.pcap", Pcaps.Generate(seed: 3));
        Allocated(input, 2);
        var few = Allocated(input, 2);
        var many = Allocated(input, 60);
        Assert.True(many - few < 256 * 1024, $"2 copies allocated {few} bytes, 60 copies {many}");
    }

    private static long Allocated(string input, int copies)
    {
        using var sink = new DiscardStream();
        var before = GC.GetAllocatedBytesForCurrentThread();
        PcapRepeater.Write([input], copies, sink);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class DiscardStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => 0;
        public override long Position { get => 0; set { } }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) { }
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void Write(ReadOnlySpan<byte> buffer) { }
    }
}
