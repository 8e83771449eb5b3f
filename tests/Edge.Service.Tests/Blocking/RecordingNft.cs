using Edge.Service.Blocking;

namespace Edge.Service.Tests.Blocking;

/// <summary>An nft that keeps every script and command instead of running them.</summary>
internal sealed class RecordingNft(bool ok = true, string counters = "") : INftRunner
{
    public List<string> Scripts { get; } = [];

    public List<string> Commands { get; } = [];

    public bool Ok { get; set; } = ok;

    public NftResult RunScript(Action<TextWriter> script)
    {
        var text = new StringWriter();
        script(text);
        lock (Scripts)
            Scripts.Add(text.ToString());
        return new NftResult(Ok, "", Ok ? "" : "Error: Operation not permitted");
    }

    public NftResult Run(params string[] arguments)
    {
        lock (Commands)
            Commands.Add(string.Join(' ', arguments));
        return new NftResult(Ok, counters, "");
    }
}
