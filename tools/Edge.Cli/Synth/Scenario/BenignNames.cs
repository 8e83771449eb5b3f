using System.Net;

namespace Edge.Cli.Synth.Scenario;

/// <summary>Benign names the background resolves and visits, each with its documentation address.</summary>
internal static class BenignNames
{
    public static readonly (string Name, IPAddress Address)[] Hosts =
    [
        ("www.example.com", IPAddress.Parse("192.0.2.10")),
        ("portal.agency.example", IPAddress.Parse("192.0.2.11")),
        ("forms.agency.example", IPAddress.Parse("192.0.2.30")),
        ("intranet.agency.example", IPAddress.Parse("192.0.2.80")),
        ("api.example.net", IPAddress.Parse("198.51.100.20")),
        ("files.example.org", IPAddress.Parse("198.51.100.40")),
        ("cdn.example.net", IPAddress.Parse("198.51.100.70")),
        ("updates.example.com", IPAddress.Parse("203.0.113.20")),
        ("news.example.org", IPAddress.Parse("203.0.113.21")),
        ("time.example.com", IPAddress.Parse("203.0.113.22")),
        ("wiki.agency.example", IPAddress.Parse("192.0.2.81")),
        ("login.agency.example", IPAddress.Parse("192.0.2.82")),
    ];

    public const string UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public const string CurlAgent = "curl/8.5.0";

    public static IPAddress AddressOf(string name)
    {
        foreach (var (host, address) in Hosts)
        {
            if (host == name)
                return address;
        }
        throw new ArgumentException($"'{name}' is not a benign host", nameof(name));
    }
}
