using System.Diagnostics;
using System.Globalization;
using Edge.IntegrationTests.TestSupport;

namespace Edge.IntegrationTests.Dns;

/// <summary>Three network namespaces the test makes, with addresses it assigns, and nothing else on
/// the wires: client (10.218.N.1) — sensor (10.218.N.2 towards the client, 10.219.N.1 towards the
/// upstreams, forwarding) — upstream (10.219.N.2 unbound, .3 dnsmasq, .4 the scripted fake). The
/// client reaches the upstreams through the sensor too, so it can ask them directly and compare.
/// Dispose kills every process the lab started, deletes the namespaces (and with them the veth
/// pairs) and the temporary folder, whether the test passed or not.</summary>
public sealed class DnsLab : IDisposable
{
    private static readonly TimeSpan ReadyWait = TimeSpan.FromSeconds(20);
    private static int s_nextSubnet = Random.Shared.Next(0, 254);

    private readonly List<NamespaceProcess> _processes = [];
    private readonly List<IDisposable> _owned = [];

    private DnsLab(int subnet)
    {
        Subnet = subnet;
        var tag = string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId % 10000}x{subnet}");
        Client = $"edns-c{tag}";
        Sensor = $"edns-s{tag}";
        Upstream = $"edns-u{tag}";
        ClientAddress = $"10.218.{subnet}.1";
        SensorAddress = $"10.218.{subnet}.2";
        SensorUpstreamAddress = $"10.219.{subnet}.1";
        UnboundAddress = $"10.219.{subnet}.2";
        DnsmasqAddress = $"10.219.{subnet}.3";
        FakeAddress = $"10.219.{subnet}.4";
        _clientLink = $"dc{tag}";
        _sensorClientLink = $"ds{tag}";
        _sensorUpstreamLink = $"dt{tag}";
        _upstreamLink = $"du{tag}";
        Work = Directory.CreateTempSubdirectory("edge-dnslab-");
    }

    private readonly string _clientLink;
    private readonly string _sensorClientLink;
    private readonly string _sensorUpstreamLink;
    private readonly string _upstreamLink;

    public int Subnet { get; }
    public string Client { get; }
    public string Sensor { get; }
    public string Upstream { get; }
    public string ClientAddress { get; }
    public string SensorAddress { get; }
    public string SensorUpstreamAddress { get; }
    public string UnboundAddress { get; }
    public string DnsmasqAddress { get; }
    public string FakeAddress { get; }
    public DirectoryInfo Work { get; }
    public string LabNets => $"10.218.{Subnet}.0/24 10.219.{Subnet}.0/24";
    public IReadOnlyList<string> Namespaces => [Client, Sensor, Upstream];

    /// <summary>The client's dig and kdig.</summary>
    public DigClient Dig => new(Client);

    public static DnsLab Create()
    {
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException("the DNS lab makes network namespaces: run the tests as root");
        foreach (var tool in new[] { "/usr/sbin/unbound", "/usr/sbin/dnsmasq" })
        {
            if (!File.Exists(tool))
                throw new InvalidOperationException($"{tool} is not installed: run tools/dev/deps.sh");
        }
        // A subnet another lab of this run (or a leftover of a killed one) holds is skipped.
        for (var attempt = 0; ; attempt++)
        {
            var subnet = 1 + (Interlocked.Increment(ref s_nextSubnet) % 254);
            var lab = new DnsLab(subnet);
            try
            {
                lab.Build();
                return lab;
            }
            catch (InvalidOperationException) when (attempt < 5 && NamespaceExists(lab.Client, lab.Sensor, lab.Upstream))
            {
                lab.Dispose();
            }
            catch
            {
                lab.Dispose();
                throw;
            }
        }
    }

    private static bool NamespaceExists(params string[] names)
    {
        var list = NamespacePair.Run("ip", "netns", "list");
        return names.Any(n => list.Contains(n, StringComparison.Ordinal));
    }

    private void Build()
    {
        foreach (var ns in Namespaces)
            NamespacePair.Run("ip", "netns", "add", ns);
        NamespacePair.Run("ip", "link", "add", _clientLink, "netns", Client, "type", "veth", "peer", "name", _sensorClientLink, "netns", Sensor);
        NamespacePair.Run("ip", "link", "add", _sensorUpstreamLink, "netns", Sensor, "type", "veth", "peer", "name", _upstreamLink, "netns", Upstream);
        Configure(Client, _clientLink, ClientAddress);
        Configure(Sensor, _sensorClientLink, SensorAddress);
        Configure(Sensor, _sensorUpstreamLink, SensorUpstreamAddress);
        Configure(Upstream, _upstreamLink, UnboundAddress, DnsmasqAddress, FakeAddress);
        NamespacePair.In(Client, "ip", "route", "add", $"10.219.{Subnet}.0/24", "via", SensorAddress);
        NamespacePair.In(Upstream, "ip", "route", "add", $"10.218.{Subnet}.0/24", "via", SensorUpstreamAddress);
        NamespacePair.In(Sensor, "sysctl", "-q", "-w", "net.ipv4.ip_forward=1");
    }

    private static void Configure(string ns, string device, params string[] addresses)
    {
        NamespacePair.In(ns, "ip", "link", "set", "lo", "up");
        foreach (var address in addresses)
            NamespacePair.In(ns, "ip", "addr", "add", $"{address}/24", "dev", device);
        // No IPv6: router solicitations and DAD are noise, and the lab is IPv4 only.
        NamespacePair.In(ns, "sysctl", "-q", "-w", $"net.ipv6.conf.{device}.disable_ipv6=1");
        NamespacePair.In(ns, "ip", "link", "set", device, "up");
    }

    /// <summary>Starts a program in one of the lab's namespaces; the lab kills it on Dispose.</summary>
    public NamespaceProcess Start(string name, string ns, IReadOnlyDictionary<string, string>? environment, params string[] command)
    {
        var process = NamespaceProcess.Start(name, ns, environment, command);
        lock (_processes)
            _processes.Add(process);
        return process;
    }

    /// <summary>Something else the lab disposes with itself (a fake upstream).</summary>
    public T Own<T>(T disposable) where T : IDisposable
    {
        lock (_owned)
            _owned.Add(disposable);
        return disposable;
    }

    /// <summary>unbound on 10.219.N.2:53, serving lab.test; returns once it answers.</summary>
    public NamespaceProcess StartUnbound()
    {
        var zoneFile = Path.Combine(Work.FullName, "lab.test.zone");
        File.WriteAllText(zoneFile, LabZone.UnboundZoneFile());
        var config = Path.Combine(Work.FullName, "unbound.conf");
        File.WriteAllText(config, LabZone.UnboundConfig(UnboundAddress, LabNets, zoneFile, Work.FullName));
        var unbound = Start("unbound", Upstream, null, "/usr/sbin/unbound", "-d", "-c", config);
        WaitUntilAnswering(unbound, UnboundAddress);
        return unbound;
    }

    /// <summary>dnsmasq on 10.219.N.3:53, serving lab.test; returns once it answers.</summary>
    public NamespaceProcess StartDnsmasq()
    {
        var dnsmasq = Start("dnsmasq", Upstream, null, LabZone.DnsmasqArguments(DnsmasqAddress));
        WaitUntilAnswering(dnsmasq, DnsmasqAddress);
        return dnsmasq;
    }

    /// <summary>The scripted spoofing upstream on 10.219.N.4:53 (a thread of the test process).</summary>
    public FakeUpstream StartFakeUpstream() => Own(FakeUpstream.Start(Upstream, FakeAddress));

    /// <summary>Waits (bounded) until <paramref name="server"/> answers www.lab.test A from the client.</summary>
    public void WaitUntilAnswering(NamespaceProcess process, string server) =>
        WaitUntilAnswering(process, server, ReadyWait);

    public void WaitUntilAnswering(NamespaceProcess process, string server, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        DigResult? last = null;
        while (clock.Elapsed < limit)
        {
            if (process.HasExited)
                Assert.Fail($"{process.Name} exited before answering on {server}:\n{process.Output}");
            last = Dig.Query(server, LabZone.Www, "A", "+tries=1", "+time=1");
            if (last.Status == "NOERROR" && last.Answer.Count > 0)
                return;
            Thread.Sleep(100);
        }
        Assert.Fail($"{process.Name} did not answer {LabZone.Www} on {server} within {limit}; last dig:\n{last?.Raw}\n{process.Name}:\n{process.Output}");
    }

    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var owned in _owned)
                owned.Dispose();
        }
        lock (_processes)
        {
            foreach (var process in _processes)
                process.Dispose();
        }
        foreach (var ns in Namespaces)
        {
            try
            {
                NamespacePair.Run("ip", "netns", "del", ns);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Not made (creation failed part way) or already gone.
            }
        }
        try
        {
            Work.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
