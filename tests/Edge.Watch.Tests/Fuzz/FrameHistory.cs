namespace Edge.Watch.Tests.Fuzz;

/// <summary>The last frames fed to an engine, so a failure file can replay the state that led to it.</summary>
public sealed class FrameHistory(int capacity)
{
    private readonly byte[][] _frames = CreateSlots(capacity);
    private readonly int[] _lengths = new int[capacity];
    private long _count;

    public void Add(ReadOnlySpan<byte> frame)
    {
        var slot = (int)(_count++ % _frames.Length);
        frame.CopyTo(_frames[slot]);
        _lengths[slot] = frame.Length;
    }

    /// <summary>Oldest first; the last one is the frame fed most recently.</summary>
    public List<byte[]> ToList()
    {
        var list = new List<byte[]>();
        var held = (int)Math.Min(_count, _frames.Length);
        for (var i = held; i > 0; i--)
        {
            var slot = (int)((_count - i) % _frames.Length);
            list.Add(_frames[slot].AsSpan(0, _lengths[slot]).ToArray());
        }
        return list;
    }

    private static byte[][] CreateSlots(int capacity)
    {
        var slots = new byte[capacity][];
        for (var i = 0; i < capacity; i++)
            slots[i] = new byte[FrameMutator.MaxFrame];
        return slots;
    }
}
