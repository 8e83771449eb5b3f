using Edge.Detect.Behaviour;
using Edge.Detect.Names;

namespace Edge.Detect.Detectors;

/// <summary>Thresholds of every detector (configuration section <c>Edge:Detection</c>).</summary>
public sealed record DetectionOptions
{
    public BeaconOptions Beacon { get; set; } = new();
    public FanOutOptions FanOut { get; set; } = new();
    public TunnelOptions Tunnel { get; set; } = new();

    /// <summary>Trigram score (bits per character) from which a label counts as generated.</summary>
    public double DgaThreshold { get; set; } = DgaModel.DefaultThreshold;

    /// <summary>Generated-looking names that failed to resolve, per client and window, that make a burst.</summary>
    public int DgaBurst { get; set; } = 10;

    public int DgaWindowSeconds { get; set; } = 300;

    public int MaxDgaClients { get; set; } = 1024;

    /// <summary>Clients must resolve through the agency's DNS: DoH to a known resolver and DoT (853) are findings.</summary>
    public bool AgencyDnsRequired { get; set; } = true;

    /// <summary>The agency's own domains, whose typosquats and homographs are findings.</summary>
    public IReadOnlyList<string> ProtectedDomains { get; set; } = [];

    /// <summary>Names (DNS questions, SNIs, HTTP Hosts) whose verdicts are remembered; a power of two.</summary>
    public int NameCacheCapacity { get; set; } = 4096;

    public void Validate()
    {
        Beacon.Validate();
        FanOut.Validate();
        Tunnel.Validate();
        if (DgaBurst < 2)
            throw new ArgumentOutOfRangeException(nameof(DgaBurst), DgaBurst, "DgaBurst must be at least 2");
        if (DgaWindowSeconds <= 0)
            throw new ArgumentOutOfRangeException(nameof(DgaWindowSeconds), DgaWindowSeconds, "DgaWindowSeconds must be positive");
        if (NameCacheCapacity < 2 || !System.Numerics.BitOperations.IsPow2(NameCacheCapacity))
            throw new ArgumentOutOfRangeException(nameof(NameCacheCapacity), NameCacheCapacity, "NameCacheCapacity must be a power of two, at least 2");
        if (MaxDgaClients < 1)
            throw new ArgumentOutOfRangeException(nameof(MaxDgaClients), MaxDgaClients, "MaxDgaClients must be positive");
    }
}
