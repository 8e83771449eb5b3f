using System.Diagnostics;
namespace Edge.IntegrationTests.TestSupport;

/// <summary>A long-running program inside a namespace the test made (unbound, dnsmasq, edge-service,
/// mosquitto, mosquitto_sub): its output lines kept for bounded waits and failure messages; killed
/// with its children on <see cref="Dispose"/>.</summary>
public sealed class NamespaceProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private NamespaceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        Id = process.Id;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id { get; }

    private bool _disposed;

    public bool HasExited => _disposed || _process.HasExited;

    public string Output
    {
        get
        {
            lock (_lines)
                return string.Join('\n', _lines);
        }
    }

    /// <summary>Starts <paramref name="command"/> in <paramref name="ns"/>; <c>ip netns exec</c> execs it,
    /// so <see cref="Id"/> is the program's own process id.</summary>
    public static NamespaceProcess Start(string name, string ns, IReadOnlyDictionary<string, string>? environment, params string[] command) =>
        new(name, NamespacePair.StartIn(ns, environment, command));

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
            _lines.Add(line);
    }

    /// <summary>The first output line matching (after the first line containing <paramref name="after"/>,
    /// if given), waiting at most <paramref name="timeout"/>.</summary>
    public string WaitFor(Func<string, bool> match, TimeSpan timeout, string what, string? after = null)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (_lines)
            {
                var start = after is null ? 0 : _lines.FindIndex(l => l.Contains(after, StringComparison.Ordinal));
                var found = start < 0 ? -1 : _lines.FindIndex(start, l => match(l));
                if (found >= 0)
                    return _lines[found];
            }
            if (_process.HasExited)
                break;
            Thread.Sleep(50);
        }
        Assert.Fail($"no sign of {what} from {Name} within {timeout} (exited: {_process.HasExited}); output:\n{Output}");
        return "";
    }

    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            Assert.Fail($"{Name} still running after {timeout}; output:\n{Output}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL, and waits until the process is gone (its sockets closed).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(10_000))
            throw new TimeoutException($"{Name} ({_process.Id}) still running 10 s after SIGKILL");
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started properly: nothing to kill.
        }
        _disposed = true;
        _process.Dispose();
    }
}
