using System.Text;
using System.Text.Json;
using Edge.Firmware.Slots;
using Edge.Service.Firmware;
using Edge.Service.Uplink;
using Edge.Uplink.Messages;
using Edge.Uplink.Outbox;
using Edge.Uplink.Schemas;
using Edge.Uplink.Tests.TestSupport;
using Edge.Uplink.Topics;

namespace Edge.Service.Tests.Firmware;

public sealed class RollbackAlertTests
{
    private static readonly RollbackRecord Rollback = new(SlotStore.B, SlotStore.A, "2.1.0",
        "version 2.1.0 started 3 times without becoming healthy", new DateTimeOffset(2026, 11, 24, 9, 30, 0, TimeSpan.Zero));

    private static readonly AlertMessageMapper s_mapper = new(new TopicLayout("agency-7", "lan-edge-1"),
        new FixedTime(new DateTimeOffset(2026, 11, 25, 15, 0, 1, TimeSpan.Zero)));

    [Fact]
    public void A_rollback_is_a_high_sensor_alert_that_names_the_version_the_reason_and_the_slot_now_running()
    {
        var item = s_mapper.ToOutboxItem(RollbackAlert.Create(Rollback, "2.0.0"));

        var json = Encoding.UTF8.GetString(item.Payload.Span);
        SchemaValidator.AssertValid(UplinkSchemas.Alert, json);
        var m = JsonSerializer.Deserialize(json, UplinkJsonContext.Default.AlertMessage)!;
        Assert.Equal(("edge/v1/agency-7/lan-edge-1/alert/sensor", OutboxPriority.High, m.Id), (item.Topic, item.Priority, item.MessageId));
        Assert.Equal(("sensor", "high", "2.1.0", "firmware-rollback"), (m.Category, m.Severity, m.Indicator, m.Kind));
        Assert.Equal(new AlertRuleRef("edge.firmware.rollback", "Firmware update rolled back"), m.Rule);
        Assert.Equal(("2026-11-24T09:30:00.000000Z", "2026-11-24T09:30:00.000000Z", 1L, false), (m.FirstSeen, m.LastSeen, m.Count, m.Update));
        Assert.Equal("firmware 2.1.0 in slot b was rolled back at 2026-11-24T09:30:00Z: version 2.1.0 started 3 times without "
            + "becoming healthy; slot a (2.0.0) runs again", m.Evidence);
        Assert.Null(m.Src);
        Assert.Null(m.Proto);
        Assert.Null(m.Dst);
    }

    [Fact]
    public void The_id_is_a_ulid_of_the_rollback_time_the_same_for_the_same_rollback_and_different_for_another()
    {
        var id = RollbackAlert.Create(Rollback).Id;

        // Pinned: a version that derived it otherwise would resend an unmarked rollback under a new id.
        Assert.Equal("01M86E81E0SFAS7QM1Z5VBDSSQ", id);
        Assert.Equal(id, RollbackAlert.Create(Rollback with { }, "9.9.9").Id);
        Assert.Matches("^[0-7][0-9A-HJKMNP-TV-Z]{25}$", id);
        // The first 10 digits are the time: 2026-11-24T09:30:00Z in milliseconds.
        Assert.Equal(EncodeTime(Rollback.At.ToUnixTimeMilliseconds()), id[..10]);
        Assert.NotEqual(id, RollbackAlert.Create(Rollback with { Version = "2.1.1" }).Id);
        Assert.NotEqual(id, RollbackAlert.Create(Rollback with { Reason = "version 2.1.0 was not healthy within 300 s" }).Id);
        Assert.NotEqual(id, RollbackAlert.Create(Rollback with { At = Rollback.At.AddSeconds(1) }).Id);
    }

    private static string EncodeTime(long millis)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var text = new char[10];
        for (var i = 9; i >= 0; i--)
        {
            text[i] = alphabet[(int)(millis & 31)];
            millis >>= 5;
        }
        return new string(text);
    }
}
