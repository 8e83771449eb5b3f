namespace Edge.Service.Run;

/// <summary>What the command line adds to the settings for one <c>run</c>.</summary>
public sealed record RunOptions(string? ConfigFile)
{
    /// <summary>The bundled sample, played when no interface or file is configured.</summary>
    public static string BundledSample => Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap");
}
