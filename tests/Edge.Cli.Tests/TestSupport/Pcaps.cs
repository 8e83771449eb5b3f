using Edge.Cli.Synth;
using Edge.Cli.Synth.Pcap;

namespace Edge.Cli.Tests.TestSupport;

public sealed record PcapFrame(long TimestampNanos, byte[] Data);

public static class Pcaps
{
    public static byte[] Generate(ulong seed = 1, int scale = 1, DateTimeOffset? start = null)
    {
        using var stream = new MemoryStream();
        SynthGenerator.Write(new SynthOptions(seed, start ?? SynthOptions.DefaultStart, scale), stream);
        return stream.ToArray();
    }

    public static IReadOnlyList<PcapFrame> Frames(byte[] pcap)
    {
        var reader = new ClassicPcapReader(new MemoryStream(pcap));
        var frames = new List<PcapFrame>();
        while (reader.ReadNext())
            frames.Add(new PcapFrame(reader.TimestampNanos, reader.Data.ToArray()));
        return frames;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Edge.sln not found above " + AppContext.BaseDirectory);
    }
}
