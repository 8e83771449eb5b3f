namespace Edge.Watch.Tests.Fuzz;

/// <summary>Where a decoder's view starts inside the frame it was cut from.</summary>
public static class SpanOffset
{
    /// <summary>-1 when <paramref name="part"/> is empty or lies elsewhere (a reassembly or scratch buffer).</summary>
    public static int Of(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> part) =>
        !part.IsEmpty && frame.Overlaps(part, out var offset) ? offset : -1;
}
