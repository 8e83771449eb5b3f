using System.Runtime.InteropServices;
using SharpPcap.LibPcap;

namespace Edge.Service.Capture;

/// <summary>The libpcap calls SharpPcap does not offer, or offers wrongly. SharpPcap 6.3's
/// <c>Statistics</c> reads <c>struct pcap_stat</c> (three <c>u_int</c>) as three pointer-sized fields
/// on Unix, so on 64-bit Linux its DroppedPackets is really ps_ifdrop and kernel drops are never
/// seen; its packet socket descriptor is internal.</summary>
internal static unsafe class LibPcapNative
{
    // The same names in the same order as SharpPcap's resolver, so this is the library it loaded.
    // Function pointers rather than [LibraryImport]: the file name differs between distributions
    // (libpcap.so.0.8 on Debian), and an import resolver can be set only once per assembly.
    private static readonly string[] s_libraryNames = ["libpcap.so", "libpcap.so.0", "libpcap.so.0.8", "libpcap.so.1"];

    private static readonly nint s_library = Load();
    private static readonly delegate* unmanaged<nint, PcapStat*, int> s_stats = (delegate* unmanaged<nint, PcapStat*, int>)Export("pcap_stats");
    private static readonly delegate* unmanaged<nint, int> s_selectableFd = (delegate* unmanaged<nint, int>)Export("pcap_get_selectable_fd");

    public static bool TryReadStatistics(PcapHandle handle, out uint kernelDrops, out uint interfaceDrops)
    {
        kernelDrops = 0;
        interfaceDrops = 0;
        var pcap = Acquire(handle, out var added);
        if (pcap == 0)
            return false;
        try
        {
            PcapStat stat;
            if (s_stats == null || s_stats(pcap, &stat) != 0)
                return false;
            kernelDrops = stat.Dropped;
            interfaceDrops = stat.InterfaceDropped;
            return true;
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    /// <summary>The packet socket under the handle, for poll(); -1 when there is none.</summary>
    public static int SelectableFileDescriptor(PcapHandle handle)
    {
        var pcap = Acquire(handle, out var added);
        if (pcap == 0)
            return -1;
        try
        {
            return s_selectableFd == null ? -1 : s_selectableFd(pcap);
        }
        finally
        {
            if (added)
                handle.DangerousRelease();
        }
    }

    /// <summary>The pcap_t, kept from being closed until the caller's DangerousRelease; 0 when closed
    /// (SharpPcap swaps in an invalid handle on Close, which would reach libpcap as NULL).</summary>
    private static nint Acquire(PcapHandle handle, out bool added)
    {
        added = false;
        if (handle.IsInvalid)
            return 0;
        try
        {
            handle.DangerousAddRef(ref added);
            return handle.DangerousGetHandle();
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    private static nint Load()
    {
        foreach (var name in s_libraryNames)
        {
            if (NativeLibrary.TryLoad(name, out var library))
                return library;
        }
        return 0;
    }

    private static nint Export(string name) =>
        s_library != 0 && NativeLibrary.TryGetExport(s_library, name, out var export) ? export : 0;

    [StructLayout(LayoutKind.Sequential)]
    private struct PcapStat
    {
        public uint Received;
        public uint Dropped;
        public uint InterfaceDropped;
    }
}
