using Edge.Firmware.Bundles;
using Edge.Firmware.Tests.TestSupport;

namespace Edge.Firmware.Tests.Bundles;

public sealed class BundleExtractionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-extract-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void An_accepted_bundle_is_extracted_with_its_modes()
    {
        var target = Path.Combine(_dir, "slot-b");
        var result = TestBundles.Verify(TestBundles.Create(), extractTo: target);
        Assert.True(result.IsAccepted, result.Refusal?.ToString());
        foreach (var (path, bytes, mode) in TestBundles.Files())
        {
            var file = Path.Combine(target, path);
            Assert.Equal(bytes, File.ReadAllBytes(file));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(mode, File.GetUnixFileMode(file));
        }
        Assert.Equal(["slot-b"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_refused_bundle_leaves_nothing_behind()
    {
        var tampered = TestBundles.Create();
        tampered[^1] ^= 1;
        var result = TestBundles.Verify(tampered, extractTo: Path.Combine(_dir, "slot-b"));
        Assert.Equal(BundleRefusalCode.HashMismatch, result.Refusal?.Code);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void A_truncated_bundle_leaves_nothing_behind()
    {
        var bundle = TestBundles.Create();
        var result = TestBundles.Verify(bundle[..^10], extractTo: Path.Combine(_dir, "slot-b"));
        Assert.Equal(BundleRefusalCode.Truncated, result.Refusal?.Code);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void An_existing_target_is_never_written_into()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir, "slot-b")).FullName;
        var result = TestBundles.Verify(TestBundles.Create(), extractTo: target);
        Assert.Equal(BundleRefusalCode.ExtractionFailed, result.Refusal?.Code);
        Assert.Empty(Directory.GetFileSystemEntries(target));
        Assert.Equal(["slot-b"], Directory.GetFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public void A_link_at_the_target_is_not_followed()
    {
        if (OperatingSystem.IsWindows())
            return;
        var elsewhere = Directory.CreateDirectory(Path.Combine(_dir, "elsewhere")).FullName;
        var target = Path.Combine(_dir, "slot-b");
        Directory.CreateSymbolicLink(target, elsewhere);
        var result = TestBundles.Verify(TestBundles.Create(), extractTo: target);
        Assert.Equal(BundleRefusalCode.ExtractionFailed, result.Refusal?.Code);
        Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
    }
}
