using Edge.Detect.Alerts;
using Edge.Detect.Behaviour;
using Edge.Detect.Detectors;
using Edge.Detect.Evidence;
using Edge.Service.Configuration;
using Edge.Uplink.Mqtt;
using Edge.Uplink.Outbox;
using Microsoft.Extensions.Configuration;

namespace Edge.Service.Tests.Configuration;

public class EdgeConfigurationTests
{
    internal static EdgeSettings Bind(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
            data["Edge:" + key] = value;
        var root = new ConfigurationBuilder().AddInMemoryCollection(data).Build();
        return EdgeConfiguration.Bind(root.GetSection(EdgeConfiguration.Section));
    }

    internal static string Refused(params (string Key, string Value)[] values) =>
        Assert.Throws<ConfigurationException>(() => Bind(values)).Key;

    [Fact]
    public void The_shipped_appsettings_states_exactly_the_defaults_of_the_code()
    {
        var shipped = EdgeConfiguration.Load(null);
        Assert.True(File.Exists(EdgeConfiguration.DefaultFile));
        var detection = shipped.Detection;
        var defaults = new DetectionOptions();
        Assert.Equal(defaults with { ProtectedDomains = detection.ProtectedDomains, Beacon = detection.Beacon, FanOut = detection.FanOut, Tunnel = detection.Tunnel }, detection);
        Assert.Empty(detection.ProtectedDomains);
        AssertSame(new BeaconOptions(), detection.Beacon);
        AssertSame(new FanOutOptions(), detection.FanOut);
        AssertSame(new TunnelOptions(), detection.Tunnel);
        Assert.Equal(new AlertOptions(), shipped.Alerts);
        Assert.Equal(new EvidenceOptions(), shipped.Evidence);
        Assert.Empty(shipped.Intel.Lists);
        AssertSame(new UplinkOptions(), shipped.Uplink);
        Assert.Equal(new OutboxOptions(), shipped.Outbox);
        var commands = new CommandSettings();
        Assert.Empty(shipped.Commands.TrustedKeys);
        Assert.Equal((commands.ReplayWindowSeconds, commands.ClockSkewSeconds), (shipped.Commands.ReplayWindowSeconds, shipped.Commands.ClockSkewSeconds));
    }

    private static void AssertSame(UplinkOptions expected, UplinkOptions actual)
    {
        // An empty Broker and an absent one both mean the embedded broker.
        Assert.False(actual.HasBroker);
        Assert.Equal((expected.Username, expected.Password, expected.CaFile, expected.ClientCertificateFile, expected.ClientKeyFile),
            (actual.Username, actual.Password, actual.CaFile, actual.ClientCertificateFile, actual.ClientKeyFile));
        Assert.Equal((expected.ProtocolVersion, expected.KeepAliveSeconds, expected.HeartbeatSeconds, expected.SessionExpirySeconds),
            (actual.ProtocolVersion, actual.KeepAliveSeconds, actual.HeartbeatSeconds, actual.SessionExpirySeconds));
        Assert.Equal((expected.ReconnectMinSeconds, expected.ReconnectMaxSeconds, expected.MaxInFlight, expected.ConnectTimeoutSeconds),
            (actual.ReconnectMinSeconds, actual.ReconnectMaxSeconds, actual.MaxInFlight, actual.ConnectTimeoutSeconds));
    }

    private static void AssertSame(BeaconOptions expected, BeaconOptions actual)
    {
        Assert.Equal((expected.MaxSeries, expected.Window, expected.MinConnections, expected.Threshold),
            (actual.MaxSeries, actual.Window, actual.MinConnections, actual.Threshold));
        Assert.Equal((expected.MinMeanIntervalSeconds, expected.MaxMeanIntervalSeconds, expected.MaxCv),
            (actual.MinMeanIntervalSeconds, actual.MaxMeanIntervalSeconds, actual.MaxCv));
    }

    private static void AssertSame(FanOutOptions expected, FanOutOptions actual) =>
        Assert.Equal((expected.PortThreshold, expected.PortWindowSeconds, expected.MaxPortSources, expected.ScanThreshold, expected.ScanWindowSeconds, expected.MaxScanSources, expected.HashSeed),
            (actual.PortThreshold, actual.PortWindowSeconds, actual.MaxPortSources, actual.ScanThreshold, actual.ScanWindowSeconds, actual.MaxScanSources, actual.HashSeed));

    private static void AssertSame(TunnelOptions expected, TunnelOptions actual) =>
        Assert.Equal((expected.MaxZones, expected.WindowSeconds, expected.MinQueries, expected.Threshold, expected.LongLabelLength, expected.HighEntropyBits, expected.HashSeed),
            (actual.MaxZones, actual.WindowSeconds, actual.MinQueries, actual.Threshold, actual.LongLabelLength, actual.HighEntropyBits, actual.HashSeed));

