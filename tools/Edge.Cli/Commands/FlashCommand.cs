using System.CommandLine;
using System.Text.Json;
using Edge.Flashing.Client;
using Edge.Flashing.Messages;
using Edge.Flashing.Transport;
using Spectre.Console;

namespace Edge.Cli.Commands;

/// <summary><c>edgectl flash --port PORT [--provision SET] [BUNDLE]</c>: sends a signed provisioning set
/// and/or a signed bundle to a sensor over its USB serial gadget; the sensor verifies each, then makes the
/// set its configuration and installs the bundle into its idle slot. The set goes first, so a new
/// sensor trusts the bundle's key by the time the bundle arrives. A pulled cable resumes where the
/// sensor's last confirmed byte was.</summary>
internal static class FlashCommand
{
    public static Command Create()
    {
        var port = new Option<string>("--port", "-p") { Description = "the sensor's serial port, e.g. /dev/ttyACM0", Required = true };
        var bundle = new Argument<FileInfo>("BUNDLE") { Description = "a bundle made by edgectl bundle create", Arity = ArgumentArity.ZeroOrOne };
        var provision = new Option<FileInfo>("--provision") { Description = "a provisioning set made by edgectl provision create, sent before the bundle" };
        var json = new Option<bool>("--json") { Description = "one JSON object a line (progress, then the result) for scripts" };
        var baud = new Option<int>("--baud") { Description = "line speed (a USB gadget ignores it)", DefaultValueFactory = _ => SerialPortStream.DefaultBaudRate };
        bundle.AcceptExistingOnly();
        provision.AcceptExistingOnly();
        var command = new Command("flash", "Flash a signed provisioning set and/or bundle to a sensor over its USB serial port") { bundle, port, provision, json, baud };
        command.Validators.Add(r =>
        {
            if (r.GetValue(bundle) is null && r.GetValue(provision) is null)
                r.AddError("give a BUNDLE, a --provision set, or both");
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            var client = new FlashClient(new FlashClientOptions(), SerialPortStream.Opener(parse.GetRequiredValue(port), parse.GetValue(baud)));
            if (parse.GetValue(provision) is { } set
                && !await SendAsync(parse, client, set.FullName, TransferKind.Provisioning, cancellationToken).ConfigureAwait(false))
                return 1;
            if (parse.GetValue(bundle) is { } image
                && !await SendAsync(parse, client, image.FullName, TransferKind.Bundle, cancellationToken).ConfigureAwait(false))
                return 1;
            return 0;
        });
        return command;
    }

    /// <summary>One transfer and its result line; false when the sensor refused it or the link failed.</summary>
    private static async Task<bool> SendAsync(ParseResult parse, FlashClient client, string path, TransferKind kind, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var name = KindName(kind);
        try
        {
            var result = parse.GetValue<bool>("--json")
                ? await FlashAsJson(client, path, kind, output, cancellationToken).ConfigureAwait(false)
                : await FlashWithProgressBar(client, path, kind, cancellationToken).ConfigureAwait(false);
            if (!parse.GetValue<bool>("--json"))
                output.WriteLine(result.Installed
                    ? $"{name} installed: {result.Message} ({result.BundleBytes:N0} bytes in {result.Elapsed.TotalSeconds:F1} s, {result.BytesResent:N0} resent, {result.Reconnects} reconnect(s))"
                    : $"{name} refused by the sensor: {result.Message} (code 0x{result.Code:x})");
            return result.Installed;
        }
        catch (FlashException e)
        {
            if (parse.GetValue<bool>("--json"))
                output.WriteLine(JsonSerializer.Serialize(new FlashReport("error", 0, 0, 0, null, 0, 0, false, e.Code, e.Message, Kind: name), FlashJsonContext.Default.FlashReport));
            else
                parse.InvocationConfiguration.Error.WriteLine($"edgectl flash: {name}: {e.Message}");
            return false;
        }
    }

    private static string KindName(TransferKind kind) => kind == TransferKind.Provisioning ? "provisioning" : "bundle";

    private static async Task<FlashResult> FlashAsJson(FlashClient client, string path, TransferKind kind, TextWriter output, CancellationToken cancellationToken)
    {
        var name = KindName(kind);
        var progress = new ThrottledProgress(p => output.WriteLine(JsonSerializer.Serialize(
            new FlashReport("progress", p.BytesConfirmed, p.TotalBytes, Math.Round(p.BytesPerSecond), p.Remaining?.TotalSeconds, p.Reconnects, p.BytesResent, Kind: name),
            FlashJsonContext.Default.FlashReport)));
        var result = await client.FlashAsync(path, kind, progress, cancellationToken).ConfigureAwait(false);
        output.WriteLine(JsonSerializer.Serialize(new FlashReport("result", result.BundleBytes, result.BundleBytes, 0, 0, result.Reconnects,
            result.BytesResent, result.Installed, result.Code, result.Message, Math.Round(result.Elapsed.TotalSeconds, 3), name), FlashJsonContext.Default.FlashReport));
        return result;
    }

    private static async Task<FlashResult> FlashWithProgressBar(FlashClient client, string path, TransferKind kind, CancellationToken cancellationToken)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await client.FlashAsync(path, kind, null, cancellationToken).ConfigureAwait(false);
        FlashResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(KindName(kind), maxValue: new FileInfo(path).Length);
                result = await client.FlashAsync(path, kind, new Progress<FlashProgress>(p => task.Value = p.BytesConfirmed), cancellationToken).ConfigureAwait(false);
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
