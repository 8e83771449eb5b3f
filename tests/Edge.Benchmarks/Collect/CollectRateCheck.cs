using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Edge.Cli.Store;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Benchmarks.Collect;

/// <summary><c>--collect-rate [COUNT] [PUBLISHERS] [STORE] [BATCH]</c>: the whole path, end to end:
/// PUBLISHERS (default 4) MQTT 5 clients publish COUNT (default 200,000) alerts of 100 sensors, QoS 1
/// with 200 each in flight, into a mosquitto on loopback (started here, unlimited queues), and a real
/// <c>edgectl collect</c> (<c>dotnet exec edgectl.dll</c>, a child process) stores them in STORE (a
/// SQLite file in the temp folder by default, or a PostgreSQL connection string; EDGE_PG when set
/// and STORE is not given or is -) in batches of BATCH (default 1,000). Two phases: live (the
/// collector runs while the publishers publish) and backlog (all published into the collector's
/// queued session first, then it starts). Rate = alerts in the store / time until the last is
/// stored; the collector's resident memory (VmRSS, sampled every 100 ms, and VmHWM) is read from
/// /proc. <c>COLLECT_DOTNET_X=V</c> in the environment sets <c>DOTNET_X=V</c> for the collector
/// alone (to compare GC settings); <c>EDGE_MOSQUITTO</c> names another mosquitto binary (Debian 12's
/// 2.0.11 ignores the collector's Receive Maximum once acknowledgements flow; 2.0.13 fixed that).</summary>
public static class CollectRateCheck
{
    public const string Argument = "--collect-rate";

    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var publishers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        var target = args.Length > 2 && args[2] != "-" ? args[2] : Environment.GetEnvironmentVariable("EDGE_PG") is { Length: > 0 } pg ? pg : null;
        var batch = args.Length > 3 ? args[3] : "1000";
        var folder = Directory.CreateTempSubdirectory("edge-collect-rate-");
        var (mosquitto, port) = StartMosquitto(folder.FullName);
        var store = target ?? Path.Combine(folder.FullName, "incident.db");
        Console.WriteLine($"broker {MosquittoVersion()} on mqtt://127.0.0.1:{port}, {count:N0} alerts of 100 sensors (and a count update for one in seven) from {publishers} publishers, " +
            $"store {(target is null ? "SQLite " + store : "PostgreSQL")}, batches of {batch}");
        try
        {
            Live(port, store, count, publishers, batch);
            Backlog(port, store, count, publishers, batch);
        }
        finally
        {
            mosquitto.Kill();
            mosquitto.WaitForExit(10_000);
            mosquitto.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The collector runs while the sensors publish: the rate a province sees, with the
    /// publishers on the same machine taking their share of the CPU.</summary>
    private static void Live(int port, string store, int count, int publishers, string batch)
    {
        var (messages, firstId, lastId) = IngestAlerts.Make(count, sensors: 100, seed: Environment.TickCount);
        using var collector = StartCollector(port, store, batch);
        try
        {
            WaitFor(() => Output(collector).Contains("mqtt: connected", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the collector connected");
            Thread.Sleep(500);
            Console.WriteLine($"live: collector idle RSS {Memory(collector.Id, "VmRSS:") / 1_048_576.0:N0} MiB");
            var clock = Stopwatch.StartNew();
            var publishing = Task.Run(() => PublishAsync(port, messages, publishers));
            var (elapsed, peak) = WaitStored(collector, store, firstId, lastId, count, clock);
            var published = publishing.GetAwaiter().GetResult();
            Report("live", collector, count, messages.Count, elapsed, peak, $"; published (all PUBACKs) in {published.TotalSeconds:N2} s");
        }
        finally
        {
            Stop(collector);
        }
    }

    /// <summary>The sensors publish while the collector is away (its session queues everything), then
    /// it starts and drains the backlog: the collector and the store alone, timed from its start.</summary>
    private static void Backlog(int port, string store, int count, int publishers, string batch)
    {
        var (messages, firstId, lastId) = IngestAlerts.Make(count, sensors: 100, seed: Environment.TickCount + 1);
        PublishAsync(port, messages, publishers).GetAwaiter().GetResult();
        var clock = Stopwatch.StartNew();
        using var collector = StartCollector(port, store, batch);
        try
        {
            var (elapsed, peak) = WaitStored(collector, store, firstId, lastId, count, clock);
            Report("backlog", collector, count, messages.Count, elapsed, peak, " from the collector's start (a queued session)");
        }
        finally
        {
            Stop(collector);
        }
    }

    private static (TimeSpan Elapsed, long PeakRss) WaitStored(Process collector, string store, string firstId, string lastId, int count, Stopwatch clock)
    {
        var peak = 0L;
        var stored = 0L;
        while (stored < count)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10) || collector.HasExited)
                throw new TimeoutException($"{stored:N0} of {count:N0} alerts stored after {clock.Elapsed.TotalSeconds:N0} s\n{Output(collector)}");
            Thread.Sleep(100);
            peak = Math.Max(peak, Memory(collector.Id, "VmRSS:"));
            stored = Alerts(store, firstId, lastId);
        }
        return (clock.Elapsed, peak);
    }

