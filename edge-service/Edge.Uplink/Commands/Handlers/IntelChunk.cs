namespace Edge.Uplink.Commands.Handlers;

/// <summary>The args of one chunk of an intel transfer.</summary>
internal sealed record IntelChunk(string Transfer, string List, string? Category, string Sha256, long Size, int Count, int Index, byte[] Data)
{
    /// <summary>The first argument that differs from what chunk 0 said, or null.</summary>
    public string? Mismatch(IntelTransfer transfer) =>
        List != transfer.List ? "list"
        : Category != transfer.Category ? "category"
        : Sha256 != transfer.Sha256 ? "sha256"
        : Size != transfer.Size ? "size"
        : Count != transfer.Count ? "count"
        : null;
}
