using Edge.IntegrationTests.TestSupport;
using System.Globalization;
using Edge.IntegrationTests.Service;

namespace Edge.IntegrationTests.Dns;

/// <summary>The real <c>edge-service run</c> (the build beside the tests) inside the lab's sensor
/// namespace as a DNS-only appliance: capture off, the forwarder on 10.218.N.2:53, configured only
/// through <c>Edge__…</c> environment variables (the settings contract of the <c>Edge:Dns</c>
/// section). With no broker configured it starts its embedded one.</summary>
public sealed class EdgeForwarder
{
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(60);

    public const string Agency = "dns-lab";
    public const string SensorId = "fwd-1";

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);
    private readonly DnsLab _lab;
    private int _upstreams;
    private int _lists;
    private int _allowLists;

    public EdgeForwarder(DnsLab lab)
    {
        _lab = lab;
        _environment["Edge__Dns__Enabled"] = "true";
        _environment["Edge__Dns__Listen__0"] = $"{lab.SensorAddress}:53";
        _environment["Edge__Capture__Enabled"] = "false";
        _environment["Edge__Sensor__Agency"] = Agency;
        _environment["Edge__Sensor__Id"] = SensorId;
        _environment["Edge__Sensor__StateDirectory"] = Path.Combine(lab.Work.FullName, "edge-state");
        _environment["Edge__Hardware__Gpio"] = "Simulated";
        _environment["Edge__Hardware__TerminalLeds"] = "Off";
        _environment["Edge__StatusPage__Enabled"] = "false";
        _environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
    }

    public string Address => _lab.SensorAddress;

    /// <summary><c>ip</c>, <c>ip:port</c>, <c>[v6]:port</c> or <c>tls://ip:853#name</c>, in failover order.</summary>
    public EdgeForwarder Upstream(string upstream)
    {
        _environment[$"Edge__Dns__Upstreams__{_upstreams++}"] = upstream;
        return this;
    }

    /// <summary>An intel list file or folder (category from the file name; .rpz files are RPZ zones).</summary>
    public EdgeForwarder IntelList(string path)
    {
        _environment[$"Edge__Intel__Lists__{_lists++}"] = path;
        return this;
    }

    public EdgeForwarder AllowList(string path)
    {
        _environment[$"Edge__Dns__AllowLists__{_allowLists++}"] = path;
        return this;
    }

    /// <summary>NxDomain, NoData or BlockPage (with <paramref name="v4"/> and <paramref name="v6"/>).</summary>
    public EdgeForwarder BlockAnswer(string policy, string? v4 = null, string? v6 = null)
    {
        _environment["Edge__Dns__BlockAnswer"] = policy;
        if (v4 is not null)
            _environment["Edge__Dns__BlockPageV4"] = v4;
        if (v6 is not null)
            _environment["Edge__Dns__BlockPageV6"] = v6;
        return this;
    }

    public EdgeForwarder Setting(string key, string value)
    {
        _environment[key] = value;
        return this;
    }

    public EdgeForwarder Timeouts(int upstreamTimeoutMs, int answerDeadlineMs) =>
        Setting("Edge__Dns__UpstreamTimeoutMs", upstreamTimeoutMs.ToString(CultureInfo.InvariantCulture))
            .Setting("Edge__Dns__AnswerDeadlineMs", answerDeadlineMs.ToString(CultureInfo.InvariantCulture));

    /// <summary>Starts edge-service and waits (bounded) until it answers www.lab.test A on 10.218.N.2.</summary>
    public NamespaceProcess Start()
    {
        if (!File.Exists(ServiceProcess.Dll))
            throw new FileNotFoundException("edge-service.dll is not beside the tests", ServiceProcess.Dll);
        if (_upstreams == 0)
            throw new InvalidOperationException("no upstream configured");
        var edge = _lab.Start("edge-service", _lab.Sensor, _environment, "dotnet", "exec", ServiceProcess.Dll, "run");
        _lab.WaitUntilAnswering(edge, Address, StartWait);
        return edge;
    }
}
