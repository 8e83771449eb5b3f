using System.Buffers.Binary;

namespace Edge.Resolve.Upstream;

/// <summary>Query ids from the kernel's CSPRNG (RFC 5452 §9.2; <see cref="KernelRandom"/>), drawn a block at a time so a query
/// costs two array reads, not a system call. Not thread-safe: the pool calls it under its lock.</summary>
internal sealed class UpstreamIdSource
{
    private readonly byte[] _block = new byte[4096];
    private int _next;

    public UpstreamIdSource() => _next = _block.Length;

    public ushort Next()
    {
        if (_next + 2 > _block.Length)
        {
            KernelRandom.Fill(_block);
            _next = 0;
        }
        var id = BinaryPrimitives.ReadUInt16BigEndian(_block.AsSpan(_next));
        _next += 2;
        return id;
    }
}
