using System.Runtime.InteropServices;
using Edge.Service.Capture;

namespace Edge.Service.Blocking;

/// <summary>Reads one NFLOG group through libpcap (device <c>nflog:GROUP</c>, link type 239) on its
/// own thread and hands each frame to the <see cref="BlockedAttemptDetector"/>. SharpPcap lists only
/// the bare <c>nflog</c> device, so the handle is made with <c>pcap_create</c> directly; each read
/// follows a poll of the handle's descriptor (100 ms), so <see cref="Dispose"/> ends the thread
/// within 200 ms.</summary>
internal sealed unsafe class NflogReader : IDisposable
{
    private const int ErrorBufferSize = 256;
    private const int PollMilliseconds = 100;

    private static readonly nint s_library = Load();
    private static readonly delegate* unmanaged<byte*, byte*, nint> s_create = (delegate* unmanaged<byte*, byte*, nint>)Export("pcap_create");
    private static readonly delegate* unmanaged<nint, int, int> s_setSnaplen = (delegate* unmanaged<nint, int, int>)Export("pcap_set_snaplen");
    private static readonly delegate* unmanaged<nint, int> s_activate = (delegate* unmanaged<nint, int>)Export("pcap_activate");
    private static readonly delegate* unmanaged<nint, int> s_selectableFd = (delegate* unmanaged<nint, int>)Export("pcap_get_selectable_fd");
    private static readonly delegate* unmanaged<nint, nint*, nint*, int> s_nextEx = (delegate* unmanaged<nint, nint*, nint*, int>)Export("pcap_next_ex");
    private static readonly delegate* unmanaged<nint, byte*> s_error = (delegate* unmanaged<nint, byte*>)Export("pcap_geterr");
    private static readonly delegate* unmanaged<nint, void> s_close = (delegate* unmanaged<nint, void>)Export("pcap_close");

    private readonly nint _handle;
    private readonly int _fd;
    private readonly BlockedAttemptDetector _detector;
    private readonly Thread _thread;
    private readonly Action<string> _failed;
    private volatile bool _stop;

    private NflogReader(nint handle, int fd, BlockedAttemptDetector detector, Action<string> failed)
    {
        _failed = failed;
        _handle = handle;
        _fd = fd;
        _detector = detector;
        _thread = new Thread(Run) { Name = "nflog", IsBackground = true };
    }

    public string? Error { get; private set; }

    /// <summary>Opens the group and starts reading; null with <paramref name="error"/> when libpcap
    /// is missing or refuses (no CAP_NET_ADMIN, a kernel without nfnetlink_log).</summary>
    public static NflogReader? Open(int group, BlockedAttemptDetector detector, Action<string> failed, out string? error)
    {
        if (s_create == null || s_nextEx == null || s_selectableFd == null)
        {
            error = "libpcap is not installed";
            return null;
        }
        var errors = stackalloc byte[ErrorBufferSize];
        var name = System.Text.Encoding.ASCII.GetBytes($"nflog:{group}\0");
        nint handle;
        fixed (byte* device = name)
            handle = s_create(device, errors);
        if (handle == 0)
        {
            error = Marshal.PtrToStringUTF8((nint)errors);
            return null;
        }
        s_setSnaplen(handle, 256);
        if (s_activate(handle) < 0)
        {
            error = Marshal.PtrToStringUTF8((nint)s_error(handle));
            s_close(handle);
            return null;
        }
        error = null;
        var reader = new NflogReader(handle, s_selectableFd(handle), detector, failed);
        reader._thread.Start();
        return reader;
    }

    private void Run()
    {
        while (!_stop)
        {
            // libpcap's netfilter reader treats EAGAIN of a non-blocking handle as an error, so the
            // handle blocks and is read only once poll says a message is there.
            if (PacketSocket.Wait(_fd, PollMilliseconds) != SocketWait.Readable)
                continue;
            nint header = 0;
            nint data = 0;
            var status = s_nextEx(_handle, &header, &data);
            if (status == 1)
            {
                PcapRecordHeader.Read(header, out var seconds, out var micros, out var captured, out _);
                _detector.Observe(new ReadOnlySpan<byte>((void*)data, captured), (seconds * 1_000_000) + micros);
                continue;
            }
            if (status < 0)
            {
                Error = Marshal.PtrToStringUTF8((nint)s_error(_handle)) ?? "read failed";
                _failed(Error);
                return;
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        if (_thread.IsAlive && !_thread.Join(TimeSpan.FromSeconds(2)))
            return;
        s_close(_handle);
    }

    private static nint Load()
    {
        foreach (var name in (string[])["libpcap.so", "libpcap.so.0.8", "libpcap.so.1"])
        {
            if (NativeLibrary.TryLoad(name, out var library))
                return library;
        }
        return 0;
    }

    private static nint Export(string name) =>
        s_library != 0 && NativeLibrary.TryGetExport(s_library, name, out var export) ? export : 0;
}
