using Edge.Cli.Synth.Pcap;

namespace Edge.Cli.Synth.Flows;

/// <summary>
/// Collects frames from flows that are built one after another but overlap in time, and writes
/// them in timestamp order (ties keep the order they were added in, so output is deterministic).
/// </summary>
internal sealed class CaptureBuilder
{
    private readonly List<(long Micros, int Order, byte[] Frame)> _frames = [];

    public int Count => _frames.Count;

    public void Add(long micros, byte[] frame) => _frames.Add((micros, _frames.Count, frame));

    /// <summary>Writes every frame in time order, shifted so the first one is at <paramref name="firstMicros"/>.</summary>
    public void WriteTo(ClassicPcapWriter writer, long firstMicros)
    {
        _frames.Sort(static (a, b) => a.Micros != b.Micros ? a.Micros.CompareTo(b.Micros) : a.Order.CompareTo(b.Order));
        var shift = _frames.Count == 0 ? 0 : firstMicros - _frames[0].Micros;
        foreach (var (micros, _, frame) in _frames)
            writer.Write(micros + shift, frame);
    }
}
