using System.Net;

namespace Edge.Service.Configuration;

/// <summary>The <c>Edge:StatusPage</c> section: the local read-only status page for agency IT.</summary>
public sealed class StatusPageSettings
{
    public bool Enabled { get; set; } = true;

    /// <summary>The LAN-side interface whose addresses the page listens on (e.g. <c>eth0</c>); empty
    /// uses <c>Address</c>. Never the capture interface.</summary>
    public string Interface { get; set; } = "";

    public string Address { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8080;

    public void Validate()
    {
        if (Interface.Length == 0 && !IPAddress.TryParse(Address, out _))
            throw new ArgumentException($"'{Address}' is not an IP address", nameof(Address));
        ArgumentOutOfRangeException.ThrowIfLessThan(Port, 1, nameof(Port));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, 65535, nameof(Port));
    }
}
