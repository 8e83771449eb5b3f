namespace Edge.Detect.Behaviour;

/// <summary>Per-slot state arrays that grow with their <see cref="LruSlotMap{TKey}"/>.</summary>
internal static class SlotArrays
{
    /// <summary>Makes <paramref name="array"/> hold <paramref name="slots"/> × <paramref name="perSlot"/>
    /// items, keeping what it holds; nothing happens when it already does.</summary>
    public static void Fit<T>(ref T[] array, int slots, int perSlot = 1)
    {
        var length = slots * perSlot;
        if (array.Length < length)
            Array.Resize(ref array, length);
    }
}
