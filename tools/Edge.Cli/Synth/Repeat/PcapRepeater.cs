using Edge.Cli.Synth.Pcap;

namespace Edge.Cli.Synth.Repeat;

/// <summary>
/// Concatenates classic pcap files <c>copies</c> times into one capture. Every input of every copy is
/// shifted to start <see cref="GapSeconds"/> after the previous one ended, so flows never overlap.
/// Streams record by record: memory does not grow with the number of copies.
/// </summary>
internal static class PcapRepeater
{
    public const long GapSeconds = 900;

    public sealed record Result(long Frames, long FirstMicros, long LastMicros);

    public static Result Write(IReadOnlyList<string> inputs, int copies, Stream output)
    {
        if (inputs.Count == 0)
            throw new ArgumentException("at least one input file is needed", nameof(inputs));
        if (copies < 1)
            throw new ArgumentOutOfRangeException(nameof(copies), "copies must be at least 1");

        var streams = inputs.Select(File.OpenRead).ToArray();
        try
        {
            var readers = streams.Select(s => new ClassicPcapReader(s)).ToArray();
            var spans = readers.Select(Measure).ToArray();
            var linkType = spans[0].LinkType;
            if (spans.Any(s => s.LinkType != linkType))
                throw new InvalidDataException("input files have different link types");

            var writer = new ClassicPcapWriter(output, linkType, spans.Max(s => s.SnapLength));
            long? previousEnd = null;
            long first = 0;
            for (var copy = 0; copy < copies; copy++)
            {
                for (var i = 0; i < readers.Length; i++)
                {
                    var span = spans[i];
                    if (span.Frames == 0)
                        continue;
                    var begin = previousEnd is { } end ? end + GapSeconds * 1_000_000 : span.FirstMicros;
                    var shift = begin - span.FirstMicros;
                    first = previousEnd is null ? begin : first;
                    var reader = readers[i];
                    reader.Rewind();
                    while (reader.ReadNext())
                        writer.Write(reader.TimestampNanos / 1_000 + shift, reader.Data, reader.OriginalLength);
                    previousEnd = span.LastMicros + shift;
                }
            }
            return new Result(writer.FramesWritten, first, previousEnd ?? 0);
        }
        finally
        {
            foreach (var stream in streams)
                stream.Dispose();
        }
    }

    private sealed record InputSpan(int LinkType, int SnapLength, long Frames, long FirstMicros, long LastMicros);

    private static InputSpan Measure(ClassicPcapReader reader)
    {
        long frames = 0, firstMicros = 0, lastMicros = 0;
        while (reader.ReadNext())
        {
            var micros = reader.TimestampNanos / 1_000;
            firstMicros = frames == 0 ? micros : Math.Min(firstMicros, micros);
            lastMicros = frames == 0 ? micros : Math.Max(lastMicros, micros);
            frames++;
        }
        return new InputSpan(reader.LinkType, reader.SnapLength, frames, firstMicros, lastMicros);
    }
}
