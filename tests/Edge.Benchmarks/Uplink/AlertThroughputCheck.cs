using System.Diagnostics;
using System.Globalization;
using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Service.Uplink;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Topics;
using Edge.Watch.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Benchmarks.Uplink;

/// <summary><c>--alert-throughput [COUNT] [full|normal]</c>: the service's whole path for alerts,
/// sustained: the pipeline raises alerts as fast as it can into <see cref="OutboxAlertSink"/> (mapped
/// to <c>edge.alert/1</c> JSON, group-committed to the SQLite outbox), while the MQTT uplink publishes
/// them QoS 1 to a mosquitto on loopback and deletes each after its PUBACK. Rate = alerts / time from
/// the first raise to the last PUBACK; also the outbox's time per alert alone.</summary>
public static class AlertThroughputCheck
{
    public const string Argument = "--alert-throughput";

    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var synchronous = args.Length > 1 && args[1] == "normal" ? OutboxSynchronous.Normal : OutboxSynchronous.Full;
        var (mosquitto, folder, broker) = MqttThroughputCheck.StartMosquitto();
        try
        {
            Console.WriteLine($"broker {broker}, {count:N0} alerts, outbox synchronous={synchronous}, QoS 1");
            for (var round = 1; round <= 3; round++)
            {
                var (rate, raised, batches) = Round(broker, count, synchronous, folder.FullName, round);
                Console.WriteLine($"round {round}: {rate:N0} alerts/s raise -> outbox -> PUBACK; raise into the outbox alone {raised:N0} alerts/s ({batches:N0} commits)");
            }
        }
        finally
        {
            mosquitto.Kill();
            mosquitto.WaitForExit(10_000);
            mosquitto.Dispose();
            folder.Delete(recursive: true);
        }
    }

    private static (double Rate, double Raised, long Batches) Round(string broker, int count, OutboxSynchronous synchronous, string folder, int round)
    {
        using var outbox = new SqliteOutbox(new OutboxOptions
        {
            Path = Path.Combine(folder, $"outbox-{round}.db"),
            Synchronous = synchronous,
            MaxMessages = count * 2,
            MaxBytes = count * 4096L,
        });
        var identity = new SensorIdentity("bench", $"s{round}", "bench", null, DateTimeOffset.UtcNow);
        var uplink = new MqttUplink(new UplinkOptions { Broker = broker, HeartbeatSeconds = 3600 }, identity, outbox, NullLogger.Instance);
        var sink = new OutboxAlertSink(new AlertMessageMapper(new TopicLayout("bench", $"s{round}"), TimeProvider.System), outbox, uplink.NotifyOutbox);
        uplink.Start();
        var connect = Stopwatch.StartNew();
        while (!uplink.Stats.Connected)
        {
            if (connect.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException("not connected");
            Thread.Sleep(1);
        }

        var alerts = Alerts(count);
        var watch = Stopwatch.StartNew();
        foreach (var alert in alerts)
            sink.Raise(alert);
        if (!sink.Flush(TimeSpan.FromMinutes(5)))
            throw new TimeoutException("the outbox did not take every alert");
        var raised = count / watch.Elapsed.TotalSeconds;
        while (uplink.Stats.Sent < count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"only {uplink.Stats.Sent} of {count} acknowledged");
            Thread.Sleep(1);
        }

        var rate = count / watch.Elapsed.TotalSeconds;
        var batches = sink.Batches;
        sink.Dispose();
        uplink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return (rate, raised, batches);
    }

    private static List<Alert> Alerts(int count)
    {
        var client = IpAddr.Parse("10.77.0.51");
        var server = IpAddr.Parse("203.0.113.66");
        var alerts = new List<Alert>(count);
        for (var i = 0; i < count; i++)
        {
            var finding = new Finding
            {
                RuleId = "edge.intel.sni",
                RuleName = "TLS to a listed host",
                Category = AlertCategories.Cnc,
                Severity = Severity.High,
                Kind = EvidenceKinds.TlsSni,
                Indicator = $"c{i}.update-sync-cdn.example",
                Evidence = $"10.77.0.51 opened TLS to c{i}.update-sync-cdn.example (cnc, list cnc.txt) at 203.0.113.66:443",
                TimestampMicros = 1_790_000_000_000_000 + i,
                Client = client,
                ClientPort = 40000,
                Server = server,
                ServerPort = 443,
                Protocol = 6,
                IntelList = "cnc",
                IntelSource = "cnc.txt",
                TlsSni = $"c{i}.update-sync-cdn.example",
            };
            alerts.Add(new Alert(AlertId.Create(finding.RuleId, "10.77.0.51", finding.Indicator, finding.TimestampMicros), finding,
                finding.TimestampMicros, finding.TimestampMicros, 1, false));
        }
        return alerts;
    }
}
