using System.Buffers.Binary;

namespace Edge.Benchmarks.Corpus;

/// <summary>A private copy of a sample frame whose client port and address last byte are rewritten so
/// that every stamp is a connection the engine has not seen (64,512 ports × 256 addresses, far more
/// than the flow table holds, so a reused 5-tuple has long been evicted).</summary>
public sealed class FlowStamper(SampleFrame sample)
{
    private const int FirstPort = 1024;
    private const int Ports = 65536 - FirstPort;

    private readonly byte _addressByte = sample.Data[sample.ClientAddressLastByteOffset];

    public byte[] Frame { get; } = (byte[])sample.Data.Clone();

    public void Stamp(uint flow)
    {
        BinaryPrimitives.WriteUInt16BigEndian(Frame.AsSpan(sample.ClientPortOffset), (ushort)(FirstPort + (int)(flow % Ports)));
        Frame[sample.ClientAddressLastByteOffset] = (byte)(_addressByte + (flow / Ports));
    }
}
