namespace Edge.Resolve.Server;

/// <summary>A 65,535-byte response buffer per thread, for answers written on upstream and TCP
/// threads (the UDP loops own theirs). Used synchronously only: never across an await.</summary>
internal static class ResponseScratch
{
    [ThreadStatic]
    private static byte[]? t_buffer;

    public static byte[] ForThisThread() => t_buffer ??= new byte[ushort.MaxValue];
}
