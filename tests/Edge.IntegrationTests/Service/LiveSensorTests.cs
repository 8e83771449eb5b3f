using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.TestSupport;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Commands.Wire;

namespace Edge.IntegrationTests.Service;

/// <summary>The whole sensor on a wire: <c>edge-service run</c> captures live on a veth end inside a
/// network namespace the test made, a client in the other namespace looks up a C&amp;C name, the LEDs
/// (simulated, printed) go to the alert pattern, and an <c>ack</c> signed by the incident team brings
/// them back to monitoring. Mosquitto runs beside the sensor, on its namespace's loopback.</summary>
public sealed class LiveSensorTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string Agency = "town-e2e";
    private const string Sensor = "veth-1";
    private const string Root = $"edge/v1/{Agency}/{Sensor}";
    private const string CncName = "update-sync-cdn.example";

    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-live-");
    private readonly CommandSigner _team = new("incident-1", Ed25519Signatures.NewPrivateKey());

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public void A_malicious_lookup_on_the_wire_turns_the_LEDs_to_alert_and_an_ack_turns_them_back()
    {
        MosquittoProcess.RequireInstalled();
        using var pair = NamespacePair.Create();
        const int port = 18830;
        var brokerConfig = Path.Combine(_work.FullName, "mosquitto.conf");
        File.WriteAllText(brokerConfig, $"listener {port} 127.0.0.1\nallow_anonymous true\n");
        using var broker = Tracked.Start(pair.Sensor, null, MosquittoProcess.Binary!, "-c", brokerConfig);
        WaitForBroker(pair.Sensor, port);
        using var subscriber = Tracked.Start(pair.Sensor, null, "mosquitto_sub", "-h", "127.0.0.1", "-p", $"{port}", "-t", Root + "/#", "-v", "-q", "1");
        using var sensor = Tracked.Start(pair.Sensor, new Dictionary<string, string>
        {
            ["Edge__Uplink__Broker"] = $"mqtt://127.0.0.1:{port}",
            ["Edge__Sensor__Agency"] = Agency,
            ["Edge__Sensor__Id"] = Sensor,
            ["Edge__Sensor__StateDirectory"] = Path.Combine(_work.FullName, "state"),
            ["Edge__Commands__TrustedKeys__incident-1"] = Convert.ToBase64String(_team.PublicKey),
            ["Edge__Hardware__Gpio"] = "Simulated",
            ["Edge__Hardware__TerminalLeds"] = "On",
            ["Edge__StatusPage__Port"] = "18080",
        }, "dotnet", "exec", ServiceProcess.Dll, "run", "--interface", pair.SensorInterface, "--filter", "udp port 53");

        sensor.WaitFor(line => line.Contains("LEDs  green heartbeat  monitoring", StringComparison.Ordinal), Wait, "the sensor monitoring");
        subscriber.WaitFor(line => line.StartsWith(Root + "/status ", StringComparison.Ordinal) && line.Contains("\"online\"", StringComparison.Ordinal), Wait, "the sensor's birth on the broker");

        // Nobody answers on the sensor's address: the lookup on the wire is what counts.
        NamespacePair.TryIn(pair.Client, "dig", "+tries=1", "+time=1", $"@{pair.SensorAddress}", CncName, "A");

        var alert = subscriber.WaitFor(line => line.StartsWith(Root + "/alert", StringComparison.Ordinal) && line.Contains(CncName, StringComparison.Ordinal), Wait, "the alert on the broker");
        sensor.WaitFor(line => line.Contains("LEDs  red double blink  alert", StringComparison.Ordinal), Wait, "the LEDs in the alert pattern");
        var alertId = JsonDocument.Parse(alert[(alert.IndexOf(' ', StringComparison.Ordinal) + 1)..]).RootElement.GetProperty("id").GetString()!;

        var command = Path.Combine(_work.FullName, "ack.json");
        File.WriteAllBytes(command, _team.Sign(new CommandRequest("c-ack-1", "ack", Agency, Sensor, DateTimeOffset.UtcNow)
        {
            Args = new JsonObject { ["alert_id"] = alertId },
        }));
        NamespacePair.In(pair.Sensor, "mosquitto_pub", "-h", "127.0.0.1", "-p", $"{port}", "-q", "1", "-t", Root + "/cmd/ack", "-f", command);

        subscriber.WaitFor(line => line.StartsWith(Root + "/cmd-result", StringComparison.Ordinal) && line.Contains("c-ack-1", StringComparison.Ordinal), Wait, "the ack's result");
        sensor.WaitFor(line => line.Contains("LEDs  green heartbeat  monitoring", StringComparison.Ordinal), Wait, "the LEDs back to monitoring after the ack", after: "LEDs  red double blink  alert");
    }

    private static void WaitForBroker(string ns, int port)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                NamespacePair.In(ns, "mosquitto_pub", "-h", "127.0.0.1", "-p", $"{port}", "-t", "probe", "-m", "up");
                return;
            }
            catch (InvalidOperationException) when (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>A process in a namespace whose output lines are kept for bounded waits.</summary>
    private sealed class Tracked : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];

        private Tracked(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) => Add(e.Data);
            process.ErrorDataReceived += (_, e) => Add(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public static Tracked Start(string ns, IReadOnlyDictionary<string, string>? environment, params string[] command) =>
            new(NamespacePair.StartIn(ns, environment, command));

        private void Add(string? line)
        {
            if (line is null)
                return;
            lock (_lines)
                _lines.Add(line);
        }

        public int WaitForExit(TimeSpan timeout)
        {
            if (!_process.WaitForExit(timeout))
                Assert.Fail($"still running after {timeout}");
            _process.WaitForExit();
            return _process.ExitCode;
        }

        /// <summary>The first line matching (after the first line containing <paramref name="after"/>, if given).</summary>
        public string WaitFor(Func<string, bool> match, TimeSpan timeout, string what, string? after = null)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                lock (_lines)
                {
                    var start = after is null ? 0 : _lines.FindIndex(l => l.Contains(after, StringComparison.Ordinal));
                    if (start >= 0)
                    {
                        var found = _lines.FindIndex(start, l => match(l));
                        if (found >= 0)
                            return _lines[found];
                    }
                }
                if (_process.HasExited)
                    break;
                Thread.Sleep(50);
            }
            lock (_lines)
                Assert.Fail($"no sign of {what} within {timeout}; output:\n{string.Join('\n', _lines)}");
            return "";
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            _process.Dispose();
        }
    }
}
