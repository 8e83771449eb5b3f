namespace Edge.Uplink.Commands.Actions;

/// <summary>What the service made of a <c>config-set</c>: taken, or refused naming <c>key</c> or <c>value</c>.</summary>
public sealed record ConfigSetOutcome(bool Ok, string? Field, string? Error, bool RestartRequired)
{
    public static ConfigSetOutcome Accepted(bool restartRequired = false) => new(true, null, null, restartRequired);

    public static ConfigSetOutcome RefusedKey(string error) => new(false, "key", error, false);

    public static ConfigSetOutcome RefusedValue(string error) => new(false, "value", error, false);
}
