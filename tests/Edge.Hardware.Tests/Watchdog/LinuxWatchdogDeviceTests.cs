using Edge.Hardware.Watchdog;

namespace Edge.Hardware.Tests.Watchdog;

// Never /dev/watchdog: a regular temporary file stands in, which has none of the watchdog ioctls.
public sealed class LinuxWatchdogDeviceTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("edge-watchdog-");

    public void Dispose() => _directory.Delete(recursive: true);

    private string EmptyFile()
    {
        var path = Path.Combine(_directory.FullName, "watchdog");
        File.WriteAllBytes(path, []);
        return path;
    }

    [Fact]
    public void Each_pet_writes_one_byte_that_is_not_the_magic_V()
    {
        var path = EmptyFile();
        using (var device = LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15), allowPlainFile: true))
        {
            device.Pet();
            device.Pet();
            device.Pet();
            Assert.Equal(TimeSpan.FromSeconds(15), device.Timeout);
            Assert.Equal(path, device.Path);
        }

        Assert.Equal(new byte[] { 0, 0, 0 }, File.ReadAllBytes(path));
    }

    [Fact]
    public void Disarming_writes_V_and_closes()
    {
        var path = EmptyFile();
        var device = LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15), allowPlainFile: true);
        device.Pet();

        device.Disarm();
        device.Disarm();

        Assert.Equal(new byte[] { 0, (byte)'V' }, File.ReadAllBytes(path));
        Assert.Throws<ObjectDisposedException>(device.Pet);
        using var reopened = LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15), allowPlainFile: true);
    }

    [Fact]
    public void Disposing_without_disarming_leaves_out_the_V()
    {
        var path = EmptyFile();
        var device = LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15), allowPlainFile: true);
        device.Pet();

        device.Dispose();

        Assert.Equal(new byte[] { 0 }, File.ReadAllBytes(path));
        Assert.Throws<ObjectDisposedException>(device.Pet);
    }

    [Fact]
    public void The_device_is_held_exclusively()
    {
        var path = EmptyFile();
        using var device = LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15), allowPlainFile: true);

        Assert.ThrowsAny<IOException>(() => LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15), allowPlainFile: true));
    }

    [Fact]
    public void A_file_that_is_not_a_watchdog_is_refused_and_left_untouched()
    {
        var path = EmptyFile();
        File.WriteAllText(path, "config");

        var refused = Assert.Throws<IOException>(() => LinuxWatchdogDevice.Open(path, TimeSpan.FromSeconds(15)));

        Assert.Contains("is not a watchdog device", refused.Message, StringComparison.Ordinal);
        Assert.Contains("errno 25", refused.Message, StringComparison.Ordinal);
        Assert.Equal("config", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_device_is_reported_as_missing()
    {
        Assert.Throws<FileNotFoundException>(() =>
            LinuxWatchdogDevice.Open(Path.Combine(_directory.FullName, "absent"), TimeSpan.FromSeconds(15)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(999)]
    [InlineData(-1000)]
    public void A_timeout_under_one_second_is_refused(int milliseconds)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            LinuxWatchdogDevice.Open(EmptyFile(), TimeSpan.FromMilliseconds(milliseconds), allowPlainFile: true));
    }

    [Fact]
    public void A_timeout_in_fractions_of_a_second_is_refused()
    {
        Assert.Throws<ArgumentException>(() =>
            LinuxWatchdogDevice.Open(EmptyFile(), TimeSpan.FromMilliseconds(1500), allowPlainFile: true));
    }
}
