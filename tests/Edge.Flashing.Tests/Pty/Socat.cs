using System.Diagnostics;

namespace Edge.Flashing.Tests.Pty;

/// <summary>A socat process making PTYs with fixed link names; killing it is pulling the cable.</summary>
internal sealed class Socat : IDisposable
{
    private readonly Process _process;
    private readonly string[] _links;

    private Socat(Process process, string[] links)
    {
        _process = process;
        _links = links;
    }

    public static bool Available => File.Exists("/usr/bin/socat") || File.Exists("/bin/socat");

    /// <summary>Two PTYs joined back to back: what the laptop and the sensor see of one USB cable.</summary>
    public static Socat Pair(string a, string b) =>
        Start([a, b], $"pty,raw,echo=0,link={a}", $"pty,raw,echo=0,link={b}");

    /// <summary>One PTY whose other side is a TCP connection to the test's relay.</summary>
    public static Socat Bridge(string link, int port) =>
        Start([link], $"pty,raw,echo=0,link={link}", $"tcp:127.0.0.1:{port}");

    private static Socat Start(string[] links, string left, string right)
    {
        foreach (var link in links)
            File.Delete(link);
        var info = new ProcessStartInfo("socat") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-d");
        info.ArgumentList.Add("-d");
        info.ArgumentList.Add(left);
        info.ArgumentList.Add(right);
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var socat = new Socat(process, links);
        var deadline = Stopwatch.StartNew();
        while (!links.All(File.Exists))
        {
            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(5))
            {
                socat.Dispose();
                throw new InvalidOperationException($"socat did not make {string.Join(", ", links)}");
            }
            Thread.Sleep(10);
        }
        return socat;
    }

    /// <summary>The links go, then SIGKILL: a pulled cable leaves no device node behind. In that order, so
    /// nobody opens a link whose PTY number the kernel may already have given to another test's socat.</summary>
    public void Dispose()
    {
        foreach (var link in _links)
            File.Delete(link);
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
