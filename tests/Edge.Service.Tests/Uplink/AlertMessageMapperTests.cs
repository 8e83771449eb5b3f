using System.Text.Json;
using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Service.Tests.TestSupport;
using Edge.Service.Uplink;
using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;
using Edge.Uplink.Schemas;
using Edge.Uplink.Tests.TestSupport;
using Edge.Uplink.Topics;
using Edge.Watch.Net;

namespace Edge.Service.Tests.Uplink;

public class AlertMessageMapperTests
{
    private static readonly AlertMessageMapper s_mapper = new(new TopicLayout("agency-7", "lan-edge-1"),
        new FixedTime(new DateTimeOffset(2026, 11, 25, 15, 32, 30, 123, TimeSpan.Zero)));

    private static Finding Finding(Severity severity = Severity.High) => TestAlerts.Finding(severity) with
    {
        Server = IpAddr.Parse("2001:db8::1"),
        IntelSource = "openphish",
        TlsSni = "login-bank.example",
    };

    [Fact]
    public void Every_field_comes_from_the_alert_its_finding_and_the_sensor()
    {
        var alert = new Alert("01JD8X6Q0M7ZK3V9T5R2W4Y6B8", Finding(), 1_764_000_000_000_000, 1_764_000_005_500_000, 4, IsUpdate: true)
        {
            EvidenceFile = "01JD8X6Q0M7ZK3V9T5R2W4Y6B8.pcap",
        };

        var m = s_mapper.Map(alert);

        Assert.Equal(("edge.alert/1", "01JD8X6Q0M7ZK3V9T5R2W4Y6B8", "2026-11-25T15:32:30.123000Z"), (m.Schema, m.Id, m.Ts));
        Assert.Equal(("2025-11-24T16:00:00.000000Z", "2025-11-24T16:00:05.500000Z", 4L, true), (m.FirstSeen, m.LastSeen, m.Count, m.Update));
        Assert.Equal(("agency-7", "lan-edge-1", "phishing", "high"), (m.Agency, m.Sensor, m.Category, m.Severity));
        Assert.Equal(new AlertRuleRef("intel-domain", "Domain on a threat list"), m.Rule);
        Assert.Equal(("login-bank.example", "tls-sni", "TCP"), (m.Indicator, m.Kind, m.Proto));
        Assert.Equal(new AlertEndpoint("192.168.1.20", 51234), m.Src);
        Assert.Equal(new AlertEndpoint("2001:db8::1", 443), m.Dst);
        Assert.Equal(new AlertTlsContext("login-bank.example", null, null), m.Tls);
        Assert.Equal(new AlertIntelContext("phishing", "openphish"), m.Intel);
        Assert.Null(m.Dns);
        Assert.Null(m.Http);
        Assert.False(m.Blocked);
        Assert.Equal("01JD8X6Q0M7ZK3V9T5R2W4Y6B8.pcap", m.EvidenceFile);
        SchemaValidator.AssertValid(UplinkSchemas.Alert, JsonSerializer.Serialize(m, UplinkJsonContext.Default.AlertMessage));
    }

    [Fact]
    public void A_finding_without_a_single_server_has_no_dst_and_protocols_have_the_event_log_names()
    {
        var sweep = Finding() with { Server = default, ServerPort = 0, Protocol = 58, DnsQname = "x.example", DnsQtype = "TXT", DnsRcode = "NXDOMAIN" };

        var m = s_mapper.Map(new Alert("01JD8X6Q0M7ZK3V9T5R2W4Y6B8", sweep, 1, 1, 1, IsUpdate: false));

        Assert.Null(m.Dst);
        Assert.Equal("IPv6-ICMP", m.Proto);
        Assert.Equal(new AlertDnsContext("x.example", "TXT", "NXDOMAIN"), m.Dns);
        Assert.Null(m.EvidenceFile);
        Assert.DoesNotContain("\"dst\"", JsonSerializer.Serialize(m, UplinkJsonContext.Default.AlertMessage), StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_about_the_sensor_itself_has_no_client_and_no_protocol()
    {
        var sensor = new Finding
        {
            RuleId = "edge.firmware.rollback",
            RuleName = "Firmware update rolled back",
            Category = AlertCategories.Sensor,
            Severity = Severity.High,
            Kind = EvidenceKinds.FirmwareRollback,
            Indicator = "2.1.0",
            Evidence = "firmware 2.1.0 was rolled back",
            TimestampMicros = 1_764_000_000_000_000,
            Client = default,
        };

        var item = s_mapper.ToOutboxItem(new Alert("01JD8X6Q0M7ZK3V9T5R2W4Y6B8", sensor, 1_764_000_000_000_000, 1_764_000_000_000_000, 1, IsUpdate: false));

        var json = System.Text.Encoding.UTF8.GetString(item.Payload.Span);
        Assert.Equal("edge/v1/agency-7/lan-edge-1/alert/sensor", item.Topic);
        Assert.DoesNotContain("\"src\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"proto\"", json, StringComparison.Ordinal);
        SchemaValidator.AssertValid(UplinkSchemas.Alert, json);
    }

    [Theory]
    [InlineData(Severity.Low, OutboxPriority.Low)]
    [InlineData(Severity.Medium, OutboxPriority.Medium)]
    [InlineData(Severity.High, OutboxPriority.High)]
    [InlineData(Severity.Critical, OutboxPriority.Critical)]
    public void The_outbox_item_has_the_category_topic_the_severity_priority_and_the_alert_id(Severity severity, OutboxPriority priority)
    {
        var item = s_mapper.ToOutboxItem(new Alert("01JD8X6Q0M7ZK3V9T5R2W4Y6B8", Finding(severity), 1, 1, 1, IsUpdate: false));

        Assert.Equal("edge/v1/agency-7/lan-edge-1/alert/phishing", item.Topic);
        Assert.Equal(priority, item.Priority);
        Assert.Equal("01JD8X6Q0M7ZK3V9T5R2W4Y6B8", item.MessageId);
        var parsed = JsonSerializer.Deserialize(item.Payload.Span, UplinkJsonContext.Default.AlertMessage)!;
        Assert.Equal(("01JD8X6Q0M7ZK3V9T5R2W4Y6B8", Edge.Service.EventLog.EventText.Severity(severity)), (parsed.Id, parsed.Severity));
    }
}
