namespace Edge.Cli.Synth.Scenario;

/// <summary>
/// Every indicator the synthetic threat traffic uses, in one place, so a sample intel list can
/// match them. Invented names sit under reserved names (RFC 2606/6761); servers are on
/// documentation addresses. Two names are real on purpose: the WannaCry kill switch and dns.google.
/// </summary>
internal static class SynthScenario
{
    public const string PhishingDomain = "paypa1-account-verify.example";
    public const string PhishingHost = "www." + PhishingDomain;
    public const string PhishingAddress = "203.0.113.45";

    public const string MiningPool = "pool.xmr-hashpool.example";
    public const string MiningAddress = "198.51.100.32";
    public const int MiningPort = 3333;
    public const string MiningWallet = "4ExampleWalletForSyntheticTrafficOnly0000000000000000000000000000000000000000000000000000000000";

    public const string WannaCryKillSwitch = "iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea.com";
    public const string SweepFirstAddress = "203.0.113.100";
    public const int SweepCount = 30;
    public const int SweepPort = 445;

    public const string BeaconHost = "update-sync-cdn.example";
    public const string BeaconAddress = "203.0.113.66";
    public const int BeaconPort = 8080;
    public const string BeaconPath = "/gate.php";
    public const string BeaconUserAgent = "Mozilla/4.0 (compatible; MSIE 7.0; Windows NT 6.1)";
    public const int BeaconCount = 10;
    public const int BeaconIntervalSeconds = 30;

    public const string TunnelZone = "t.cdn-metrics.example";
    public const int TunnelQueries = 25;

    public const string BotnetHost = "irc.herd-control.example";
    public const string BotnetAddress = "203.0.113.201";
    public const int BotnetPort = 6667;
    public const string BotnetSilentAddress = "203.0.113.202";

    /// <summary>The agency's own domain in the sample, and two lookalikes of it.</summary>
    public const string ProtectedDomain = "hanoi-agency.example";
    public const string TyposquatResolving = "hanoi-agnecy.example";
    public const string TyposquatMissing = "hanoi-agencv.example";

    public const string ScanFirstAddress = "198.51.100.200";
    public const int ScanHosts = 10;

    public const string DohName = "dns.google";
    public const string DohAddress = "198.51.100.8";

    /// <summary>The DGA burst: 15 names that all answer NXDOMAIN.</summary>
    public static readonly string[] DgaNames =
    [
        "0lj9qqjmhbwrqt8.test", "bj5xkdvleotb.test", "led7hpsifnc.test", "20itrvzjvzhwk.example",
        "ng6thcdvbcmcrqp.example", "hgxjummdszp.test", "7slpklfwcwq.test", "mj7ullv1txr0zs.example",
        "bqek8nzfdvrw1o8.test", "fbvfd5d3l4rcmc3.test", "6ktgiwssmw1fho.example", "kzt2qtbc0n8d0v.test",
        "lwpuhwnzrn5mn2ui.test", "kkhcckpvgacpd6.test", "s2cl007altpofd.example",
    ];

    /// <summary>domain, category: the shape of a sample intel list.</summary>
    public static readonly (string Domain, string Category)[] IntelDomains =
    [
        (PhishingDomain, "phishing"),
        (MiningPool, "mining"),
        (WannaCryKillSwitch, "malware"),
        (BeaconHost, "cnc"),
        (BotnetHost, "botnet"),
    ];
}
