using System.Diagnostics;

namespace Edge.IntegrationTests.TestSupport;

/// <summary>Two network namespaces made by the test, joined by a veth pair, each end with an address
/// the test assigned (10.213.N.1 client, 10.213.N.2 sensor). Traffic between them never leaves the
/// pair; deleting the namespaces deletes the pair. Needs root (CI and this machine run tests as root).</summary>
public sealed class NamespacePair : IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);

    private NamespacePair(int subnet)
    {
        var tag = $"{Environment.ProcessId % 10000}x{subnet}";
        Client = $"edge-c{tag}";
        Sensor = $"edge-s{tag}";
        ClientInterface = $"ec{tag}";
        SensorInterface = $"es{tag}";
        ClientAddress = $"10.213.{subnet}.1";
        SensorAddress = $"10.213.{subnet}.2";
    }

    public string Client { get; }
    public string Sensor { get; }
    public string ClientInterface { get; }
    public string SensorInterface { get; }
    public string ClientAddress { get; }
    public string SensorAddress { get; }

    public static NamespacePair Create()
    {
        if (!File.Exists("/usr/sbin/ip") && !File.Exists("/usr/bin/ip") && !File.Exists("/sbin/ip"))
            throw new InvalidOperationException("iproute2 (ip) is not installed: run tools/dev/deps.sh");
        var pair = new NamespacePair(Random.Shared.Next(1, 255));
        try
        {
            Run("ip", "netns", "add", pair.Client);
            Run("ip", "netns", "add", pair.Sensor);
            Run("ip", "link", "add", pair.ClientInterface, "netns", pair.Client, "type", "veth", "peer", "name", pair.SensorInterface, "netns", pair.Sensor);
            Configure(pair.Client, pair.ClientInterface, pair.ClientAddress);
            Configure(pair.Sensor, pair.SensorInterface, pair.SensorAddress);
            return pair;
        }
        catch
        {
            pair.Dispose();
            throw;
        }
    }

    private static void Configure(string ns, string device, string address)
    {
        In(ns, "ip", "link", "set", "lo", "up");
        In(ns, "ip", "addr", "add", $"{address}/24", "dev", device);
        In(ns, "ip", "link", "set", device, "up");
        // No IPv6 on the pair: router solicitations and DAD would only add noise to the capture.
        In(ns, "sysctl", "-q", "-w", $"net.ipv6.conf.{device}.disable_ipv6=1");
    }

    /// <summary>Runs a command inside a namespace and returns its standard output; throws on failure.</summary>
    public static string In(string ns, params string[] command) => Run(["ip", "netns", "exec", ns, .. command]);

    /// <summary>Runs a command inside a namespace whose failure is expected (a lookup nobody answers).</summary>
    public static void TryIn(string ns, params string[] command)
    {
        try
        {
            In(ns, command);
        }
        catch (InvalidOperationException)
        {
        }
    }

    /// <summary>Waits (at most 15 s) until a mosquitto in <paramref name="ns"/> takes a publish on 127.0.0.1:<paramref name="port"/>.</summary>
    public static void WaitForBroker(string ns, int port)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                In(ns, "mosquitto_pub", "-h", "127.0.0.1", "-p", $"{port}", "-t", "probe", "-m", "up");
                return;
            }
            catch (InvalidOperationException) when (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Starts a long-running command inside a namespace.</summary>
    public static Process StartIn(string ns, IReadOnlyDictionary<string, string>? environment, params string[] command)
    {
        var start = Info(["ip", "netns", "exec", ns, .. command]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start)!;
    }

    public static string Run(params string[] command)
    {
        using var process = Process.Start(Info(command))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(CommandTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish within {CommandTimeout}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    private static ProcessStartInfo Info(string[] command)
    {
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.AsSpan(1))
            start.ArgumentList.Add(arg);
        return start;
    }

    public void Dispose()
    {
        foreach (var ns in new[] { Client, Sensor })
        {
            try
            {
                Run("ip", "netns", "del", ns);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Not made (creation failed part way) or already gone.
            }
        }
    }
}
