using Edge.Firmware.Bundles;

namespace Edge.IntegrationTests.TestSupport;

/// <summary>Signed bundles for the firmware tests: a stand-in service binary and a <c>version</c> file
/// the tests read back through <c>current</c>.</summary>
public static class TestBundles
{
    public static string Write(string path, string version, byte[] key, string keyId, byte[] binary)
    {
        var versionText = System.Text.Encoding.ASCII.GetBytes(version);
        using var output = File.Create(path);
        new BundleWriter(keyId, key).Write(output,
            new BundleWriteOptions(version, ["raspberry-pi-4", "raspberry-pi-5", "compute-module-4"], new BundleBuild("test", DateTimeOffset.UnixEpoch, "test")),
            [
                new BundleSource("edge-service", binary.Length, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, () => new MemoryStream(binary)),
                new BundleSource("version", versionText.Length, UnixFileMode.UserRead | UnixFileMode.UserWrite, () => new MemoryStream(versionText)),
            ]);
        return path;
    }
}
