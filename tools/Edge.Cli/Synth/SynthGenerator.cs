using Edge.Cli.Synth.Flows;
using Edge.Cli.Synth.Pcap;
using Edge.Cli.Synth.Scenario;
using Edge.Cli.Synth.Scenario.Threats;
using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth;

/// <summary>Builds the synthetic LAN capture: <c>Scale</c> rounds of benign background and one run of every threat.</summary>
internal static class SynthGenerator
{
    private const long Second = 1_000_000;

    /// <summary>Writes the capture to <paramref name="output"/>; returns the number of frames.</summary>
    public static long Write(SynthOptions options, Stream output)
    {
        if (options.Scale < 1)
            throw new ArgumentOutOfRangeException(nameof(options), "scale must be at least 1");
        var context = new SynthContext(new SynthRandom(options.Seed));
        var start = options.Start.ToUnixTimeMilliseconds() * 1_000;

        for (var round = 0; round < options.Scale; round++)
            new BenignRound(context, start + round * BenignRound.Seconds * Second).Run();

        BeaconScene.Run(context, start + 8 * Second);
        PhishingScene.Run(context, start + 15 * Second);
        StratumScene.Run(context, start + 40 * Second);
        WannaCryScene.Run(context, start + 75 * Second);
        DgaScene.Run(context, start + 110 * Second);
        DnsTunnelScene.Run(context, start + 140 * Second);
        DohBypassScene.Run(context, start + 190 * Second);
        BotnetScene.Run(context, start + 205 * Second);
        TyposquatScene.Run(context, start + 220 * Second);
        ScanScene.Run(context, start + 235 * Second);

        var writer = new ClassicPcapWriter(output);
        context.Capture.WriteTo(writer, start);
        return writer.FramesWritten;
    }
}
