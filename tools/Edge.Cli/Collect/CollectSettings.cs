using System.Globalization;
using System.Text;
using Edge.Uplink.Mqtt;

namespace Edge.Cli.Collect;

/// <summary>The collector's validated settings (<c>edgectl collect</c>'s options).</summary>
public sealed record CollectSettings
{
    public const string DefaultGroup = "incident";
    public const int DefaultBatch = 1000;
    public const int DefaultFlushMs = 200;

    /// <summary>How long the broker keeps the collector's session (and queues for it) while it is away.</summary>
    public static readonly TimeSpan SessionExpiry = TimeSpan.FromDays(7);

    public required BrokerEndpoint Broker { get; init; }

    public required string ClientId { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? CaFile { get; init; }

    public string? ClientCertificateFile { get; init; }

    public string? ClientKeyFile { get; init; }

    /// <summary>A SQLite file or a PostgreSQL connection string; null for the default file.</summary>
    public string? Store { get; init; }

    public string Group { get; init; } = DefaultGroup;

    /// <summary>Shared subscriptions for alerts and heartbeats; off for brokers without them.</summary>
    public bool Shared { get; init; } = true;

    public string Prefix { get; init; } = Uplink.Topics.TopicLayout.DefaultPrefix;

    /// <summary>Null keeps alerts forever.</summary>
    public int? RetentionDays { get; init; }

    public int BatchSize { get; init; } = DefaultBatch;

    public TimeSpan FlushAfter { get; init; } = TimeSpan.FromMilliseconds(DefaultFlushMs);

    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan RetentionInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The unacknowledged messages the broker may have out to us (MQTT 5 Receive Maximum):
    /// room for the batch being committed and the next ones filling meanwhile. Without it mosquitto
    /// sends 20 at a time.</summary>
    public ushort ReceiveMaximum => (ushort)Math.Clamp(BatchSize * 4, 1024, ushort.MaxValue);

    /// <summary><c>edgectl-collect-{group}-{machine}</c>, lower case: stable across restarts of one
    /// collector on one machine, so it finds its session again; two collectors on one machine need
    /// <c>--client-id</c>.</summary>
    public static string DefaultClientId(string group, string machine)
    {
        var text = new StringBuilder("edgectl-collect-");
        foreach (var c in $"{group}-{machine}".ToLower(CultureInfo.InvariantCulture))
            text.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' ? c : '-');
        return text.ToString();
    }
}
