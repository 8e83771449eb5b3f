using System.Runtime.InteropServices;

namespace Edge.Service.Capture;

/// <summary>libpcap's <c>struct pcap_pkthdr</c> as <c>pcap_next_ex</c> hands it over on 64-bit
/// Linux: <c>struct timeval</c> (two longs), caplen, len.</summary>
internal static class PcapRecordHeader
{
    private const int MicrosOffset = 8;
    private const int CapturedLengthOffset = 16;
    private const int WireLengthOffset = 20;

    public static bool LayoutSupported => IntPtr.Size == 8 && OperatingSystem.IsLinux();

    public static void Read(nint header, out long seconds, out long micros, out int captured, out int wire)
    {
        seconds = Marshal.ReadInt64(header);
        micros = Marshal.ReadInt64(header, MicrosOffset);
        captured = Marshal.ReadInt32(header, CapturedLengthOffset);
        wire = Marshal.ReadInt32(header, WireLengthOffset);
    }
}
