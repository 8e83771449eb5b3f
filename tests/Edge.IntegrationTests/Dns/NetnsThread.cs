using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Edge.IntegrationTests.Dns;

/// <summary>Runs code on a thread of its own that joined a named network namespace (setns on
/// /var/run/netns/NAME, as <c>ip netns exec</c> does). Namespaces belong to threads on Linux:
/// sockets opened on that thread live in the namespace and stay there when used from other threads.</summary>
public static partial class NetnsThread
{
    private const int NewNetworkNamespace = 0x40000000; // CLONE_NEWNET

    /// <summary>Runs <paramref name="body"/> in <paramref name="ns"/> and waits for it, at most <paramref name="limit"/>.</summary>
    public static T Run<T>(string ns, Func<T> body, TimeSpan limit)
    {
        T result = default!;
        Exception? failure = null;
        var thread = Start(ns, () => result = body(), e => failure = e);
        if (!thread.Join(limit))
            throw new TimeoutException($"the work in namespace {ns} did not finish within {limit}");
        if (failure is not null)
            throw new AggregateException(failure);
        return result;
    }

    /// <summary>Starts <paramref name="body"/> on a background thread in <paramref name="ns"/>;
    /// what it throws goes to <paramref name="failed"/>.</summary>
    public static Thread Start(string ns, Action body, Action<Exception> failed)
    {
        var thread = new Thread(() =>
        {
            try
            {
                Join(ns);
                body();
            }
            catch (Exception e)
            {
                failed(e);
            }
        })
        { IsBackground = true, Name = $"netns {ns}" };
        thread.Start();
        return thread;
    }

    private static void Join(string ns)
    {
        using SafeFileHandle handle = File.OpenHandle($"/var/run/netns/{ns}");
        if (SetNs(handle, NewNetworkNamespace) != 0)
            throw new InvalidOperationException($"setns({ns}, CLONE_NEWNET): errno {Marshal.GetLastPInvokeError()}");
    }

    // DllImport: the test project does not allow the unsafe code [LibraryImport] generates.
    [DllImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static extern int SetNs(SafeFileHandle fd, int nstype);
}
