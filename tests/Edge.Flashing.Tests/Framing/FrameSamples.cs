using Edge.Flashing.Framing;
using Edge.Flashing.Messages;

namespace Edge.Flashing.Tests.Framing;

/// <summary>Real frames of every type, as a sender puts them on the wire.</summary>
internal static class FrameSamples
{
    public static byte[] Wire(FrameType type, uint sequence, ReadOnlySpan<byte> payload)
    {
        var body = new byte[FrameLayout.MaxBodyLength];
        var wire = new byte[FrameLayout.MaxWireLength];
        int n = FrameWriter.Write(type, sequence, payload, body, wire);
        return wire.AsSpan(0, n).ToArray();
    }

    public static IEnumerable<byte[]> All(Random random)
    {
        var buffer = new byte[FrameLayout.MaxPayload];
        int n = new HelloMessage(1, 4096, "edgectl 1.0", "", "").Write(buffer);
        yield return Wire(FrameType.Hello, 1, buffer.AsSpan(0, n));
        n = new HelloMessage(1, 4096, "edge 2.3", "rpi4b", "sensor-01").Write(buffer);
        yield return Wire(FrameType.HelloAck, 1, buffer.AsSpan(0, n));
        var sha = new byte[32];
        random.NextBytes(sha);
        n = new BeginMessage(2 << 20, sha, true).Write(buffer);
        yield return Wire(FrameType.Begin, 2, buffer.AsSpan(0, n));
        n = OffsetMessage.WriteOffset(12288, buffer);
        yield return Wire(FrameType.BeginAck, 2, buffer.AsSpan(0, n));
        yield return Wire(FrameType.Ack, 7, buffer.AsSpan(0, n));
        n = OffsetMessage.WriteNak(12288, NakReason.OutOfOrder, buffer);
        yield return Wire(FrameType.Nak, 9, buffer.AsSpan(0, n));
        yield return Wire(FrameType.End, 900, sha);
        n = new StatusMessage(false, 0x101, "signature does not verify").Write(buffer);
        yield return Wire(FrameType.Result, 900, buffer.AsSpan(0, n));
        yield return Wire(FrameType.Error, 3, buffer.AsSpan(0, n));
        yield return Wire(FrameType.Abort, 4, buffer.AsSpan(0, 3));
        foreach (int size in new[] { 1, 253, 254, 255, 600, FrameLayout.MaxPayload - 8 })
        {
            var data = new byte[8 + size];
            random.NextBytes(data);
            // Zeros and long zero-free runs exercise both COBS block kinds.
            for (int i = 8; i < data.Length; i += random.Next(1, 400))
                data[i] = 0;
            OffsetMessage.WriteOffset(4088L * size, data);
            yield return Wire(FrameType.Data, (uint)size, data);
        }
    }
}
