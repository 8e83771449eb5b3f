using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Edge.Resolve.Upstream;

/// <summary>
/// The kernel's CSPRNG through getrandom(2), the source OpenSSL itself seeds from. Upstream query ids
/// and sockets are drawn here rather than from <see cref="RandomNumberGenerator"/>, which on Linux
/// loads and initialises OpenSSL: 3.6 MiB of libcrypto and libssl pages on the first query of a sensor
/// that may use no TLS at all. Where the call is missing (not Linux, a kernel before 3.17) it falls
/// back to <see cref="RandomNumberGenerator"/>.
/// </summary>
internal static class KernelRandom
{
    private const int Interrupted = 4;   // EINTR: a fill over 256 bytes may stop short on a signal
    private static bool s_unavailable = !OperatingSystem.IsLinux();

    public static void Fill(Span<byte> destination)
    {
        while (!destination.IsEmpty && !s_unavailable)
        {
            nint taken;
            try
            {
                taken = GetRandom(ref MemoryMarshal.GetReference(destination), (nuint)destination.Length, 0);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                s_unavailable = true;
                break;
            }
            if (taken > 0)
                destination = destination[(int)taken..];
            else if (Marshal.GetLastPInvokeError() != Interrupted)
                s_unavailable = true;
        }
        if (!destination.IsEmpty)
            RandomNumberGenerator.Fill(destination);
    }

    [DllImport("libc", EntryPoint = "getrandom", SetLastError = true)]
    private static extern nint GetRandom(ref byte buffer, nuint length, uint flags);
}
