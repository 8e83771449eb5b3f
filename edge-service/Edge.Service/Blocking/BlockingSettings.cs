using System.Text.RegularExpressions;

namespace Edge.Service.Blocking;

/// <summary>The <c>Edge:Blocking</c> section: whether the sensor, where it forwards traffic, drops
/// packets to and from the intel's listed networks with nftables.</summary>
public sealed partial class BlockingSettings
{
    /// <summary><c>Monitor</c> (default) touches nothing and never runs nft; <c>Gateway</c> keeps
    /// the listed networks in an nftables table and drops forwarded traffic to and from them.</summary>
    public BlockingMode Mode { get; set; } = BlockingMode.Monitor;

    /// <summary>The <c>inet</c> table the sensor owns: recreated at start, deleted at stop.</summary>
    public string Table { get; set; } = "edge";

    /// <summary>Intel categories whose networks are blocked; empty: <see cref="DefaultCategories"/>. (The
    /// configuration binder adds configured items to a list's initial ones, so the default lives apart.)</summary>
    public List<string> Categories { get; set; } = [];

    public static IReadOnlyList<string> DefaultCategories { get; } = ["phishing", "cnc", "botnet", "mining", "malware"];

    public IReadOnlyList<string> BlockedCategories => Categories.Count > 0 ? Categories : DefaultCategories;

    /// <summary>The NFLOG group dropped packets are logged to; the sensor reads it for alerts.</summary>
    public int LogGroup { get; set; } = 7;

    /// <summary>Dropped packets logged per second at most (the drop itself is not limited).</summary>
    public int LogRate { get; set; } = 50;

    /// <summary>The nft program.</summary>
    public string Nft { get; set; } = "nft";

    public bool Gateway => Mode == BlockingMode.Gateway;

    public void Validate()
    {
        if (!Enum.IsDefined(Mode))
            throw new ArgumentException("must be Monitor or Gateway", nameof(Mode));
        if (!NamePattern().IsMatch(Table))
            throw new ArgumentException($"'{Table}' is not an nftables table name (1 to 32 of a-z, 0-9, '_', '-', starting with a letter)", nameof(Table));
        for (var i = 0; i < Categories.Count; i++)
        {
            if (!CategoryPattern().IsMatch(Categories[i]))
                throw new ArgumentException($"'{Categories[i]}' is not an intel category", $"{nameof(Categories)}:{i}");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(LogGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LogGroup, ushort.MaxValue);
        ArgumentOutOfRangeException.ThrowIfLessThan(LogRate, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(LogRate, 10_000);
        if (string.IsNullOrWhiteSpace(Nft))
            throw new ArgumentException("empty", nameof(Nft));
    }

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{0,31}\z")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z0-9_-]{1,40}\z")]
    private static partial Regex CategoryPattern();
}

public enum BlockingMode
{
    Monitor,
    Gateway,
}
