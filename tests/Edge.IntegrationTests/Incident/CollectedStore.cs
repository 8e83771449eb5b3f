using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Cli.Store;
using Edge.Uplink.Messages;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.IntegrationTests.Incident;

/// <summary>What the collector tests read back from the incident store, and the alerts they publish
/// themselves (valid <c>edge.alert/1</c>, one id each).</summary>
internal static class CollectedStore
{
    public static long Scalar(string path, string sql)
    {
        using var store = IncidentStore.Open(path);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public static List<string[]> Rows(string path, string sql)
    {
        using var store = IncidentStore.Open(path);
        using var connection = store.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToArray());
        return rows;
    }

    /// <summary>A valid alert of <paramref name="agency"/>/<paramref name="sensor"/> whose id ends in <paramref name="n"/>.</summary>
    public static MqttApplicationMessage Alert(string agency, string sensor, int n)
    {
        var seen = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero).AddSeconds(n);
        var time = seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        var message = new AlertMessage
        {
            Id = Id(n),
            Ts = time,
            FirstSeen = time,
            LastSeen = time,
            Count = 1,
            Agency = agency,
            Sensor = sensor,
            Category = "cnc",
            Severity = "critical",
            Rule = new AlertRuleRef("edge.intel.ip", "Known command-and-control server"),
            Indicator = "203.0.113.66",
            Kind = "ip-contact",
            Src = new AlertEndpoint("10.1.2.3", 50_000 + n % 10_000),
            Dst = new AlertEndpoint("203.0.113.66", 443),
            Proto = "TCP",
            Evidence = $"10.1.2.3 connected to 203.0.113.66:443 (contact {n})",
        };
        return Message($"edge/v1/{agency}/{sensor}/alert/cnc", JsonSerializer.SerializeToUtf8Bytes(message, UplinkJsonContext.Default.AlertMessage));
    }

    /// <summary>26 Crockford base32 digits: a fixed prefix and <paramref name="n"/> in decimal.</summary>
    public static string Id(int n) => "01JT" + n.ToString("D22", CultureInfo.InvariantCulture);

    public static MqttApplicationMessage Message(string topic, byte[] payload, bool retain = false) => new MqttApplicationMessageBuilder()
        .WithTopic(topic)
        .WithPayload(payload)
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithRetainFlag(retain)
        .Build();

    public static MqttApplicationMessage Message(string topic, string payload, bool retain = false) => Message(topic, Encoding.UTF8.GetBytes(payload), retain);

    /// <summary>A publisher as a sensor's uplink is one: MQTT 5, QoS 1 messages acknowledged by the broker.</summary>
    public static async Task<IMqttClient> PublisherAsync(int port, string clientId)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await client.ConnectAsync(options, timeout.Token);
        return client;
    }
}
