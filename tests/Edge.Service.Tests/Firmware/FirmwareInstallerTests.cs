using Edge.Firmware.Bundles;
using Edge.Firmware.Slots;
using Edge.Service.Firmware;
using Edge.Uplink.Commands.Signing;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Service.Tests.Firmware;

/// <summary>Versions are judged against what the active slot holds, not the binary's own assembly
/// version (1.0.0+commit on every build that does not set one).</summary>
public sealed class FirmwareInstallerTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("edge-installer-");
    private readonly byte[] _key = Ed25519Signatures.NewPrivateKey();

    public void Dispose() => _work.Delete(recursive: true);

    private FirmwareInstaller Installer(SlotStore slots) =>
        new(slots, new TrustedKeys().Add("tech-1", Ed25519Signatures.PublicKeyOf(_key)), "raspberry-pi-4", "1.0.0+abc123");

    [Fact]
    public void A_downgrade_below_the_installed_bundle_is_refused_even_when_the_binary_says_an_older_version()
    {
        var slots = new SlotStore(Path.Combine(_work.FullName, "root"), new FakeTimeProvider());

        var first = Installer(slots).Install(Bundle("2.0.0"));
        Assert.Null(first.Refusal);
        Assert.Equal("2.0.0", FirmwareInstaller.InstalledVersion(slots));

        var older = Installer(slots).Install(Bundle("1.5.0"));
        Assert.Equal(BundleRefusalCode.Downgrade, older.Refusal?.Code);
        Assert.Equal("2.0.0", FirmwareInstaller.InstalledVersion(slots));

        var newer = Installer(slots).Install(Bundle("2.1.0"));
        Assert.Null(newer.Refusal);
        Assert.Equal("2.1.0", FirmwareInstaller.InstalledVersion(slots));
    }

    [Fact]
    public void Before_the_first_install_the_binary_version_is_the_floor()
    {
        var slots = new SlotStore(Path.Combine(_work.FullName, "root"), new FakeTimeProvider());
        slots.Initialise();
        Assert.Null(FirmwareInstaller.InstalledVersion(slots));

        Assert.Equal(BundleRefusalCode.Downgrade, Installer(slots).Install(Bundle("0.9.0")).Refusal?.Code);
    }

    private string Bundle(string version)
    {
        var path = Path.Combine(_work.FullName, $"edge-{version}.bundle");
        var binary = new byte[4096];
        using var output = File.Create(path);
        new BundleWriter("tech-1", _key).Write(output,
            new BundleWriteOptions(version, ["raspberry-pi-4"], new BundleBuild("test", DateTimeOffset.UnixEpoch, "test")),
            [new BundleSource("edge-service", binary.Length, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, () => new MemoryStream(binary))]);
        return path;
    }
}
