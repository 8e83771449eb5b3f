using System.Text.Json;
using Edge.Service.Configuration;
using Edge.Uplink.Tests.TestSupport;

namespace Edge.Service.Tests.Configuration;

public sealed class SettingsEditorTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly StatePaths _state;
    private readonly SettingsOverrides _overrides;

    public SettingsEditorTests()
    {
        _state = StatePaths.Resolve(_folder.File("state"));
        _overrides = new SettingsOverrides(_state.Overrides);
    }

    public void Dispose() => _folder.Dispose();

    private SettingsEditor Editor(EdgeSettings? current = null) => new(null, _overrides, current ?? new EdgeSettings());

    [Fact]
    public void Config_get_of_a_section_returns_its_current_values()
    {
        var detection = Editor().Section("detection");

        Assert.NotNull(detection);
        Assert.Equal(10, detection.Value.GetProperty("DgaBurst").GetInt32());
        Assert.Equal(64, detection.Value.GetProperty("Beacon").GetProperty("Window").GetInt32());
    }

    [Fact]
    public void Config_get_of_all_has_every_section_and_of_an_unknown_one_null()
    {
        var editor = Editor();

        var all = editor.Section(null);

        Assert.NotNull(all);
        Assert.Equal(10, all.Value.GetProperty("Detection").GetProperty("DgaBurst").GetInt32());
        Assert.Equal(JsonValueKind.Object, all.Value.GetProperty("Commands").ValueKind);
        Assert.Null(editor.Section("Nope"));
    }

    [Fact]
    public void Secrets_are_redacted_when_set_and_stay_null_when_not()
    {
        var settings = new EdgeSettings();
        settings.Uplink.Username = "gw-1";
        settings.Uplink.Password = "hunter2";
        settings.Uplink.ClientCertificateFile = "/etc/edge/sensor.pem";
        settings.Uplink.ClientKeyFile = "/etc/edge/sensor.key";

        var uplink = Editor(settings).Section("Uplink")!.Value;
        var all = Editor(settings).Section(null)!.Value.GetRawText();

        Assert.Equal("(set)", uplink.GetProperty("Password").GetString());
        Assert.Equal("(set)", uplink.GetProperty("ClientKeyFile").GetString());
        Assert.Equal("gw-1", uplink.GetProperty("Username").GetString());
        Assert.DoesNotContain("hunter2", all, StringComparison.Ordinal);
        Assert.DoesNotContain("sensor.key", all, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, Editor().Section("Uplink")!.Value.GetProperty("Password").ValueKind);
    }

    [Fact]
    public void An_allowed_key_is_kept_and_seen_by_the_next_load()
    {
        var editor = Editor();

        var outcome = editor.Set("Detection:DgaBurst", "12");

        Assert.True(outcome.Ok, outcome.Error);
        Assert.True(outcome.RestartRequired);
        Assert.Equal(12, editor.Current.Detection.DgaBurst);
        Assert.Equal(12, EdgeConfiguration.Load(null, new SettingsOverrides(_state.Overrides).Read()).Detection.DgaBurst);
    }

    [Fact]
    public void LoadWithOverrides_reads_the_kept_keys_from_the_configured_state_folder()
    {
        Assert.True(Editor().Set("Detection:DgaBurst", "12").Ok);
        Assert.True(Editor().Set("Alerts:DedupeWindowSeconds", "600").Ok);
        var config = _folder.File("edge.json");
        File.WriteAllText(config, JsonSerializer.Serialize(new { Edge = new { Sensor = new { StateDirectory = _state.Root } } }));

        var settings = EdgeConfiguration.LoadWithOverrides(config);

        Assert.Equal((12, 600), (settings.Detection.DgaBurst, settings.Alerts.DedupeWindowSeconds));
    }

    [Fact]
    public void Keys_accumulate_and_the_file_is_replaced_without_leaving_a_temporary()
    {
        var editor = Editor();
        Assert.True(editor.Set("Detection:DgaBurst", "12").Ok);
        Assert.True(editor.Set("Evidence:MaxFiles", "500").Ok);
        Assert.True(editor.Set("Detection:DgaBurst", "14").Ok);

        Assert.Equal([_state.Overrides], Directory.GetFiles(_state.Root));
        var kept = _overrides.Read();
        Assert.Equal(("14", "500"), (kept["Detection:DgaBurst"], kept["evidence:maxfiles"]));
    }

    [Theory]
    [InlineData("Detection:DgaBurst", "1", "value")]
    [InlineData("Detection:DgaBurst", "many", "value")]
    [InlineData("Detection:NoSuchKey", "1", "key")]
    [InlineData("Uplink:Broker", "mqtt://127.0.0.1:1883", "key")]
    [InlineData("Commands:ReplayWindowSeconds", "600", "key")]
    [InlineData("Commands:TrustedKeys:evil", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "key")]
    [InlineData("Sensor:Id", "gw-2", "key")]
    [InlineData("sensor:StateDirectory", "/tmp", "key")]
    public void A_refused_key_or_value_is_named_and_nothing_is_kept(string key, string value, string field)
    {
        var editor = Editor();

        var outcome = editor.Set(key, value);

        Assert.False(outcome.Ok);
        Assert.Equal(field, outcome.Field);
        Assert.False(string.IsNullOrEmpty(outcome.Error));
        Assert.False(File.Exists(_state.Overrides));
        Assert.Equal(10, editor.Current.Detection.DgaBurst);
    }

    [Fact]
    public void A_damaged_overrides_file_refuses_the_change_and_is_left_alone()
    {
        Directory.CreateDirectory(_state.Root);
        File.WriteAllText(_state.Overrides, "{ not json");

        var outcome = Editor().Set("Detection:DgaBurst", "12");

        Assert.False(outcome.Ok);
        Assert.Equal("{ not json", File.ReadAllText(_state.Overrides));
    }
}
