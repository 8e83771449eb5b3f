using System.Globalization;
using System.Text;

namespace Edge.IntegrationTests.Dns;

/// <summary>The lab's zone, <c>lab.test.</c>, served the same by unbound (an auth-zone from a zone
/// file) and by dnsmasq (host, MX, TXT and CNAME records), as far as dnsmasq can: its negative
/// answers carry no SOA. Every name the tests ask about is here, so a name the forwarder failed to
/// block would come back with an answer.</summary>
public static class LabZone
{
    public const string Zone = "lab.test";
    public const string Www = "www.lab.test";
    public const string WwwV4 = "192.0.2.10";
    public const string WwwV6 = "2001:db8::10";
    public const string Mail = "mail.lab.test";
    public const string Txt = "txt.lab.test";
    public const string Alias = "alias.lab.test";
    public const string V4Only = "v4only.lab.test";
    public const string Missing = "nope.lab.test";
    /// <summary>40 A records: 671 bytes, more than the 512 a client without EDNS accepts over UDP.</summary>
    public const string Many = "many.lab.test";
    public const int ManyCount = 40;
    /// <summary>One TXT of three 200-byte strings: 657 bytes.</summary>
    public const string Long = "long.lab.test";

    /// <summary>Names the block tests list; each has an A record upstream (192.0.2.50 + index).</summary>
    public static readonly string[] Listed =
    [
        "bad.lab.test", "deep.bad.lab.test", "ok.bad.lab.test",
        "rpz-nx.lab.test", "rpz-nodata.lab.test", "rpz-local.lab.test",
        "x.wild.lab.test", "pass.wild.lab.test", "alert.lab.test",
    ];

    /// <summary>Names with A records 192.0.2.1xx used where each query must miss every cache.</summary>
    public static string Numbered(int i) => $"n{i}.lab.test";

    public const int NumberedCount = 50;

    public static string ListedAddress(string name) => $"192.0.2.{50 + Array.IndexOf(Listed, name)}";

    private static string LongString(char c) => new(c, 200);

    /// <summary>Records as (owner, type, data) for both servers; TTL 300 everywhere.</summary>
    private static IEnumerable<(string Name, string Type, string Data)> Records()
    {
        yield return ("ns.lab.test", "A", "192.0.2.2");
        yield return (Mail, "A", "192.0.2.25");
        yield return (Www, "A", WwwV4);
        yield return (Www, "AAAA", WwwV6);
        yield return (V4Only, "A", "192.0.2.40");
        for (var i = 1; i <= ManyCount; i++)
            yield return (Many, "A", $"192.0.2.{100 + i}");
        foreach (var name in Listed)
            yield return (name, "A", ListedAddress(name));
        for (var i = 0; i < NumberedCount; i++)
            yield return (Numbered(i), "A", $"198.51.100.{i + 1}");
    }

    public static string UnboundZoneFile()
    {
        var zone = new StringBuilder();
        zone.AppendLine("$ORIGIN lab.test.");
        zone.AppendLine("lab.test. 300 IN SOA ns.lab.test. admin.lab.test. 1 3600 600 86400 300");
        zone.AppendLine("lab.test. 300 IN NS ns.lab.test.");
        zone.AppendLine("lab.test. 300 IN MX 10 mail.lab.test.");
        zone.AppendLine(CultureInfo.InvariantCulture, $"{Txt}. 300 IN TXT \"v=lab1 hello\"");
        zone.AppendLine(CultureInfo.InvariantCulture, $"{Alias}. 300 IN CNAME alias2.lab.test.");
        zone.AppendLine("alias2.lab.test. 300 IN CNAME www.lab.test.");
        zone.AppendLine(CultureInfo.InvariantCulture, $"{Long}. 300 IN TXT \"{LongString('a')}\" \"{LongString('b')}\" \"{LongString('c')}\"");
        foreach (var (name, type, data) in Records())
            zone.AppendLine(CultureInfo.InvariantCulture, $"{name}. 300 IN {type} {data}");
        return zone.ToString();
    }

    /// <summary>unbound as the lab's authoritative upstream: in the foreground, no chroot, no user
    /// switch, only its own address, only the lab's nets, nothing but lab.test answered (everything
    /// else REFUSED: it never tries to reach the Internet's root servers).</summary>
    public static string UnboundConfig(string address, string labNets, string zoneFile, string directory)
    {
        var config = new StringBuilder();
        config.AppendLine("server:");
        config.AppendLine(CultureInfo.InvariantCulture, $"  interface: {address}");
        config.AppendLine("  port: 53");
        config.AppendLine("  do-daemonize: no");
        config.AppendLine("  chroot: \"\"");
        config.AppendLine("  username: \"\"");
        config.AppendLine(CultureInfo.InvariantCulture, $"  directory: \"{directory}\"");
        config.AppendLine("  pidfile: \"\"");
        config.AppendLine("  use-syslog: no");
        config.AppendLine("  logfile: \"\"");
        config.AppendLine("  verbosity: 1");
        config.AppendLine("  do-ip6: no");
        config.AppendLine("  module-config: \"iterator\"");
        config.AppendLine("  access-control: 0.0.0.0/0 refuse");
        foreach (var net in labNets.Split(' '))
            config.AppendLine(CultureInfo.InvariantCulture, $"  access-control: {net} allow");
        config.AppendLine("  local-zone: \".\" refuse");
        // unbound serves test. itself (RFC 6761); transparent lets the auth-zone answer lab.test.
        config.AppendLine("  local-zone: \"lab.test.\" transparent");
        config.AppendLine("auth-zone:");
        config.AppendLine("  name: \"lab.test.\"");
        config.AppendLine(CultureInfo.InvariantCulture, $"  zonefile: \"{zoneFile}\"");
        config.AppendLine("  for-downstream: yes");
        config.AppendLine("  for-upstream: no");
        config.AppendLine("remote-control:");
        config.AppendLine("  control-enable: no");
        return config.ToString();
    }

    /// <summary>dnsmasq's arguments: in the foreground, no upstream, no /etc/hosts, only its address,
    /// lab.test answered locally (NXDOMAIN for what it lacks) with TTL 300.</summary>
    public static string[] DnsmasqArguments(string address)
    {
        List<string> args =
        [
            "/usr/sbin/dnsmasq", "--no-daemon", "--no-resolv", "--no-hosts", "--bind-interfaces",
            $"--listen-address={address}", "--port=53", "--conf-file=/dev/null", "--pid-file=",
            "--user=root", "--group=root", "--local=/lab.test/", "--local-ttl=300", "--cache-size=1000",
            "--mx-host=lab.test,mail.lab.test,10", $"--txt-record={Txt},v=lab1 hello",
            $"--cname={Alias},alias2.lab.test", "--cname=alias2.lab.test,www.lab.test",
            $"--txt-record={Long},{LongString('a')},{LongString('b')},{LongString('c')}",
        ];
        foreach (var (name, type, data) in Records())
            args.Add($"--host-record={name},{data}");
        return [.. args];
    }
}
