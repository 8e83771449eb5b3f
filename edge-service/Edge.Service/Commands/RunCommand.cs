using System.CommandLine;
using Edge.Service.Configuration;
using Edge.Service.Run;

namespace Edge.Service.Commands;

/// <summary><c>edge-service run</c>: the sensor as a service. Options on the command line override the
/// settings (<c>appsettings.json</c>, <c>--config</c>, remote keys, <c>Edge__…</c> variables).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "settings file over the bundled appsettings.json" };
        var iface = new Option<string?>("--interface", "-i") { Description = "capture live from this interface (Edge:Capture:Interface)" };
        var file = new Option<string?>("--file", "-r") { Description = "replay this pcap/pcapng file (Edge:Capture:File); default: the bundled sample" };
        var pace = new Option<CapturePace?>("--pace") { Description = "Realtime or Fast, for files (Edge:Capture:Pace)" };
        var speed = new Option<double?>("--speed") { Description = "with Realtime, play the file this many times faster (Edge:Capture:Speed)" };
        var filter = new Option<string?>("--filter", "-f") { Description = "BPF filter for live capture (Edge:Capture:Filter)" };
        var exitAtEnd = new Option<bool>("--exit-at-end") { Description = "stop once the file has been read and its alerts sent (Edge:Capture:ExitAtEndOfFile)" };
        var events = new Option<string?>("--events") { Description = "write the event log here: every DNS message (captured or forwarded), TLS hello, HTTP request, flow and alert, one JSON object per line" };
        var state = new Option<string?>("--state") { Description = "state folder: outbox, acknowledgements, received intel (Edge:Sensor:StateDirectory)" };
        var command = new Command("run", "Run the sensor: capture, detection, outbox and uplink, LEDs, status page; stops on SIGTERM or Ctrl+C")
        {
            config, iface, file, pace, speed, filter, exitAtEnd, state, events,
        };
        command.SetAction(parse =>
        {
            EdgeSettings settings;
            try
            {
                settings = EdgeConfiguration.LoadWithOverrides(parse.GetValue(config), parse.GetValue(state));
                var capture = settings.Capture;
                if (parse.GetValue(file) is { } replay)
                {
                    // A file named on the command line is what the user wants watched, whatever the settings say.
                    capture.File = replay;
                    capture.Interface = "";
                }
                capture.Interface = parse.GetValue(iface) ?? capture.Interface;
                capture.Pace = parse.GetValue(pace) ?? capture.Pace;
                capture.Speed = parse.GetValue(speed) ?? capture.Speed;
                capture.Filter = parse.GetValue(filter) ?? capture.Filter;
                capture.ExitAtEndOfFile |= parse.GetValue(exitAtEnd);
                settings.Sensor.StateDirectory = parse.GetValue(state) ?? settings.Sensor.StateDirectory;
                EdgeSettingsValidator.Validate(settings, EdgeConfiguration.Section);
                if (capture.Interface.Length == 0 && capture.File.Length > 0 && !File.Exists(capture.File))
                    throw new ConfigurationException($"{EdgeConfiguration.Section}:Capture:File", $"no such capture file: {capture.File}");
            }
            catch (ConfigurationException e)
            {
                Console.Error.WriteLine($"edge-service run: bad configuration: {e.Message}");
                return 2;
            }
            return SensorHost.Run(settings, new RunOptions(parse.GetValue(config), parse.GetValue(events)));
        });
        return command;
    }
}