    private static void Report(string phase, Process collector, int alerts, int messages, TimeSpan elapsed, long peak, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{phase}: stored {alerts:N0} alerts in {elapsed.TotalSeconds:N2} s: {alerts / elapsed.TotalSeconds:N0} alerts/s " +
            $"({messages / elapsed.TotalSeconds:N0} messages/s){note}; collector RSS peak {peak / 1_048_576.0:N0} MiB sampled, " +
            $"VmHWM {Memory(collector.Id, "VmHWM:") / 1_048_576.0:N0} MiB"));

    /// <summary>SIGTERM; the session stays with the broker. Shows the collector's last lines and exit code.</summary>
    private static void Stop(Process collector)
    {
        if (collector.HasExited)
            return;
        Terminate(collector);
        var lines = Output(collector).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Where(l => l.Contains("alerts/s", StringComparison.Ordinal) || l.Contains(" mqtt: ", StringComparison.Ordinal)
            || l.Contains(" store: ", StringComparison.Ordinal)).TakeLast(6))
            Console.WriteLine("  " + line.Trim());
        Console.WriteLine($"  exit code {collector.ExitCode}");
    }

    private static async Task<TimeSpan> PublishAsync(int port, List<(string Topic, byte[] Payload)> messages, int publishers)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, publishers).Select(async p =>
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"bench-sensors-{p}")
                .WithProtocolVersion(MqttProtocolVersion.V500).Build());
            using var window = new SemaphoreSlim(200);
            var sends = new List<Task>();
            for (var i = p; i < messages.Count; i += publishers)
            {
                await window.WaitAsync();
                var (topic, payload) = messages[i];
                sends.Add(Send(client, topic, payload, window));
            }
            await Task.WhenAll(sends);
            await client.DisconnectAsync();
        }));
        return clock.Elapsed;

        static async Task Send(IMqttClient client, string topic, byte[] payload, SemaphoreSlim window)
        {
            try
            {
                var result = await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                if (!result.IsSuccess)
                    throw new InvalidOperationException($"publish refused: {result.ReasonCode}");
            }
            finally
            {
                window.Release();
            }
        }
    }

    private static Process StartCollector(int port, string store, string batch)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "edgectl.dll"), "collect", "--broker", $"mqtt://127.0.0.1:{port}",
            "--store", store, "--client-id", "bench-collector", "--batch", batch, "--flush-ms", "100" })
            start.ArgumentList.Add(arg);
        // COLLECT_DOTNET_X=V sets DOTNET_X=V for the collector alone (GC settings to compare).
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && name.StartsWith("COLLECT_DOTNET_", StringComparison.Ordinal))
                start.Environment[name["COLLECT_".Length..]] = (string?)variable.Value;
        }
        var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        Outputs[process.Id] = output;
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly Dictionary<int, System.Text.StringBuilder> Outputs = [];

    private static string Output(Process process)
    {
        var output = Outputs[process.Id];
        lock (output)
            return output.ToString();
    }

    private static void Terminate(Process process)
    {
        using (var kill = Process.Start("kill", ["-s", "TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            kill.WaitForExit(10_000);
        if (!process.WaitForExit(30_000))
            throw new TimeoutException("edgectl collect did not stop on SIGTERM");
        process.WaitForExit();
    }

    /// <summary>The run's alerts in the store: a range of the primary key, cheap to count every 100 ms
    /// even in a PostgreSQL that holds millions of rows from earlier runs.</summary>
    private static long Alerts(string store, string firstId, string lastId)
    {
        using var incident = IncidentStore.Open(store);
        using var connection = incident.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM alerts WHERE id BETWEEN @first AND @last";
        Parameters.Add(command, "@first", firstId);
        Parameters.Add(command, "@last", lastId);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long Memory(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key, StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(key.Length).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }

    private static void WaitFor(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
                throw new TimeoutException("timed out waiting for " + what);
            Thread.Sleep(50);
        }
    }

    private static string MosquittoVersion()
    {
        var binary = Environment.GetEnvironmentVariable("EDGE_MOSQUITTO") is { Length: > 0 } chosen ? chosen
            : new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.First(File.Exists);
        using var probe = Process.Start(new ProcessStartInfo(binary, ["-h"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var text = probe.StandardOutput.ReadToEnd() + probe.StandardError.ReadToEnd();
        probe.WaitForExit(5_000);
        return text.Split('\n').FirstOrDefault(l => l.Contains("version", StringComparison.Ordinal))?.Trim() ?? binary;
    }

    /// <summary>mosquitto on a free loopback port with unlimited queues (as the collector's session
    /// needs when it falls behind: the default of 1,000 queued messages would drop the rest).</summary>
    private static (Process, int) StartMosquitto(string folder)
    {
        var binary = Environment.GetEnvironmentVariable("EDGE_MOSQUITTO") is { Length: > 0 } chosen ? chosen
            : new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("mosquitto is not installed: run tools/dev/deps.sh");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var config = Path.Combine(folder, "mosquitto.conf");
        File.WriteAllText(config, $"user {Environment.UserName}\nlog_dest none\nmax_queued_messages 0\nlistener {port} 127.0.0.1\nallow_anonymous true\n");
        var process = Process.Start(new ProcessStartInfo(binary, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        WaitFor(() =>
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10), "mosquitto");
        return (process, port);
    }
}
