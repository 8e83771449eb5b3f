using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Edge.IntegrationTests.Capture;

/// <summary>Runs a test body on a thread of its own moved into a new, empty network namespace, so
/// the interfaces it makes and breaks are nobody else's. Namespaces belong to threads on Linux; the
/// `ip` commands the body starts inherit its namespace, and sockets opened there stay in it.</summary>
public static partial class NetworkNamespace
{
    private const int NewNetworkNamespace = 0x40000000; // CLONE_NEWNET

    public static void Run(Action body, TimeSpan limit)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                if (Unshare(NewNetworkNamespace) != 0)
                    throw new InvalidOperationException($"unshare(CLONE_NEWNET): errno {Marshal.GetLastPInvokeError()}");
                body();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        if (!thread.Join(limit))
            throw new TimeoutException($"the namespace test did not finish within {limit}");
        if (failure is not null)
            throw new AggregateException(failure);
    }

    /// <summary>Runs <c>ip</c> with these arguments in the calling thread's namespace.</summary>
    public static void Ip(params string[] arguments)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var ip = Process.Start(start)!;
        var error = ip.StandardError.ReadToEnd();
        if (!ip.WaitForExit(10_000) || ip.ExitCode != 0)
            throw new InvalidOperationException($"ip {string.Join(' ', arguments)}: {error}");
    }

    // DllImport: the test project does not allow the unsafe code [LibraryImport] generates; the
    // argument is blittable either way.
    [DllImport("libc", EntryPoint = "unshare", SetLastError = true)]
    private static extern int Unshare(int flags);
}
