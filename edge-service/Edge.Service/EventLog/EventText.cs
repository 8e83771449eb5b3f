using System.Globalization;
using System.Text;
using Edge.Watch.Flows;
using Edge.Watch.Net;

namespace Edge.Service.EventLog;

/// <summary>Text forms used in events. This is the event-log path, which may allocate.</summary>
public static class EventText
{
    public static string Timestamp(long micros) =>
        DateTime.UnixEpoch.AddTicks(micros * 10).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>EVE's protocol names.</summary>
    public static string Protocol(byte protocol) => protocol switch
    {
        IpProtocols.Tcp => "TCP",
        IpProtocols.Udp => "UDP",
        IpProtocols.Icmp => "ICMP",
        IpProtocols.IcmpV6 => "IPv6-ICMP",
        _ => protocol.ToString(CultureInfo.InvariantCulture),
    };

    public static string Hex16(ushort value) => "0x" + value.ToString("x4", CultureInfo.InvariantCulture);

    /// <summary>Bytes from the wire as text: UTF-8 where valid, invalid sequences replaced.</summary>
    public static string Wire(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);

    public static string? WireOrNull(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? null : Encoding.UTF8.GetString(bytes);

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
