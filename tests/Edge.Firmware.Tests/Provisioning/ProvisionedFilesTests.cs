using System.Text.Json;
using Edge.Firmware.Provisioning;
using static Edge.Firmware.Tests.TestSupport.TestProvisioning;

namespace Edge.Firmware.Tests.Provisioning;

public sealed class ProvisionedFilesTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-provisioned-").FullName;
    private readonly string _config;

    public ProvisionedFilesTests() => _config = Path.Combine(_dir, "etc", "edge", "edge.json");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Valid(string candidate) => Assert.True(File.Exists(candidate));

    /// <summary>A distinct file per call (its hash names the certificate folder), for the given sensor.</summary>
    private static (ProvisioningSet Set, byte[] File) Made(string sensor = Sensor)
    {
        var client = sensor == Sensor ? Client : SensorCertificateIssuer.Issue(Authority, Agency, sensor, Now, TimeSpan.FromDays(365));
        var body = BodyJson(Set(client));
        body["sensor"] = sensor;
        var file = Assemble(body);
        Assert.True(ProvisioningReader.TryRead(file, Trust(), Now, out var set, out _, out var refusal), refusal?.ToString());
        return (set, file);
    }

    private string[] CertificateFolders() =>
        [.. Directory.GetDirectories(Path.GetDirectoryName(_config)!, ProvisionedFiles.CertificatesPrefix + "*").Select(Path.GetFileName).Order()!];

    /// <summary>The file's keys as the .NET configuration binder reads them: nested objects joined with ':'.</summary>
    private static Dictionary<string, string> Flatten(byte[] json)
    {
        var keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(json);
        void Walk(JsonElement element, string prefix)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                    Walk(property.Value, prefix.Length == 0 ? property.Name : $"{prefix}:{property.Name}");
            }
            else
            {
                Assert.True(keys.TryAdd(prefix, element.GetString()!), $"{prefix} twice");
            }
        }
        Walk(document.RootElement, "");
        return keys;
    }

    [Fact]
    public void The_configuration_points_at_the_written_files_and_binds_every_field()
    {
        var (set, file) = Made();
        var certificates = ProvisionedFiles.Install(set, file, _config, Valid);

        var keys = Flatten(File.ReadAllBytes(_config));
        Assert.Equal(Agency, keys["Edge:Sensor:Agency"]);
        Assert.Equal(Sensor, keys["Edge:Sensor:Id"]);
        Assert.Equal(Broker, keys["Edge:Uplink:Broker"]);
        Assert.Equal(Username, keys["Edge:Uplink:Username"]);
        Assert.Equal(Password, keys["Edge:Uplink:Password"]);
        Assert.Equal(PublicKeyText(PrivateKey), keys[$"Edge:Firmware:TrustedKeys:{KeyId}"]);
        Assert.Equal(PublicKeyText(CommandPrivateKey), keys[$"Edge:Commands:TrustedKeys:{CommandKeyId}"]);
        Assert.Equal("eth0", keys["Edge:Capture:Interface"]);
        Assert.Equal(Path.Combine(certificates, "broker-ca.pem"), keys["Edge:Uplink:CaFile"]);
        Assert.Equal(Path.Combine(certificates, "client.pem"), keys["Edge:Uplink:ClientCertificateFile"]);
        Assert.Equal(Path.Combine(certificates, "client.key"), keys["Edge:Uplink:ClientKeyFile"]);
        Assert.Equal(11, keys.Count);

        Assert.Equal(AuthorityPem, File.ReadAllText(keys["Edge:Uplink:CaFile"]));
        Assert.Equal(Client.CertificatePem, File.ReadAllText(keys["Edge:Uplink:ClientCertificateFile"]));
        Assert.Equal(Client.KeyPem, File.ReadAllText(keys["Edge:Uplink:ClientKeyFile"]));
        Assert.Equal(Path.GetDirectoryName(_config), Path.GetDirectoryName(certificates));
        Assert.False(File.Exists(_config + ".previous"));
    }

    [Fact]
    public void The_files_are_the_owners_only()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes");
            return;
        }
        var (set, file) = Made();
        var certificates = ProvisionedFiles.Install(set, file, _config, Valid);
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(certificates));
        foreach (var name in new[] { "broker-ca.pem", "client.pem", "client.key" })
            Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(Path.Combine(certificates, name)));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_config));

        var second = Made("gw-2");
        ProvisionedFiles.Install(second.Set, second.File, _config, Valid);
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(_config + ".previous"));
    }

    [Fact]
    public void A_set_without_certificates_writes_an_empty_folder_and_no_file_settings()
    {
        var body = BodyJson();
        foreach (var name in new[] { "broker_ca", "client_certificate", "client_key", "username", "password" })
            body.Remove(name);
        body["broker"] = "mqtt://broker.example";
        var file = Assemble(body);
        Assert.True(ProvisioningReader.TryRead(file, Trust(), Now, out var set, out _, out var refusal), refusal?.ToString());
        var certificates = ProvisionedFiles.Install(set, file, _config, Valid);
        Assert.Empty(Directory.GetFileSystemEntries(certificates));
        var keys = Flatten(File.ReadAllBytes(_config));
        Assert.DoesNotContain(keys.Keys, k => k.StartsWith("Edge:Uplink:", StringComparison.Ordinal) && k != "Edge:Uplink:Broker");
    }

    [Fact]
    public void A_second_install_keeps_the_first_configuration_as_previous()
    {
        var first = Made();
        var firstFolder = ProvisionedFiles.Install(first.Set, first.File, _config, Valid);
        var firstConfig = File.ReadAllBytes(_config);
        var second = Made("gw-2");
        var secondFolder = ProvisionedFiles.Install(second.Set, second.File, _config, Valid);

        Assert.Equal(firstConfig, File.ReadAllBytes(_config + ".previous"));
        Assert.Equal("gw-2", Flatten(File.ReadAllBytes(_config))["Edge:Sensor:Id"]);
        Assert.NotEqual(firstFolder, secondFolder);
        // The previous configuration still has its files.
        Assert.True(File.Exists(Flatten(firstConfig)["Edge:Uplink:ClientKeyFile"]));
        Assert.False(File.Exists(_config + ".new"));
    }

    [Fact]
    public void The_validator_sees_the_candidate_before_the_switch()
    {
        var first = Made();
        ProvisionedFiles.Install(first.Set, first.File, _config, Valid);
        var before = File.ReadAllBytes(_config);
        var second = Made("gw-2");
        string? seen = null;
        ProvisionedFiles.Install(second.Set, second.File, _config, candidate =>
        {
            seen = candidate;
            Assert.Equal("gw-2", Flatten(File.ReadAllBytes(candidate))["Edge:Sensor:Id"]);
            Assert.Equal(before, File.ReadAllBytes(_config));
        });
        Assert.Equal(_config + ".new", seen);
    }

    [Fact]
    public void A_validator_that_throws_leaves_the_old_configuration_byte_identical()
    {
        var first = Made();
        var firstFolder = ProvisionedFiles.Install(first.Set, first.File, _config, Valid);
        var before = File.ReadAllBytes(_config);
        var folders = CertificateFolders();

        var second = Made("gw-2");
        var error = Assert.Throws<InvalidOperationException>(() =>
            ProvisionedFiles.Install(second.Set, second.File, _config, _ => throw new InvalidOperationException("Edge:Capture:BufferMiB: refused")));
        Assert.Equal("Edge:Capture:BufferMiB: refused", error.Message);

        Assert.Equal(before, File.ReadAllBytes(_config));
        Assert.False(File.Exists(_config + ".new"));
        Assert.False(File.Exists(_config + ".new.tmp"));
        Assert.False(File.Exists(_config + ".previous"));
        Assert.True(File.Exists(Path.Combine(firstFolder, "client.key")));
        Assert.Equal(folders, CertificateFolders());
    }

    [Fact]
    public void A_refused_install_does_not_cost_the_previous_configuration_its_files()
    {
        var first = Made();
        ProvisionedFiles.Install(first.Set, first.File, _config, Valid);
        var refused = Made("gw-2");
        Assert.Throws<InvalidOperationException>(() => ProvisionedFiles.Install(refused.Set, refused.File, _config, _ => throw new InvalidOperationException()));
        var third = Made("gw-3");
        ProvisionedFiles.Install(third.Set, third.File, _config, Valid);

        var previous = Flatten(File.ReadAllBytes(_config + ".previous"));
        Assert.Equal(Sensor, previous["Edge:Sensor:Id"]);
        Assert.True(File.Exists(previous["Edge:Uplink:ClientKeyFile"]), "FILE.previous points at a deleted certificate folder");
    }

    [Fact]
    public void Older_certificate_folders_are_pruned_and_the_previous_one_kept()
    {
        var folders = new List<string>();
        foreach (var sensor in new[] { "gw-1", "gw-2", "gw-3", "gw-4" })
        {
            var made = Made(sensor);
            folders.Add(Path.GetFileName(ProvisionedFiles.Install(made.Set, made.File, _config, Valid)));
        }
        Assert.Equal(folders[2..].Order(), CertificateFolders());
        Assert.Equal(Path.Combine(Path.GetDirectoryName(_config)!, folders[2], "client.key"), Flatten(File.ReadAllBytes(_config + ".previous"))["Edge:Uplink:ClientKeyFile"]);
    }

    [Fact]
    public void Installing_the_same_file_again_keeps_one_folder()
    {
        var made = Made();
        var folder = ProvisionedFiles.Install(made.Set, made.File, _config, Valid);
        Assert.Equal(folder, ProvisionedFiles.Install(made.Set, made.File, _config, Valid));
        Assert.Single(CertificateFolders());
        Assert.True(File.Exists(Path.Combine(folder, "client.key")));
    }

    [Fact]
    public void The_folder_kept_is_the_one_the_previous_configuration_names_whatever_the_file_times()
    {
        var first = Made("gw-1");
        var second = Made("gw-2");
        var third = Made("gw-3");
        ProvisionedFiles.Install(first.Set, first.File, _config, Valid);
        var kept = ProvisionedFiles.Install(second.Set, second.File, _config, Valid);
        // A clock that jumped back: the folder in force looks older than a stale one.
        Directory.SetLastWriteTimeUtc(kept, new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        ProvisionedFiles.Install(third.Set, third.File, _config, Valid);

        Assert.Contains(Path.GetFileName(kept), CertificateFolders());
        Assert.Equal(2, CertificateFolders().Length);
    }

    [Fact]
    public void Installing_the_set_in_force_again_never_rewrites_its_files_under_the_running_configuration()
    {
        var made = Made();
        var folder = ProvisionedFiles.Install(made.Set, made.File, _config, Valid);
        var key = Path.Combine(folder, "client.key");
        var written = File.GetLastWriteTimeUtc(key);
        File.SetLastWriteTimeUtc(key, written.AddHours(-1));

        ProvisionedFiles.Install(made.Set, made.File, _config, Valid);

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(key));
    }
}
