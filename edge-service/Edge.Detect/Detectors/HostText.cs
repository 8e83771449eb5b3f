namespace Edge.Detect.Detectors;

/// <summary>Name spans as the parsers give them, cut to what a list lookup wants.</summary>
internal static class HostText
{
    /// <summary>An HTTP Host value without its port ("a.example:8080" → "a.example"); IPv6 literals stay whole.</summary>
    public static ReadOnlySpan<byte> WithoutPort(ReadOnlySpan<byte> host)
    {
        if (host.IsEmpty || host[0] == (byte)'[')
            return host;
        var colon = host.LastIndexOf((byte)':');
        return colon > 0 ? host[..colon] : host;
    }

    /// <summary>The zone a DNS tunnel lives in: the registrable domain plus one label when the name has
    /// more (tunnels are delegated subzones, e.g. t.example.net), else the registrable domain.</summary>
    public static bool TryGetTunnelZone(ReadOnlySpan<byte> name, int registrableStart, out ReadOnlySpan<byte> zone)
    {
        zone = default;
        if (registrableStart <= 1)
            return false;
        var parentEnd = registrableStart - 1;
        var labelStart = name[..parentEnd].LastIndexOf((byte)'.') + 1;
        // Only when something is left in front of the zone: its subdomain is the tunnel's data.
        if (labelStart == 0)
            return false;
        zone = name[labelStart..];
        return true;
    }
}
