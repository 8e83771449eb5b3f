using System.Buffers.Binary;
using System.Text;

namespace Edge.Resolve.Upstream;

/// <summary>Waits for health probes; the pool already marked the upstream alive when it answered.</summary>
internal sealed class HealthProbe(UpstreamPool pool) : IUpstreamWaiter
{
    private const ushort TypeA = 1;
    private const ushort TypeNs = 2;

    public void OnAnswer(PendingQuery query, ReadOnlySpan<byte> answer) => pool.ProbeFinished(query.OnlyUpstream);

    public void OnFailed(PendingQuery query) => pool.ProbeFinished(query.OnlyUpstream);

    /// <summary>". NS" for the root, otherwise "name A"; RD set, id filled in per try.</summary>
    public static byte[] BuildQuery(string name)
    {
        var labels = name.Trim('.').Split('.', StringSplitOptions.RemoveEmptyEntries);
        var query = new List<byte>(64) { 0, 0, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0 };
        foreach (var label in labels)
        {
            var bytes = Encoding.ASCII.GetBytes(label);
            if (bytes.Length is 0 or > 63)
                throw new ArgumentException($"health check name '{name}' has a label of {bytes.Length} octets", nameof(name));
            query.Add((byte)bytes.Length);
            query.AddRange(bytes);
        }
        query.Add(0);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt16BigEndian(tail, labels.Length == 0 ? TypeNs : TypeA);
        BinaryPrimitives.WriteUInt16BigEndian(tail[2..], 1);
        query.AddRange(tail);
        return [.. query];
    }
}
