using System.Text.Json.Nodes;
using Edge.Firmware.Provisioning;
using Edge.Service.Configuration;
using Edge.Service.Firmware;
using Edge.Uplink.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using static Edge.Firmware.Tests.TestSupport.TestProvisioning;

namespace Edge.Service.Tests.Firmware;

public sealed class ProvisioningInstallerTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly string _config;
    private readonly string _slots;

    public ProvisioningInstallerTests()
    {
        _config = Path.Combine(_folder.Path, "etc", "edge", "edge.json");
        _slots = Path.Combine(_folder.Path, "slots");
    }

    public void Dispose() => _folder.Dispose();

    private ProvisioningInstallResult Install(byte[] file, string? slotRoot = null)
    {
        var path = _folder.File($"set-{Guid.NewGuid():N}.provision");
        File.WriteAllBytes(path, file);
        return new ProvisioningInstaller(_config, slotRoot, _clock).Install(path);
    }

    /// <summary>A set whose state folder is the test's own (the service reads remotely set keys there).</summary>
    private byte[] Signed(Action<JsonObject>? edit = null, string keyId = KeyId, byte[]? key = null)
    {
        var body = BodyJson();
        body["settings"]!["Sensor:StateDirectory"] = _folder.File("state");
        edit?.Invoke(body);
        return Assemble(body, keyId, key ?? PrivateKey);
    }

    /// <summary>Everything under the configuration's folder, with its bytes, to prove nothing changed.</summary>
    private Dictionary<string, string> Snapshot()
    {
        var folder = Path.GetDirectoryName(_config)!;
        if (!Directory.Exists(folder))
            return [];
        return Directory.EnumerateFileSystemEntries(folder, "*", SearchOption.AllDirectories).ToDictionary(
            p => Path.GetRelativePath(folder, p),
            p => File.Exists(p) ? Convert.ToBase64String(File.ReadAllBytes(p)) : "folder");
    }

    [Fact]
    public void A_first_set_provisions_an_empty_configuration_folder()
    {
        var result = Install(Signed());

        Assert.Null(result.Refusal);
        Assert.Equal(new ProvisionedIdentity(Agency, Sensor, Broker, KeyId), result.Identity);
        var settings = EdgeConfiguration.Load(_config);
        Assert.Equal((Agency, Sensor), (settings.Sensor.Agency, settings.Sensor.Id));
        Assert.Equal(Broker, settings.Uplink.Broker);
        Assert.Equal((Username, Password), (settings.Uplink.Username, settings.Uplink.Password));
        Assert.Equal(Client.KeyPem, File.ReadAllText(settings.Uplink.ClientKeyFile!));
        Assert.Equal(Client.CertificatePem, File.ReadAllText(settings.Uplink.ClientCertificateFile!));
        Assert.Equal(AuthorityPem, File.ReadAllText(settings.Uplink.CaFile!));
        Assert.Equal(PublicKeyText(PrivateKey), settings.Firmware.TrustedKeys[KeyId]);
        Assert.Equal(PublicKeyText(CommandPrivateKey), settings.Commands.TrustedKeys[CommandKeyId]);
        Assert.Equal("eth0", settings.Capture.Interface);
        Assert.False(File.Exists(_config + ".previous"));
        Assert.DoesNotContain(Password, result.Identity!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_provisioned_sensor_takes_a_new_set_from_the_key_it_now_trusts()
    {
        Assert.Null(Install(Signed()).Refusal);
        var first = File.ReadAllBytes(_config);

        var result = Install(Signed(b => b["broker"] = "mqtts://broker-2.example:8883"));

        Assert.Null(result.Refusal);
        Assert.Equal("mqtts://broker-2.example:8883", EdgeConfiguration.Load(_config).Uplink.Broker);
        Assert.Equal(first, File.ReadAllBytes(_config + ".previous"));
    }

    [Fact]
    public void A_provisioned_sensor_refuses_a_set_signed_by_another_key_and_changes_nothing()
    {
        Assert.Null(Install(Signed()).Refusal);
        var before = Snapshot();

        // Signed by tech-2 and listing tech-2 itself: a new sensor would take it, this one trusts tech-1 only.
        var result = Install(Signed(b => b["bundle_keys"] = new JsonObject { [OtherKeyId] = PublicKeyText(OtherPrivateKey) }, OtherKeyId, OtherPrivateKey), _slots);

        Assert.Null(result.Identity);
        Assert.Equal(ProvisioningRefusalCode.UnknownKey, result.Refusal!.Code);
        Assert.Contains(KeyId, result.Refusal.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void A_configuration_that_no_longer_loads_still_holds_its_trust()
    {
        Assert.Null(Install(Signed()).Refusal);
        // A remotely set bad value, a certificate file gone: the file exists but no longer loads.
        File.Delete(EdgeConfiguration.Load(_config).Uplink.ClientKeyFile!);
        Assert.Throws<ConfigurationException>(() => EdgeConfiguration.Load(_config));

        var stranger = Install(Signed(b => b["bundle_keys"] = new JsonObject { [OtherKeyId] = PublicKeyText(OtherPrivateKey) }, OtherKeyId, OtherPrivateKey));
        Assert.Equal(ProvisioningRefusalCode.UnknownKey, stranger.Refusal?.Code);

        Assert.Null(Install(Signed()).Refusal);
        Assert.NotNull(EdgeConfiguration.Load(_config));
    }

    [Fact]
    public void A_configuration_that_is_not_even_json_refuses_every_set()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_config)!);
        File.WriteAllText(_config, "{ \"Edge\": { broken");

        var result = Install(Signed());

        Assert.Equal(ProvisioningRefusalCode.UnknownKey, result.Refusal?.Code);
        Assert.Contains("trusted keys cannot be read", result.Refusal!.Message, StringComparison.Ordinal);
        Assert.Equal("{ \"Edge\": { broken", File.ReadAllText(_config));
    }

    [Theory]
    [InlineData("Capture:BufferMiB", "abc")]
    [InlineData("Capture:BufferMiB", "4096")]
    [InlineData("Capture:Bogus", "1")]
    [InlineData("StatusPage:Interface", "eth0")]
    public void A_set_whose_setting_the_service_refuses_is_refused_by_key_and_changes_nothing(string key, string value)
    {
        Assert.Null(Install(Signed()).Refusal);
        var before = Snapshot();
        Directory.CreateDirectory(_slots);

        var result = Install(Signed(b => b["settings"]![key] = value), _slots);

        Assert.Null(result.Identity);
        Assert.Equal(ProvisioningRefusalCode.Invalid, result.Refusal!.Code);
        Assert.Contains($"Edge:{key}", result.Refusal.Message, StringComparison.Ordinal);
        AssertQuotesNoSecret(result.Refusal.Message);
        Assert.Equal(before, Snapshot());
        Assert.False(File.Exists(Path.Combine(_slots, FirmwareInstaller.UpdateReadyFile)));
    }

    [Fact]
    public void A_first_set_the_service_refuses_leaves_the_folder_without_a_configuration()
    {
        var result = Install(Signed(b => b["settings"]!["Capture:BufferMiB"] = "0"));

        Assert.Equal(ProvisioningRefusalCode.Invalid, result.Refusal!.Code);
        Assert.Contains("Edge:Capture:BufferMiB", result.Refusal.Message, StringComparison.Ordinal);
        Assert.Empty(Snapshot());
    }

    [Fact]
    public void Update_ready_is_written_in_the_slot_root_when_it_exists()
    {
        Directory.CreateDirectory(_slots);
        Assert.Null(Install(Signed(), _slots).Refusal);
        Assert.Equal($"provisioned {Agency}/{Sensor}\n", File.ReadAllText(Path.Combine(_slots, FirmwareInstaller.UpdateReadyFile)));
    }

    [Fact]
    public void Without_a_slot_root_on_disk_nothing_is_written_there()
    {
        Assert.Null(Install(Signed(), _slots).Refusal);
        Assert.False(Directory.Exists(_slots));
    }

    [Fact]
    public void A_refused_signature_writes_nothing()
    {
        var file = Signed();
        file[file.Length / 2] ^= 0x01;
        var result = Install(file);
        Assert.NotNull(result.Refusal);
        Assert.Empty(Snapshot());
    }
}
