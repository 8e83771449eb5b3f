namespace Edge.Service.Run;

/// <summary>What the command line adds to the settings for one <c>run</c>.</summary>
/// <param name="EventsFile">Where the event log goes (one JSON object per line), or null for none.</param>
public sealed record RunOptions(string? ConfigFile, string? EventsFile = null)
{
    /// <summary>The bundled sample, played when no interface or file is configured.</summary>
    public static string BundledSample => Path.Combine(AppContext.BaseDirectory, "Samples", "lan-sample.pcap");
}
