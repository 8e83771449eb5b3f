namespace Edge.Detect.Behaviour;

/// <summary>A query name as <see cref="TunnelStats"/> counts it (see <see cref="TunnelStats.Prepare"/>):
/// the zone's hash and, when there is a subdomain, its label count, octets, entropy and seeded hash.
/// <see cref="Valid"/> is false when the name did not end in the zone given with it.</summary>
public readonly record struct TunnelName(
    bool Valid,
    ulong ZoneHash,
    bool HasSubdomain,
    int Labels,
    int Octets,
    double EntropyBits,
    ulong SubdomainHash);
