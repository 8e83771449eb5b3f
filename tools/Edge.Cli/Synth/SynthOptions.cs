namespace Edge.Cli.Synth;

internal sealed record SynthOptions(ulong Seed, DateTimeOffset Start, int Scale)
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
}
