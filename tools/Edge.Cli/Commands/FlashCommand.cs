using System.CommandLine;
using System.Text.Json;
using Edge.Flashing.Client;
using Edge.Flashing.Transport;
using Spectre.Console;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl flash --port PORT BUNDLE</c>: sends a signed bundle to a sensor over its USB
/// serial gadget; the sensor verifies it and installs it into its idle slot. A pulled cable resumes
/// where the sensor's last confirmed byte was.</summary>
internal static class FlashCommand
{
    public static Command Create()
    {
        var port = new Option<string>("--port", "-p") { Description = "the sensor's serial port, e.g. /dev/ttyACM0", Required = true };
        var bundle = new Argument<FileInfo>("BUNDLE") { Description = "a bundle made by edgectl bundle create" };
        var json = new Option<bool>("--json") { Description = "one JSON object a line (progress, then the result) for scripts" };
        var baud = new Option<int>("--baud") { Description = "line speed (a USB gadget ignores it)", DefaultValueFactory = _ => SerialPortStream.DefaultBaudRate };
        bundle.AcceptExistingOnly();
        var command = new Command("flash", "Flash a signed bundle to a sensor over its USB serial port") { bundle, port, json, baud };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var client = new FlashClient(new FlashClientOptions(), SerialPortStream.Opener(parse.GetRequiredValue(port), parse.GetValue(baud)));
            var path = parse.GetRequiredValue(bundle).FullName;
            var output = parse.InvocationConfiguration.Output;
            try
            {
                var result = parse.GetValue(json)
                    ? await FlashAsJson(client, path, output, cancellationToken).ConfigureAwait(false)
                    : await FlashWithProgressBar(client, path, cancellationToken).ConfigureAwait(false);
                if (!parse.GetValue(json))
                    output.WriteLine(result.Installed
                        ? $"installed: {result.Message} ({result.BundleBytes:N0} bytes in {result.Elapsed.TotalSeconds:F1} s, {result.BytesResent:N0} resent, {result.Reconnects} reconnect(s))"
                        : $"refused by the sensor: {result.Message} (code 0x{result.Code:x})");
                return result.Installed ? 0 : 1;
            }
            catch (FlashException e)
            {
                if (parse.GetValue(json))
                    output.WriteLine(JsonSerializer.Serialize(new FlashReport("error", 0, 0, 0, null, 0, 0, false, e.Code, e.Message), FlashJsonContext.Default.FlashReport));
                else
                    parse.InvocationConfiguration.Error.WriteLine($"edgectl flash: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<FlashResult> FlashAsJson(FlashClient client, string path, TextWriter output, CancellationToken cancellationToken)
    {
        var progress = new ThrottledProgress(p => output.WriteLine(JsonSerializer.Serialize(
            new FlashReport("progress", p.BytesConfirmed, p.TotalBytes, Math.Round(p.BytesPerSecond), p.Remaining?.TotalSeconds, p.Reconnects, p.BytesResent),
            FlashJsonContext.Default.FlashReport)));
        var result = await client.FlashAsync(path, progress, cancellationToken).ConfigureAwait(false);
        output.WriteLine(JsonSerializer.Serialize(new FlashReport("result", result.BundleBytes, result.BundleBytes, 0, 0, result.Reconnects,
            result.BytesResent, result.Installed, result.Code, result.Message, Math.Round(result.Elapsed.TotalSeconds, 3)), FlashJsonContext.Default.FlashReport));
        return result;
    }

    private static async Task<FlashResult> FlashWithProgressBar(FlashClient client, string path, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await client.FlashAsync(path, null, cancellationToken).ConfigureAwait(false);
        FlashResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("flashing", maxValue: new FileInfo(path).Length);
                result = await client.FlashAsync(path, new Progress<FlashProgress>(p => task.Value = p.BytesConfirmed), cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
            }).ConfigureAwait(false);
        return result!;
    }

    /// <summary>At most four progress lines a second, and always the last one.</summary>
    private sealed class ThrottledProgress(Action<FlashProgress> report) : IProgress<FlashProgress>
    {
        private long _last;

        public void Report(FlashProgress value)
        {
            var now = Environment.TickCount64;
            if (now - _last < 250 && value.BytesConfirmed < value.TotalBytes)
                return;
            _last = now;
            report(value);
        }
    }
}
