namespace Edge.Watch.Tests.Fuzz;

/// <summary>Collects the fields of one frame, dropping any that would not fit inside it.</summary>
public sealed class FieldList(int frameLength)
{
    private readonly List<FrameField> _fields = [];

    public void Add(string name, int offset, int width, uint mask, int special = -1)
    {
        if (offset >= 0 && offset + width <= frameLength)
            _fields.Add(new FrameField(name, offset, width, mask, special));
    }

    public void Byte(string name, int offset) => Add(name, offset, 1, 0xFF);

    public void U16(string name, int offset) => Add(name, offset, 2, 0xFFFF);

    public FrameField[] ToArray() => [.. _fields];
}
