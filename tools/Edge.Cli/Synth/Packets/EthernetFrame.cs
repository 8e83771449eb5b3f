using Edge.Cli.Synth.Wire;

namespace Edge.Cli.Synth.Packets;

/// <summary>Ethernet II frames, optionally with one IEEE 802.1Q tag.</summary>
internal static class EthernetFrame
{
    public const ushort TypeIPv4 = 0x0800;
    public const ushort TypeIPv6 = 0x86DD;
    public const ushort TypeVlan = 0x8100;

    public static byte[] Build(ReadOnlySpan<byte> destination, ReadOnlySpan<byte> source, ushort? vlan, ushort etherType, ReadOnlySpan<byte> payload)
    {
        var writer = new PacketWriter(18 + payload.Length);
        writer.Bytes(destination).Bytes(source);
        if (vlan is { } id)
            writer.U16(TypeVlan).U16(id & 0x0FFF);
        writer.U16(etherType).Bytes(payload);
        return writer.ToArray();
    }
}
