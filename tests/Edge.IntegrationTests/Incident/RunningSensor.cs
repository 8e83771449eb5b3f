using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Edge.IntegrationTests.Mqtt.TestSupport;
using Edge.IntegrationTests.Service;
using Edge.Uplink.Commands.Signing;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.IntegrationTests.Incident;

/// <summary>A real mosquitto and a real <c>edge-service run</c> on the bundled capture that stays up
/// after the file (so it answers commands), trusting the incident team's key <c>team-1</c>, with its
/// status page on a free port and every message on its topics kept by a subscriber. For the tests of
/// <c>edgectl ack</c>, <c>cmd</c> and <c>fleet</c>.</summary>
public sealed class RunningSensor : IAsyncDisposable
{
    public const string Agency = "town-a";
    public const string Sensor = "gw-1";
    public const string Root = $"edge/v1/{Agency}/{Sensor}";
    public const string KeyId = "team-1";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly DirectoryInfo _work;
    private readonly int _statusPort;

    private RunningSensor(DirectoryInfo work, MosquittoProcess broker, TestSubscriber subscriber, ServiceProcess service, int statusPort)
    {
        _work = work;
        Broker = broker;
        Subscriber = subscriber;
        Service = service;
        _statusPort = statusPort;
    }

    public MosquittoProcess Broker { get; }

    public TestSubscriber Subscriber { get; }

    public ServiceProcess Service { get; }

    /// <summary>The team's private key (PEM), trusted by the sensor as <see cref="KeyId"/>.</summary>
    public string KeyFile => Path.Combine(_work.FullName, "team-1.key");

    /// <summary>A key the sensor does not trust.</summary>
    public string StrangerKeyFile => Path.Combine(_work.FullName, "stranger.key");

    public string Work => _work.FullName;

    /// <param name="heartbeatSeconds">The sensor's heartbeat period (60 by default on an appliance).</param>
    public static async Task<RunningSensor> StartAsync(int heartbeatSeconds = 60)
    {
        MosquittoProcess.RequireInstalled();
        var work = Directory.CreateTempSubdirectory("edge-incident-");
        var team = Ed25519Signatures.NewPrivateKey();
        File.WriteAllText(Path.Combine(work.FullName, "team-1.key"), Ed25519KeyText.FormatPrivateKeyPem(team));
        File.WriteAllText(Path.Combine(work.FullName, "stranger.key"), Ed25519KeyText.FormatPrivateKeyPem(Ed25519Signatures.NewPrivateKey()));
        var broker = await MosquittoProcess.StartAsync();
        var subscriber = await TestSubscriber.ConnectAsync("127.0.0.1", broker.Port, "incident-test", filters: Root + "/#");
        var statusPort = MosquittoProcess.FreePort();
        var service = ServiceProcess.Start(new Dictionary<string, string>
        {
            ["Edge__Uplink__Broker"] = broker.Url,
            ["Edge__Uplink__KeepAliveSeconds"] = "2",
            ["Edge__Uplink__HeartbeatSeconds"] = heartbeatSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Edge__Sensor__Agency"] = Agency,
            ["Edge__Sensor__Id"] = Sensor,
            ["Edge__Sensor__StateDirectory"] = Path.Combine(work.FullName, "state"),
            [$"Edge__Commands__TrustedKeys__{KeyId}"] = Convert.ToBase64String(Ed25519Signatures.PublicKeyOf(team)),
            ["Edge__Hardware__Gpio"] = "Simulated",
            ["Edge__Hardware__TerminalLeds"] = "On",
            ["Edge__StatusPage__Port"] = statusPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "run", "--pace", "Fast");
        var sensor = new RunningSensor(work, broker, subscriber, service, statusPort);
        try
        {
            await Eventually.TrueAsync(() => service.Output.Contains("end of file lan-sample.pcap", StringComparison.Ordinal) || service.HasExited,
                Wait, "the sensor through the bundled capture");
            Assert.False(service.HasExited, service.Output);
            await Eventually.TrueAsync(() => sensor.Alerts().Count >= 23, Wait, $"the sample's alerts on the broker\n{service.Output}");
            return sensor;
        }
        catch
        {
            await sensor.DisposeAsync();
            throw;
        }
    }

    /// <summary>The first message of each alert id the sensor published: (id, severity, category).</summary>
    public List<(string Id, string Severity, string Category)> Alerts()
    {
        var alerts = new List<(string, string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in Subscriber.Received.Where(m => m.Topic.StartsWith(Root + "/alert/", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(message.Payload);
            var root = document.RootElement;
            var id = root.GetProperty("id").GetString()!;
            if (seen.Add(id))
                alerts.Add((id, root.GetProperty("severity").GetString()!, root.GetProperty("category").GetString()!));
        }
        return alerts;
    }

    /// <summary>The sensor's own status page, <c>/api/status</c> (behind its first-boot password).</summary>
    public async Task<JsonDocument> StatusAsync()
    {
        var password = (await File.ReadAllTextAsync(Path.Combine(_work.FullName, "state", "status-page-password.txt"))).Trim();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_statusPort}/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}")));
        return JsonDocument.Parse(await http.GetStringAsync("api/status"));
    }

    /// <summary>Whether the status page shows the alert acknowledged, and how many stay open.</summary>
    public async Task<(bool Acknowledged, int Open)> AcknowledgementAsync(string alertId)
    {
        using var status = await StatusAsync();
        var root = status.RootElement;
        var alert = root.GetProperty("recent_alerts").EnumerateArray().First(a => a.GetProperty("id").GetString() == alertId);
        return (alert.GetProperty("acknowledged").GetBoolean(), root.GetProperty("alerts").GetProperty("open").GetInt32());
    }

    public async ValueTask DisposeAsync()
    {
        Service.Dispose();
        await Subscriber.DisposeAsync();
        await Broker.DisposeAsync();
        _work.Delete(recursive: true);
    }
}
