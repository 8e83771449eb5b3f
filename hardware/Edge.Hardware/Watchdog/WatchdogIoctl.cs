using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Edge.Hardware.Watchdog;

/// <summary>The Linux watchdog ioctls (include/uapi/linux/watchdog.h), each taking a pointer to an int.</summary>
internal static class WatchdogIoctl
{
    /// <summary>_IOWR('W', 6, int): set the timeout in seconds; the driver writes back what it granted.</summary>
    public const uint SetTimeout = 0xC0045706;

    /// <summary>_IOR('W', 7, int).</summary>
    public const uint GetTimeout = 0x80045707;

    /// <summary>Not a watchdog: the file has no such ioctl (errno ENOTTY).</summary>
    public const int InappropriateIoctl = 25;

    /// <summary>Runs the ioctl on <paramref name="file"/>; 0 on success, else the errno.</summary>
    public static int Call(SafeFileHandle file, uint request, ref int value)
    {
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            return IoctlInt((int)file.DangerousGetHandle(), request, ref value) == 0 ? 0 : Marshal.GetLastPInvokeError();
        }
        finally
        {
            if (added)
                file.DangerousRelease();
        }
    }

    public static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    // DllImport, not LibraryImport: the project does not allow unsafe code, and every argument here is
    // blittable, so NativeAOT compiles the call without runtime marshalling. "libc" is what dotnet/iot
    // uses; the runtime maps it to the C library. ioctl is variadic: on Linux arm64 and arm the int*
    // travels in a register exactly as a fixed argument would.
    [DllImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static extern int IoctlInt(int fd, nuint request, ref int value);
}
