using System.Diagnostics;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Blocking;

/// <summary>A process in a namespace whose output lines are kept for bounded waits.</summary>
internal sealed class TrackedProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];

    private TrackedProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static TrackedProcess Start(string ns, IReadOnlyDictionary<string, string>? environment, params string[] command) =>
        new(NamespacePair.StartIn(ns, environment, command));

    public string Text
    {
        get
        {
            lock (_lines)
                return string.Join('\n', _lines);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
            return;
        lock (_lines)
            _lines.Add(line);
    }

    /// <summary>The first line matching, else the test fails with the output so far.</summary>
    public string WaitFor(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            lock (_lines)
            {
                var found = _lines.FindIndex(l => match(l));
                if (found >= 0)
                    return _lines[found];
            }
            if (_process.HasExited)
                break;
            Thread.Sleep(50);
        }
        Assert.Fail($"no sign of {what} within {timeout}; output:\n{Text}");
        return "";
    }

    public int Count(Func<string, bool> match)
    {
        lock (_lines)
            return _lines.Count(match);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }
}
