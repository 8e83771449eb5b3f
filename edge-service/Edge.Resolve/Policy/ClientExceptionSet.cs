using System.Net;
using System.Net.Sockets;
using System.Text;
using Edge.Detect.Intel;
using Edge.Watch.Net;

namespace Edge.Resolve.Policy;

/// <summary><see cref="ResolverOptions.ClientExceptions"/> compiled once: each exception's networks
/// as masked 128-bit values, its names as a small suffix set. A few exceptions are the norm, so
/// they are scanned in order.</summary>
internal sealed class ClientExceptionSet
{
    private readonly Rule[] _rules;

    public ClientExceptionSet(IEnumerable<ClientException> exceptions)
    {
        var rules = new List<Rule>();
        foreach (var exception in exceptions)
        {
            var networks = exception.Clients.Select(ParseNetwork).ToArray();
            IntelSnapshot? names = null;
            if (exception.Names.Count > 0)
            {
                var builder = new IntelSnapshotBuilder();
                var list = new IntelList("client-exception", IntelCategories.Benign);
                foreach (var name in exception.Names)
                {
                    if (!builder.AddDomain(Encoding.ASCII.GetBytes(name.Trim()), list))
                        throw new ArgumentException($"client exception: '{name}' is not a domain name");
                }
                names = builder.Build();
            }
            rules.Add(new Rule(networks, names));
        }
        _rules = [.. rules];
    }

    public bool IsEmpty => _rules.Length == 0;

    /// <summary>True when <paramref name="client"/> may resolve <paramref name="name"/> unblocked.</summary>
    public bool Exempts(IpAddr client, ReadOnlySpan<byte> name)
    {
        client = Unmapped(client);
        foreach (var rule in _rules)
        {
            if (!rule.Covers(client))
                continue;
            if (rule.Names is null || rule.Names.TryMatchDomain(name, out _))
                return true;
        }
        return false;
    }

    /// <summary>::ffff:a.b.c.d (a dual-stack socket's view of an IPv4 client) as a.b.c.d.</summary>
    private static IpAddr Unmapped(IpAddr address) =>
        address.IsIPv6 && address.High == 0 && (address.Low >> 32) == 0xFFFF ? IpAddr.FromIPv4((uint)address.Low) : address;

    private static Network ParseNetwork(string text)
    {
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(slash < 0 ? text : text[..slash]);
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var max = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefix = slash < 0 ? max : int.Parse(text[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        if (prefix < 0 || prefix > max)
            throw new ArgumentException($"client exception: '{text}' has a bad prefix length");
        return new Network(IpAddr.Parse(address.ToString()), prefix);
    }

    private readonly record struct Network(IpAddr Address, int Prefix)
    {
        public bool Contains(IpAddr client)
        {
            if (client.Family != Address.Family)
                return false;
            if (client.IsIPv4)
                return Prefix == 0 || (client.V4 ^ Address.V4) >> (32 - Prefix) == 0;
            var (maskHigh, maskLow) = Masks(Prefix);
            return ((client.High ^ Address.High) & maskHigh) == 0 && ((client.Low ^ Address.Low) & maskLow) == 0;
        }

        private static (ulong High, ulong Low) Masks(int prefix) => prefix switch
        {
            0 => (0, 0),
            < 64 => (ulong.MaxValue << (64 - prefix), 0),
            64 => (ulong.MaxValue, 0),
            < 128 => (ulong.MaxValue, ulong.MaxValue << (128 - prefix)),
            _ => (ulong.MaxValue, ulong.MaxValue),
        };
    }

    private sealed record Rule(Network[] Networks, IntelSnapshot? Names)
    {
        public bool Covers(IpAddr client)
        {
            foreach (var network in Networks)
            {
                if (network.Contains(client))
                    return true;
            }
            return false;
        }
    }
}
