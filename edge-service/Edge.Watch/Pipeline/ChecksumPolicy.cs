using Edge.Watch.Net;
using Edge.Watch.Packets;

namespace Edge.Watch.Pipeline;

/// <summary>Checks the packets that feed application parsers, and applies <see cref="ChecksumMode"/>.</summary>
internal sealed class ChecksumPolicy(ChecksumMode mode)
{
    /// <summary>Packets measured before Auto decides.</summary>
    public const int AutoSample = 1000;

    private bool _enforcing = mode == ChecksumMode.Always;
    private bool _deciding = mode == ChecksumMode.Auto;

    public long Checked { get; private set; }

    public long Bad { get; private set; }

    /// <summary>Auto found most checksums wrong (offload) and stopped checking.</summary>
    public bool OffloadDetected { get; private set; }

    /// <summary>False when an IPv4 fragment's header checksum is wrong and checksums are enforced:
    /// the host would drop that piece, so it must not join a reassembled datagram.</summary>
    public bool AcceptFragment(ref DecodedPacket packet) =>
        !_enforcing || packet.Ip.Version != 4 || packet.Ip.CaptureTruncated
        || InternetChecksum.IsValidIpv4Header(packet.Network[..packet.Ip.HeaderLength]);

    /// <summary>False when the packet must not feed the parsers.</summary>
    public bool Accept(ref DecodedPacket packet)
    {
        if (!_enforcing && !_deciding)
            return true;
        // A packet cut by the snap length cannot be checked.
        if (packet.Ip.CaptureTruncated)
            return true;
        var ok = (packet.Ip.Version != 4 || InternetChecksum.IsValidIpv4Header(packet.Network[..packet.Ip.HeaderLength]))
            && InternetChecksum.IsValidTransport(packet.Ip, packet.IpPayload);
        Checked++;
        if (!ok)
            Bad++;
        if (_deciding && Checked == AutoSample)
        {
            _deciding = false;
            // Offload leaves the capturing host's own packets wrong, often a minority: 10 % is plenty.
            OffloadDetected = Bad * 10 >= Checked;
            _enforcing = !OffloadDetected;
        }
        return ok || !_enforcing;
    }
}
