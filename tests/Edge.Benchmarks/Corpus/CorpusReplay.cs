using Edge.Watch.Link;
using Edge.Watch.Pipeline;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Benchmarks.Corpus;

/// <summary>Every corpus pcap in memory, in file-name order, fed to an engine one copy at a time with
/// the times shifted as <c>edgectl synth --repeat</c> shifts them: each input starts 900 s after the
/// previous one ended, copy after copy, so the engine sees the same stream as a replay of
/// <c>tools/perf/replay-throughput.sh</c>'s big capture.</summary>
public sealed class CorpusReplay
{
    private const long GapMicros = 900 * 1_000_000L;

    private readonly Input[] _inputs;
    private long? _previousEnd;

    public CorpusReplay()
    {
        var files = Directory.GetFiles(Path.GetDirectoryName(CorpusLocator.Pcap("benign"))!, "*.pcap");
        Array.Sort(files, StringComparer.Ordinal);
        var inputs = new List<Input>();
        foreach (var file in files)
        {
            var frames = PcapFile.Read(file);
            if (frames.Count == 0)
                continue;
            inputs.Add(new Input(
                [.. frames.Select(f => f.Data)],
                [.. frames.Select(f => f.TimestampMicros)],
                [.. frames.Select(f => f.OriginalLength)],
                (LinkType)frames[0].LinkType,
                frames.Min(f => f.TimestampMicros),
                frames.Max(f => f.TimestampMicros)));
        }
        _inputs = [.. inputs];
        FramesPerCopy = _inputs.Sum(input => input.Data.Length);
    }

    /// <summary>Frames in one copy of the corpus (4,428 for the shipped corpus).</summary>
    public int FramesPerCopy { get; }

    /// <summary>Feeds the next copy of every input to <paramref name="engine"/>.</summary>
    public void ProcessCopy(WatchEngine engine)
    {
        foreach (var input in _inputs)
        {
            var begin = _previousEnd is { } end ? end + GapMicros : input.First;
            var shift = begin - input.First;
            var data = input.Data;
            var times = input.Times;
            var lengths = input.WireLengths;
            for (var i = 0; i < data.Length; i++)
                engine.Process(input.LinkType, times[i] + shift, data[i], lengths[i]);
            _previousEnd = input.Last + shift;
        }
    }

    private sealed record Input(byte[][] Data, long[] Times, int[] WireLengths, LinkType LinkType, long First, long Last);
}
