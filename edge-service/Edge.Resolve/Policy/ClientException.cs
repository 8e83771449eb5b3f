namespace Edge.Resolve.Policy;

/// <summary>Clients (CIDRs or addresses, as text) that get <see cref="Names"/> (and their
/// subdomains) passed whatever the lists say; with no names, never blocked at all.</summary>
public sealed class ClientException
{
    public IList<string> Clients { get; set; } = [];

    public IList<string> Names { get; set; } = [];
}