    [Fact]
    public void Values_reach_every_level()
    {
        var settings = Bind(("Sensor:Agency", "hanoi-dost"), ("Detection:DgaBurst", "12"), ("Detection:Beacon:MinConnections", "10"),
            ("Detection:FanOut:PortThreshold", "30"), ("Detection:Tunnel:HashSeed", "7"), ("Detection:ProtectedDomains:0", "hanoi.gov.vn"),
            ("Alerts:DedupeWindowSeconds", "600"), ("Intel:Lists:0", "/var/lib/edge/intel"));
        Assert.Equal("hanoi-dost", settings.Sensor.Agency);
        Assert.Equal(12, settings.Detection.DgaBurst);
        Assert.Equal(10, settings.Detection.Beacon.MinConnections);
        Assert.Equal(30, settings.Detection.FanOut.PortThreshold);
        Assert.Equal(7UL, settings.Detection.Tunnel.HashSeed);
        Assert.Equal(["hanoi.gov.vn"], settings.Detection.ProtectedDomains);
        Assert.Equal(600, settings.Alerts.DedupeWindowSeconds);
        Assert.Equal(["/var/lib/edge/intel"], settings.Intel.Lists);
    }

    [Theory]
    [InlineData("Detection:DgaBurst", "1", "Edge:Detection:DgaBurst")]
    [InlineData("Detection:Beacon:Window", "2", "Edge:Detection:Beacon:Window")]
    [InlineData("Detection:FanOut:ScanWindowSeconds", "0", "Edge:Detection:FanOut:ScanWindowSeconds")]
    [InlineData("Detection:Tunnel:MinQueries", "0", "Edge:Detection:Tunnel:MinQueries")]
    [InlineData("Alerts:MaxOpenAlerts", "0", "Edge:Alerts:MaxOpenAlerts")]
    [InlineData("Sensor:Id", "Sensor One", "Edge:Sensor:Id")]
    [InlineData("Sensor:Agency", "agency-a\n", "Edge:Sensor:Agency")]
    [InlineData("Detection:ProtectedDomains:0", "not a domain", "Edge:Detection:ProtectedDomains:0")]
    [InlineData("Intel:Lists:0", " ", "Edge:Intel:Lists:0")]
    [InlineData("Evidence:SnapLength", "10", "Edge:Evidence:SnapLength")]
    [InlineData("Uplink:Broker", "ftp://x", "Edge:Uplink:Broker")]
    [InlineData("Uplink:HeartbeatSeconds", "0", "Edge:Uplink:HeartbeatSeconds")]
    [InlineData("Commands:TrustedKeys:ops", "not a key", "Edge:Commands:TrustedKeys:ops")]
    [InlineData("Commands:ReplayWindowSeconds", "1", "Edge:Commands:ReplayWindowSeconds")]
    public void An_out_of_range_value_is_refused_naming_its_key(string key, string value, string named) =>
        Assert.Equal(named, Refused((key, value)));

    [Fact]
    public void The_outbox_is_checked_once_it_has_a_path()
    {
        Assert.Equal("Edge:Outbox:MaxMessages", Refused(("Outbox:Path", "/var/lib/edge/outbox.db"), ("Outbox:MaxMessages", "-1")));
        Assert.Equal("Edge:Outbox:MaxBytes", Refused(("Outbox:Path", "/var/lib/edge/outbox.db"), ("Outbox:MaxBytes", "1024")));
        // 0 is documented as "no limit but MaxBytes".
        Assert.Equal(0, Bind(("Outbox:Path", "/var/lib/edge/outbox.db"), ("Outbox:MaxMessages", "0")).Outbox.MaxMessages);
    }

    [Fact]
    public void A_trusted_key_is_taken_as_base64()
    {
        var key = Convert.ToBase64String(new byte[32]);
        var settings = Bind(("Commands:TrustedKeys:ops-1", key));
        Assert.Equal(key, settings.Commands.TrustedKeys["ops-1"]);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_naming_its_key() =>
        Assert.Equal("Edge:Detection:Beacon:Window", Refused(("Detection:Beacon:Window", "sixty-four")));

    [Fact]
    public void A_misspelt_key_is_refused_naming_it()
    {
        Assert.Equal("Edge:Detection:Beacon:Windw", Refused(("Detection:Beacon:Windw", "3")));
        Assert.Equal("Edge:Uplinkk", Refused(("Uplinkk:Broker", "mqtt://127.0.0.1:1883")));
    }

    [Fact]
    public void A_missing_or_broken_file_is_refused_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"edge-missing-{Guid.NewGuid():N}.json");
        Assert.Equal(missing, Assert.Throws<ConfigurationException>(() => EdgeConfiguration.Load(missing)).Key);
        var broken = Path.Combine(Path.GetTempPath(), $"edge-broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(broken, "{ \"Edge\": { \"Detection\": {\n");
        try
        {
            var error = Assert.Throws<ConfigurationException>(() => EdgeConfiguration.Load(broken));
            Assert.Equal(broken, error.Key);
            Assert.Contains("LineNumber", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }
}
