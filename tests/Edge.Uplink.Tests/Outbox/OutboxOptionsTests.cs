using Edge.Uplink.Outbox;

namespace Edge.Uplink.Tests.Outbox;

public class OutboxOptionsTests
{
    [Fact]
    public void The_defaults_with_a_path_are_valid()
    {
        new OutboxOptions { Path = "/var/lib/edge/outbox.db" }.Validate();
    }

    [Theory]
    [InlineData("", 1 << 20, 0, nameof(OutboxOptions.Path))]
    [InlineData("x.db", 1000, 0, nameof(OutboxOptions.MaxBytes))]
    [InlineData("x.db", 1 << 20, -1, nameof(OutboxOptions.MaxMessages))]
    public void A_bad_value_is_refused_by_its_name(string path, long maxBytes, int maxMessages, string field)
    {
        var options = new OutboxOptions { Path = path, MaxBytes = maxBytes, MaxMessages = maxMessages };
        var e = Assert.ThrowsAny<ArgumentException>(options.Validate);
        Assert.Equal(field, e.ParamName);
    }

    [Fact]
    public void An_undefined_synchronous_mode_is_refused_by_its_name()
    {
        var options = new OutboxOptions { Path = "x.db", Synchronous = (OutboxSynchronous)7 };
        Assert.Equal(nameof(OutboxOptions.Synchronous), Assert.ThrowsAny<ArgumentException>(options.Validate).ParamName);
    }
}
