namespace Edge.Hardware.Watchdog;

/// <summary>A Linux watchdog device (<c>/dev/watchdog</c>): opening it starts the countdown, each
/// <see cref="Pet"/> restarts it, <see cref="Disarm"/> stops it (README.md). Disposing without disarming
/// closes the device but leaves the countdown running: the board reboots unless someone opens it again
/// and pets it, which is what should follow a stop that was not clean.</summary>
public sealed class LinuxWatchdogDevice : IWatchdogDevice
{
    private static readonly byte[] KeepAlive = [0];
    private static readonly byte[] MagicClose = [(byte)'V'];

    private readonly Lock _lock = new();
    private FileStream? _device;

    private LinuxWatchdogDevice(FileStream device, string path, TimeSpan timeout)
    {
        _device = device;
        Path = path;
        Timeout = timeout;
    }

    public string Path { get; }

    /// <summary>The timeout the driver granted, which may differ from the one asked for.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Opens the watchdog and sets its timeout (whole seconds). Throws if the file is not a
    /// watchdog or the driver refuses the timeout; a refusing watchdog is disarmed before the throw.</summary>
    public static LinuxWatchdogDevice Open(string path, TimeSpan timeout) => Open(path, timeout, allowPlainFile: false);

    /// <param name="allowPlainFile">Tests only: a file without the watchdog ioctls is taken as granting
    /// the timeout asked for, so the bytes written can be checked on a temporary file.</param>
    internal static LinuxWatchdogDevice Open(string path, TimeSpan timeout, bool allowPlainFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var seconds = WholeSeconds(timeout);
        var device = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 0,
        });
        var asked = seconds;
        int errno;
        try
        {
            errno = WatchdogIoctl.Call(device.SafeFileHandle, WatchdogIoctl.SetTimeout, ref asked);
        }
        catch
        {
            device.Dispose();
            throw;
        }
        if (errno == WatchdogIoctl.InappropriateIoctl)
        {
            if (allowPlainFile)
                return new LinuxWatchdogDevice(device, path, TimeSpan.FromSeconds(seconds));
            // Not a watchdog, so no countdown started; nothing is written to someone else's file.
            device.Dispose();
            throw new IOException($"{path} is not a watchdog device: {WatchdogIoctl.Describe(errno)}");
        }
        if (errno != 0)
        {
            // Opening started the countdown: stop it, or the board reboots after the driver's default timeout.
            CloseDisarmed(device);
            throw new IOException($"{path} refused a {seconds} s timeout: {WatchdogIoctl.Describe(errno)}");
        }

        var granted = asked;
        if (WatchdogIoctl.Call(device.SafeFileHandle, WatchdogIoctl.GetTimeout, ref granted) != 0)
            granted = asked;
        return new LinuxWatchdogDevice(device, path, TimeSpan.FromSeconds(granted));
    }

    /// <summary>Restarts the countdown: one byte written (anything but 'V', which would arm the magic close).</summary>
    public void Pet()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_device is null, this);
            _device.Write(KeepAlive);
        }
    }

    /// <summary>Magic close: writes 'V' and closes, and the driver stops the countdown. A kernel built
    /// with CONFIG_WATCHDOG_NOWAYOUT (or the driver's nowayout parameter) ignores it and reboots anyway
    /// once the timeout passes.</summary>
    public void Disarm()
    {
        lock (_lock)
        {
            if (_device is null)
                return;
            CloseDisarmed(_device);
            _device = null;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _device?.Dispose();
            _device = null;
        }
    }

    private static void CloseDisarmed(FileStream device)
    {
        try
        {
            device.Write(MagicClose);
        }
        finally
        {
            device.Dispose();
        }
    }

    private static int WholeSeconds(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeout, TimeSpan.FromSeconds(1));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(timeout, TimeSpan.FromSeconds(int.MaxValue));
        if (timeout.Ticks % TimeSpan.TicksPerSecond != 0)
            throw new ArgumentException($"{timeout} is not a whole number of seconds", nameof(timeout));
        return (int)timeout.TotalSeconds;
    }
}
