namespace Edge.Uplink.Commands.Actions;

/// <summary>What the service made of a new intel list: swapped in (entries, version) or refused.</summary>
public sealed record IntelApplyOutcome(bool Ok, string? Error, long Entries, string? Version)
{
    public static IntelApplyOutcome Applied(long entries, string? version) => new(true, null, entries, version);

    public static IntelApplyOutcome Refused(string error) => new(false, error, 0, null);
}
