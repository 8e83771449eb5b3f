namespace Edge.Uplink.Commands;

/// <summary>The commands the sensor takes, each on <c>…/cmd/{name}</c>.</summary>
public static class CommandNames
{
    public const string Ping = "ping";
    public const string Ack = "ack";
    public const string LedTest = "led-test";
    public const string IntelUpdate = "intel-update";
    public const string ConfigGet = "config-get";
    public const string ConfigSet = "config-set";
    public const string EvidenceGet = "evidence-get";

    public static IReadOnlyList<string> All { get; } = [Ping, Ack, LedTest, IntelUpdate, ConfigGet, ConfigSet, EvidenceGet];
}
