namespace Edge.Hardware.Watchdog;

/// <summary>A hardware watchdog: once opened, the board reboots unless it is petted in time.</summary>
public interface IWatchdogDevice : IDisposable
{
    void Pet();

    /// <summary>A clean stop: tell the device not to reboot (Linux's magic close).</summary>
    void Disarm();
}
