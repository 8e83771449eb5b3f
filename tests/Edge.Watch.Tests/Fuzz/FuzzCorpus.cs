using Edge.Watch.Link;
using Edge.Watch.Tests.TestSupport;

namespace Edge.Watch.Tests.Fuzz;

/// <summary>Every frame of every corpus pcap, in capture order, pcap after pcap (sorted by name so a
/// seed means the same run everywhere).</summary>
public static class FuzzCorpus
{
    private static readonly Lazy<IReadOnlyList<FuzzSeed>> s_seeds = new(Load);

    public static IReadOnlyList<FuzzSeed> Seeds => s_seeds.Value;

    private static List<FuzzSeed> Load()
    {
        var seeds = new List<FuzzSeed>();
        foreach (var scenario in Corpus.Scenarios().Order(StringComparer.Ordinal))
        {
            foreach (var frame in PcapFile.Read(Corpus.Pcap(scenario)))
            {
                var linkType = (LinkType)frame.LinkType;
                seeds.Add(new FuzzSeed($"{scenario}#{frame.Number}", linkType, frame.Data, FieldLocator.Locate(linkType, frame.Data)));
            }
        }
        return seeds;
    }
}
