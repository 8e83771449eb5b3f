using Edge.Service.Configuration;
using static Edge.Service.Tests.Configuration.EdgeConfigurationTests;

namespace Edge.Service.Tests.Configuration;

public sealed class DnsSettingsTests
{
    private static readonly (string, string)[] Minimal = [("Dns:Enabled", "true"), ("Dns:Upstreams:0", "10.0.0.1")];

    [Fact]
    public void The_forwarder_is_off_by_default_and_off_needs_nothing_else()
    {
        var settings = Bind();
        Assert.False(settings.Dns.Enabled);
        Assert.True(settings.Capture.Enabled);
        Assert.Empty(settings.Dns.Upstreams);
    }

    [Fact]
    public void The_shipped_appsettings_states_the_forwarder_and_blocking_defaults_of_the_code()
    {
        var shipped = EdgeConfiguration.Load(null).Dns;
        var code = new DnsSettings();
        Assert.Equal((code.Enabled, code.UpstreamTimeoutMs, code.AnswerDeadlineMs, code.BlockAnswer, code.BlockTtlSeconds, code.CacheMiB,
            code.MaxUdpResponse, code.MaxTcpConnections, code.BlockPageV4, code.BlockPageV6, code.UpstreamCaFile),
            (shipped.Enabled, shipped.UpstreamTimeoutMs, shipped.AnswerDeadlineMs, shipped.BlockAnswer, shipped.BlockTtlSeconds, shipped.CacheMiB,
            shipped.MaxUdpResponse, shipped.MaxTcpConnections, shipped.BlockPageV4, shipped.BlockPageV6, shipped.UpstreamCaFile));
        Assert.Equal(code.ListenOn, shipped.ListenOn);
        var blocking = EdgeConfiguration.Load(null).Blocking;
        var blockingCode = new Edge.Service.Blocking.BlockingSettings();
        Assert.Equal((blockingCode.Mode, blockingCode.Table, blockingCode.LogGroup, blockingCode.LogRate, blockingCode.Nft),
            (blocking.Mode, blocking.Table, blocking.LogGroup, blocking.LogRate, blocking.Nft));
        Assert.Equal(blockingCode.BlockedCategories, blocking.BlockedCategories);
        Assert.Equal(code.BlockedCategories, shipped.BlockedCategories);
    }

    [Fact]
    public void Configured_lists_replace_the_defaults_instead_of_adding_to_them()
    {
        var settings = Bind([.. Minimal, ("Dns:Listen:0", "10.1.1.1:5353"), ("Dns:BlockCategories:0", "phishing")]);

        Assert.Equal(["10.1.1.1:5353"], settings.Dns.ListenOn);
        Assert.Equal(["phishing"], settings.Dns.BlockedCategories);
        Assert.Equal(["0.0.0.0:53"], Bind(Minimal).Dns.ListenOn);
        Assert.Equal(["phishing", "cnc", "botnet", "mining", "malware"], Bind(Minimal).Dns.BlockedCategories);
        Assert.Equal(["cnc"], Bind(("Blocking:Categories:0", "cnc")).Blocking.BlockedCategories);
        Assert.Equal(["phishing", "cnc", "botnet", "mining", "malware"], Bind().Blocking.BlockedCategories);
    }

    [Fact]
    public void Exceptions_bind_per_client()
    {
        var settings = Bind([.. Minimal, ("Dns:Exceptions:0:Clients:0", "10.1.1.0/24"), ("Dns:Exceptions:0:Names:0", "updates.example")]);

        var exception = Assert.Single(settings.Dns.Exceptions);
        Assert.Equal(["10.1.1.0/24"], exception.Clients);
        Assert.Equal(["updates.example"], exception.Names);
    }

    [Theory]
    [InlineData("Dns:Upstreams", "Dns:Enabled", "true")]
    [InlineData("Dns:Upstreams:1", "Dns:Upstreams:1", "dns.example")]
    [InlineData("Dns:Upstreams:1", "Dns:Upstreams:1", "tls://10.0.0.1:99999")]
    [InlineData("Dns:Listen:0", "Dns:Listen:0", "10.1.1.1")]
    [InlineData("Dns:Listen:0", "Dns:Listen:0", "nowhere:53")]
    [InlineData("Dns:BlockPageV4", "Dns:BlockPageV4", "fd00::1")]
    [InlineData("Dns:BlockPageV6", "Dns:BlockPageV6", "10.0.0.9")]
    [InlineData("Dns:BlockAnswer", "Dns:BlockAnswer", "BlockPage")]
    [InlineData("Dns:CacheMiB", "Dns:CacheMiB", "0")]
    [InlineData("Dns:MaxUdpResponse", "Dns:MaxUdpResponse", "100")]
    [InlineData("Dns:AnswerDeadlineMs", "Dns:AnswerDeadlineMs", "10")]
    [InlineData("Dns:AllowLists:0", "Dns:AllowLists:0", "/no/such/allow.txt")]
    [InlineData("Dns:Exceptions:0:Clients:0", "Dns:Exceptions:0:Clients:0", "10.1.1.0/99")]
    public void A_bad_value_is_refused_naming_its_key(string key, string setting, string value)
    {
        (string, string)[] values = setting == "Dns:Enabled" ? [(setting, value)] : [.. Minimal, (setting, value)];

        Assert.Equal("Edge:" + key, Refused(values));
    }
}
