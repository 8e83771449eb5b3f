using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Edge.Uplink.Outbox;

namespace Edge.Uplink.Tests.TestSupport;

/// <summary>This test assembly started again as a child that only adds to an outbox: with
/// <see cref="Variable"/> set to <c>{path}|{Full|Normal}</c> it adds messages <c>m0, m1, …</c> and
/// writes <c>ack {n} {sequence};</c> on stdout after each Add returned, until killed (or 20 s passed,
/// so an orphan never runs on). The module initializer runs before the test platform's Main.</summary>
public static class OutboxWriterProcess
{
    public const string Variable = "EDGE_UPLINK_TESTS_OUTBOX_WRITER";

#pragma warning disable CA2255 // An entry point of this executable test assembly, not of a library.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunWhenAsked()
    {
        var request = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(request))
            return;
        var parts = request.Split('|');
        var synchronous = Enum.Parse<OutboxSynchronous>(parts[1]);
        using (var outbox = OutboxItems.Open(parts[0], maxBytes: 64L << 20, synchronous: synchronous))
        {
            var output = Console.Out;
            var clock = Stopwatch.StartNew();
            for (var n = 0; clock.Elapsed < TimeSpan.FromSeconds(20); n++)
            {
                var result = outbox.Add(OutboxItems.Item(Name(n), OutboxPriority.Critical, padTo: 200));
                output.Write(string.Create(CultureInfo.InvariantCulture, $"ack {n} {result.Sequence};\n"));
                output.Flush();
            }
        }
        Environment.Exit(0);
    }

    public static string Name(int n) => string.Create(CultureInfo.InvariantCulture, $"m{n}");

    /// <summary>The child: the running test host again (its apphost, or dotnet exec of this assembly).</summary>
    public static Process Start(string path, OutboxSynchronous synchronous)
    {
        var host = Environment.ProcessPath!;
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            info.ArgumentList.Add("exec");
            info.ArgumentList.Add(typeof(OutboxWriterProcess).Assembly.Location);
        }
        info.Environment[Variable] = $"{path}|{synchronous}";
        return Process.Start(info)!;
    }
}
