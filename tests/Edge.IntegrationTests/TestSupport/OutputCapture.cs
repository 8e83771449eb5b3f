using System.Diagnostics;
using System.Text;

namespace Edge.IntegrationTests.TestSupport;

/// <summary>Everything a child process writes on stdout and stderr, interleaved as it arrives, line by line.</summary>
public sealed class OutputCapture
{
    private readonly StringBuilder _text = new();

    /// <summary>Starts reading both streams of <paramref name="process"/> (started with both redirected).</summary>
    public OutputCapture(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text
    {
        get
        {
            lock (_text)
                return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_text)
            _text.AppendLine(line);
    }
}
