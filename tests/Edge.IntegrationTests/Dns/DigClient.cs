using System.Diagnostics;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Dns;

/// <summary>Debian's dig (bind9-dnsutils) and kdig (knot-dnsutils) run in the client namespace.
/// Both are real stub clients: they check the answer's id and question themselves and, over UDP,
/// dig retries over TCP when the answer is truncated (unless +ignore).</summary>
public sealed class DigClient(string ns)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary><c>dig @server name type options…</c> (defaults: one try, 2 s).</summary>
    public DigResult Query(string server, string name, string type, params string[] options) =>
        Parse(Run(["dig", $"@{server}", name, type, "+tries=1", "+time=2", .. options]));

    /// <summary><c>kdig @server name type options…</c> (defaults: one try, 2 s).</summary>
    public DigResult Kdig(string server, string name, string type, params string[] options) =>
        Parse(Run(["kdig", $"@{server}", name, type, "+retry=0", "+time=2", .. options]));

    /// <summary>dig's output and how long it took, process start included.</summary>
    public (DigResult Result, TimeSpan Elapsed) Timed(string server, string name, string type, params string[] options)
    {
        var clock = Stopwatch.StartNew();
        var result = Query(server, name, type, options);
        return (result, clock.Elapsed);
    }

    private string Run(string[] command)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["netns", "exec", ns, .. command])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{string.Join(' ', command)} did not finish within {Limit}");
        }
        // dig exits 9 when nothing answered and 0 for any answer (NXDOMAIN, SERVFAIL too): the
        // parsed status says which; the text is kept for failure messages.
        return output.Result + error.Result;
    }

    public static DigResult Parse(string raw) => DigResult.Parse(raw);
}
