using Edge.Service.Configuration;
using SharpPcap.LibPcap;

namespace Edge.Service.Capture;

/// <summary>Finds a capture interface by name, or says which ones exist.</summary>
internal static class LiveInterfaces
{
    public const string SettingKey = "Edge:Capture:Interface";

    public static LibPcapLiveDevice Find(string name)
    {
        LibPcapLiveDeviceList devices;
        try
        {
            devices = LibPcapLiveDeviceList.New();
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException)
        {
            throw new CaptureException("libpcap is not installed (the libpcap0.8 package on Raspberry Pi OS)", e);
        }
        foreach (var device in devices)
        {
            if (device.Name == name)
                return device;
        }
        var available = devices.Count == 0 ? "none" : string.Join(", ", devices.Select(d => d.Name));
        throw new ConfigurationException(SettingKey, $"no capture interface '{name}'; available: {available}");
    }
}
