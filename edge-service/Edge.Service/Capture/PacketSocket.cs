using System.Runtime.InteropServices;
using System.Text;

namespace Edge.Service.Capture;

/// <summary>What libpcap's read cannot do for us on Linux: wait a bounded time for its packet socket
/// (libpcap 1.10 keeps polling past its own read timeout until a packet comes), and ask whether the
/// captured interface is still there and up.</summary>
internal static unsafe partial class PacketSocket
{
    private const short PollIn = 0x001;
    private const short PollError = 0x008;
    private const short PollHangUp = 0x010;
    private const short PollInvalid = 0x020;
    private const nuint GetInterfaceFlags = 0x8913; // SIOCGIFFLAGS
    private const short InterfaceUp = 0x1; // IFF_UP
    private const int NoSuchDevice = 19; // ENODEV
    private const int NoSuchDeviceOrAddress = 6; // ENXIO

    public static SocketWait Wait(int fd, int timeoutMilliseconds)
    {
        var poll = new PollFd { Fd = fd, Events = PollIn };
        var ready = Poll(&poll, 1, timeoutMilliseconds);
        if (ready <= 0)
            return SocketWait.Timeout; // or EINTR: the caller reads again either way
        if ((poll.Revents & (PollError | PollHangUp | PollInvalid)) != 0)
            return SocketWait.Error;
        return SocketWait.Readable;
    }

    /// <summary>Asked through the capture's own socket, so in the network namespace it captures in.</summary>
    public static InterfaceState State(int fd, string name)
    {
        var request = default(InterfaceRequest);
        var nameBytes = new Span<byte>(request.Name, 16);
        Encoding.ASCII.GetBytes(name.AsSpan(0, Math.Min(name.Length, 15)), nameBytes);
        if (Ioctl(fd, GetInterfaceFlags, &request) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is NoSuchDevice or NoSuchDeviceOrAddress ? InterfaceState.Gone : InterfaceState.Unknown;
        }
        return (request.Flags & InterfaceUp) != 0 ? InterfaceState.Up : InterfaceState.Down;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollFd* fds, nuint count, int timeout);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, InterfaceRequest* argument);

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    /// <summary>struct ifreq: the name, then a 24-byte union whose first member here is ifr_flags.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 40)]
    private struct InterfaceRequest
    {
        public fixed byte Name[16];
        public short Flags;
    }
}
