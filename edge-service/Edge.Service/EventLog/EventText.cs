using System.Globalization;
using System.Text;
using Edge.Detect.Findings;
using Edge.Watch.Decoding;
using Edge.Watch.Flows;
using Edge.Watch.Net;

namespace Edge.Service.EventLog;

/// <summary>Text forms used in events. This is the event-log path, which may allocate.</summary>
public static class EventText
{
    private static readonly long s_maxMicros = (DateTime.MaxValue - DateTime.UnixEpoch).Ticks / 10;

    /// <summary>ISO 8601 UTC with microseconds. A capture time outside 1970..9999 (a damaged file) is
    /// clamped rather than refused: the event is still written.</summary>
    public static string Timestamp(long micros) =>
        DateTime.UnixEpoch.AddTicks(Math.Clamp(micros, 0, s_maxMicros) * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>EVE's protocol names.</summary>
    public static string Protocol(byte protocol) => protocol switch
    {
        IpProtocols.Tcp => "TCP",
        IpProtocols.Udp => "UDP",
        IpProtocols.Icmp => "ICMP",
        IpProtocols.IcmpV6 => "IPv6-ICMP",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The contract's severity names: low, medium, high, critical.</summary>
    public static string Severity(Severity severity) => severity switch
    {
        Detect.Findings.Severity.Low => "low",
        Detect.Findings.Severity.Medium => "medium",
        Detect.Findings.Severity.High => "high",
        _ => "critical",
    };

    public static string Hex16(ushort value) => "0x" + value.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>Bytes from the wire as printable text, losslessly escaped (see <see cref="PrintableText"/>).</summary>
    public static string Wire(ReadOnlySpan<byte> bytes)
    {
        var length = PrintableText.MaxLength(bytes.Length);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        Span<byte> text = rented ?? stackalloc byte[1024];
        PrintableText.TryFormat(bytes, text, out var written);
        var result = Encoding.ASCII.GetString(text[..written]);
        if (rented is not null)
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        return result;
    }

    public static string? WireOrNull(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? null : Wire(bytes);

    public static string Address(IpAddr address) => address.ToString();

    public static string State(TcpState state) => state switch
    {
        TcpState.None => "new",
        TcpState.SynSent => "syn_sent",
        TcpState.SynReceived => "syn_recv",
        TcpState.Established => "established",
        TcpState.Midstream => "midstream",
        TcpState.Closing => "closing",
        TcpState.Closed => "closed",
        TcpState.Reset => "reset",
        _ => "unknown",
    };

    public static string Reason(FlowEndReason reason) => reason switch
    {
        FlowEndReason.Timeout => "timeout",
        FlowEndReason.Closed => "closed",
        FlowEndReason.Reused => "reused",
        FlowEndReason.Evicted => "evicted",
        _ => "shutdown",
    };

    public static string? App(AppProtocol app) => app switch
    {
        AppProtocol.Dns => "dns",
        AppProtocol.Tls => "tls",
        AppProtocol.Http => "http",
        _ => null,
    };
}
