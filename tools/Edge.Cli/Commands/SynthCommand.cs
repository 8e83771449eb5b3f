using System.CommandLine;
using System.Globalization;
using Edge.Cli.Synth;
using Edge.Cli.Synth.Repeat;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl synth</c>: write a synthetic LAN capture, or repeat captures into a big benchmark file.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out") { Description = "pcap file to write", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "seed; the same seed gives the same bytes", DefaultValueFactory = _ => 1 };
        var start = new Option<DateTimeOffset>("--start")
        {
            Description = "timestamp of the first frame (ISO 8601, UTC)",
            DefaultValueFactory = _ => SynthOptions.DefaultStart,
            CustomParser = r => DateTimeOffset.Parse(r.Tokens[0].Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        };
        var scale = new Option<int>("--scale") { Description = "rounds of benign background", DefaultValueFactory = _ => 1 };
        var repeat = new Option<FileInfo[]>("--repeat")
        {
            Description = "classic pcap files to concatenate --copies times instead of generating",
            AllowMultipleArgumentsPerToken = true,
        };
        var copies = new Option<int>("--copies") { Description = "how many copies of the --repeat inputs", DefaultValueFactory = _ => 1 };
        repeat.AcceptExistingOnly();
        scale.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--scale must be at least 1"); });
        copies.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--copies must be at least 1"); });

        var command = new Command("synth", "Write protocol-correct synthetic LAN traffic (benign and threat-like) to a classic pcap")
        {
            output, seed, start, scale, repeat, copies,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetRequiredValue(output).FullName;
            var inputs = parse.GetValue(repeat);
            var console = parse.InvocationConfiguration.Output;
            using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            if (inputs is { Length: > 0 })
            {
                var result = PcapRepeater.Write(inputs.Select(f => f.FullName).ToArray(), parse.GetValue(copies), stream);
                console.WriteLine($"{path}: {result.Frames} frames, {stream.Length} bytes, " +
                    $"{DateTimeOffset.FromUnixTimeMilliseconds(result.FirstMicros / 1000):O} .. {DateTimeOffset.FromUnixTimeMilliseconds(result.LastMicros / 1000):O}");
                return 0;
            }
            var frames = SynthGenerator.Write(new SynthOptions(parse.GetValue(seed), parse.GetValue(start), parse.GetValue(scale)), stream);
            console.WriteLine($"{path}: {frames} frames, {stream.Length} bytes");
            return 0;
        });
        return command;
    }
}
