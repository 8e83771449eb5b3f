using System.Runtime.InteropServices;
using SharpPcap.LibPcap;

namespace Edge.Service.Capture;

/// <summary><c>pcap_stats</c> called directly. SharpPcap 6.3's <c>Statistics</c> reads
/// <c>struct pcap_stat</c> (three <c>u_int</c>) as three pointer-sized fields on Unix, so on 64-bit
/// Linux its DroppedPackets is really ps_ifdrop and kernel drops are never seen; it also allocates.</summary>
internal static unsafe class LibPcapStats
{
    // The same names in the same order as SharpPcap's resolver, so this is the library it loaded.
    private static readonly string[] s_libraryNames = ["libpcap.so", "libpcap.so.0", "libpcap.so.0.8", "libpcap.so.1"];

    private static readonly delegate* unmanaged<nint, PcapStat*, int> s_pcapStats = Resolve();

    public static bool TryRead(PcapHandle handle, out uint kernelDrops, out uint interfaceDrops)
    {
        kernelDrops = 0;
        interfaceDrops = 0;
        if (s_pcapStats == null || handle.IsInvalid)
            return false;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            PcapStat stat;
            if (s_pcapStats(handle.DangerousGetHandle(), &stat) != 0)
                return false;
            kernelDrops = stat.Dropped;
            interfaceDrops = stat.InterfaceDropped;
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    private static delegate* unmanaged<nint, PcapStat*, int> Resolve()
    {
        foreach (var name in s_libraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var library) && NativeLibrary.TryGetExport(library, "pcap_stats", out var export))
                return (delegate* unmanaged<nint, PcapStat*, int>)export;
        }
        return null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PcapStat
    {
        public uint Received;
        public uint Dropped;
        public uint InterfaceDropped;
    }
}
