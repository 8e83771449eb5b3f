using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Benchmarks.Uplink;

/// <summary><c>--mqtt-throughput [COUNT] [IN-FLIGHT] [BROKER]</c>: sustained messages per second
/// from the outbox to the broker's PUBACK (the message deleted), QoS 1, MQTT 5, realistic 600-byte
/// alert JSON. Without BROKER a mosquitto is started on a free loopback port. The outbox is the
/// in-memory test double; swap in the SQLite one to measure the whole path.</summary>
public static class MqttThroughputCheck
{
    public const string Argument = "--mqtt-throughput";

    public static void Run(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var window = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        Process? mosquitto = null;
        DirectoryInfo? folder = null;
        var broker = args.Length > 2 ? args[2] : null;
        try
        {
            if (broker is null)
                (mosquitto, folder, broker) = StartMosquitto();
            Console.WriteLine($"broker {broker}, {count:N0} messages of {Payload(0).Length} bytes, QoS 1, in flight {window}");
            for (var round = 1; round <= 3; round++)
            {
                var rate = Round(broker, count, window, round);
                Console.WriteLine($"round {round}: {rate:N0} messages/s outbox -> PUBACK");
            }
        }
        finally
        {
            if (mosquitto is not null)
            {
                mosquitto.Kill();
                mosquitto.WaitForExit(10_000);
                mosquitto.Dispose();
            }

            folder?.Delete(recursive: true);
        }
    }

    private static double Round(string broker, int count, int window, int round)
    {
        using var outbox = new InMemoryOutbox();
        var identity = new SensorIdentity("bench", $"s{round}", "bench", null, DateTimeOffset.UtcNow);
        var options = new UplinkOptions { Broker = broker, MaxInFlight = window, HeartbeatSeconds = 3600 };
        var uplink = new MqttUplink(options, identity, outbox, NullLogger.Instance);
        var topic = uplink.Topics.Alert("cnc");
        for (var i = 0; i < count; i++)
            outbox.Add(new OutboxItem(topic, Payload(i), OutboxPriority.High, $"id{i}"));
        uplink.Start();
        var deadline = Stopwatch.StartNew();
        while (!uplink.Stats.Connected)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
                throw new TimeoutException("not connected");
            Thread.Sleep(1);
        }

        var watch = Stopwatch.StartNew();
        while (uplink.Stats.Sent < count)
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(5))
                throw new TimeoutException($"only {uplink.Stats.Sent} of {count} acknowledged");
            Thread.Sleep(1);
        }

        var rate = count / watch.Elapsed.TotalSeconds;
        uplink.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return rate;
    }

    private static byte[] Payload(int i) => Encoding.UTF8.GetBytes(
        $$"""{"schema":"edge.alert/1","id":"01J{{i:D23}}","ts":"2026-01-01T00:00:00Z","first_seen":"2026-01-01T00:00:00Z","last_seen":"2026-01-01T00:00:00Z","count":1,"agency":"bench","sensor":"s1","category":"cnc","severity":"high","rule":{"id":"edge.cnc.intel","name":"Contact with a known C&C server"},"indicator":"evil.example","kind":"domain","src":{"ip":"192.168.1.23","port":51514},"dst":{"ip":"203.0.113.66","port":443},"proto":"tcp","tls":{"sni":"evil.example","ja3":"771,4865-4866-4867,0-23-65281,29-23-24,0","ja4":"t13d1516h2_8daaf6152771_b0da82dd1658"},"intel":{"list":"cnc.txt","source":"sample"},"blocked":false,"evidence":"TLS ClientHello to evil.example (C&C list)"}""");

    internal static (Process, DirectoryInfo, string) StartMosquitto()
    {
        var binary = new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto" }.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("mosquitto is not installed: run tools/dev/deps.sh, or give a BROKER url");
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        var folder = Directory.CreateTempSubdirectory("edge-bench-mosquitto-");
        var config = Path.Combine(folder.FullName, "mosquitto.conf");
        File.WriteAllText(config, $"user {Environment.UserName}\nlog_dest none\nlistener {port} 127.0.0.1\nallow_anonymous true\n");
        var process = Process.Start(new ProcessStartInfo(binary, ["-c", config]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        for (var i = 0; ; i++)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                break;
            }
            catch (SocketException) when (i < 200)
            {
                Thread.Sleep(25);
            }
        }

        return (process, folder, $"mqtt://127.0.0.1:{port}");
    }
}
