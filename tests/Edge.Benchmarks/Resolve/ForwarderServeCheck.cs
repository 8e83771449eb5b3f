using System.Diagnostics;
using System.Globalization;
using System.Net;
using Edge.Resolve.Server;
using Edge.Resolve.Upstream;
using Edge.Resolve.Tests.TestSupport.Net;

namespace Edge.Benchmarks.Resolve;

/// <summary><c>--dns-serve PORT [SECONDS] [UPSTREAM]</c>: the forwarder's UDP and TCP listeners on
/// 127.0.0.1:PORT in front of <see cref="NetTableResolver"/> (every query answered from memory,
/// allocation-free): the cached path through the real sockets, for dnsperf. Prints queries per
/// second each second, then totals, GC collections and CPU time. Pin it and dnsperf to different
/// cores (see edge-service/Edge.Resolve/README.md, "Network"). With an UPSTREAM (as in
/// <see cref="UpstreamServer.TryParse"/>) every query is forwarded there instead: the uncached path.</summary>
public static class ForwarderServeCheck
{
    public const string Argument = "--dns-serve";

    public static void Run(string[] args)
    {
        var port = int.Parse(args[0], CultureInfo.InvariantCulture);
        var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60;
        UpstreamServer? upstream = null;
        if (args.Length > 2 && !UpstreamServer.TryParse(args[2], out upstream, out var error))
            throw new ArgumentException(error);
        var resolver = new NetTableResolver { ForwardEverything = upstream is not null };
        var tap = new NetCountingTap();
        var options = new ForwarderOptions { Listen = [new IPEndPoint(IPAddress.Loopback, port)], Upstreams = upstream is null ? [] : [upstream] };
        var forwarder = DnsForwarder.Start(options, resolver, tap, TimeProvider.System);
        Console.WriteLine($"serving on {forwarder.ListeningOn[0]} for {seconds} s (server GC {System.Runtime.GCSettings.IsServerGC}, {Environment.ProcessorCount} CPUs visible)");
        var process = Process.GetCurrentProcess();
        var gen0 = GC.CollectionCount(0);
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long last = 0, peak = 0;
        for (var second = 1; second <= seconds; second++)
        {
            Thread.Sleep(TimeSpan.FromSeconds(second) - clock.Elapsed);
            var now = forwarder.Counters.UdpQueries;
            var rate = now - last;
            peak = Math.Max(peak, rate);
            if (rate > 0)
                Console.WriteLine($"{second,4} s {rate,10:N0} q/s  (total {now:N0})");
            last = now;
        }
        process.Refresh();
        var c = forwarder.Counters;
        Console.WriteLine($"total {c.UdpQueries:N0} UDP queries, {c.Answered:N0} answered, {c.Dropped:N0} dropped, tap {tap.Exchanges:N0}; peak {peak:N0} q/s");
        if (upstream is not null)
            Console.WriteLine($"upstream {upstream}: {c.UpstreamQueries:N0} queries, {c.UpstreamAnswers:N0} answers, {c.UpstreamTimeouts:N0} timeouts, {c.ServFail:N0} SERVFAIL, {c.UpstreamBusy:N0} dropped as busy, {c.MismatchedAnswers:N0} mismatched");
        Console.WriteLine($"gen0 collections during the run: {GC.CollectionCount(0) - gen0}; CPU {(process.TotalProcessorTime - cpu).TotalSeconds:F1} s in {clock.Elapsed.TotalSeconds:F1} s; allocated in total {GC.GetTotalAllocatedBytes(true):N0} bytes");
        forwarder.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
