using System.Text.Json;
using Edge.Detect.Alerts;
using Edge.Detect.Findings;
using Edge.Service.EventLog;
using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;
using Edge.Uplink.Topics;

namespace Edge.Service.Uplink;

/// <summary>Turns the pipeline's alerts into <c>edge.alert/1</c> messages for one sensor. Text forms
/// (times, addresses, protocol and severity names) are the event log's, so both say the same.</summary>
public sealed class AlertMessageMapper(TopicLayout topics, TimeProvider time)
{
    public TopicLayout Topics { get; } = topics;

    public AlertMessage Map(Alert alert)
    {
        var f = alert.Finding;
        // An alert about the sensor itself (category sensor) has no packet behind it: no client, no protocol.
        var traffic = f.Client.Family != 0;
        return new AlertMessage
        {
            Id = alert.Id,
            Ts = EventText.Timestamp((time.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond),
            FirstSeen = EventText.Timestamp(alert.FirstSeenMicros),
            LastSeen = EventText.Timestamp(alert.LastSeenMicros),
            Count = alert.Count,
            Update = alert.IsUpdate,
            Agency = Topics.Agency,
            Sensor = Topics.Sensor,
            Category = f.Category,
            Severity = EventText.Severity(f.Severity),
            Rule = new AlertRuleRef(f.RuleId, f.RuleName),
            Indicator = f.Indicator,
            Kind = f.Kind,
            Src = traffic ? new AlertEndpoint(EventText.Address(f.Client), f.ClientPort) : null,
            Dst = f.Server.Family == 0 ? null : new AlertEndpoint(EventText.Address(f.Server), f.ServerPort),
            Proto = traffic ? EventText.Protocol(f.Protocol) : null,
            Dns = f.DnsQname is null ? null : new AlertDnsContext(f.DnsQname, f.DnsQtype, f.DnsRcode),
            Tls = f.TlsSni is null ? null : new AlertTlsContext(f.TlsSni, null, null),
            Http = f.HttpHost is null ? null : new AlertHttpContext(f.HttpHost),
            Intel = f.IntelList is null ? null : new AlertIntelContext(f.IntelList, f.IntelSource),
            Blocked = f.Blocked,
            Evidence = f.Evidence,
            EvidenceFile = alert.EvidenceFile,
        };
    }

    /// <summary>The message ready for the outbox: its category topic, UTF-8 JSON, drop priority and id.</summary>
    public OutboxItem ToOutboxItem(Alert alert)
    {
        var message = Map(alert);
        return new OutboxItem(Topics.Alert(message.Category),
            JsonSerializer.SerializeToUtf8Bytes(message, UplinkJsonContext.Default.AlertMessage),
            Priority(alert.Finding.Severity), message.Id);
    }

    /// <summary>A full outbox gives up low alerts first and critical ones never.</summary>
    public static OutboxPriority Priority(Severity severity) => severity switch
    {
        Severity.Low => OutboxPriority.Low,
        Severity.Medium => OutboxPriority.Medium,
        Severity.High => OutboxPriority.High,
        _ => OutboxPriority.Critical,
    };
}
