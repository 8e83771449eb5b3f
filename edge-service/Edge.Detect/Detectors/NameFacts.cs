using Edge.Detect.Behaviour;
using Edge.Detect.Names;

namespace Edge.Detect.Detectors;

/// <summary>Everything the detectors conclude from a name's bytes alone (a DNS question name, an
/// SNI, an HTTP Host): its intel listing, kill switch, typosquat match, tunnel zone and shape, DGA
/// verdict and its text for findings. The listing and kill switch are filled when the name enters
/// <see cref="NameCache"/>; the rest the first time a detector asks (<see cref="Known"/>).</summary>
internal struct NameFacts
{
    public Listing Listing;
    public bool KillSwitch;
    public NameFactKinds Known;
    public int SquatIndex;
    public SquatKind Squat;
    /// <summary>Where the tunnel zone starts in the name; -1 when the name has none.</summary>
    public int TunnelZoneStart;
    public TunnelName Tunnel;
    public bool DgaCandidate;
    public string? Text;
    /// <summary>For a DNS question cached by its wire form: the length of its presentation form in
    /// the entry's text bytes, <see cref="Unreadable"/>, or <see cref="TooLong"/> (read it again).</summary>
    public int TextLength;

    public const int Unreadable = -1;
    public const int TooLong = -2;
}

[Flags]
internal enum NameFactKinds : byte
{
    None = 0,
    Squat = 1,
    Tunnel = 2,
    Dga = 4,
}
