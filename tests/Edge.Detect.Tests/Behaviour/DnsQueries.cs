using System.Text;
using Edge.Watch.Decoding;
using Edge.Watch.Dns;
using Edge.Watch.Net;
using Edge.Watch.Packets;

namespace Edge.Detect.Tests.Behaviour;

/// <summary>DNS questions sent over UDP in a capture, as presentation-form names.</summary>
internal static class DnsQueries
{
    public static List<(IpAddr Client, string Name, ushort Type, long Micros)> Read(string scenario)
    {
        var queries = new List<(IpAddr, string, ushort, long)>();
        CorpusCapture.ForEachPacket(scenario, (int frame, ref DecodedPacket packet) =>
        {
            if (!packet.IsUdp || packet.DestinationPort != 53)
                return;
            if (DnsMessageReader.TryParse(packet.Payload, out var message, out _) != ParseStatus.Done || message.IsResponse || !message.HasQuestion)
                return;
            Span<byte> name = stackalloc byte[DnsName.MaxPresentationLength];
            if (DnsName.TryRead(message.Raw, message.QuestionNameOffset, name, out var written))
                queries.Add((packet.Ip.Source, Encoding.Latin1.GetString(name[..written]), message.QuestionType, packet.TimestampMicros));
        });
        return queries;
    }

    /// <summary>The last three labels: a stand-in for the registrable-domain logic that lives elsewhere.</summary>
    public static string Zone(string name)
    {
        var labels = name.TrimEnd('.').Split('.');
        return string.Join('.', labels[Math.Max(0, labels.Length - 3)..]);
    }
}
